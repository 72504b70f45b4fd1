// The workbook: one sheet per domain in the official layout (two merged header rows, √ columns), byte-stable.
import type ExcelJS from 'exceljs';
import type { LevelMark } from '../model/types.js';
import type { ChannelVocabulary } from '../load/channels.js';
import { CSV_HEADERS, csvRecordOf } from './csv.js';
import { categorySpans, markChannels, type DomainRows } from './rows.js';
import { stampZipEntries } from './zip.js';

/** The zip epoch; docProps and zip entries carry it when the catalog has no date. */
export const UNDATED = new Date(Date.UTC(1980, 0, 1));

const MAX_SHEET_NAME = 31;

/** exceljs takes a fifth of a second to load: only the commands that write a workbook pay for it. */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** A workbook whose document properties carry `date` rather than the clock, so identical input gives identical bytes. */
export async function createWorkbook(title: string, date: Date): Promise<ExcelJS.Workbook> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'gk';
  wb.lastModifiedBy = 'gk';
  wb.title = title;
  wb.created = date;
  wb.modified = date;
  return wb;
}

/** The workbook's bytes, every zip entry stamped with `date`: exceljs would stamp the current time. */
export async function writeWorkbook(wb: ExcelJS.Workbook, date: Date): Promise<Uint8Array> {
  const buffer = await wb.xlsx.writeBuffer();
  return stampZipEntries(new Uint8Array(buffer as ArrayBuffer), date);
}

/** Excel's rules: at most 31 characters, none of []:*?/\, not blank, unique ignoring case. */
export function sheetNameOf(name: string, taken: Set<string>): string {
  const cleaned = [...name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '')].slice(0, MAX_SHEET_NAME).join('').trim() || 'Sheet';
  let candidate = cleaned;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = `(${n})`;
    candidate = [...cleaned].slice(0, MAX_SHEET_NAME - suffix.length).join('') + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Column widths in Excel's units (about one Latin digit; a Chinese character takes two). */
const TEXT_COLUMNS: ReadonlyArray<{ header: string; width: number }> = [
  { header: '序号', width: 6 },
  { header: '一级事项', width: 14 },
  { header: '二级事项', width: 18 },
  { header: '公开内容（要素）', width: 48 },
  { header: '公开依据', width: 34 },
  { header: '公开时限', width: 20 },
  { header: '公开主体', width: 18 },
  { header: '公开渠道和载体', width: 26 },
];
const MARK_WIDTH = 7;

/** The columns gk adds after the official ones, as the CSV has them, so `gk import` reads the workbook back without loss. */
const EXTRA_FROM = CSV_HEADERS.indexOf('五公开分类');
const EXTRA_HEADERS = CSV_HEADERS.slice(EXTRA_FROM);
type ExtraHeader = (typeof EXTRA_HEADERS)[number];
/** Ids are Latin: wide enough for the longest domain id and a number. */
const EXTRA_WIDTHS: Partial<Record<ExtraHeader, number>> = { 五公开分类: 14, 事项编号: 32, 对应标准事项: 32, 领域: 28 };
const EXTRA_WIDTH = 20;

export interface XlsxInput {
  domains: readonly DomainRows[];
  levelColumns: readonly LevelMark[];
  channels: ChannelVocabulary;
  title: string;
  date?: string;
}

const TICKED = '■';
const UNTICKED = '□';

function channelCell(written: readonly string[], channels: ChannelVocabulary): string {
  const { marks, others } = markChannels(written, channels);
  return [...marks.map((m) => `${m.on ? TICKED : UNTICKED}${m.name}`), ...others.map((o) => `${TICKED}${o}`)].join('\n');
}

/** The inverse of `channelCell`, for importers: the ticked channels, or undefined when the cell is not one box per line. */
export function readChannelCell(cell: string): string[] | undefined {
  const lines = cell.split(/\r\n?|\n/);
  if (!lines.every((l) => l.startsWith(TICKED) || l.startsWith(UNTICKED))) return undefined;
  return lines.filter((l) => l.startsWith(TICKED)).map((l) => l.slice(TICKED.length).trim()).filter((l) => l !== '');
}

