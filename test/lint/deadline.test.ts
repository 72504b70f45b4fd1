// parseDeadline, deadlineKey, fixDeadline and compareDeadlines over the forms the official tables and county portals use.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compareDeadlines, deadlineKey, fixDeadline, parseDeadline, parseNumber, type Deadline } from '../../src/model/deadline.js';
import { formatCatalog } from '../../src/fmt/format.js';
import { parseDelimited } from '../../src/import/csv.js';
import { repoRoot } from '../helpers.js';

const CANON = '信息形成或变更之日起20个工作日内';
/** 信息形成 alone: new information only, not its changes (a different deadline from CANON). */
const FORMED = '信息形成之日起20个工作日内';
const formed = (days: number, workdays = true, trigger = '信息形成或变更'): Deadline => ({ kind: 'within', days, workdays, trigger });

// text → parse result → comparison key (the same key: gk diff counts the two as the same deadline; never written)
const TABLE: Array<[string, Deadline | undefined, string | undefined]> = [
  // the official tables
  ['信息形成或变更之日起20个工作日内', formed(20), CANON],
  ['信息形成或者变更之日起20个工作日内', formed(20, true, '信息形成或者变更'), CANON],
  ['自信息形成或者变更之日起20个工作日内予以公开', formed(20, true, '信息形成或者变更'), CANON],
  ['公开事项信息形成或变更之日起20个工作日内公开', formed(20, true, '公开事项信息形成或变更'), CANON],
  ['自该信息形成或者变更之日起20个工作日内', formed(20, true, '该信息形成或者变更'), CANON],
  ['形成或者变更之日起20个工作日内予以公开', formed(20, true, '形成或者变更'), CANON],
  ['自该政府信息形成或者变更之日起20个工作日内及时公开', formed(20, true, '该政府信息形成或者变更'), CANON],
  ['信息形成(变更)20个工作日内', formed(20, true, '信息形成(变更)'), CANON],
  ['信息形成（变更）20个工作日内', formed(20, true, '信息形成(变更)'), CANON],
  ['信息形成之日起20个工作日内', formed(20, true, '信息形成'), FORMED],
  ['信息产生之日起20个工作日内', formed(20, true, '信息产生'), FORMED],
  ['自信息形成或者变更之日起7个工作日内予以公开', formed(7, true, '信息形成或者变更'), '信息形成或变更之日起7个工作日内'],
  ['信息形成或者变更之日起20个工作日内。法律、法规对政府信息公开的期限另有规定的,从其规定。', formed(20, true, '信息形成或者变更'), undefined],
  ['自该信息形成或者变更之日起20个工作日内予以公开,法律法规另有规定的除外。', formed(20, true, '该信息形成或者变更'), undefined],
  ['信息形成或者变更之日起20个工作日内予以公开;', formed(20, true, '信息形成或者变更'), CANON],
  ['本级人民代表大会或其常务委员会批准后20日内', formed(20, false, '本级人民代表大会或其常务委员会批准'), undefined],
  ['批准后20日内', formed(20, false, '批准'), undefined],
  ['人大会议批复后20日内', formed(20, false, '人大会议批复'), undefined],
  ['本级政府财政部门批复后20日内', formed(20, false, '本级政府财政部门批复'), undefined],
  ['制定或获取信息之日起10个工作日内', formed(10, true, '制定或获取信息'), undefined],
  ['自制作或获取该信息之日起20个工作日内公开', formed(20, true, '制作或获取该信息'), undefined],
  ['信息获取(形成变更)20个工作日内', formed(20, true, '信息获取(形成变更)'), undefined],
  ['收到征地批准文件之日起10个工作日内公开。', formed(10, true, '收到征地批准文件'), undefined],
  ['资金分配结果下达15个工作日内', formed(15, true, '资金分配结果下达'), undefined],
  ['分配结果确定后20个工作日内', formed(20, true, '分配结果确定'), undefined],
  ['决定作出之日起7个工作日内', formed(7, true, '决定作出'), undefined],
  ['自收到申请之日起20个工作日内', formed(20, true, '收到申请'), undefined],
  ['收到申请之日起20个工作日内答复', formed(20, true, '收到申请'), undefined],
  ['制定或获取信息之日起10个工作日内,公示7个工作日', formed(10, true, '制定或获取信息'), undefined],
  ['实时公开', { kind: 'realtime' }, undefined],
  ['实时', { kind: 'realtime' }, undefined],
  ['即时公开', { kind: 'realtime' }, undefined],
  ['常年公开', { kind: 'long-term' }, undefined],
  ['长期公开', { kind: 'long-term' }, undefined],
  ['长期', { kind: 'long-term' }, undefined],
  ['及时公开', { kind: 'prompt' }, undefined],
  ['按进展情况及时公开', { kind: 'prompt', trigger: '按进展情况' }, undefined],
  ['重大决策作出后及时公开', { kind: 'prompt', trigger: '重大决策作出' }, undefined],
  ['每年', { kind: 'periodic', period: 'year' }, undefined],
  ['每年度', { kind: 'periodic', period: 'year' }, undefined],
  ['按年度', { kind: 'periodic', period: 'year' }, undefined],
  ['每半年', { kind: 'periodic', period: 'half-year' }, undefined],
  ['每季度', { kind: 'periodic', period: 'quarter' }, undefined],
  ['按季度公开', { kind: 'periodic', period: 'quarter' }, undefined],
  ['每月更新', { kind: 'periodic', period: 'month' }, undefined],
  ['每周', { kind: 'periodic', period: 'week' }, undefined],
  ['年度终了后20日内', { kind: 'periodic', period: 'year', trigger: '年度终了', within: { days: 20, workdays: false } }, undefined],
  ['年度终了后3个月内公开', { kind: 'periodic', period: 'year', trigger: '年度终了', within: { days: 90, workdays: false } }, undefined],
  ['每季度结束后15日内', { kind: 'periodic', period: 'quarter', trigger: '季度结束', within: { days: 15, workdays: false } }, undefined],
  ['每年3月31日前', { kind: 'periodic', period: 'year', trigger: '3月31日前' }, undefined],
  ['次年3月底前公开', { kind: 'periodic', period: 'year', trigger: '3月底前' }, undefined],
  ['每月10日前', { kind: 'periodic', period: 'month', trigger: '10日前' }, undefined],
  ['每20个工作日更新', { kind: 'interval', days: 20, workdays: true }, undefined],
  ['在会议召开前公开', { kind: 'before', event: '会议召开' }, undefined],
  ['开标3日前', { kind: 'before', event: '开标', days: 3, workdays: false }, undefined],
  ['提前一周发通知邀请', { kind: 'before', event: '发通知邀请', days: 7, workdays: false }, undefined],
  ['3月31日前', { kind: 'before', event: '3月31日' }, undefined],
  ['规划送审报批前，不少于30日', { kind: 'before', event: '规划送审报批', days: 30, workdays: false }, undefined],
  ['规划批准前公示，公示时间不少于三十日', { kind: 'before', event: '规划批准', days: 30, workdays: false }, undefined],
  ['在实地启动拟征收土地工作时,在村公示栏公开', { kind: 'event', trigger: '实地启动拟征收土地工作' }, undefined],
  ['征收决定作出后公告', { kind: 'event', trigger: '征收决定作出' }, undefined],
  ['征收决定作出后', { kind: 'event', trigger: '征收决定作出' }, undefined],
  // the sloppy ways offices write the canonical one
  ['20工作日内', formed(20, true, ''), CANON],
  ['20个工作日', formed(20, true, ''), CANON],
  ['20个工作日内', formed(20, true, ''), CANON],
  ['二十个工作日内', formed(20, true, ''), CANON],
  ['２０个工作日内', formed(20, true, ''), CANON],
  ['信息形成20个工作日内', formed(20, true, '信息形成'), FORMED],
  ['信息形成后20个工作日内公开', formed(20, true, '信息形成'), FORMED],
  ['信息形成或变更后20个工作日内', formed(20, true, '信息形成或变更'), CANON],
  ['信息形成、变更之日起20个工作日以内', formed(20, true, '信息形成、变更'), CANON],
  ['自信息形成或者变更之日起二十个工作日内予以公开。', formed(20, true, '信息形成或者变更'), CANON],
  ['信息形成或变更之日起 20 个工作日内', formed(20), CANON],
  ['“信息形成或变更之日起20个工作日内”', formed(20), CANON],
  ['信息形成个20个工作日内公开', formed(20, true, '信息形成'), FORMED],
  // calendar days stay calendar days: turning 20日 into 20个工作日 would lengthen the deadline
  ['20日内', formed(20, false, ''), '信息形成或变更之日起20日内'],
  ['十五日内', formed(15, false, ''), '信息形成或变更之日起15日内'],
  ['7日内', formed(7, false, ''), '信息形成或变更之日起7日内'],
  ['信息形成之日起20天内', formed(20, false, '信息形成'), '信息形成之日起20日内'],
  // several clauses
  [
    '1.除处罚决定外其他内容:长期公开(动态调整);2.处罚决定:20个工作日内。',
    {
      kind: 'compound',
      parts: [
        { scope: '除处罚决定外其他内容', deadline: { kind: 'long-term' } },
        { scope: '处罚决定', deadline: formed(20, true, '') },
      ],
    },
    undefined,
  ],
  [
    '信息形成20个工作日内公开;其中行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示',
    {
      kind: 'compound',
      parts: [{ deadline: formed(20, true, '信息形成') }, { scope: '行政许可、行政处罚事项', deadline: formed(7, true, '作出行政决定') }],
    },
    undefined,
  ],
  [
    '信息形成之日起20个工作日内;行政许可和行政处罚决定作出后7个工作日内',
    { kind: 'compound', parts: [{ deadline: formed(20, true, '信息形成') }, { deadline: formed(7, true, '行政许可和行政处罚决定作出') }] },
    undefined,
  ],
  [
    '拟征收土地现状调查结束后5个工作日内,在村公示栏公开。收到征地批准文件之日起10个工作日内,在政府网站、征地信息公开平台公开。',
    { kind: 'compound', parts: [{ deadline: formed(5, true, '拟征收土地现状调查结束') }, { deadline: formed(10, true, '收到征地批准文件') }] },
    undefined,
  ],
  // not deadlines
  ['行政处罚决定形成之日起20个工作日…', undefined, undefined],
  ['自信息形成或者变更之日起7…', undefined, undefined],
  ['按规定', undefined, undefined],
  ['定期公开', undefined, undefined],
  ['相关部门', undefined, undefined],
  ['公示7个工作日', undefined, undefined],
  ['0个工作日内', undefined, undefined],
  ['', undefined, undefined],
];

