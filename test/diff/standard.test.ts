import { describe, expect, it } from 'vitest';
import { appliesTo, diffAgainstStandard, diffDiagnostics, hasStandardProblems, classifyStandardDiff } from '../../src/diff/standard.js';
import type { StandardItem } from '../../src/model/types.js';
import { countyDiff, resolveFixture } from './load.js';

function entry(id: string) {
  const e = countyDiff().diff.entries.find((x) => x.standard.id === id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
}

describe('appliesTo', () => {
  const item = (levels?: StandardItem['levels']): StandardItem => ({ id: 'x/1', domain: 'x', file: 'x.yaml', index: 0, ...(levels ? { levels } : {}) });
  it('follows 公开层级, and applies an item whose table lost its √ marks', () => {
    expect(appliesTo(item(['县级']), 'county')).toBe(true);
    expect(appliesTo(item(['县级']), 'township')).toBe(false);
    expect(appliesTo(item(['县级', '乡级']), 'township')).toBe(true);
    expect(appliesTo(item(['乡级']), 'county')).toBe(false);
    expect(appliesTo(item(), 'county')).toBe(true);
    expect(appliesTo(item([]), 'township')).toBe(true);
  });
});

describe('diffAgainstStandard', () => {
  it('gives each applicable national item a status', () => {
    const { diff } = countyDiff();
    expect(diff.entries.map((e) => [e.standard.id, e.status])).toEqual([
      ['fiscal-budget/1', 'adopted'],
      ['fiscal-budget/2', 'adapted'],
      ['fiscal-budget/3', 'adapted'],
      // fiscal-budget/4 is 乡级 only: not applicable to a county
      ['fiscal-budget/5', 'excluded'],
      ['social-assistance/1', 'adapted'],
      ['social-assistance/2', 'adapted'],
      ['social-assistance/3', 'adapted'],
      ['social-assistance/4', 'missing'],
      ['employment/1', 'missing'],
    ]);
    expect(diff.local.map((i) => i.id)).toEqual(['fb-90', 'ga-01']);
    expect(diff.unknown.map((i) => i.id)).toEqual(['fb-91']);
  });

  it('counts per domain in edition order, then local domains, and overall', () => {
    const { diff } = countyDiff();
    expect(diff.domains.map((d) => [d.domain, d.applicable, d.adopted, d.adapted, d.excluded, d.missing, d.local, d.unknown, d.weakening])).toEqual([
      ['fiscal-budget', 4, 1, 2, 1, 0, 1, 1, 2],
      ['social-assistance', 4, 0, 3, 0, 1, 0, 0, 3],
      ['employment', 1, 0, 0, 0, 1, 0, 0, 0],
      ['general-affairs', 0, 0, 0, 0, 0, 1, 0, 0],
    ]);
    expect(diff.domains.map((d) => d.coverage)).toEqual([1, 0.75, 0, 1]);
    expect(diff.total).toMatchObject({ applicable: 9, adopted: 1, adapted: 5, excluded: 1, missing: 2, local: 2, unknown: 1, weakening: 5 });
    expect(diff.total.coverage).toBeCloseTo(7 / 9);
    expect(diff.edition).toEqual({ id: 'test-2020', partial: true, items: 10, officialRows: 12 });
    expect(diff.government).toEqual({ name: '测试县人民政府', code: '419999', level: 'county' });
  });

  it('does not count an aliased channel or the subject as an adaptation', () => {
    expect(entry('fiscal-budget/1').changes).toEqual([]);
    expect(entry('fiscal-budget/1').items.map((i) => i.id)).toEqual(['fb-01']);
  });

  it('lists each adapted field with national and local value, weakening and declaration', () => {
    expect(entry('fiscal-budget/2').changes).toEqual([
      { field: 'content', before: '①一般公共预算收入决算表。②一般公共预算支出决算表', after: '一般公共预算收入决算表', weakens: 'content-dropped' },
      { field: 'deadline', before: '本级人民代表大会或其常务委员会批准后20日内', after: '本级人民代表大会或其常务委员会批准后30日内', weakens: 'longer-deadline' },
    ]);
    expect(entry('fiscal-budget/3').changes).toEqual([
      { field: 'basis', before: ['《中华人民共和国预算法》'], after: ['《中华人民共和国预算法》', '《地方预决算公开操作规程》'] },
      { field: 'deadline', before: '本级财政部门批复后20日内', after: '本级财政部门批复后30日内', weakens: 'longer-deadline', declared: '本县部门预算批复集中在月末' },
      { field: 'channels', before: ['政府网站', '部门网站'], after: ['政府门户网站'], weakens: 'channel-removed', declared: '本县各部门不设单独网站' },
    ]);
  });

  it('covers every weakening class with and without a declared deviation', () => {
    const changes = countyDiff().diff.entries.flatMap((e) => e.changes).filter((c) => c.weakens !== undefined);
    const seen = new Set(changes.map((c) => `${c.weakens}:${c.declared === undefined ? 'undeclared' : 'declared'}`));
    for (const kind of ['longer-deadline', 'mode-on-request', 'audience-narrowed', 'channel-removed', 'content-dropped']) {
      expect(seen, kind).toContain(`${kind}:undeclared`);
      expect(seen, kind).toContain(`${kind}:declared`);
    }
  });

  it('records where excluded and missing items are', () => {
    expect(entry('fiscal-budget/5')).toMatchObject({ reason: '本县未设财政专项资金', file: 'test/fixtures/diff/county/catalog/fiscal-budget.yaml', path: ['exclusions', 0] });
    expect(entry('social-assistance/4')).toMatchObject({ file: 'test/fixtures/diff/county/catalog/social-assistance.yaml', path: ['domain'] });
    expect(entry('employment/1')).toMatchObject({ file: 'test/fixtures/diff/county/gk.yaml', path: [] });
  });

  it('holds a catalog to an item outside its level that it carries anyway', () => {
    const { resolved } = resolveFixture('county');
    const carrier = { ...resolved.items[0]!, id: 'fb-x', standard: 'fiscal-budget/4', fields: {} };
    const diff = diffAgainstStandard({ ...resolved, items: [...resolved.items, carrier] });
    expect(diff.entries.find((e) => e.standard.id === 'fiscal-budget/4')?.status).toBe('adopted');
    expect(diff.domains[0]!.applicable).toBe(5);
  });

  it('classes the diff for --fail-on', () => {
    const { diff } = countyDiff();
    expect(hasStandardProblems(diff)).toBe(true);
    expect(classifyStandardDiff(diff)).toBe('breaking');
    const clean = { ...diff, entries: diff.entries.filter((e) => e.status === 'adopted'), unknown: [], local: [], total: { ...diff.total, missing: 0, weakening: 0 } };
    expect(classifyStandardDiff(clean)).toBeUndefined();
    expect(classifyStandardDiff({ ...clean, local: diff.local })).toBe('info');
    expect(classifyStandardDiff({ ...clean, entries: diff.entries.filter((e) => e.status === 'excluded') })).toBe('notable');
  });
});

describe('diffDiagnostics', () => {
  it('reports missing items, undeclared weakenings and unknown references where they are', () => {
    const { government, diff } = countyDiff();
    const found = diffDiagnostics(diff, government, 'zh').map((d) => `${d.code} ${d.file}:${d.range.start.line}:${d.range.start.column} ${d.message}`);
    expect(found).toEqual([
      'diff/weakening test/fixtures/diff/county/catalog/fiscal-budget.yaml:12:14 事项“fb-02”的公开内容（要素）弱于国家标准 fiscal-budget/2：公开内容缺少要素“一般公共预算支出决算表”',
      'diff/weakening test/fixtures/diff/county/catalog/fiscal-budget.yaml:13:15 事项“fb-02”的公开时限弱于国家标准 fiscal-budget/2：公开时限延长（本级人民代表大会或其常务委员会批准后20日内 → 本级人民代表大会或其常务委员会批准后30日内）',
      'diff/weakening test/fixtures/diff/county/catalog/social-assistance.yaml:8:11 事项“sa-01”的公开方式弱于国家标准 social-assistance/1：公开方式由主动改为依申请',
      'diff/weakening test/fixtures/diff/county/catalog/social-assistance.yaml:17:15 事项“sa-02”的公开渠道和载体弱于国家标准 social-assistance/2：删去了公开渠道“社区/企事业单位/村公示栏（电子屏）”',
      'diff/weakening test/fixtures/diff/county/catalog/social-assistance.yaml:26:15 事项“sa-03”的公开对象弱于国家标准 social-assistance/3：公开对象由全社会缩小为特定群体',
      'diff/missing test/fixtures/diff/county/catalog/social-assistance.yaml:1:9 国家标准事项 social-assistance/4“政策文件”适用于本级，但目录既未实施也未列入 exclusions',
      'diff/missing test/fixtures/diff/county/gk.yaml:1:1 国家标准事项 employment/1“招聘信息”适用于本级，但目录既未实施也未列入 exclusions',
      'diff/unknown-ref test/fixtures/diff/county/catalog/fiscal-budget.yaml:40:15 事项“fb-91”引用的国家标准事项“fiscal-budget/99”在 test-2020 中不存在',
    ]);
  });

  it('speaks English with --lang en', () => {
    const { government, diff } = countyDiff('en');
    const messages = diffDiagnostics(diff, government, 'en').map((d) => d.message);
    expect(messages).toContain('item "sa-01": mode (公开方式) is weaker than national item social-assistance/1: disclosure on request instead of proactive (主动 → 依申请)');
    expect(messages).toContain('national item employment/1 ("招聘信息") applies at this level but is neither carried nor excluded');
    const all = diffDiagnostics(diff, government, 'en');
    expect(all.every((d) => d.severity === 'error')).toBe(true);
    expect(all.filter((d) => d.hint === undefined).map((d) => d.code)).toEqual(['diff/unknown-ref']);
  });
});
