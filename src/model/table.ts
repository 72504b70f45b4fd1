// The official table as gk writes it (gk build's CSV and XLSX) and reads it back (gk import): its columns, list
// separator, formula guard and channel tick boxes. Writers in publish/ and readers in import/ share these, never each other.

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

/** gk build's workbook marks each channel in 公开渠道和载体 with a box: ticked for a channel used, open for one not. */
export const TICKED = '■';
export const UNTICKED = '□';

/**
 * The ticked channels of a cell gk build wrote, or undefined unless every line of the cell is boxes (■/□ each
 * starting a channel, the boxes separated by spaces or line breaks, as gk's workbooks have written them).
 */
export function readChannelCell(cell: string): string[] | undefined {
  const boxes = cell.split(/\r\n?|\n/).flatMap((line) => line.split(/\s+(?=[■□])/u)).map((b) => b.trim());
  if (!boxes.every((b) => b.startsWith(TICKED) || b.startsWith(UNTICKED))) return undefined;
  return boxes.filter((b) => b.startsWith(TICKED)).map((b) => b.slice(TICKED.length).trim()).filter((b) => b !== '');
}

/** A spreadsheet column's letters from its number: 1 → A, 26 → Z, 27 → AA, 16384 → XFD. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A spreadsheet column's number from its letters: A → 1, Z → 26, AA → 27, XFD → 16384. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
