// The human format: problems grouped by file, aligned columns, source excerpts with carets, a summary line.
import { Chalk, type ChalkInstance } from 'chalk';
import { FILE_START, sortDiagnostics, formatPath, type Summary } from '../model/diagnostic.js';
import { ELEMENT_NAMES } from '../model/elements.js';
import { say, type Message } from '../model/i18n.js';
import type { Diagnostic, ItemField, Lang, RelatedLocation } from '../model/types.js';
import { displayFile, type FormatOptions } from './types.js';

const M = {
  hint: { zh: '提示：{text}', en: 'hint: {text}' },
  related: { zh: '相关位置：{where} {text}', en: 'related: {where} {text}' },
  problems: { zh: '✖ 共 {total} 个问题（{errors} 个错误，{warnings} 个警告）', en: '✖ {total} {problems} ({errors} {errorWord}, {warnings} {warningWord})' },
  fixable: { zh: '，其中 {n} 个可用 gk fmt 自动修复', en: ', {n} fixable with gk fmt' },
  elements: { zh: '须在本地补充的要素：{list}', en: 'elements to supply: {list}' },
  element: { zh: '{name} {n} 项', en: '{name} in {n} {items}' },
  explain: { zh: '运行 gk explain <规则> 查看规则说明和修正方法，如 gk explain {code}', en: 'run gk explain <rule> to see what a rule means and how to fix it, e.g. gk explain {code}' },
  more: {
    zh: '… 本文件另有 {n} 个 {code} 问题未列出（每条规则每个文件列出 {limit} 个；--max-repeats 0 列出全部）',
    en: '… {n} more {code} findings in this file not listed ({limit} per rule and file; --max-repeats 0 lists all)',
  },
} satisfies Record<string, Message>;

/** Past this many terminal columns a source line wraps and the caret stops lining up, so show a window. */
const EXCERPT_WIDTH = 100;
/** Columns of context kept before the range when a long line is windowed. */
const EXCERPT_LEAD = 24;
/** Three dots rather than "…", whose width terminals disagree on (East-Asian ambiguous). */
const ELLIPSIS = '...';
const SEVERITY_WIDTH = 'warning'.length;
/** Both two characters wide, so the columns stay aligned. */
const SEVERITY_ZH = { error: '错误', warning: '警告' } as const;
const TAB = '    ';

export function formatStylish(diagnostics: readonly Diagnostic[], summary: Summary, options: FormatOptions): string {
  if (diagnostics.length === 0) return '';
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of sortDiagnostics(diagnostics)) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(c.underline(displayFile(file, options.cwd)) + '\n');
    renderFile(list, options.sources?.get(file), options, c, out);
    out.push('\n');
  }
  out.push(renderSummary(summary, options.lang, c) + '\n');
  if (summary.elements) out.push(renderElements(summary.elements, options.lang) + '\n');
  out.push(c.dim(say(M.explain, options.lang, { code: mostFrequentCode(diagnostics) })) + '\n');
  return out.join('');
}

/** Within one file, the first `limit` findings of each rule; how many of each rule were left out. */
export function capRepeats(list: readonly Diagnostic[], limit: number): { shown: Diagnostic[]; hidden: Map<string, number> } {
  const hidden = new Map<string, number>();
  if (!(limit > 0)) return { shown: [...list], hidden };
  const seen = new Map<string, number>();
  const shown: Diagnostic[] = [];
  for (const d of list) {
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (n <= limit) shown.push(d);
    else hidden.set(d.code, (hidden.get(d.code) ?? 0) + 1);
  }
  return { shown, hidden };
}

function widest(values: Iterable<number>): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max;
}

