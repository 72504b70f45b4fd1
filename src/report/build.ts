// From collected facts to the ranked report: coverage, score, milestones and lagging domains. Pure.
import type { Level } from '../model/types.js';
import { LEVELS } from '../model/levels.js';
import type {
  DomainCell,
  GovernmentFacts,
  GovernmentRow,
  LaggingDomain,
  MilestoneResult,
  MilestoneStatus,
  MilestoneSummary,
  ScoreParts,
  ScoreWeights,
  WorkspaceFacts,
  WorkspaceReport,
} from './types.js';

/** Points out of 100; docs/report.md explains each part. */
export const WEIGHTS: ScoreWeights = { coverage: 60, errorFree: 20, warnings: 10, milestones: 10 };
/** Each warning costs a tenth of the warning points, down to none. */
export const WARNINGS_FOR_ZERO = 10;
/** The milestones gk knows how to judge, in the order of the work. */
export const KNOWN_MILESTONES = ['list', 'published', 'complete'] as const;
export const RANKED_LEVELS: readonly Level[] = ['county', 'township'];
const CREDIT: Record<MilestoneStatus, number | undefined> = { met: 1, late: 0.5, missed: 0, pending: undefined, unknown: undefined };

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A ratio to four places that never rounds up to 1 while something is missing: 1 means complete. */
export function roundRatio(value: number): number {
  const r = round(value, 4);
  return value < 1 && r >= 1 ? 0.9999 : r;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A milestone as of the report date. `reached` is when the government got there (undefined: not yet, or unknown):
 * met when reached by the milestone date, late when reached after it, missed when the date has passed without it,
 * pending when the date is still ahead.
 */
export function judgeMilestone(id: string, due: string, reached: string | undefined, today: string, tracked: boolean): MilestoneResult {
  const result: MilestoneResult = { id, date: due, status: 'unknown' };
  if (reached !== undefined && reached <= today) {
    result.on = reached;
    result.status = reached <= due ? 'met' : 'late';
  } else if (tracked) {
    result.status = today <= due ? 'pending' : 'missed';
  }
  return result;
}

/** When the government reached each known milestone (see docs/report.md for the exact definitions). */
function reachedOn(id: string, g: GovernmentFacts, complete: boolean): string | undefined {
  if (id === 'list') return g.dates.listed;
  if (id === 'published') return g.dates.published;
  if (id === 'complete') return complete ? g.dates.lastChanged : undefined;
  return undefined;
}

function milestonesOf(g: GovernmentFacts, facts: WorkspaceFacts, coverage: number, today: string): MilestoneResult[] {
  const complete = coverage === 1 && g.errors === 0;
  return Object.entries(facts.milestones)
    .sort(([a, x], [b, y]) => cmp(x, y) || cmp(a, b))
    .map(([id, due]) => {
      if (!(KNOWN_MILESTONES as readonly string[]).includes(id)) return { id, date: due, status: 'unknown' as const };
      // Untracked catalogs have no dates, but completeness as of today is still known before the due date.
      if (id === 'complete' && !facts.tracked && complete && today <= due) return { id, date: due, status: 'met' as const };
      return judgeMilestone(id, due, reachedOn(id, g, complete), today, facts.tracked);
    });
}

export function scoreOf(coverage: number, errors: number, warnings: number, milestones: readonly MilestoneResult[]): { score: number; parts: ScoreParts } {
  let due = 0;
  let credit = 0;
  for (const m of milestones) {
    const c = CREDIT[m.status];
    if (c === undefined) continue;
    due++;
    credit += c;
  }
  const raw = {
    coverage: WEIGHTS.coverage * coverage,
    errorFree: errors === 0 ? WEIGHTS.errorFree : 0,
    warnings: WEIGHTS.warnings * Math.max(0, 1 - warnings / WARNINGS_FOR_ZERO),
    milestones: due === 0 ? WEIGHTS.milestones : (WEIGHTS.milestones * credit) / due,
  };
  const score = round(raw.coverage + raw.errorFree + raw.warnings + raw.milestones, 1);
  return { score, parts: { coverage: round(raw.coverage, 1), errorFree: round(raw.errorFree, 1), warnings: round(raw.warnings, 1), milestones: round(raw.milestones, 1) } };
}

function rowOf(g: GovernmentFacts, facts: WorkspaceFacts, today: string, names: Map<string, string>): GovernmentRow {
  const ranked = RANKED_LEVELS.includes(g.level);
  const total = g.coverage?.total;
  const applicable = total?.applicable ?? 0;
  const covered = total ? total.adopted + total.adapted + total.excluded : 0;
  // Without an edition nothing could be compared: that is no coverage, not full coverage.
  const coverage = total ? roundRatio(total.coverage) : 0;
  const domains: DomainCell[] = (g.coverage?.domains ?? [])
    .filter((d) => d.applicable > 0)
    .map((d) => ({ domain: d.domain, applicable: d.applicable, covered: d.adopted + d.adapted + d.excluded, missing: d.missing, coverage: roundRatio(d.coverage) }));
  const milestones = ranked ? milestonesOf(g, facts, coverage, today) : [];
  const scored = ranked ? scoreOf(coverage, g.errors, g.warnings, milestones) : undefined;
  // Written in the order the JSON should read; JSON.stringify leaves out the undefined ones.
  return {
    code: g.code,
    name: g.name,
    level: g.level,
    parent: g.parent,
    parentName: g.parent !== undefined ? names.get(g.parent) : undefined,
    folder: g.folder,
    rank: undefined,
    score: scored?.score,
    parts: scored?.parts,
    items: g.items,
    fromParent: g.fromParent,
    applicable,
    covered,
    missing: total?.missing ?? 0,
    coverage,
    weakening: total?.weakening ?? 0,
    errors: g.errors,
    warnings: g.warnings,
    mismatches: g.mismatches,
    lastChanged: g.dates.lastChanged,
    domains,
    missingItems: g.coverage?.missing ?? [],
    milestones,
  };
}

/** Score first; equal scores share a rank and are listed by coverage, then fewer errors, then code. */
function rankWithin(rows: GovernmentRow[]): GovernmentRow[] {
  const sorted = [...rows].sort(
    (a, b) => (b.score ?? 0) - (a.score ?? 0) || b.coverage - a.coverage || a.errors - b.errors || a.warnings - b.warnings || cmp(a.code, b.code) || cmp(a.folder, b.folder),
  );
  sorted.forEach((row, i) => {
    const prev = sorted[i - 1];
    row.rank = prev && prev.score === row.score ? prev.rank! : i + 1;
  });
  return sorted;
}

function laggingDomains(rows: GovernmentRow[], facts: WorkspaceFacts): LaggingDomain[] {
  const out: LaggingDomain[] = [];
  facts.domainNames.forEach(({ id, name }) => {
    let applicable = 0;
    let covered = 0;
    const behind: LaggingDomain['governments'] = [];
    for (const row of rows) {
      const cell = row.domains.find((d) => d.domain === id);
      if (!cell) continue;
      applicable += cell.applicable;
      covered += cell.covered;
      if (cell.coverage < 1) behind.push({ code: row.code, name: row.name, coverage: cell.coverage, missing: cell.missing });
    }
    if (applicable === 0 || covered === applicable) return;
    behind.sort((a, b) => a.coverage - b.coverage || b.missing - a.missing || cmp(a.code, b.code));
    out.push({ domain: id, name, department: facts.departments[id], applicable, covered, coverage: roundRatio(covered / applicable), governments: behind });
  });
  const order = new Map(facts.domainNames.map((d, i) => [d.id, i]));
  return out.sort((a, b) => a.coverage - b.coverage || (order.get(a.domain) ?? 0) - (order.get(b.domain) ?? 0));
}

function milestoneSummary(rows: GovernmentRow[], facts: WorkspaceFacts): MilestoneSummary[] {
  return Object.entries(facts.milestones)
    .sort(([a, x], [b, y]) => cmp(x, y) || cmp(a, b))
    .map(([id, date]) => {
      const counts: Record<MilestoneStatus, number> = { met: 0, late: 0, missed: 0, pending: 0, unknown: 0 };
      for (const row of rows) {
        const m = row.milestones.find((x) => x.id === id);
        if (m) counts[m.status]++;
      }
      return { id, date, counts };
    });
}

export function buildReport(facts: WorkspaceFacts, date: string): WorkspaceReport {
  const names = new Map<string, string>();
  for (const g of facts.governments) if (g.code !== '' && !names.has(g.code)) names.set(g.code, g.name);
  if (facts.code !== undefined && facts.name !== undefined && !names.has(facts.code)) names.set(facts.code, facts.name);
  const rows = facts.governments.map((g) => rowOf(g, facts, date, names));
  const byLevel = (level: Level) => rows.filter((r) => r.level === level);
  const ranked = RANKED_LEVELS.flatMap((level) => rankWithin(byLevel(level)));
  const villages = byLevel('village').sort((a, b) => cmp(a.code, b.code) || cmp(a.folder, b.folder));
  const governments = [...ranked, ...villages].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));

  let applicable = 0;
  let covered = 0;
  for (const r of ranked) {
    applicable += r.applicable;
    covered += r.covered;
  }
  return {
    schemaVersion: 1,
    date,
    name: facts.name,
    code: facts.code,
    city: facts.city,
    editions: facts.editions,
    weights: WEIGHTS,
    domains: facts.domainNames
      .filter(({ id }) => ranked.some((r) => r.domains.some((d) => d.domain === id)))
      .map(({ id, name }) => ({ id, name, department: facts.departments[id] })),
    totals: {
      governments: rows.length,
      county: byLevel('county').length,
      township: byLevel('township').length,
      village: villages.length,
      coverage: applicable === 0 ? 1 : roundRatio(covered / applicable),
      errors: rows.reduce((n, r) => n + r.errors, 0),
      warnings: rows.reduce((n, r) => n + r.warnings, 0),
    },
    governments,
    lagging: laggingDomains(ranked, facts),
    milestones: milestoneSummary(ranked, facts),
  };
}
