// The workbook: one sheet per domain in the official layout (two merged header rows, √ columns), byte-stable.
import { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { eastAsianWidth } from 'get-east-asian-width';
import type { LevelMark } from '../model/types.js';
import type { ChannelVocabulary } from '../load/channels.js';
import { CSV_HEADERS, csvRecordOf } from './csv.js';
import { columnLetters, TICKED, UNTICKED } from '../model/table.js';
import { loadExcel } from '../io/excel.js';
import { categorySpans, markChannels, type DomainRows } from './rows.js';
import { stampZipEntries } from './zip.js';
import { CELL_STYLE, writeWorkbook, type Cell, type CellStyle, type Sheet } from './workbook.js';

/** The zip epoch; docProps and zip entries carry it when the catalog has no date. */
export const UNDATED = new Date(Date.UTC(1980, 0, 1));

const MAX_SHEET_NAME = 31;

/** The document properties of every workbook gk writes: gk as author, the given title, `date` as both dates. */
function describe<T extends { creator: string; lastModifiedBy: string; created: Date; modified: Date }>(wb: T, title: string, date: Date): T {
  wb.creator = 'gk';
  wb.lastModifiedBy = 'gk';
  (wb as T & { title: string }).title = title;
  wb.created = date;
  wb.modified = date;
  return wb;
}

/**
 * Deflate's fastest level for the report's workbook, whose sheets can list a province's missing items; the catalog's,
 * written by Node's zlib in one call per entry, takes the default level 6 (a county's in about 20 ms; 17 % smaller).
 */
const ZIP_LEVEL = 1;
const CATALOG_ZIP_LEVEL = 6;

/** A workbook written as it is filled (`streamingWorkbook`): rows go to the zip as they are committed. */
export interface StreamingWorkbook {
  wb: ExcelJS.stream.xlsx.WorkbookWriter;
  /** Commits what is left and returns the bytes, every zip entry stamped with the workbook's date. */
  finish(): Promise<Uint8Array>;
}

/**
 * The report's workbook, whose sheets may have tens of thousands of rows (a province report lists every missing item):
 * exceljs's streaming writer keeps a row only until it is committed, where its other writer holds every cell of the
 * workbook as objects (issue 12: 670 MB for a 2,000-government report, against 284 MB for its other formats).
 * Strings are written inline rather than shared, so nothing grows with the sheet either. Sheets must be filled one
 * after another (commit each before adding the next), which keeps the zip's entries in one order.
 */
export async function streamingWorkbook(title: string, date: Date): Promise<StreamingWorkbook> {
  const excel = await loadExcel();
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const wb = new excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false, zip: { zlib: { level: ZIP_LEVEL } } } as ConstructorParameters<typeof excel.stream.xlsx.WorkbookWriter>[0]);
  describe(wb, title, date);
  return {
    wb,
    async finish() {
      await wb.commit();
      return stampZipEntries(new Uint8Array(Buffer.concat(chunks)), date);
    },
  };
}

/**
 * Excel's rules: at most 31 characters, none of []:*?/\, not blank, unique ignoring case. An apostrophe inside becomes
 * ’: the print area and titles name the sheet in quotes, where a bare one would end the name.
 */
export function sheetNameOf(name: string, taken: Set<string>): string {
  const cleaned = [...name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').replace(/'/g, '’')].slice(0, MAX_SHEET_NAME).join('').trim() || 'Sheet';
  let candidate = cleaned;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = `(${n})`;
    candidate = [...cleaned].slice(0, MAX_SHEET_NAME - suffix.length).join('') + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Column widths in Excel's units (the width of one digit of the workbook's default font, about 5.25 pt; a Chinese
 * character of the 10 pt text takes two). The official columns add up to about 170 units, so "fit to one page wide" on
 * A4 landscape prints them at close to nine-tenths of their size: 10 pt text comes out near 9 pt.
 */
