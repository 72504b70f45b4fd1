// vague-subject over a fixture catalog, and classifySubject over real and invented 公开主体.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../../helpers.js';
import { classifySubject, rule } from '../../../src/check/lint/rules/vague-subject.js';
import { runRules } from '../../../src/check/lint/run.js';
import { loadGovernment, type Government } from '../../../src/load/government.js';
import { buildVocabulary } from '../../../src/load/channels.js';
import type { Edition, Lang, StandardItem } from '../../../src/model/types.js';
import { testRule } from '../tester.js';

const root = path.join(fixtures, 'rules', 'vague-subject');

/** A national edition holding only fiscal-budget/1, its subject as the source copy wrote it. */
function edition(subject: string): Edition {
  const item: StandardItem = { id: 'fiscal-budget/1', domain: 'fiscal-budget', file: 'fiscal-budget.yaml', index: 0, name: '政府预算', subject };
  return { id: 'national-2020', title: '基层政务公开标准目录', dir: '', partial: true, rows: 1, domains: [], items: new Map([[item.id, item]]) };
}

function lint(government: Government, ed: Edition | undefined, lang: Lang = 'zh') {
  return runRules({ government, edition: ed, channels: buildVocabulary([]), domains: new Map(), lang }, [rule]);
}

describe('vague-subject', () => {
  it('reports the copied, placeholder and generic subjects, at their lines', () => {
    const found = lint(loadGovernment(root, root, 'zh'), edition('地方各级财政部门'));
    expect(found.map((d) => [d.code, d.range.start.line])).toEqual([
      ['vague-subject', 10],
      ['vague-subject', 32],
      ['vague-subject', 43],
      ['vague-subject', 54],
      ['vague-subject', 76],
    ]);
    expect(found.map((d) => d.message)).toEqual([
      '公开主体“地方各级财政部门”与国家标准目录事项 fiscal-budget/1 的原文相同，未本地化',
      '公开主体“相关部门”是占位写法，不是具体单位',
      '公开主体“XX局”是占位写法，不是具体单位',
      '公开主体“县(市、区)卫生健康行政部门”是通用表述，没有落实到本级具体单位',
      '公开主体“乡镇人民政府(街道办事处)”是通用表述，没有落实到本级具体单位',
    ]);
    expect(found[0]?.hint).toBe('写明具体单位全称，如“示例县财政局”');
    expect(found[0]?.path).toEqual(['items', 0, 'subject']);
  });

  it('still reports the generic national wording when no edition is at hand', () => {
    const found = lint(loadGovernment(root, root, 'zh'), undefined);
    expect(found.map((d) => d.range.start.line)).toEqual([10, 32, 43, 54, 76]);
    expect(found[0]?.message).toBe('公开主体“地方各级财政部门”是通用表述，没有落实到本级具体单位');
  });

  it('reports a named body copied word for word from the national item', () => {
    const government = loadGovernment(root, root, 'zh');
    government.catalogs[0]!.catalog.items[0]!.subject = '九原区住房和城乡建设局';
    const found = lint(government, edition('九原区住房和城乡建设局'));
    expect(found[0]?.range.start.line).toBe(10);
    expect(found[0]?.message).toContain('未本地化');
  });

  it('speaks English', () => {
    const found = lint(loadGovernment(root, root, 'en'), edition('地方各级财政部门'), 'en');
    expect(found[1]?.message).toBe('公开主体 "相关部门" is a placeholder, not a named body');
    expect(found[1]?.hint).toBe('write the body’s full name, e.g. "示例县财政局"');
  });

  it('leaves an item without a subject to missing-element', () => {
    const government = loadGovernment(root, root, 'zh');
    delete government.catalogs[0]!.catalog.items[0]!.subject;
    const found = lint(government, edition('地方各级财政部门'));
    expect(found.map((d) => d.range.start.line)).toEqual([32, 43, 54, 76]);
  });
});

