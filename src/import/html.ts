// HTML text → its tables: <tr>/<td> walked by hand so rowspan and colspan fill a grid; <br> and block tags become line breaks.
import { parse, HTMLElement, TextNode, type Node } from 'node-html-parser';
import { decodeBytes, type Encoding } from '../load/decode.js';
import { checkTableSize, squareRows, type Table } from './table.js';

const BLOCK = new Set(['p', 'div', 'li', 'ul', 'ol', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article']);

/**
 * The text of a cell as a reader sees it: entities decoded, tags gone, <br> and paragraphs as line breaks. Walked
 * with a stack of its own: a page may nest elements ten thousand deep, more than the call stack takes.
 */
function textOf(node: Node): string {
  let out = '';
  const BLOCK_END = null;
  const stack: Array<Node | typeof BLOCK_END> = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === BLOCK_END) {
      out += '\n';
      continue;
    }
    if (n instanceof TextNode) {
      out += n.text.replace(/[ \t\r\n\f]+/g, ' ');
      continue;
    }
    if (!(n instanceof HTMLElement)) continue;
    const tag = n.tagName?.toLowerCase() ?? '';
    if (tag === 'br') {
      out += '\n';
      continue;
    }
    if (tag === 'script' || tag === 'style' || tag === 'table') continue;
    const block = BLOCK.has(tag);
    if (block) {
      out += '\n';
      stack.push(BLOCK_END);
    }
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  return out
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

/** Elements with one of the tag names, in document order; iterative, like textOf (the parser's own selectors recurse). */
function elementsNamed(root: Node, tags: ReadonlySet<string>): HTMLElement[] {
  const found: HTMLElement[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!(n instanceof HTMLElement)) continue;
    if (n.tagName && tags.has(n.tagName.toLowerCase())) found.push(n);
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  return found;
}

function span(el: HTMLElement, attr: string): number {
  const n = Number.parseInt(el.getAttribute(attr) ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** The rows of this table only: not those of a table nested in one of its cells. */
function ownRows(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  for (const child of table.childNodes) {
    if (!(child instanceof HTMLElement)) continue;
    const tag = child.tagName.toLowerCase();
    if (tag === 'tr') rows.push(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      for (const tr of child.childNodes) if (tr instanceof HTMLElement && tr.tagName.toLowerCase() === 'tr') rows.push(tr);
    }
  }
  return rows;
}

/** Expands rowspan/colspan: a merged cell's text is copied into every grid position it covers. */
export function expandGrid(table: HTMLElement): string[][] {
  const grid: (string | undefined)[][] = [];
  ownRows(table).forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const td of tr.childNodes) {
      if (!(td instanceof HTMLElement)) continue;
      const tag = td.tagName.toLowerCase();
      if (tag !== 'td' && tag !== 'th') continue;
      while (grid[r]![c] !== undefined) c++;
      const text = textOf(td);
      const rows = span(td, 'rowspan');
      const cols = span(td, 'colspan');
      // spans fill the grid: check its size before they do
      checkTableSize(Math.max(grid.length, r + rows), c + cols);
      for (let dr = 0; dr < rows; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cols; dc++) grid[r + dr]![c + dc] = text;
      }
      c += cols;
    }
  });
  return grid.map((row) => Array.from(row, (cell) => cell ?? ''));
}

export function readHtmlTables(text: string): Table[] {
  const root = parse(text, { blockTextElements: { script: false, style: false, noscript: false } });
  const named = elementsNamed(root, new Set(['title', 'h1', 'table']));
  const first = (tag: string) => named.find((el) => el.tagName.toLowerCase() === tag);
  const heading = [first('title'), first('h1')].map((el) => (el ? textOf(el).replace(/\n/g, ' ') : '')).find((t) => t !== '');
  return named.filter((el) => el.tagName.toLowerCase() === 'table').map((table, i) => {
    const caption = childElement(table, 'caption');
    const t: Table = { kind: 'html', name: '', index: i + 1, rows: squareRows(expandGrid(table)) };
    const name = caption ? textOf(caption).replace(/\n/g, ' ') : heading;
    if (name) t.caption = name;
    return t;
  });
}

function childElement(table: HTMLElement, tag: string): HTMLElement | undefined {
  return table.childNodes.find((n): n is HTMLElement => n instanceof HTMLElement && n.tagName.toLowerCase() === tag);
}

/** An HTML file's bytes → its tables, decoded as UTF-8 or, when it is not, GB18030 (what GBK-era portals serve). */
export function readHtmlBytes(bytes: Uint8Array): { tables: Table[]; encoding: Encoding } {
  const decoded = decodeBytes(bytes);
  return { tables: readHtmlTables(decoded.text), encoding: decoded.encoding };
}
