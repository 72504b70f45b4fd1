// .xlsx bytes → one table per worksheet: merged ranges expanded, rich text flattened, symbol-font check marks read as the marks they show.
import type ExcelJS from 'exceljs';
import { loadExcel } from '../io/excel.js';
import JSZip from 'jszip';
import { columnNumber } from '../model/table.js';
import { checkTableSize, squareRows, TableTooLarge, type Table } from './table.js';

/** What a symbol font draws for the letters Excel stores: Wingdings `t` is ◆, Wingdings 2 `R` is ☑, and so on. */
const SYMBOL_FONTS: Record<string, Record<string, string>> = {
  wingdings: { ü: '✓', þ: '☑', ý: '☒', o: '□', q: '□', '¨': '□', n: '■', l: '●', t: '◆', u: '◆', v: '❖', x: '☒' },
  'wingdings 2': { P: '✓', R: '☑', T: '☒', S: '☒', O: '✗', Q: '☒', '£': '□', '¢': '□', '˜': '●' },
};

function symbolText(text: string, font: string | undefined): string {
  const map = font ? SYMBOL_FONTS[font.toLowerCase()] : undefined;
  if (!map) return text;
  return [...text].map((ch) => map[ch] ?? ch).join('');
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The text a cell shows. */
export function readCellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  const font = cell.font?.name;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return symbolText(v, font);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((run) => symbolText(run.text, run.font?.name ?? font)).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return '';
      if (result instanceof Date) return isoDate(result);
      if (typeof result === 'object') return '';
      return String(result);
    }
    if ('hyperlink' in v) {
      const text = (v as ExcelJS.CellHyperlinkValue).text;
      return typeof text === 'string' ? text : cell.text;
    }
    if ('error' in v) return '';
  }
  return cell.text;
}

/** Above this, one worksheet's XML is refused unread (a zip bomb); a 100,000-row catalog sheet is far smaller. */
const MAX_SHEET_XML = 256 * 1024 * 1024;

/** Cell, row and merged-range references of a worksheet's XML: `r="XFD1048576"`, `ref="A1:C3"`. */
const REF = /\sr(?:ef)?="\$?([A-Z]{0,3})\$?(\d*)(?::\$?([A-Z]{0,3})\$?(\d*))?"/g;

/**
 * The extent each worksheet declares, checked against TABLE_LIMITS before exceljs reads the workbook: it would
 * allocate every cell of a merged range, and gk's grid every cell up to the last one (a 3 KB file with one cell at
 * XFD1048576 asked for 17 billion).
 */
async function checkDeclaredExtent(bytes: Uint8Array): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return; // exceljs says what is wrong with it
  }
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (size > MAX_SHEET_XML) throw new TableTooLarge('cells', Number.POSITIVE_INFINITY);
    const xml = await entry.async('string');
    let rows = 0;
    let columns = 0;
    for (const m of xml.matchAll(REF)) {
      for (const [col, row] of [[m[1], m[2]], [m[3], m[4]]]) {
        if (col) columns = Math.max(columns, columnNumber(col));
        if (row) rows = Math.max(rows, Number(row));
      }
    }
    checkTableSize(rows, columns);
  }
}

export async function readWorkbook(bytes: Uint8Array): Promise<Table[]> {
  await checkDeclaredExtent(bytes);
  const workbook = new (await loadExcel()).Workbook();
  // exceljs's typings want a Node Buffer; the bytes are one
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  const tables: Table[] = [];
  workbook.worksheets.forEach((sheet, i) => {
    const rows: string[][] = [];
    const height = sheet.rowCount;
    const width = sheet.columnCount;
    checkTableSize(height, width);
    for (let r = 1; r <= height; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        // a merged cell shows its master's text, so 一级事项 spanning rows reaches every row it spans
        cells.push(readCellText(cell.isMerged ? cell.master : cell));
      }
      rows.push(cells);
    }
    tables.push({ kind: 'sheet', name: sheet.name, index: i + 1, rows: squareRows(rows) });
  });
  return tables;
}
