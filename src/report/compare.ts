// Comparing this report with one built at an earlier revision: what improved and what regressed, per government. Pure.
import { measuresCoverage } from '../model/levels.js';
import type { GovernmentChange, GovernmentRow, MetricChange, ReportComparison, Snapshot, Verdict, WorkspaceReport } from './types.js';

function snapshot(row: GovernmentRow): Snapshot {
  const s: Snapshot = { coverage: row.coverage, missing: row.missing, errors: row.errors, warnings: row.warnings };
  if (row.rank !== undefined) s.rank = row.rank;
  if (row.score !== undefined) s.score = row.score;
  return s;
}

function keyOf(row: GovernmentRow): string {
  return row.code !== '' ? row.code : `folder:${row.folder}`;
}

/** Higher is better for coverage; lower is better for the counts. */
function judge(before: number, after: number, higherIsBetter: boolean): 'improved' | 'regressed' | undefined {
  if (before === after) return undefined;
  return after > before === higherIsBetter ? 'improved' : 'regressed';
}

function changesBetween(before: GovernmentRow, after: GovernmentRow): { improved: MetricChange[]; regressed: MetricChange[] } {
  const improved: MetricChange[] = [];
  const regressed: MetricChange[] = [];
  const add = (change: MetricChange, higherIsBetter: boolean) => {
    const v = judge(change.before, change.after, higherIsBetter);
    if (v === 'improved') improved.push(change);
    else if (v === 'regressed') regressed.push(change);
  };
  if (measuresCoverage(before.level) || measuresCoverage(after.level)) add({ metric: 'coverage', before: before.coverage, after: after.coverage }, true);
  add({ metric: 'errors', before: before.errors, after: after.errors }, false);
  add({ metric: 'warnings', before: before.warnings, after: after.warnings }, false);
  add({ metric: 'mismatches', before: before.mismatches, after: after.mismatches }, false);
  const domains = new Set([...before.domains.map((d) => d.domain), ...after.domains.map((d) => d.domain)]);
  for (const domain of domains) {
    const b = before.domains.find((d) => d.domain === domain);
    const a = after.domains.find((d) => d.domain === domain);
    if (!a || !b) continue;
    add({ metric: 'domain', domain, before: b.coverage, after: a.coverage }, true);
  }
  return { improved, regressed };
}

function verdictOf(improved: readonly MetricChange[], regressed: readonly MetricChange[]): Verdict {
  if (improved.length > 0 && regressed.length > 0) return 'mixed';
  if (improved.length > 0) return 'improved';
  if (regressed.length > 0) return 'regressed';
  return 'unchanged';
}

export function compareReports(previous: WorkspaceReport, current: WorkspaceReport, since: string): ReportComparison {
  const before = new Map(previous.governments.map((r) => [keyOf(r), r]));
  const after = new Map(current.governments.map((r) => [keyOf(r), r]));
  const governments: GovernmentChange[] = [];
  for (const row of current.governments) {
    const old = before.get(keyOf(row));
    if (!old) {
      governments.push({ code: row.code, name: row.name, level: row.level, status: 'added', verdict: 'unchanged', after: snapshot(row), improved: [], regressed: [], covered: [], uncovered: [] });
      continue;
    }
    const { improved, regressed } = changesBetween(old, row);
    const wasMissing = new Set(old.missingItems.map((m) => m.standard));
    const nowMissing = new Set(row.missingItems.map((m) => m.standard));
    const change: GovernmentChange = {
      code: row.code,
      name: row.name,
      level: row.level,
      status: 'present',
      verdict: verdictOf(improved, regressed),
      before: snapshot(old),
      after: snapshot(row),
      improved,
      regressed,
      covered: [...wasMissing].filter((id) => !nowMissing.has(id)).sort(),
      uncovered: [...nowMissing].filter((id) => !wasMissing.has(id)).sort(),
    };
    governments.push(change);
  }
  for (const row of previous.governments) {
    if (after.has(keyOf(row))) continue;
    governments.push({ code: row.code, name: row.name, level: row.level, status: 'removed', verdict: 'unchanged', before: snapshot(row), improved: [], regressed: [], covered: [], uncovered: [] });
  }
  const counts: ReportComparison['counts'] = { improved: 0, regressed: 0, mixed: 0, unchanged: 0, added: 0, removed: 0 };
  for (const g of governments) {
    if (g.status === 'present') counts[g.verdict]++;
    else counts[g.status]++;
  }
  return { since, sinceDate: previous.date, counts, governments };
}
