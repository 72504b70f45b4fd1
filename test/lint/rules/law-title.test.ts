// law-title on the rule tester, matchTitle on its own, and the rule over the bundled edition's own text.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLawTitles, loadLawTitles, matchTitle, titlesIn } from '../../../src/load/law-titles.js';
import { rule } from '../../../src/check/lint/rules/law-title.js';
import { bundledStandardDir } from '../../../src/io/files.js';
import { editionCatalogs } from '../official-text.js';
import { lintCase, testRule } from '../tester.js';

const item = (basis: string, content = '文件全文') =>
  `domain: fiscal-budget\nitems:\n  - id: a\n    name: 政府预算\n    content: ${content}\n    basis: [${basis}]\n`;

testRule(rule, {
  valid: [
    { name: 'the full title and the short form official tables use', code: item('《中华人民共和国政府信息公开条例》, 《政府信息公开条例》') },
    { name: 'a title gk does not know (a local document) is never reported', code: item('《示例县政务公开工作实施办法》') },
    { name: 'a long title one character from another that cites a year is two documents', code: item('《关于做好2019年国家基本公共卫生服务项目工作的通知》') },
    { name: '〈〉, <> and full-width brackets are one title', code: item('《财政部关于印发＜地方预决算公开操作规程＞的通知》') },
    { name: 'text after the title (document number, 等) is not part of it', code: item('《中华人民共和国预算法》(主席令第12号)等法律法规') },
  ],
  invalid: [
    {
      name: 'a known abbreviation, with the full title; not fixed (a basis is content)',
      code: item('《信息公开条例》'),
      errors: [
        {
          messageId: 'abbreviation',
          line: 6,
          column: 13,
          message: '“《信息公开条例》”是简称，应写作“《中华人民共和国政府信息公开条例》”',
          hint: '按正式文本写出法规文件的全称；已知标题见 catalogs/standard/law-titles.yaml',
        },
      ],
      output: null,
    },
    {
      name: 'a known misspelling (的 left out), in 公开内容 too',
      code: item('《预算法》', '依据《关于全面推进政务公开工作意见》公开'),
      errors: [{ messageId: 'misspelling', line: 5, column: 14, message: '标题“《关于全面推进政务公开工作意见》”有误，应为“《关于全面推进政务公开工作的意见》”' }],
      output: null,
    },
    {
      name: 'one character left out of a long known title',
      code: item('《国务院关于进一步健全特困人员救助供养制度意见》'),
      errors: [{ messageId: 'near', line: 6, column: 13, message: '标题“《国务院关于进一步健全特困人员救助供养制度意见》”与“《国务院关于进一步健全特困人员救助供养制度的意见》”只差一个字，是否写错？' }],
    },
    {
      name: 'two titles in one entry, each reported',
      code: item('《信息公开条例》《政府公开条例》'),
      errors: [
        { messageId: 'abbreviation', line: 6, column: 13, message: '“《信息公开条例》”是简称，应写作“《中华人民共和国政府信息公开条例》”' },
        { messageId: 'abbreviation', line: 6, column: 13, message: '“《政府公开条例》”是简称，应写作“《中华人民共和国政府信息公开条例》”' },
      ],
    },
  ],
});

describe('matchTitle', () => {
  const titles = loadLawTitles();

  it.each([
    ['《中华人民共和国政府信息公开条例》', 'ok'],
    ['《政府信息公开条例》', 'ok'],
    ['《信息公开条例》', 'abbreviation'],
    ['《中华人民共和国政府信息公开条列》', 'misspelling'],
    // a changed character is as often another real document: not guessed
    ['《国务院关于进一步健全特困人员救助供养制度的决定》', 'ok'],
    ['《湖北省农村危房改造实施办法》', 'ok'],
    // short titles are not compared: 城乡规划法 and 城市规划法 are two laws
    ['《城市规划法》', 'ok'],
  ])('%s → %s', (title, kind) => {
    expect(matchTitle(titles, title).kind).toBe(kind);
  });

  it('does not guess between two known titles one character away each', () => {
    const two = buildLawTitles({ cited: ['《关于推进甲项工作的若干意见的通知》', '《关于推进乙项工作的若干意见的通知》'] });
    expect(matchTitle(two, '《关于推进项工作的若干意见的通知》')).toEqual({ kind: 'ok' });
    const one = buildLawTitles({ cited: ['《关于推进甲项工作的若干意见的通知》'] });
    expect(matchTitle(one, '《关于推进项工作的若干意见的通知》')).toEqual({ kind: 'near', title: '《关于推进甲项工作的若干意见的通知》' });
  });

  it('every wrong form in the vocabulary names a title the vocabulary accepts', () => {
    for (const title of [...titles.abbreviations.values(), ...titles.misspellings.values()]) expect(matchTitle(titles, title), title).toEqual({ kind: 'ok' });
  });

  it('finds each 《title》 in a text, with its offset', () => {
    expect(titlesIn('依据《预算法》和《政府信息公开条例》等')).toEqual([
      { title: '《预算法》', at: 2 },
      { title: '《政府信息公开条例》', at: 8 },
    ]);
  });
});

describe('law-title over the bundled edition’s own text', () => {
  it('reports only the titles the local copies miswrote, each argued', () => {
    const found = editionCatalogs(path.join(bundledStandardDir, 'national-2020')).flatMap(({ domain, code }) =>
      lintCase(rule, { name: domain, code }).map((f) => `${domain}: ${f.diagnostic.message}`),
    );
    expect(found.sort()).toEqual(
      [
        // the local copy of 养老服务 (hellobeijing.org mirror) cites the 条例 by a short form no official text uses
        'elderly-care: “《信息公开条例》”是简称，应写作“《中华人民共和国政府信息公开条例》”',
        // 中办发〔2016〕8号 is 《关于全面推进政务公开工作的意见》; the 武昌 copy (rows 4–6) and one more copy (x10) drop 的
        ...Array(4).fill('major-construction-projects: 标题“《关于全面推进政务公开工作意见》”有误，应为“《关于全面推进政务公开工作的意见》”'),
        // 国办发〔2017〕94号 is titled …领域政府信息公开的意见; the 奉节 copy (rows 1–3) writes 政务
        ...Array(3).fill('major-construction-projects: 标题“《关于推进重大建设项目批准和实施领域政务信息公开的意见》”有误，应为“《关于推进重大建设项目批准和实施领域政府信息公开的意见》”'),
        // 国家发展改革委令第10号 is 《招标公告和公示信息发布管理办法》; 招投 is a slip of the copy
        'major-construction-projects: 标题“《招投公告和公示信息发布管理办法》”有误，应为“《招标公告和公示信息发布管理办法》”',
      ].sort(),
    );
  });
});