const TEXT_COLUMNS: ReadonlyArray<{ header: string; width: number }> = [
  { header: '序号', width: 5 },
  { header: '一级事项', width: 10 },
  { header: '二级事项', width: 12 },
  { header: '公开内容（要素）', width: 28 },
  { header: '公开依据', width: 24 },
  { header: '公开时限', width: 14 },
  { header: '公开主体', width: 12 },
  { header: '公开渠道和载体', width: 26 },
];
/**
 * A √ column is as wide as its header (全社会, 特定群体, 县级, …) on one line, and no narrower than six; in half units,
 * never exactly 9, which exceljs takes for its default and leaves out of the file.
 */
function markWidth(header: string): number {
  const width = Math.max(6, Math.ceil((textWidth(header) + CELL_PADDING + 0.3) * 2) / 2);
  return width === 9 ? 9.5 : width;
}

/** The columns gk adds after the official ones, as the CSV has them, so `gk import` reads the workbook back without loss. */
const EXTRA_FROM = CSV_HEADERS.indexOf('五公开分类');
const EXTRA_HEADERS = CSV_HEADERS.slice(EXTRA_FROM);
type ExtraHeader = (typeof EXTRA_HEADERS)[number];
/** Ids are Latin: wide enough for the longest domain id and a number. */
const EXTRA_WIDTHS: Partial<Record<ExtraHeader, number>> = { 五公开分类: 30, 事项编号: 32, 对应标准事项: 32, 领域: 28 };
const EXTRA_WIDTH = 20;

/** The cells' font: 10 pt, 宋体 where the office has it (WPS and Excel in China do; LibreOffice falls back to a CJK font). */
const FONT_NAME = '宋体';
const FONT_SIZE = 10;
/** One line of 10 pt text with a CJK font's line spacing, and the cell's padding above and below, in points. */
const LINE_HEIGHT = 13;
const ROW_PADDING = 4;
/** Excel's default row height, in points: no row is made lower than that. */
const MIN_ROW_HEIGHT = 15;

/**
 * A wide character (CJK, full-width forms, ■/□, √) of the 10 pt text in column-width units: 10 pt over the default
 * font's digit (Calibri 11 pt, 7 px = 5.25 pt); anything else counts as one digit.
 */
const WIDE = 1.9;
/** The part of a column a cell keeps for its padding, in column-width units. */
const CELL_PADDING = 0.6;

/** The width of one code point; CJK ideographs and ASCII, nearly all of a catalog's text, are answered without a lookup. */
function codeWidth(code: number): number {
  if (code < 0x80) return 1;
  if (code >= 0x4e00 && code <= 0x9fff) return WIDE;
  return eastAsianWidth(code, { ambiguousAsWide: true }) === 2 ? WIDE : 1;
}

/** The code point at `i` (a lone surrogate stands for itself) and how many UTF-16 units it takes. */
function codePointAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return code;
}

/** How wide `text` is in column-width units. */
export function textWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; ) {
    const code = codePointAt(text, i);
    width += codeWidth(code);
    i += code > 0xffff ? 2 : 1;
  }
  return width;
}

/**
 * How many lines `text` takes when wrapped in a column `width` units wide: each line of the text (ended by CR LF, CR or
 * LF) starts a new line, and a line wider than the column is broken between characters. One pass over the text by
 * character codes: a city's workbooks measure some two million cells.
 */
export function linesIn(text: string, width: number): number {
  const room = Math.max(1, width - CELL_PADDING);
  let lines = 1;
  let used = 0;
  for (let i = 0; i < text.length; ) {
    const code = codePointAt(text, i);
    i += code > 0xffff ? 2 : 1;
    if (code === 10 || code === 13) {
      if (code === 13 && text.charCodeAt(i) === 10) i++;
      lines++;
      used = 0;
      continue;
    }
    const w = codeWidth(code);
    if (used + w > room && used > 0) {
      lines++;
      used = 0;
    }
    used += w;
  }
  return lines;
}