export async function buildWorkbook(input: XlsxInput): Promise<Uint8Array> {
  const date = input.date !== undefined ? new Date(`${input.date}T00:00:00Z`) : UNDATED;
  const wb = await createWorkbook(input.title, date);
  const groups: Array<{ header: string; values: readonly string[] }> = [
    { header: '公开对象', values: ['全社会', '特定群体'] },
    { header: '公开方式', values: ['主动', '依申请'] },
    { header: '公开层级', values: input.levelColumns },
  ];
  const markCount = groups.reduce((n, g) => n + g.values.length, 0);
  const taken = new Set<string>();
  const domains = input.domains.filter((d) => d.rows.length > 0);
  for (const domain of domains) {
    const ws = wb.addWorksheet(sheetNameOf(domain.name, taken), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 2, topLeftCell: 'A3', activeCell: 'A3' }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
    });
    ws.columns = [
      ...TEXT_COLUMNS.map((c) => ({ width: c.width })),
      ...Array.from({ length: markCount }, () => ({ width: MARK_WIDTH })),
      ...EXTRA_HEADERS.map((h) => ({ width: EXTRA_WIDTHS[h] ?? EXTRA_WIDTH })),
    ];
    const top: string[] = TEXT_COLUMNS.map((c) => c.header);
    const second: string[] = TEXT_COLUMNS.map((c) => c.header);
    for (const g of groups) {
      for (const v of g.values) {
        top.push(g.header);
        second.push(v);
      }
    }
    top.push(...EXTRA_HEADERS);
    second.push(...EXTRA_HEADERS);
    ws.addRow(top);
    ws.addRow(second);
    TEXT_COLUMNS.forEach((_, i) => ws.mergeCells(1, i + 1, 2, i + 1));
    let col = TEXT_COLUMNS.length + 1;
    for (const g of groups) {
      if (g.values.length > 1) ws.mergeCells(1, col, 1, col + g.values.length - 1);
      col += g.values.length;
    }
    const firstExtra = col;
    EXTRA_HEADERS.forEach((_, i) => ws.mergeCells(1, firstExtra + i, 2, firstExtra + i));
    for (const row of domain.rows) {
      const marks = [
        ...['全社会', '特定群体'].map((v) => ((row.audience as string[]).includes(v) ? '√' : '')),
        ...['主动', '依申请'].map((v) => ((row.mode as string[]).includes(v) ? '√' : '')),
        ...input.levelColumns.map((v) => (row.levels.includes(v) ? '√' : '')),
      ];
      const extra = csvRecordOf(row).slice(EXTRA_FROM);
      ws.addRow([row.seq, row.category, row.name, row.content, row.basis.join('\n'), row.deadline, row.subject, channelCell(row.channels, input.channels), ...marks, ...extra]);
    }
    const spans = categorySpans(domain.rows);
    spans.forEach((span, i) => {
      if (span > 1) ws.mergeCells(3 + i, 2, 3 + i + span - 1, 2);
    });
    const border = { style: 'thin' as const, color: { argb: 'FF808080' } };
    ws.eachRow((r, n) => {
      r.eachCell({ includeEmpty: true }, (cell, c) => {
        const mark = (c > TEXT_COLUMNS.length && c < firstExtra) || c === 1;
        cell.alignment = { wrapText: true, vertical: 'middle', horizontal: n <= 2 || mark ? 'center' : 'left' };
        cell.border = { top: border, left: border, bottom: border, right: border };
        if (n <= 2) {
          cell.font = { bold: true };
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
        }
      });
    });
  }
  if (domains.length === 0) wb.addWorksheet('目录');
  return writeWorkbook(wb, date);
}
