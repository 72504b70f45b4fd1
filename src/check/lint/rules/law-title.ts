// law-title: a 《title》 a catalog cites is checked against the titles the official tables cite; known abbreviations
// and misspellings are reported with the right title, a character left out of or put into a long title with a
// did-you-mean. A title gk does not know is never reported.
import { loadLawTitles, matchTitle, titlesIn } from '../../../load/law-titles.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: {
    id: 'law-title',
    severity: 'warning',
    description: {
      zh: '公开依据、公开内容中引用的法规文件标题应写全、写对（简称、错字、漏字）',
      en: 'law and document titles cited in 公开依据 and 公开内容 are written in full and correctly (no abbreviation, wrong or missing character)',
    },
  },
  messages: {
    abbreviation: { zh: '“{written}”是简称，应写作“{title}”', en: '"{written}" is an abbreviation; write "{title}"' },
    misspelling: { zh: '标题“{written}”有误，应为“{title}”', en: 'the title "{written}" is miswritten; it is "{title}"' },
    near: { zh: '标题“{written}”与“{title}”只差一个字，是否写错？', en: 'the title "{written}" is one character away from "{title}"; is it miswritten?' },
    hint: {
      zh: '按正式文本写出法规文件的全称；已知标题见 catalogs/standard/law-titles.yaml',
      en: 'cite the document by its official full title; the known titles are in catalogs/standard/law-titles.yaml',
    },
  },
  item({ file, item, path }, context) {
    const titles = loadLawTitles();
    const check = (text: string, at: Array<string | number>) => {
      for (const { title } of titlesIn(text)) {
        const match = matchTitle(titles, title);
        if (match.kind === 'ok') continue;
        context.report({ file, path: path(...at), messageId: match.kind, params: { written: title, title: match.title }, hintId: 'hint' });
      }
    };
    item.basis?.forEach((entry, j) => check(entry, ['basis', j]));
    if (item.content !== undefined) check(item.content, ['content']);
  },
};
