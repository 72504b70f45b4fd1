// CSV output: the official column headers, RFC 4180 quoting, formula neutralising; pure, so `gk import` can share them.
import type { ItemRow } from './rows.js';
import { CSV_BOM, CSV_HEADERS, CSV_LIST_SEPARATOR, neutralizeCsvCell } from '../model/table.js';

export { CSV_BOM, CSV_HEADERS, CSV_LIST_SEPARATOR, neutralizeCsvCell, restoreCsvCell, type CsvHeader } from '../model/table.js';

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
