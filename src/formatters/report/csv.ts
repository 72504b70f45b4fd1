// The report as one CSV table, a row per government, for the office's own spreadsheet: UTF-8 with BOM so Excel reads Chinese.
import { formatCsv } from '../../publish/csv.js';
import type { Lang } from '../../model/types.js';
import { column, domainName, levelName, milestoneName, percentNumber, statusName } from '../../report/labels.js';
import type { GovernmentRow, RenderOptions, WorkspaceReport } from '../../report/types.js';

type Value = string | number | undefined;

/** The columns the CSV and the XLSX ranking sheet share. */
export function rankingColumns(report: WorkspaceReport, lang: Lang): { head: string[]; row(r: GovernmentRow): Value[] } {
  const milestoneIds = report.milestones.map((m) => m.id);
  const head = [
    column('level', lang),
    column('rank', lang),
    column('code', lang),
    column('government', lang),
    column('parent', lang),
    column('folder', lang),
    column('score', lang),
    column('coveragePct', lang),
    column('applicable', lang),
    column('covered', lang),
    column('missing', lang),
    column('weakening', lang),
    column('errors', lang),
    column('warnings', lang),
    column('mismatches', lang),
    column('items', lang),
    column('fromParent', lang),
    column('lastChanged', lang),
    column('partCoverage', lang),
    column('partErrorFree', lang),
    column('partWarnings', lang),
    column('partMilestones', lang),
    ...report.milestones.map((m) => `${milestoneName(m.id, lang)}(${m.date})`),
    ...report.domains.map((d) => `${domainName(report, d.id)}${column('coveragePct', lang)}`),
  ];
  const row = (r: GovernmentRow): Value[] => {
    const ranked = r.rank !== undefined;
    return [
      levelName(r.level, lang),
      r.rank,
      r.code,
      r.name,
      r.parentName ?? r.parent,
      r.folder,
      r.score,
      ranked ? percentNumber(r.coverage) : undefined,
      ranked ? r.applicable : undefined,
      ranked ? r.covered : undefined,
      ranked ? r.missing : undefined,
      ranked ? r.weakening : undefined,
      r.errors,
      r.warnings,
      r.mismatches,
      r.items,
      r.fromParent,
      r.lastChanged,
      r.parts?.coverage,
      r.parts?.errorFree,
      r.parts?.warnings,
      r.parts?.milestones,
      ...milestoneIds.map((id) => {
        const m = r.milestones.find((x) => x.id === id);
        return m ? `${statusName(m.status, lang)}${m.on !== undefined ? ` ${m.on}` : ''}` : undefined;
      }),
      ...report.domains.map((d) => {
        const cell = r.domains.find((c) => c.domain === d.id);
        return cell ? percentNumber(cell.coverage) : undefined;
      }),
    ];
  };
  return { head, row };
}

/** Quoting, formula neutralising, BOM and CRLF are gk build's (src/publish/csv.ts), so `gk import` and spreadsheets read both alike. */
export function renderCsv(report: WorkspaceReport, options: RenderOptions): string {
  const { head, row } = rankingColumns(report, options.lang);
  const cell = (v: Value) => (v === undefined ? '' : String(v));
  return formatCsv(head, report.governments.map((g) => row(g).map(cell)));
}
