// CSV output: the official column headers, RFC 4180 quoting, formula neutralising; pure, so `gk import` can share them.
import type { ItemRow } from './rows.js';

/** The official table's columns, then the four gk adds so an import reads the file back without loss. */
export const CSV_HEADERS = [
  '序号',
  '一级事项',
  '二级事项',
  '公开内容（要素）',
  '公开依据',
  '公开时限',
  '公开主体',
  '公开渠道和载体',
  '公开对象',
  '公开方式',
  '公开层级',
  '五公开分类',
  '事项编号',
  '对应标准事项',
  '领域',
] as const;

export type CsvHeader = (typeof CSV_HEADERS)[number];

/** Joins the values of a list cell (公开依据, 公开渠道和载体, …), as the reference tables do. */
export const CSV_LIST_SEPARATOR = '；';

export const CSV_BOM = '\ufeff';

/**
 * Characters that make Excel, WPS and LibreOffice read a cell as a formula. A cell starting with one of them —
 * or with quotes before one, so the quote stays reversible — gets one more leading `'`; see `restoreCsvCell`.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function neutralizeCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse of `neutralizeCsvCell`, for importers: drops the one `'` it added. */
export function restoreCsvCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, and quotes inside are doubled. */
export function quoteCsvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatCsvRecord(cells: readonly string[]): string {
  return `${cells.map((c) => quoteCsvCell(neutralizeCsvCell(c))).join(',')}\r\n`;
}

/** A whole file: BOM (so Excel on Chinese Windows reads UTF-8), header, records, CRLF after every line. */
export function formatCsv(headers: readonly string[], records: readonly (readonly string[])[]): string {
  return CSV_BOM + formatCsvRecord(headers) + records.map(formatCsvRecord).join('');
}

export function csvRecordOf(row: ItemRow): string[] {
  const list = (values: readonly string[]) => values.join(CSV_LIST_SEPARATOR);
  return [
    String(row.seq),
    row.category,
    row.name,
    row.content,
    list(row.basis),
    row.deadline,
    row.subject,
    list(row.channels),
    list(row.audience),
    list(row.mode),
    list(row.levels),
    list(row.publics),
    row.id,
    row.standard ?? '',
    row.domain,
  ];
}

export function formatCatalogCsv(rows: readonly ItemRow[]): string {
  return formatCsv(CSV_HEADERS, rows.map(csvRecordOf));
}
