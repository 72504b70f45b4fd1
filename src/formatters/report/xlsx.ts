// The report as a workbook for the office's own spreadsheet: ranking, coverage heatmap, missing items, lagging domains, milestones.
import type ExcelJS from 'exceljs';
import { createWorkbook, writeWorkbook } from '../../publish/xlsx.js';
import { RANKED_LEVELS } from '../../report/build.js';
import { column, coverageBand, describeChange, inParens, label, levelName, milestoneName, percentNumber, statusName, verdictName } from '../../report/labels.js';
import type { RenderOptions, WorkspaceReport } from '../../report/types.js';
import { rankingColumns } from './csv.js';

type Row = Array<string | number | undefined>;

function header(ws: ExcelJS.Worksheet, head: string[], widths: number[]): void {
  ws.columns = head.map((_, i) => ({ width: widths[i] ?? 12 }));
  const row = ws.addRow(head);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
}

function addRows(ws: ExcelJS.Worksheet, rows: Row[]): void {
  for (const r of rows) ws.addRow(r.map((v) => (v === undefined ? null : v)));
}

export async function renderXlsx(report: WorkspaceReport, options: RenderOptions): Promise<Uint8Array> {
  const { lang } = options;
  const date = new Date(`${report.date}T00:00:00Z`);
  const wb = await createWorkbook(`${report.city ?? report.name ?? ''}${label('titleNoCity', lang)}`, date);
  const zh = lang === 'zh';

  const ranking = wb.addWorksheet(zh ? '排名' : 'Ranking');
  const { head, row } = rankingColumns(report, lang);
  header(ranking, head, [10, 6, 14, 22, 18, 24, 8]);
  addRows(ranking, report.governments.map(row));
  if (options.notices.length > 0) {
    ranking.addRow([]);
    for (const n of options.notices) ranking.addRow([n]);
  }

  const ranked = report.governments.filter((r) => RANKED_LEVELS.includes(r.level));
  const heat = wb.addWorksheet(zh ? '领域覆盖率' : 'Coverage by domain');
  header(heat, [column('government', lang), column('level', lang), column('coveragePct', lang), ...report.domains.map((d) => d.name)], [22, 10, 10]);
  for (const r of ranked) {
    const cells = report.domains.map((d) => r.domains.find((c) => c.domain === d.id));
    const added = heat.addRow([r.name, levelName(r.level, lang), percentNumber(r.coverage), ...cells.map((c) => (c ? percentNumber(c.coverage) : '—'))]);
    cells.forEach((c, i) => {
      if (!c) return;
      const band = coverageBand(c.coverage);
      const cell = added.getCell(4 + i);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${band.fill.toUpperCase()}` } };
      cell.font = { color: { argb: `FF${band.ink.toUpperCase()}` } };
    });
  }

  const missing = wb.addWorksheet(zh ? '缺失事项' : 'Missing items');
  header(missing, [column('government', lang), column('code', lang), column('domain', lang), column('standardItem', lang), column('itemName', lang)], [22, 14, 14, 24, 40]);
  addRows(
    missing,
    ranked.flatMap((r) => r.missingItems.map((m): Row => [r.name, r.code, report.domains.find((d) => d.id === m.domain)?.name ?? m.domain, m.standard, m.name])),
  );

  const lagging = wb.addWorksheet(zh ? '滞后领域' : 'Lagging domains');
  header(lagging, [column('domain', lang), column('department', lang), column('coveragePct', lang), column('missing', lang), column('behind', lang)], [16, 20, 10, 10, 60]);
  addRows(
    lagging,
    report.lagging.map((d): Row => [d.name, d.department ?? label('unassigned', lang), percentNumber(d.coverage), d.applicable - d.covered, d.governments.map((g) => `${g.name}${inParens(`${percentNumber(g.coverage)}%`, lang)}`).join(zh ? '、' : ', ')]),
  );

  const milestones = wb.addWorksheet(zh ? '时间节点' : 'Milestones');
  header(milestones, [column('government', lang), column('level', lang), column('milestone', lang), column('due', lang), column('status', lang), column('reachedOn', lang)], [22, 10, 16, 12, 14, 12]);
  addRows(
    milestones,
    ranked.flatMap((r) => r.milestones.map((m): Row => [r.name, levelName(r.level, lang), milestoneName(m.id, lang), m.date, statusName(m.status, lang), m.on])),
  );

  const cmp = report.comparison;
  if (cmp) {
    const sheet = wb.addWorksheet(zh ? '与上期比较' : 'Comparison');
    header(sheet, [column('government', lang), column('code', lang), label('changeCol', lang), column('score', lang), column('rank', lang), label('improvedCol', lang), label('regressedCol', lang)], [22, 14, 10, 14, 10, 40, 40]);
    const sep = zh ? '；' : '; ';
    addRows(
      sheet,
      cmp.governments.map((g): Row => [
        g.name,
        g.code,
        verdictName(g.status === 'present' ? g.verdict : g.status, lang),
        `${g.before?.score?.toFixed(1) ?? '—'} → ${g.after?.score?.toFixed(1) ?? '—'}`,
        `${g.before?.rank ?? '—'} → ${g.after?.rank ?? '—'}`,
        g.improved.map((c) => describeChange(c, report, lang)).join(sep),
        g.regressed.map((c) => describeChange(c, report, lang)).join(sep),
      ]),
    );
  }

  return writeWorkbook(wb, date);
}