/** The height, in points, that shows `lines` lines of the cells' text. */
export function heightOf(lines: number): number {
  return Math.max(MIN_ROW_HEIGHT, lines * LINE_HEIGHT + ROW_PADDING);
}

/** Text for a page header or footer: `&` starts a code there, so a literal one is doubled. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

export interface XlsxInput {
  domains: readonly DomainRows[];
  levelColumns: readonly LevelMark[];
  channels: ChannelVocabulary;
  title: string;
  date?: string;
}

/**
 * The official ■/□ list of every channel, boxes one after another on a line (the cell wraps them), so a row is a few
 * lines tall rather than one line per channel.
 */
function channelCell(written: readonly string[], channels: ChannelVocabulary): string {
  const { marks, others } = markChannels(written, channels);
  return [...marks.map((m) => `${m.on ? TICKED : UNTICKED}${m.name}`), ...others.map((o) => `${TICKED}${o}`)].join(' ');
}

/**
 * One sheet per domain. The official table (A to the last 公开层级 column) is the print area, printed A4 landscape one
 * page wide with its two header rows on every page; gk's own columns (五公开分类, 事项编号, …) follow it outside the print
 * area, so `gk import` reads them back but they are not printed. Each row is as tall as its fullest cell.
 */
export async function buildWorkbook(input: XlsxInput): Promise<Uint8Array> {
  const date = input.date !== undefined ? new Date(`${input.date}T00:00:00Z`) : UNDATED;
  const groups: Array<{ header: string; values: readonly string[] }> = [
    { header: '公开对象', values: ['全社会', '特定群体'] },
    { header: '公开方式', values: ['主动', '依申请'] },
    { header: '公开层级', values: input.levelColumns },
  ];
  const markCount = groups.reduce((n, g) => n + g.values.length, 0);
  const lastOfficial = TEXT_COLUMNS.length + markCount;
  const widths = [
    ...TEXT_COLUMNS.map((c) => c.width),
    ...groups.flatMap((g) => g.values.map(markWidth)),
    ...EXTRA_HEADERS.map((h) => EXTRA_WIDTHS[h] ?? EXTRA_WIDTH),
  ];
  const firstExtra = lastOfficial + 1;
  // 序号 and the √ columns are centred; gk's own columns after the official ones are one line each.
  const styleOf = (header: boolean, c: number): CellStyle => {
    if (c >= firstExtra) return header ? CELL_STYLE.extraHeader : CELL_STYLE.extra;
    if (header) return CELL_STYLE.header;
    return c === 1 || c > TEXT_COLUMNS.length ? CELL_STYLE.mark : CELL_STYLE.text;
  };
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
  // The header's merges: the text columns and gk's own span both rows, each group's name spans its √ columns.
  const headerMerges: string[] = [];
  TEXT_COLUMNS.forEach((_, i) => headerMerges.push(`${columnLetters(i + 1)}1:${columnLetters(i + 1)}2`));
  let col = TEXT_COLUMNS.length + 1;
  for (const g of groups) {
    if (g.values.length > 1) headerMerges.push(`${columnLetters(col)}1:${columnLetters(col + g.values.length - 1)}1`);
    col += g.values.length;
  }
  EXTRA_HEADERS.forEach((_, i) => headerMerges.push(`${columnLetters(firstExtra + i)}1:${columnLetters(firstExtra + i)}2`));
  // In the first row a merged group shows its name once; in the second the headers spanning both rows are empty.
  const topCells: Cell[] = top.map((text, i) => ({ value: i > 0 && top[i - 1] === text && i >= TEXT_COLUMNS.length && i < lastOfficial ? undefined : text, style: styleOf(true, i + 1) }));
  const secondCells: Cell[] = second.map((text, i) => ({ value: i >= TEXT_COLUMNS.length && i < lastOfficial ? text : undefined, style: styleOf(true, i + 1) }));
  const taken = new Set<string>();
  const sheets: Sheet[] = [];
  for (const domain of input.domains) {
    if (domain.rows.length === 0) continue;
    const records: string[][] = [];
    const rows: Cell[][] = [];
    for (const row of domain.rows) {
      const marks = [
        ...['全社会', '特定群体'].map((v) => ((row.audience as string[]).includes(v) ? '√' : '')),
        ...['主动', '依申请'].map((v) => ((row.mode as string[]).includes(v) ? '√' : '')),
        ...input.levelColumns.map((v) => (row.levels.includes(v) ? '√' : '')),
      ];
      const extra = csvRecordOf(row).slice(EXTRA_FROM);
      const record = [String(row.seq), row.category, row.name, row.content, row.basis.join('\n'), row.deadline, row.subject, channelCell(row.channels, input.channels), ...marks, ...extra];
      records.push(record);
      rows.push(record.map((text, i) => ({ value: i === 0 ? row.seq : text, style: styleOf(false, i + 1) })));
    }
    const spans = categorySpans(domain.rows);
    const merges = [...headerMerges];
    spans.forEach((span, i) => {
      if (span > 1) merges.push(`B${3 + i}:B${3 + i + span - 1}`);
    });
    const heights = rowHeights({ top, second, records, spans, widths, groups: groups.map((g) => g.values.length), official: lastOfficial });
    sheets.push({
      name: sheetNameOf(domain.name, taken),
      widths,
      rows: [topCells, secondCells, ...rows].map((cells, i) => ({ height: heights[i]!, cells })),
      merges,
      headerRows: 2,
      printColumns: lastOfficial,
      header: `&C${headerText(`${input.title}${domain.name}领域基层政务公开标准目录`)}`,
      footer: '&C第 &P 页，共 &N 页',
    });
  }
  if (sheets.length === 0) sheets.push({ name: '目录', widths: [], rows: [], merges: [], headerRows: 0, printColumns: 1, header: '', footer: '' });
  return writeWorkbook(sheets, input.title, date, CATALOG_ZIP_LEVEL);
}