describe('parseDeadline', () => {
  it.each(TABLE)('%s', (text, parsed, key) => {
    expect(parseDeadline(text)).toEqual(parsed);
    expect(deadlineKey(text)).toBe(key);
  });

  it('has no duplicate rows', () => {
    expect(new Set(TABLE.map((row) => row[0])).size).toBe(TABLE.length);
  });

  it('reads every comparison key it produces as the deadline it stands for', () => {
    const rows = TABLE.filter((row): row is [string, Deadline & { kind: 'within' }, string] => row[2] !== undefined && row[1]?.kind === 'within');
    expect(rows).toHaveLength(TABLE.filter((row) => row[2] !== undefined).length);
    expect(rows.length).toBeGreaterThan(20);
    for (const [text, parsed, canonical] of rows) {
      // the canonical spelling keeps the days, their kind and the trigger: 形成 or 形成或变更 (also when none is written)
      const trigger = parsed.trigger === '' || parsed.trigger.includes('变更') ? '信息形成或变更' : '信息形成';
      expect(parseDeadline(canonical), `${text} → ${canonical}`).toEqual(formed(parsed.days, parsed.workdays, trigger));
      expect(deadlineKey(canonical)).toBe(canonical);
    }
  });
});

describe('parseNumber', () => {
  it.each([
    ['20', 20],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['二十五', 25],
    ['两', 2],
    ['一百二十', 120],
    ['二〇', 20],
    ['廿', undefined],
  ])('%s → %s', (text, n) => {
    expect(parseNumber(text)).toBe(n);
  });
});

