// The one shape every input becomes: a grid of cell texts with merged cells expanded, and where each cell came from.
import type { Encoding } from '../load/decode.js';
import type { Lang } from '../model/types.js';
import { columnLetters } from '../model/table.js';

export type TableKind = 'sheet' | 'csv' | 'html';

export interface Table {
  kind: TableKind;
  /** sheet name; '' for a CSV; '' for an HTML table (its ordinal is `index`) */
  name: string;
  /** 1-based ordinal among the file's tables */
  index: number;
  /** rows of cell texts, every row as long as the widest; merged cells hold their master's text */
  rows: string[][];
  /** CSV only: the physical line on which each record starts (1-based) */
  lines?: number[];
  /** text inputs only: how the bytes were decoded */
  encoding?: Encoding;
  /** CSV only: the field separator found */
  delimiter?: string;
  /** HTML only: the table's <caption>, else the page's <title> or first <h1>: where a portal page names its catalog */
  caption?: string;
}

/**
 * The largest table gk imports: far above any real catalog (a county's has about 800 rows and 15 columns), far
 * below what would exhaust memory. Workbooks are measured by the cell references they declare, before reading.
 * Measured (2 cores, node 20, /usr/bin/time peak RSS): a 99,990-row, 30 MB CSV imports at about 610 MB peak and 19 s
 * of CPU (1.6 GB and 25 s before fields were cut whole, items printed one at a time and the plan dropped before the
 * written file is checked); a 130,000-row table is refused in seconds with a message naming the limit.
 */
export const TABLE_LIMITS = { rows: 100_000, columns: 1_000, cells: 5_000_000 } as const;

export type TableLimit = keyof typeof TABLE_LIMITS;

/** A table beyond TABLE_LIMITS; import refuses the file with a message naming the limit. */
export class TableTooLarge extends Error {
  readonly limit: TableLimit;
  readonly value: number;
  constructor(limit: TableLimit, value: number) {
    super(`${limit}: ${value} > ${TABLE_LIMITS[limit]}`);
    this.limit = limit;
    this.value = value;
  }
}

/** Throws TableTooLarge when a table of this many rows and columns is beyond the limits. */
export function checkTableSize(rows: number, columns: number): void {
  if (rows > TABLE_LIMITS.rows) throw new TableTooLarge('rows', rows);
  if (columns > TABLE_LIMITS.columns) throw new TableTooLarge('columns', columns);
  if (rows * columns > TABLE_LIMITS.cells) throw new TableTooLarge('cells', rows * columns);
}

/** Pads ragged rows so every row has the same number of cells (within TABLE_LIMITS). */
export function squareRows(rows: string[][]): string[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  checkTableSize(rows.length, width);
  return rows.map((r) => (r.length === width ? r : [...r, ...Array<string>(width - r.length).fill('')]));
}

/** 0 → A, 25 → Z, 26 → AA */
export function spellColumn(col: number): string {
  return columnLetters(col + 1);
}

/** Where a cell is, the way the user finds it: `Sheet1!C12`, `line 14`, `table 1, row 5`. */
export function locateCell(table: Table, row: number, col: number, lang: Lang): string {
  switch (table.kind) {
    case 'sheet':
      return `${table.name}!${spellColumn(col)}${row + 1}`;
    case 'csv': {
      const line = table.lines?.[row] ?? row + 1;
      return lang === 'zh' ? `第 ${line} 行` : `line ${line}`;
    }
    case 'html':
      return lang === 'zh' ? `表格 ${table.index} 第 ${row + 1} 行 ${spellColumn(col)} 列` : `table ${table.index}, row ${row + 1}, column ${spellColumn(col)}`;
  }
}

/** Where a run of rows is (the header): `Sheet1!1:2`, `lines 3–4`, `table 1, rows 1–2`. */
export function locateRows(table: Table, first: number, last: number, lang: Lang): string {
  const span = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`);
  switch (table.kind) {
    case 'sheet':
      return `${table.name}!${first + 1}:${last + 1}`;
    case 'csv': {
      const a = table.lines?.[first] ?? first + 1;
      const b = table.lines?.[last] ?? last + 1;
      return lang === 'zh' ? `第 ${span(a, b)} 行` : `${a === b ? 'line' : 'lines'} ${span(a, b)}`;
    }
    case 'html':
      return lang === 'zh' ? `表格 ${table.index} 第 ${span(first + 1, last + 1)} 行` : `table ${table.index}, ${first === last ? 'row' : 'rows'} ${span(first + 1, last + 1)}`;
  }
}

/** The table's own name in the report: `Sheet1`, `table 2`; '' for a CSV (the file is the table). */
export function describeTable(table: Table, lang: Lang): string {
  if (table.kind === 'sheet') return table.name;
  if (table.kind === 'html') return lang === 'zh' ? `表格 ${table.index}` : `table ${table.index}`;
  return '';
}