describe('classifySubject', () => {
  it.each<[string, ReturnType<typeof classifySubject>]>([
    // named bodies
    ['示例县财政局', 'ok'],
    ['示例县人民政府办公室', 'ok'],
    ['九原区住房和城乡建设局', 'ok'],
    ['荆门市掇刀区住房和城乡建设局', 'ok'],
    ['武汉市武昌区发展和改革局', 'ok'],
    ['安砂镇人民政府', 'ok'],
    ['城关乡人民政府', 'ok'],
    ['国家税务总局示例县税务局', 'ok'],
    ['中共示例县委宣传部', 'ok'],
    ['示例县民政局、各乡镇人民政府', 'ok'],
    ['招标人或者其委托的招标代理机构', 'ok'],
    ['示例县财政局　', 'ok'],
    // placeholders
    ['相关部门', 'placeholder'],
    ['有关部门', 'placeholder'],
    ['各相关单位', 'placeholder'],
    ['相关审批部门', 'placeholder'],
    ['XX局', 'placeholder'],
    ['ＸＸ县财政局', 'placeholder'],
    ['××', 'placeholder'],
    ['＊＊', 'placeholder'],
    ['***', 'placeholder'],
    ['******局', 'placeholder'],
    ['****以及负责实施农村集体土地征收的有关部门', 'placeholder'],
    ['待定', 'placeholder'],
    ['待填写', 'placeholder'],
    ['请填写', 'placeholder'],
    ['TODO', 'placeholder'],
    ['某某局', 'placeholder'],
    ['空白', 'placeholder'],
    ['无', 'placeholder'],
    ['示例县财政局、相关部门', 'placeholder'],
    // generic national wording
    ['县(市、区)卫生健康行政部门', 'generic'],
    ['县（市、区）卫生健康行政部门', 'generic'],
    ['县(区、市)人民政府及房屋征收部门', 'generic'],
    ['县级人民政府', 'generic'],
    ['县级XX部门', 'placeholder'],
    ['县级人民政府民政部门、乡镇人民政府(街道办事处)', 'generic'],
    ['地方各级财政部门', 'generic'],
    ['各级人民政府', 'generic'],
    ['市级生态环境部门', 'generic'],
    ['住房保障行政主管部门', 'generic'],
    ['开发区自然资源主管部门', 'generic'],
    ['乡镇人民政府(街道办事处)', 'generic'],
    ['乡镇人民政府', 'generic'],
    // inside its own county's catalog a bare 县/区 before a named office is how real tables write it
    ['县住房和城乡建设局', 'ok'],
    ['区应急局', 'ok'],
    ['应急管理部门', 'generic'],
    ['公安机关', 'generic'],
    ['城市管理行政执法部门或相关行政主管部门', 'generic'],
    ['市场监督管理局', 'generic'],
    ['招标人及其招标代理机构或相关行政监督部门', 'generic'],
    ['各政府部门及乡镇', 'generic'],
  ])('%s → %s', (subject, expected) => {
    expect(classifySubject(subject)).toBe(expected);
  });

  it('calls a subject national only when it is the national text, whatever the width and spacing', () => {
    expect(classifySubject('九原区住房和城乡建设局', '九原区住房和城乡建设局')).toBe('national');
    expect(classifySubject('县（市、区）卫生健康行政部门', '县(市、区) 卫生健康行政部门')).toBe('national');
    expect(classifySubject('示例县住房和城乡建设局', '九原区住房和城乡建设局')).toBe('ok');
    expect(classifySubject('相关部门', '相关部门')).toBe('placeholder');
  });
});

const own = (domain: string, subject: string) => `domain: ${domain}\nitems:\n  - id: a\n    name: 本地事项\n    subject: ${subject}\n`;
const STREET = 'name: 安邑街道办事处\ncode: "140802001"\nlevel: township\nstandard: national-2020\n';
const VILLAGE_ZHANGZHUANG = 'name: 张庄村民委员会\ncode: "140802001001"\nlevel: village\nstandard: national-2020\n';

testRule(rule, {
  valid: [
    { name: 'a named body of the county', code: 'domain: fiscal-budget\nitems:\n  - id: a\n    standard: fiscal-budget/1\n    subject: 示例县财政局\n' },
    // short names real bodies give themselves in their own catalogs
    { name: 'a 街道办事处 naming itself', manifest: STREET, code: own('social-assistance', '安邑办事处') },
    { name: 'a 街道 office', manifest: STREET, code: own('social-assistance', '安邑街道民政办') },
    { name: 'a 镇 bureau with a merged name', manifest: STREET, code: own('public-culture', '东郭镇教体文旅局') },
    { name: 'a village committee', manifest: VILLAGE_ZHANGZHUANG, code: own('fiscal-budget', '张庄村民委员会') },
  ],
  invalid: [
    {
      name: 'the national wording copied',
      code: 'domain: fiscal-budget\nitems:\n  - id: a\n    standard: fiscal-budget/1\n    subject: 地方各级财政部门\n',
      errors: [{ messageId: 'national', line: 5, column: 14, message: '公开主体“地方各级财政部门”与国家标准目录事项 fiscal-budget/1 的原文相同，未本地化', hint: '写明具体单位全称，如“示例县财政局”' }],
      output: null,
    },
    {
      name: 'gk init’s placeholder',
      code: 'domain: fiscal-budget\nitems:\n  - id: a\n    standard: fiscal-budget/1\n    subject: 待填写\n',
      errors: [{ messageId: 'placeholder', line: 5, column: 14 }],
    },
    {
      name: 'the hint names a body fitting the domain and the level: a 街道’s civil-affairs office',
      manifest: STREET,
      code: own('social-assistance', '村民委员会'),
      errors: [{ messageId: 'generic', line: 5, column: 14, hint: '写明具体单位全称，如“安邑街道民政办”' }],
    },
    {
      name: 'the hint for a county’s housing item',
      code: own('rural-dilapidated-housing', '住房和城乡建设部门'),
      errors: [{ messageId: 'generic', line: 5, column: 14, hint: '写明具体单位全称，如“示例县住房和城乡建设局”' }],
    },
    {
      name: 'the hint for a village is its own committee',
      manifest: VILLAGE_ZHANGZHUANG,
      code: own('fiscal-budget', '办事处'),
      errors: [{ messageId: 'generic', line: 5, column: 14, hint: '写明具体单位全称，如“张庄村民委员会”' }],
    },
  ],
});