describe('compareDeadlines', () => {
  const p = (text: string): Deadline => {
    const d = parseDeadline(text);
    if (!d) throw new Error(`test text not recognised: ${text}`);
    return d;
  };
  it.each<[string, string, number | undefined]>([
    ['信息形成或变更之日起20个工作日内', '自信息形成或者变更之日起20个工作日内予以公开', 0],
    ['20个工作日内', '信息形成或变更之日起20个工作日内', 0],
    ['信息形成或变更之日起7个工作日内', '信息形成或变更之日起20个工作日内', -1],
    ['信息形成或变更之日起30个工作日内', '信息形成或变更之日起20个工作日内', 1],
    // 20 working days are 28 calendar days
    ['20日内', '20个工作日内', -1],
    ['20个工作日内', '28日内', 0],
    ['20个工作日内', '30日内', -1],
    ['本级人民代表大会或其常务委员会批准后20日内', '人大会议批复后30日内', -1],
    ['批准后20日内', '信息形成或变更之日起20日内', undefined],
    ['收到申请之日起20个工作日内答复', '信息形成或变更之日起20个工作日内', undefined],
    ['实时公开', '信息形成或变更之日起20个工作日内', -1],
    ['信息形成或变更之日起1个工作日内', '即时公开', 1],
    ['实时', '即时公开', 0],
    ['实时公开', '每年', -1],
    ['实时公开', '常年公开', undefined],
    ['常年公开', '长期公开', 0],
    ['每季度', '每年', -1],
    ['每年', '按年度', 0],
    ['每月', '每20个工作日更新', 1],
    ['年度终了后20日内', '年度终了后3个月内', -1],
    ['每季度', '信息形成或变更之日起20个工作日内', undefined],
    ['及时公开', '信息形成或变更之日起20个工作日内', undefined],
    ['开标7日前', '开标3日前', -1],
    ['1.除处罚决定外其他内容:长期公开(动态调整);2.处罚决定:20个工作日内', '1.除处罚决定外其他内容:长期公开;2.处罚决定:7个工作日内', 1],
    ['1.除处罚决定外其他内容:长期公开;2.处罚决定:20个工作日内', '信息形成或变更之日起20个工作日内', undefined],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(compareDeadlines(p(a), p(b))).toBe(expected);
    expect(compareDeadlines(p(b), p(a))).toBe(expected === undefined ? undefined : expected === 0 ? 0 : -expected);
  });
});

