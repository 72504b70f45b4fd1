// The report as a workbook for the office's own spreadsheet: ranking, coverage heatmap, missing items, lagging domains, milestones.
import type ExcelJS from 'exceljs';
import { streamingWorkbook } from '../../publish/xlsx.js';
import { RANKED_LEVELS } from '../../report/build.js';
import { column, coverageBand, describeChange, inParens, label, levelName, milestoneName, percentNumber, statusName, verdictName } from '../../report/labels.js';
import type { RenderOptions, WorkspaceReport } from '../../report/types.js';
import { rankingColumns } from './csv.js';

type Row = Array<string | number | undefined>;
type Sheet = ExcelJS.Worksheet;

/** A sheet whose first row is `head`, bold on a tinted ground, frozen above the rest. */
function sheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, head: string[], widths: number[]): Sheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  ws.columns = head.map((_, i) => ({ width: widths[i] ?? 12 }));
  const row = ws.addRow(head);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  row.commit();
  return ws;
}

/** Each row written out as it is added: the streaming writer keeps none of them. */
function addRows(ws: Sheet, rows: Iterable<Row>): void {
  for (const r of rows) ws.addRow(r.map((v) => (v === undefined ? null : v))).commit();
}

export async function renderXlsx(report: WorkspaceReport, options: RenderOptions): Promise<Uint8Array> {
  const { lang } = options;
  const date = new Date(`${report.date}T00:00:00Z`);
  const { wb, finish } = await streamingWorkbook(`${report.city ?? report.name ?? ''}${label('titleNoCity', lang)}`, date);
  const zh = lang === 'zh';

  const { head, row } = rankingColumns(report, lang);
  const ranking = sheet(wb, zh ? '排名' : 'Ranking', head, [10, 6, 14, 22, 18, 24, 8]);
  addRows(ranking, report.governments.map(row));
  if (options.notices.length > 0) addRows(ranking, [[], ...options.notices.map((n) => [n])]);
  ranking.commit();

  const ranked = report.governments.filter((r) => RANKED_LEVELS.includes(r.level));
  const heat = sheet(wb, zh ? '领域覆盖率' : 'Coverage by domain', [column('government', lang), column('level', lang), column('coveragePct', lang), ...report.domains.map((d) => d.name)], [22, 10, 10]);
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
    added.commit();
  }
  heat.commit();

  const missing = sheet(wb, zh ? '缺失事项' : 'Missing items', [column('government', lang), column('code', lang), column('domain', lang), column('standardItem', lang), column('itemName', lang)], [22, 14, 14, 24, 40]);
  const domainNames = new Map(report.domains.map((d) => [d.id, d.name]));
  for (const r of ranked) addRows(missing, r.missingItems.map((m): Row => [r.name, r.code, domainNames.get(m.domain) ?? m.domain, m.standard, m.name]));
  missing.commit();

  const lagging = sheet(wb, zh ? '滞后领域' : 'Lagging domains', [column('domain', lang), column('department', lang), column('coveragePct', lang), column('missing', lang), column('behind', lang)], [16, 20, 10, 10, 60]);
  addRows(
    lagging,
    report.lagging.map((d): Row => [d.name, d.department ?? label('unassigned', lang), percentNumber(d.coverage), d.applicable - d.covered, d.governments.map((g) => `${g.name}${inParens(`${percentNumber(g.coverage)}%`, lang)}`).join(zh ? '、' : ', ')]),
  );
  lagging.commit();

  const milestones = sheet(wb, zh ? '时间节点' : 'Milestones', [column('government', lang), column('level', lang), column('milestone', lang), column('due', lang), column('status', lang), column('reachedOn', lang)], [22, 10, 16, 12, 14, 12]);
  for (const r of ranked) addRows(milestones, r.milestones.map((m): Row => [r.name, levelName(r.level, lang), milestoneName(m.id, lang), m.date, statusName(m.status, lang), m.on]));
  milestones.commit();

  const cmp = report.comparison;
  if (cmp) {
    const compared = sheet(wb, zh ? '与上期比较' : 'Comparison', [column('government', lang), column('code', lang), label('changeCol', lang), column('score', lang), column('rank', lang), label('improvedCol', lang), label('regressedCol', lang)], [22, 14, 10, 14, 10, 40, 40]);
    const sep = zh ? '；' : '; ';
    addRows(
      compared,
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
    compared.commit();
  }

  return finish();
}
