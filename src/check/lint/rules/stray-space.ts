// stray-space: a space between two Chinese characters splits a word (简 历, 政策 文件). Titles and bracketed notes
// are left alone: official titles list bodies with spaces (《住房城乡建设部 财政部关于……》), and enactment notes
// separate clauses with them (…会议通过 根据…).
import type { ItemField } from '../../../model/types.js';
import type { Rule } from '../rule.js';

/** A space (ASCII, full-width or no-break) with a Chinese character on each side. */
const STRAY = /(?<=\p{Script=Han})[ \u3000\u00a0]+(?=\p{Script=Han})/gu;
const SPACE = /[ \u3000\u00a0]/;
/** Bodies listed side by side are separated by spaces (示例县财政局 示例县民政局): a space after a body is a separator. */
const AFTER_BODY = /(?:部|委|局|办|厅|院|会|署|行|府|组|室|处|站|所|中心|队|馆|股|科)$/u;
const OPEN = '《〈（(【[';
const CLOSE = '》〉）)】]';

/** Where a text is inside brackets (《》, 〈〉, （）, (), 【】, []), nested or not. */
function bracketed(text: string): boolean[] {
  const inside: boolean[] = [];
  let depth = 0;
  for (const ch of text) {
    if (OPEN.includes(ch)) depth++;
    const here = depth > 0;
    if (CLOSE.includes(ch) && depth > 0) depth--;
    for (let k = 0; k < ch.length; k++) inside.push(here);
  }
  return inside;
}

/** The stray spaces of a text, each with up to four characters on either side. */
export function straySpaces(text: string): string[] {
  const out: string[] = [];
  // Most texts have no space at all: a plain search is far cheaper than STRAY's look-around on every character.
  if (!SPACE.test(text)) return out;
  let inside: boolean[] | undefined;
  for (const m of text.matchAll(STRAY)) {
    inside ??= bracketed(text);
    if (inside[m.index]) continue;
    const before = text.slice(0, m.index);
    if (AFTER_BODY.test(before)) continue;
    out.push(`${[...before].slice(-4).join('')}${m[0]}${[...text.slice(m.index + m[0].length)].slice(0, 4).join('')}`);
  }
  return out;
}

/** 公开渠道 are left to unknown-channel, which reads 政府 网站 as 政府网站 already. */
const TEXT_FIELDS: readonly ItemField[] = ['category', 'name', 'content', 'deadline', 'subject'];

export const rule: Rule = {
  meta: {
    id: 'stray-space',
    severity: 'warning',
    description: { zh: '汉字之间不应有空格（“简 历”“政策 文件”）', en: 'no space between two Chinese characters (简 历, 政策 文件)' },
  },
  messages: {
    stray: { zh: '“{around}”中汉字之间有空格', en: 'a space between Chinese characters in "{around}"' },
    hint: { zh: '删去空格；几个单位并列时用顿号“、”分隔', en: 'delete the space; separate bodies listed together with 、' },
  },
  item({ file, item, path }, context) {
    const check = (value: unknown, at: Array<string | number>) => {
      if (typeof value !== 'string') return;
      for (const around of straySpaces(value)) context.report({ file, path: path(...at), messageId: 'stray', params: { around }, hintId: 'hint' });
    };
    for (const field of TEXT_FIELDS) check(item[field], [field]);
    item.basis?.forEach((entry, j) => check(entry, ['basis', j]));
  },
};