/**
 * The height of every row, the two header rows first: each as tall as its fullest cell (Excel and LibreOffice keep a
 * row one line high unless told, and wrapped text then overlaps the rows below). A merged 一级事项 that needs more than
 * its rows give it makes its group's last row taller; the header's vertically merged cells likewise lengthen the
 * second header row.
 */
function rowHeights(sheet: { top: string[]; second: string[]; records: string[][]; spans: number[]; widths: number[]; groups: number[]; official: number }): number[] {
  const { widths } = sheet;
  const lines = (cells: readonly string[], skip: (c: number) => boolean = () => false) =>
    Math.max(1, ...cells.map((text, c) => (c >= sheet.official || skip(c) ? 1 : linesIn(text, widths[c]!))));
  // Header: row 1 holds the groups' names (merged across their columns), row 2 the √ columns' names; the other
  // headers span both rows.
  const groupStart = TEXT_COLUMNS.length;
  let top = 1;
  let c = groupStart;
  for (const n of sheet.groups) {
    const width = widths.slice(c, c + n).reduce((a, b) => a + b, 0);
    top = Math.max(top, linesIn(sheet.top[c]!, width));
    c += n;
  }
  const second = lines(sheet.second, (col) => col < groupStart || col >= c);
  const both = lines(sheet.top, (col) => col >= groupStart && col < c);
  const topHeight = heightOf(top);
  // Items (gk's columns after the official ones are not measured: they do not wrap): the 一级事项 column (index 1) is measured over its merged group.
  const heights = sheet.records.map((record, i) => heightOf(lines(record, (col) => col === 1 && (sheet.spans[i] ?? 0) !== 1)));
  sheet.spans.forEach((span, i) => {
    if (span <= 1) return;
    const needed = heightOf(linesIn(sheet.records[i]![1]!, widths[1]!));
    const have = heights.slice(i, i + span).reduce((a, b) => a + b, 0);
    if (needed > have) heights[i + span - 1]! += needed - have;
  });
  return [topHeight, Math.max(heightOf(second), heightOf(both) - topHeight), ...heights];
}