function renderFile(all: Diagnostic[], source: string | undefined, options: FormatOptions, c: ChalkInstance, out: string[]): void {
  const { shown: list, hidden } = capRepeats(all, options.maxRepeats ?? 0);
  const lines = source === undefined ? undefined : source.split(/\r?\n/);
  const lineWidth = widest(list.map((d) => String(d.range.start.line).length));
  const colWidth = widest(list.map((d) => String(d.range.start.column).length));
  const messages = list.map((d) => clean(d.message));
  const messageWidth = widest(messages.map(textWidth));
  // Many findings on one long line (5,000 unknown channels in one flow list) share its cells, measured once.
  const measured = new Map<number, MeasuredLine>();
  list.forEach((d, i) => {
    const message = messages[i]!;
    const loc = `${String(d.range.start.line).padStart(lineWidth)}:${String(d.range.start.column).padEnd(colWidth)}`;
    const label = options.lang === 'zh' ? SEVERITY_ZH[d.severity] : d.severity.padEnd(SEVERITY_WIDTH);
    const severity = d.severity === 'error' ? c.red(label) : c.yellow(label);
    const gap = ' '.repeat(messageWidth - textWidth(message));
    out.push(`  ${c.dim(loc)}  ${severity}  ${message}${gap}  ${c.dim(d.code)}\n`);
    const number = d.range.start.line;
    const line = lines === undefined || isWholeFile(d) ? undefined : lines[number - 1];
    if (line !== undefined) {
      let m = measured.get(number);
      if (!m) measured.set(number, (m = measure(line)));
      out.push(renderExcerpt(d, m, c));
    }
    if (d.hint !== undefined) out.push(`    ${c.cyan(say(M.hint, options.lang, { text: clean(d.hint) }))}\n`);
    for (const r of d.related ?? []) {
      out.push(`    ${c.dim(say(M.related, options.lang, { where: relatedWhere(r, options.cwd), text: clean(r.message) }))}\n`);
    }
  });
  for (const [code, n] of hidden) out.push(`  ${c.dim(say(M.more, options.lang, { n, code, limit: options.maxRepeats ?? 0 }))}\n`);
}

/** A problem about the whole file (empty file, missing manifest) has no line worth quoting. */
function isWholeFile(d: Diagnostic): boolean {
  const { start, end } = d.range;
  return (
    d.path.length === 0 &&
    start.line === FILE_START.start.line &&
    start.column === FILE_START.start.column &&
    end.line === FILE_START.end.line &&
    end.column === FILE_START.end.column
  );
}

function relatedWhere(r: RelatedLocation, cwd: string | undefined): string {
  const file = displayFile(r.file, cwd);
  if (r.range !== undefined) return `${file}:${r.range.start.line}:${r.range.start.column}`;
  if (r.path !== undefined && r.path.length > 0) return `${file} (${formatPath(r.path)})`;
  return file;
}

/** The code with the most findings (ties: the first in code order), as the example in the explain hint. */
function mostFrequentCode(diagnostics: readonly Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  let best = '';
  let most = 0;
  for (const [code, n] of counts) if (n > most || (n === most && code < best)) [best, most] = [code, n];
  return best;
}

function renderSummary(summary: Summary, lang: Lang, c: ChalkInstance): string {
  const total = summary.errors + summary.warnings;
  let text = say(M.problems, lang, {
    total,
    errors: summary.errors,
    warnings: summary.warnings,
    problems: total === 1 ? 'problem' : 'problems',
    errorWord: summary.errors === 1 ? 'error' : 'errors',
    warningWord: summary.warnings === 1 ? 'warning' : 'warnings',
  });
  if (summary.fixable > 0) text += say(M.fixable, lang, { n: summary.fixable });
  return summary.errors > 0 ? c.red.bold(text) : c.yellow.bold(text);
}

/** A fresh catalog's to-do list in one line: how many items must supply each element. */
function renderElements(elements: Partial<Record<ItemField, number>>, lang: Lang): string {
  const list = Object.entries(elements).map(([field, n]) =>
    say(M.element, lang, { name: ELEMENT_NAMES[field as ItemField][lang], n: n!, items: n === 1 ? 'item' : 'items' }),
  );
  return say(M.elements, lang, { list: list.join(lang === 'zh' ? '，' : ', ') });
}

interface Cell {
  text: string;
  width: number;
  /** UTF-16 offset in the line, the unit Diagnostic columns count in. */
  offset: number;
}