describe('fixDeadline', () => {
  it.each<[string, string | undefined]>([
    // the law's wording and the tables' own spellings: nothing to fix
    ['信息形成或者变更之日起20个工作日内', undefined],
    ['自该信息形成或者变更之日起20个工作日内予以公开，法律法规另有规定的除外', undefined],
    ['信息形成之日起20个工作日内', undefined],
    ['信息形成或者变更之日起20个工作日内及时公开', undefined],
    ['本级人民代表大会或其常务委员会批准后20日内', undefined],
    ['1.除处罚决定外其他内容:长期公开(动态调整);2.处罚决定:20个工作日内。', undefined],
    // only width, blanks and 个: the trigger, the words and the unit stay
    ['20工作日内', '20个工作日内'],
    ['二十工作日内', '二十个工作日内'],
    ['２０个工作日内', '20个工作日内'],
    ['信息形成或者变更之日起 20 个工作日内', '信息形成或者变更之日起20个工作日内'],
    ['  信息形成之日起20工作日内予以公开 ', '信息形成之日起20个工作日内予以公开'],
    ['信息形成或者变更之日起\u3000２０工作日内及时公开', '信息形成或者变更之日起20个工作日内及时公开'],
    ['信息形成之日起20天内', undefined],
    ['20日内', undefined],
    // the blank before a clause number separates the clauses: it stays
    ['1.除处罚决定外其他内容:长期公开 2.处罚决定:20工作日内', '1.除处罚决定外其他内容:长期公开 2.处罚决定:20个工作日内'],
    // text gk cannot read is not touched
    ['按规定 时间', undefined],
    ['自信息形成或者变更之日起7…', undefined],
  ])('%s → %s', (text, fixed) => {
    expect(fixDeadline(text)).toBe(fixed);
    if (fixed !== undefined) {
      expect(parseDeadline(fixed)).toEqual(parseDeadline(text));
      expect(fixDeadline(fixed)).toBeUndefined();
    }
  });
});

