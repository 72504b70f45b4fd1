// The pure core of the report: milestone judgement, the score, ranking with ties, lagging domains, CSV quoting.
import { describe, expect, it } from 'vitest';
import { buildReport, judgeMilestone, scoreOf } from '../../src/report/build.js';
import { renderCsv } from '../../src/formatters/report/csv.js';
import { renderHtml } from '../../src/formatters/report/html.js';
import { escapeHtml } from '../../src/publish/templates.js';
import type { GovernmentFacts, WorkspaceFacts } from '../../src/report/types.js';
import type { DomainCoverage } from '../../src/diff/types.js';

describe('judgeMilestone', () => {
  it.each([
    ['reached before the date', '2020-07-01', '2024-03-31', true, 'met'],
    ['reached on the date', '2020-07-31', '2024-03-31', true, 'met'],
    ['reached after the date', '2020-08-01', '2024-03-31', true, 'late'],
    ['not reached, date passed', undefined, '2024-03-31', true, 'missed'],
    ['not reached, date ahead', undefined, '2020-07-01', true, 'pending'],
    ['reached only after the report date', '2021-01-01', '2020-12-01', true, 'missed'],
    ['no git history', undefined, '2024-03-31', false, 'unknown'],
  ] as const)('%s → %s', (_, reached, today, tracked, status) => {
    expect(judgeMilestone('list', '2020-07-31', reached, today, tracked).status).toBe(status);
  });
});

describe('scoreOf', () => {
  it('weighs coverage 60, no errors 20, warnings 10, milestones 10', () => {
    expect(scoreOf(1, 0, 0, [])).toEqual({ score: 100, parts: { coverage: 60, errorFree: 20, warnings: 10, milestones: 10 } });
    expect(scoreOf(0.5, 3, 4, []).score).toBe(30 + 0 + 6 + 10);
    expect(scoreOf(1, 0, 25, []).parts.warnings).toBe(0);
  });

  it('averages the milestones that are due: met 1, late ½, missed 0; pending and unknown do not count', () => {
    const m = (status: 'met' | 'late' | 'missed' | 'pending' | 'unknown') => ({ id: 'x', date: '2020-01-01', status });
    expect(scoreOf(1, 0, 0, [m('met'), m('late'), m('missed'), m('pending'), m('unknown')]).parts.milestones).toBe(5);
    expect(scoreOf(1, 0, 0, [m('pending'), m('unknown')]).parts.milestones).toBe(10);
  });
});

function coverageOf(domain: string, applicable: number, adopted: number): DomainCoverage {
  const missing = applicable - adopted;
  return { domain, name: domain, applicable, adopted, adapted: 0, excluded: 0, missing, local: 0, unknown: 0, coverage: applicable === 0 ? 1 : adopted / applicable, weakening: 0 };
}

function county(code: string, adopted: number, errors = 0): GovernmentFacts {
  const d = coverageOf('fiscal-budget', 4, adopted);
  return {
    code,
    name: `县${code}`,
    level: 'county',
    folder: code,
    items: adopted,
    fromParent: 0,
    errors,
    warnings: 0,
    mismatches: 0,
    coverage: { domains: [d], total: { ...d, domain: '', name: '' }, missing: [] },
    dates: {},
  };
}

const facts = (governments: GovernmentFacts[]): WorkspaceFacts => ({
  departments: { 'fiscal-budget': '示例市财政局' },
  milestones: {},
  editions: [],
  domainNames: [{ id: 'fiscal-budget', name: '财政预决算' }],
  governments,
  tracked: false,
});

describe('buildReport', () => {
  it('gives equal scores the same rank and lists them by code', () => {
    const report = buildReport(facts([county('990103', 4), county('990101', 2), county('990102', 4)]), '2024-03-31');
    expect(report.governments.map((g) => [g.code, g.rank, g.score])).toEqual([
      ['990102', 1, 100],
      ['990103', 1, 100],
      ['990101', 3, 70],
    ]);
  });

  it('counts a government without an edition as uncovered, not complete', () => {
    const g = county('990101', 0);
    delete g.coverage;
    const report = buildReport(facts([g]), '2024-03-31');
    expect(report.governments[0]!.coverage).toBe(0);
    expect(report.governments[0]!.score).toBe(40);
  });

  it('never rounds a coverage with anything missing up to 100%, nor counts it complete', () => {
    const g = county('990101', 0);
    const d = coverageOf('fiscal-budget', 20000, 19999);
    g.coverage = { domains: [d], total: { ...d, domain: '', name: '' }, missing: [] };
    const f = facts([g]);
    f.milestones = { complete: '2030-12-31' };
    const report = buildReport(f, '2024-03-31');
    const row = report.governments[0]!;
    expect(row.coverage).toBe(0.9999);
    expect(row.domains[0]!.coverage).toBe(0.9999);
    expect(report.totals.coverage).toBe(0.9999);
    expect(report.lagging[0]!.coverage).toBe(0.9999);
    // Not complete, so not met ahead of its date (outside git an unfinished milestone cannot be judged).
    expect(row.milestones).toEqual([{ id: 'complete', date: '2030-12-31', status: 'unknown' }]);
    const csv = renderCsv(report, { lang: 'zh', notices: [] });
    // 覆盖率(%), 适用, 已覆盖, 缺失 … and the domain's 覆盖率(%) last.
    expect(csv).toContain(',99.9,20000,19999,1,');
    expect(csv).toMatch(/,99\.9\r\n$/);
    expect(renderHtml(report, { lang: 'zh', notices: [] })).not.toContain('100.0%');
  });

  it('lists lagging domains with their department and the governments behind', () => {
    const report = buildReport(facts([county('990101', 4), county('990102', 1)]), '2024-03-31');
    expect(report.lagging).toEqual([
      { domain: 'fiscal-budget', name: '财政预决算', department: '示例市财政局', applicable: 8, covered: 5, coverage: 0.625, governments: [{ code: '990102', name: '县990102', coverage: 0.25, missing: 3 }] },
    ]);
  });
});

describe('renderers', () => {
  it('quote CSV fields and defuse formulas', () => {
    const g = county('990101', 4);
    g.name = '=HYPERLINK("x"),县';
    const csv = renderCsv(buildReport(facts([g]), '2024-03-31'), { lang: 'zh', notices: [] });
    expect(csv).toContain(`"'=HYPERLINK(""x""),县"`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('escape names in HTML', () => {
    const g = county('990101', 4);
    g.name = '<script>alert(1)</script>';
    const html = renderHtml(buildReport(facts([g]), '2024-03-31'), { lang: 'zh', notices: [] });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain(escapeHtml('<script>alert(1)</script>'));
    expect(html).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//);
  });
});
