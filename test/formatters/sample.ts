// A small, realistic set of diagnostics over two catalog files, shared by the formatter tests.
import { makeDiagnostic, summarize, type Summary } from '../../src/model/diagnostic.js';
import type { Diagnostic, Lang, Range } from '../../src/model/types.js';
import type { FormatOptions } from '../../src/formatters/types.js';

export const SOCIAL = 'catalog/social-assistance.yaml';
export const FISCAL = 'catalog/fiscal-budget.yaml';

export const SOCIAL_TEXT = [
  'domain: social-assistance',
  'items:',
  '  - id: social-assistance/1',
  '    name: 最低生活保障对象认定',
  '    channels: [政府网站, 政府网占, 公开栏]',
  '    deadline: 信息形成20个工作日内',
  '    subject: 县民政局',
  '  - id: social-assistance/2',
  '    name: 特困人员救助供养',
  '    content: 救助供养标准、申请条件、办理流程',
  '    channels: [政府网站, 便民服务站]',
  '    subject: 有关部门',
  '',
].join('\n');

export const FISCAL_TEXT = ['domain: fiscal-budget', 'items:', '  - id: fiscal-budget/1', '    name: 政府预算', '\tdeadline: 批准后20日内', ''].join('\n');

/** The range of `needle` on 1-based `line` of `text`, in UTF-16 columns as the parser reports them. */
export function rangeOf(text: string, line: number, needle: string): Range {
  const source = text.split('\n')[line - 1]!;
  const index = source.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not on line ${line}`);
  return { start: { line, column: index + 1 }, end: { line, column: index + 1 + needle.length } };
}

const T = {
  channel: { zh: '公开渠道“政府网占”不在词表中', en: 'channel "政府网占" is not in the vocabulary' },
  channelHint: { zh: '是否想写“政府网站”？', en: 'did you mean "政府网站"?' },
  deadline: {
    zh: '公开时限“信息形成20个工作日内”应写作“自信息形成之日起20个工作日内”',
    en: 'deadline "信息形成20个工作日内" should read "自信息形成之日起20个工作日内"',
  },
  subject: { zh: '公开主体“有关部门”过于笼统，应写明具体单位', en: 'subject "有关部门" is vague; name the office' },
  subjectRelated: { zh: '事项 social-assistance/1 写明了具体单位', en: 'item social-assistance/1 names a specific office' },
  tab: { zh: 'YAML 缩进不能使用制表符（Tab）', en: 'tabs are not allowed for YAML indentation' },
  tabHint: { zh: '请把行首的 Tab 换成空格', en: 'replace leading tabs with spaces' },
};

export function sampleDiagnostics(lang: Lang): Diagnostic[] {
  // Deliberately out of order: formatters must sort.
  return [
    makeDiagnostic({
      code: 'vague-subject',
      severity: 'warning',
      message: T.subject[lang],
      file: SOCIAL,
      path: ['items', 1, 'subject'],
      range: rangeOf(SOCIAL_TEXT, 12, '有关部门'),
      related: [{ file: SOCIAL, path: ['items', 0, 'subject'], range: rangeOf(SOCIAL_TEXT, 7, '县民政局'), message: T.subjectRelated[lang] }],
    }),
    makeDiagnostic({
      code: 'yaml-syntax',
      severity: 'error',
      message: T.tab[lang],
      hint: T.tabHint[lang],
      file: FISCAL,
      range: rangeOf(FISCAL_TEXT, 5, '\t'),
    }),
    makeDiagnostic({
      code: 'unknown-channel',
      severity: 'error',
      message: T.channel[lang],
      hint: T.channelHint[lang],
      file: SOCIAL,
      path: ['items', 0, 'channels', 1],
      range: rangeOf(SOCIAL_TEXT, 5, '政府网占'),
      fixable: true,
    }),
    makeDiagnostic({
      code: 'deadline-format',
      severity: 'warning',
      message: T.deadline[lang],
      file: SOCIAL,
      path: ['items', 0, 'deadline'],
      range: rangeOf(SOCIAL_TEXT, 6, '信息形成20个工作日内'),
      fixable: true,
    }),
  ];
}

export function sampleSummary(lang: Lang): Summary {
  return summarize(sampleDiagnostics(lang), 3);
}

export function sampleOptions(lang: Lang, extra: Partial<FormatOptions> = {}): FormatOptions {
  return {
    lang,
    color: false,
    sources: new Map([
      [SOCIAL, SOCIAL_TEXT],
      [FISCAL, FISCAL_TEXT],
    ]),
    tool: { name: 'gk', version: '0.1.0' },
    ...extra,
  };
}