/** Every 公开时限 of a folder of official tables (CSV, header row naming 公开时限). */
function deadlinesOfTables(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
    const [header, ...rows] = parseDelimited(fs.readFileSync(path.join(dir, file), 'utf8'), ',').rows;
    const column = header!.indexOf('公开时限');
    expect([file, column]).not.toEqual([file, -1]);
    for (const row of rows) if (row[column]) found.set(row[column]!, file);
  }
  return found;
}

/** Every 公开时限 of the bundled edition's files. */
function deadlinesOfEdition(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'edition.yaml')) {
    const data = parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { items?: Array<{ deadline?: string }> };
    for (const item of data.items ?? []) if (item.deadline) found.set(item.deadline, file);
  }
  return found;
}

/** A cell the transcription marks as cut short (SOURCES-2.md: "…" at the end of a cell): not the official text. */
const TRUNCATED = /…$/;

function expectAllReadAndNoneRewritten(deadlines: Map<string, string>): void {
  expect(deadlines.size).toBeGreaterThan(20);
  const unread: string[] = [];
  const rewritten: string[] = [];
  for (const [text, file] of deadlines) {
    if (parseDeadline(text) === undefined && !TRUNCATED.test(text)) unread.push(`${file}: ${text}`);
    if (fixDeadline(text) !== undefined) rewritten.push(`${file}: ${text}`);
  }
  expect(unread).toEqual([]);
  expect(rewritten).toEqual([]);
  // and gk fmt leaves a catalog holding every one of them byte for byte
  const items = [...deadlines.keys()].map((d, i) => `  - id: x-${i + 1}\n    deadline: ${JSON.stringify(d)}\n`).join('');
  const catalog = `domain: fiscal-budget\nitems:\n${items}`;
  expect(formatCatalog(catalog)).toEqual({ ok: true, text: catalog });
}

/** The reference tables, as copied into the fixtures (test/validate/precision.test.ts keeps the copies equal to ../shared). */
const reference = path.join(repoRoot, 'test', 'fixtures', 'reference', 'standard');

describe('every 公开时限 the official tables write', () => {
  it('is read, and none is rewritten: the bundled edition', () => {
    expectAllReadAndNoneRewritten(deadlinesOfEdition(path.join(repoRoot, 'catalogs', 'standard', 'national-2020')));
  });

  it('is read, and none is rewritten: the reference tables (test/fixtures/reference/standard)', () => {
    const deadlines = deadlinesOfTables(reference);
    expectAllReadAndNoneRewritten(deadlines);
    // the only ones gk cannot read are the cells the transcription itself marks as cut short
    expect([...deadlines.keys()].filter((d) => parseDeadline(d) === undefined)).toEqual([...deadlines.keys()].filter((d) => TRUNCATED.test(d)));
  });
});