/** A source line cut into terminal cells, once however many findings quote it. */
interface MeasuredLine {
  cells: Cell[];
  /** the sum of the cells' widths */
  total: number;
  length: number;
}

function measure(line: string): MeasuredLine {
  const cells = toCells(line);
  let total = 0;
  for (const cell of cells) total += cell.width;
  return { cells, total, length: line.length };
}

/** The first cell at or after `offset` (cells.length when none): cells are in offset order. */
function cellAt(cells: readonly Cell[], offset: number): number {
  let lo = 0;
  let hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid]!.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The quoted source line and a caret line under the range, both in terminal columns, not string indexes. */
function renderExcerpt(d: Diagnostic, line: MeasuredLine, c: ChalkInstance): string {
  const { cells } = line;
  const startOffset = d.range.start.column - 1;
  const endOffset = d.range.end.line > d.range.start.line ? line.length : d.range.end.column - 1;
  const first = cellAt(cells, startOffset);
  let last = cellAt(cells, endOffset);
  if (last <= first) last = first + 1;

  const { from, to } = windowAround(cells, line.total, first);
  const shown = cells.slice(from, to);
  const head = from > 0 ? ELLIPSIS : '';
  const tail = to < cells.length ? ELLIPSIS : '';

  let pad = ' '.repeat(head.length);
  for (let i = from; i < first; i++) pad += ' '.repeat(cells[i]!.width);
  // A range running past the window (or a point at end of line) still gets at least one caret.
  let carets = 0;
  for (let i = first; i < Math.min(last, to); i++) carets += cells[i]!.width;
  carets = Math.max(carets, 1);

  const number = String(d.range.start.line);
  const gutter = c.dim(`${number} | `);
  const blank = c.dim(`${' '.repeat(number.length)} | `);
  const mark = d.severity === 'error' ? c.red : c.yellow;
  const text = shown.map((cell) => cell.text).join('');
  return `    ${gutter}${head}${text}${tail}\n    ${blank}${pad}${mark('^'.repeat(carets))}\n`.replace(/ +\n/g, '\n');
}

/** Keeps the range start in view on a line too long for the terminal. */
function windowAround(cells: Cell[], total: number, first: number): { from: number; to: number } {
  if (total <= EXCERPT_WIDTH) return { from: 0, to: cells.length };
  let from = first;
  let lead = 0;
  while (from > 0 && lead + cells[from - 1]!.width <= EXCERPT_LEAD) lead += cells[--from]!.width;
  let to = from;
  let width = 0;
  while (to < cells.length && width + cells[to]!.width <= EXCERPT_WIDTH) width += cells[to++]!.width;
  return { from, to: Math.max(to, Math.min(first + 1, cells.length)) };
}

function toCells(line: string): Cell[] {
  const cells: Cell[] = [];
  let offset = 0;
  for (const ch of line) {
    // Tabs become spaces so the caret line can match them column for column; other control
    // characters would move the cursor or recolour the terminal, so they show as U+FFFD.
    const text = ch === '\t' ? TAB : /\p{Cc}/u.test(ch) ? '\uFFFD' : ch;
    cells.push({ text, width: textWidth(text), offset });
    offset += ch.length;
  }
  return cells;
}

/** Messages quote catalog text, which may hold escape sequences; a report must not drive the terminal. */
function clean(text: string): string {
  return text.replace(/[\p{Cc}]/gu, (ch) => (ch === '\n' ? ' ' : ch === '\t' ? ' ' : '\uFFFD'));
}

function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

// East-Asian Wide and Fullwidth ranges (UAX #11); Ambiguous counts as narrow, as most terminals do.
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f900, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

/** Terminal columns one code point takes: 0 for marks and format characters, 2 for CJK and other wide forms. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0);
  if (cp === undefined) return 0;
  if (/[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u.test(ch)) return 0;
  if (cp < 0x1100) return 1;
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = WIDE[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return 2;
  }
  return 1;
}
