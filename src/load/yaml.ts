// YAML text → data, fast: js-yaml on the hot path; `yaml` (with positions) only for files that need locating or failed.
import jsYaml from 'js-yaml';
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node } from 'yaml';
import { makeDiagnostic, pointRange, FILE_START } from '../model/diagnostic.js';
import { findFullwidthColonKeys, type FullwidthColonKey } from './fullwidth-colon.js';
import { say, type Message } from '../model/i18n.js';
import type { DataPath, Diagnostic, Lang, Range } from '../model/types.js';
import { yamlErrorMessage } from './yaml-messages.js';

export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting of lists and mappings gk accepts; a catalog needs about five levels. */
export const MAX_NESTING = 64;
/** Above this size a tree of every node's position costs too much memory just for locating; a line scan stands in. */
const LOCATE_WITH_TREE_LIMIT = 8 * 1024 * 1024;

export interface ParsedYaml {
  /** undefined when the text could not be parsed into data. */
  data: unknown;
  diagnostics: Diagnostic[];
  locator: Locator;
}

const M: Record<string, Message> = {
  empty: { zh: '文件为空', en: 'file is empty' },
  duplicateKey: { zh: '键“{key}”重复出现，后一个值会覆盖前一个', en: 'key "{key}" appears more than once; the later value overrides the earlier' },
  aliasLimit: {
    zh: 'YAML 别名展开过多（超过 {max} 个），疑似“别名炸弹”，已拒绝解析',
    en: 'too many YAML alias expansions (over {max}); looks like an alias bomb, parsing refused',
  },
  nesting: {
    zh: 'YAML 嵌套过深（列表、映射的层数超过上限 {max}），已拒绝解析',
    en: 'YAML nested too deeply (lists and mappings more than {max} levels deep, the limit); parsing refused',
  },
  colon: { zh: '键“{key}”后使用了全角冒号“：”，YAML 只认半角冒号“:”', en: 'full-width colon "：" after key "{key}"; YAML needs a half-width ":"' },
  colonHint: { zh: '改为“{key}: ”', en: 'write "{key}: "' },
};

const ANCHOR_OR_ALIAS = /(?:^|[\s,[{:-])[&*][^\s,[\]{}]/m;

const NON_SPACE = /\S/g;
const LINE_BREAK = /[\n\r\u2028\u2029]/g;

/**
 * Blank, or nothing but comments. A scan rather than /^(\s*#.*\n?)*\s*$/, which backtracks exponentially in the
 * number of leading comment lines (24 lines: 0.6 s; 30: minutes).
 */
function onlyComments(text: string): boolean {
  for (let i = 0; ; ) {
    NON_SPACE.lastIndex = i;
    const first = NON_SPACE.exec(text);
    if (!first) return true;
    if (text[first.index] !== '#') return false;
    LINE_BREAK.lastIndex = first.index;
    const end = LINE_BREAK.exec(text);
    if (!end) return true;
    i = end.index;
  }
}

/** Keys written with a full-width colon parse as plain strings; say so where they are. */
function fullwidthColonDiagnostics(text: string, keys: readonly FullwidthColonKey[], file: string, lang: Lang): Diagnostic[] {
  if (keys.length === 0) return [];
  const lc = lineStarts(text);
  return keys.map(({ key, colonOffset }) => {
    const pos = offsetToPos(lc, colonOffset);
    return makeDiagnostic({
      code: 'fullwidth-colon',
      severity: 'error',
      message: say(M.colon!, lang, { key }),
      hint: say(M.colonHint!, lang, { key }),
      file,
      range: pointRange(pos.line, pos.column),
      fixable: true,
    });
  });
}

/**
 * The text with a half-width colon after each such key, so it parses as the user meant. The full-width colon is one
 * UTF-16 unit like ':'; where no blank follows it one is inserted, and the Locator is told, so every position it
 * reports is still one in the text as written.
 */
function repairForParsing(text: string, keys: readonly FullwidthColonKey[]): { text: string; insertions: number[] } {
  let out = '';
  let from = 0;
  const insertions: number[] = [];
  for (const k of keys) {
    out += `${text.slice(from, k.colonOffset)}:`;
    const after = text[k.colonOffset + 1];
    if (after !== undefined && after !== ' ' && after !== '\t' && after !== '\n' && after !== '\r') {
      insertions.push(out.length);
      out += ' ';
    }
    from = k.colonOffset + 1;
  }
  return { text: out + text.slice(from), insertions };
}

export function parseYaml(text: string, file: string, lang: Lang): ParsedYaml {
  if (onlyComments(text)) {
    return { data: undefined, diagnostics: [makeDiagnostic({ code: 'empty-file', severity: 'error', message: say(M.empty!, lang), file })], locator: new Locator(text) };
  }
  const colonKeys = findFullwidthColonKeys(text);
  const colonDiagnostics = fullwidthColonDiagnostics(text, colonKeys, file, lang);
  let insertions: number[] = [];
  if (colonKeys.length > 0) ({ text, insertions } = repairForParsing(text, colonKeys));
  const locator = new Locator(text, { insertions });
  const tooDeep = () => ({ data: undefined, diagnostics: [...colonDiagnostics, nestingDiagnostic(file, lang)], locator });
  // (Without a & or * at all the search is not needed: most texts have neither.)
  if ((!text.includes('&') && !text.includes('*')) || !ANCHOR_OR_ALIAS.test(text)) {
    try {
      // No depth walk of the data here: js-yaml counts every node it composes, scalars included, against maxDepth,
      // and this text has no aliases, so what it returns nests at most MAX_NESTING lists and mappings deep.
      const data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false, filename: file, maxDepth: MAX_NESTING } as jsYaml.LoadOptions);
      return { data, diagnostics: colonDiagnostics, locator };
    } catch (err) {
      if (isTooDeep(err)) return tooDeep();
      // fall through to the positional parser, which reports every error, not just the first
    }
  } else if (exceedsNesting(text)) {
    return tooDeep();
  }
  let slow: { data: unknown; diagnostics: Diagnostic[] };
  try {
    slow = parseWithPositions(text, file, lang, locator);
  } catch (err) {
    if (err instanceof RangeError) return tooDeep();
    throw err;
  }
  if (slow.diagnostics.some((d) => d.code === 'limit') || deeperThan(slow.data, MAX_NESTING)) return tooDeep();
  return { data: slow.data, diagnostics: [...colonDiagnostics, ...slow.diagnostics], locator };
}

/** js-yaml's own depth limit, or a stack overflow in a parser that recurses once per level. */
/** Whether js-yaml (given `maxDepth`) gave up on a text for nesting too deeply. */
export function isTooDeep(err: unknown): boolean {
  return err instanceof RangeError || (err instanceof jsYaml.YAMLException && err.message.startsWith('nesting exceeded maxDepth'));
}

/**
 * Whether the text nests lists and mappings deeper than MAX_NESTING. js-yaml stops counting at the limit, so this
 * is safe to ask before handing a text to `yaml`, whose parser recurses until the stack runs out (and fails
 * unpredictably near it).
 */
export function exceedsNesting(text: string): boolean {
  try {
    jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: true, maxDepth: MAX_NESTING } as jsYaml.LoadOptions);
    return false;
  } catch (err) {
    return isTooDeep(err);
  }
}

function nestingDiagnostic(file: string, lang: Lang): Diagnostic {
  return makeDiagnostic({ code: 'limit', severity: 'error', message: say(M.nesting!, lang, { max: MAX_NESTING }), file });
}

/** Whether lists and mappings nest more than `max` levels deep; iterative, so any depth can be measured. */
export function deeperThan(data: unknown, max: number): boolean {
  if (data === null || typeof data !== 'object') return false;
  const stack: Array<[object, number]> = [[data, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return true;
    const values = Array.isArray(node) ? node : Object.values(node);
    for (const v of values) if (v !== null && typeof v === 'object' && !(v instanceof Date)) stack.push([v, depth + 1]);
  }
  return false;
}

function parseWithPositions(text: string, file: string, lang: Lang, locator: Locator): { data: unknown; diagnostics: Diagnostic[] } {
  const { doc, lineCounter } = locator.document();
  const diagnostics: Diagnostic[] = [];
  let fatal = false;
  for (const err of doc.errors) {
    const start = lineCounter.linePos(err.pos[0]);
    const end = lineCounter.linePos(Math.max(err.pos[1], err.pos[0] + 1));
    const range: Range = { start: { line: start.line, column: start.col }, end: { line: end.line, column: end.col } };
    if (err.code === 'DUPLICATE_KEY') {
      const key = text.slice(err.pos[0], err.pos[1]).split(':')[0]!.trim();
      diagnostics.push(makeDiagnostic({ code: 'duplicate-key', severity: 'error', message: say(M.duplicateKey!, lang, { key }), file, range }));
    } else if (err.message.includes('Maximum call stack')) {
      return { data: undefined, diagnostics: [nestingDiagnostic(file, lang)] };
    } else {
      fatal = true;
      const { message, hint } = yamlErrorMessage(err.code, err.message, lang);
      diagnostics.push(makeDiagnostic({ code: 'yaml-syntax', severity: 'error', message, hint, file, range }));
    }
  }
  if (fatal) return { data: undefined, diagnostics };
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { data, diagnostics };
  } catch (err) {
    if (err instanceof RangeError && err.message.includes('Maximum call stack')) return { data: undefined, diagnostics: [nestingDiagnostic(file, lang)] };
    // An alias with no anchor fails here too, and is a plain syntax error, not an alias bomb.
    if (err instanceof Error && /^Unresolved alias/.test(err.message)) {
      const { message, hint } = yamlErrorMessage('BAD_ALIAS', '', lang);
      diagnostics.push(makeDiagnostic({ code: 'yaml-syntax', severity: 'error', message, hint, file }));
    } else {
      diagnostics.push(makeDiagnostic({ code: 'yaml-alias', severity: 'error', message: say(M.aliasLimit!, lang, { max: MAX_ALIAS_COUNT }), file }));
    }
    return { data: undefined, diagnostics };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** How many of the ascending offsets lie below `offset`. */
function countBelow(sorted: readonly number[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function offsetToPos(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** `yaml` (some seventy modules) is needed only when a position must come from its document: loaded then. */
let yamlModule: typeof import('yaml') | undefined;
function yamlLib(): typeof import('yaml') {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}

/** Turns data paths into source ranges; builds the positional parse lazily, once per file. */
export class Locator {
  private readonly text: string;
  private parsed?: { doc: Document.Parsed; lineCounter: LineCounter };
  private starts?: number[];
  private tree?: PosNode | null;

  private readonly engine: 'fast' | 'yaml';
  /** Offsets in `text` of blanks gk inserted (after a repaired full-width colon), ascending; reported columns leave them out. */
  private readonly insertions: readonly number[];

  /** `engine: 'yaml'` always locates with `yaml`'s document (used to cross-check the fast path). */
  constructor(text: string, options: { engine?: 'fast' | 'yaml'; insertions?: readonly number[] } = {}) {
    this.text = text;
    this.engine = options.engine ?? 'fast';
    this.insertions = options.insertions ?? [];
  }

  /** The position of an offset of `text` in the text as written. */
  private position(offset: number): { line: number; column: number } {
    const pos = offsetToPos(this.starts!, offset);
    if (this.insertions.length === 0) return pos;
    const inserted = countBelow(this.insertions, offset) - countBelow(this.insertions, this.starts![pos.line - 1]!);
    return { line: pos.line, column: pos.column - inserted };
  }

  document(): { doc: Document.Parsed; lineCounter: LineCounter } {
    if (!this.parsed) {
      const { LineCounter, parseDocument } = yamlLib();
      const lineCounter = new LineCounter();
      const doc = parseDocument(this.text, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
      this.parsed = { doc, lineCounter };
    }
    return this.parsed;
  }

  private range(from: number, to: number): Range {
    this.starts ??= lineStarts(this.text);
    const start = this.position(from);
    // A multi-line node is shown from its start to the end of its first line.
    const lineEnd = this.text.indexOf('\n', from);
    const stop = lineEnd !== -1 && lineEnd < to ? lineEnd : to;
    const end = this.position(Math.max(stop, from + 1));
    return { start, end };
  }

  /** The source range of the value at `path` (or of its key with `key: true`); the nearest ancestor when absent. */
  locate(path: DataPath, options: { key?: boolean } = {}): Range {
    if (this.text.length > LOCATE_WITH_TREE_LIMIT) return this.scan(path);
    const tree = this.engine === 'fast' ? this.positions() : null;
    if (tree) return tree.kind === null ? FILE_START : this.locateInTree(tree, path, options.key === true);
    return this.locateInDocument(path, options.key === true);
  }

  /**
   * Node positions from js-yaml's parse events: about ten times cheaper than `yaml`'s document, which matters
   * when many files of a large workspace have findings. undefined when js-yaml cannot parse the text.
   */
  private positions(): PosNode | null {
    if (this.tree !== undefined) return this.tree;
    if (ANCHOR_OR_ALIAS.test(this.text)) return (this.tree = null);
    const stack: PosNode[] = [{ start: 0, end: 0, kind: null, value: undefined, children: [] }];
    try {
      jsYaml.load(this.text, {
        schema: jsYaml.CORE_SCHEMA,
        listener: (event, state) => {
          if (event === 'open') {
            stack.push({ start: state.position, end: state.position, kind: null, value: undefined, children: [] });
          } else {
            const node = stack.pop()!;
            node.end = state.position;
            node.kind = (state.kind as PosNode['kind']) ?? null;
            if (node.kind === 'scalar') node.value = String(state.result);
            stack[stack.length - 1]!.children.push(node);
          }
        },
      });
      this.tree = stack[0]!.children[0] ?? null;
    } catch {
      this.tree = null;
    }
    return this.tree;
  }

  private locateInTree(root: PosNode, path: DataPath, key: boolean): Range {
    let node = root;
    let best: [number, number] = [this.skipSpace(node.start), node.end];
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const last = i === path.length - 1;
      let next: PosNode | undefined;
      let keyNode: PosNode | undefined;
      if (node.kind === 'mapping') {
        for (let c = 0; c + 1 < node.children.length; c += 2) {
          if (node.children[c]!.value === String(seg)) {
            keyNode = node.children[c]!;
            next = node.children[c + 1]!;
            break;
          }
        }
      } else if (node.kind === 'sequence' && typeof seg === 'number') {
        next = node.children[seg];
      }
      if (!next) break;
      if (keyNode && ((last && key) || next.kind === null)) {
        best = [this.skipSpace(keyNode.start), keyNode.end];
        if ((last && key) || next.kind === null) break;
      }
      node = next;
      best = [this.skipSpace(node.start), Math.max(node.end, this.skipSpace(node.start) + 1)];
    }
    return this.range(best[0], best[1]);
  }

  /** Parse events open a node before the blanks, line breaks and comments that precede its text. */
  private skipSpace(offset: number): number {
    const t = this.text;
    let i = offset;
    while (i < t.length) {
      const c = t[i];
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\uFEFF') i++;
      else if (c === '#') {
        const nl = t.indexOf('\n', i);
        i = nl === -1 ? t.length : nl + 1;
      } else break;
    }
    return i < t.length ? i : offset;
  }

  private locateInDocument(path: DataPath, key: boolean): Range {
    const { doc } = this.document();
    const { isMap, isPair, isScalar, isSeq } = yamlLib();
    let node: unknown = doc.contents;
    let best: [number, number] | undefined = rangeOf(node);
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        const keyRange = rangeOf(pair.key);
        if ((last && key) || pair.value === null || pair.value === undefined) {
          best = keyRange ?? best;
          if (last && key) break;
          if (pair.value === null || pair.value === undefined) break;
        }
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined) break;
        node = item;
      } else {
        break;
      }
      best = rangeOf(node) ?? best;
    }
    return best ? this.range(best[0], best[1]) : FILE_START;
  }

  /** Line-scan fallback for very large files: finds the item by its id line. */
  private scan(path: DataPath): Range {
    if (path[0] !== 'items' || typeof path[1] !== 'number') return FILE_START;
    const items = /^items:[ \t]*(#.*)?$/m.exec(this.text);
    if (!items) return FILE_START;
    // The entries of `items:` are the lines that start with "- " at the indentation of the first such line.
    const entry = /^([ \t]*)(-[ \t]|-$)|^([ \t]*)([^\s#-])/gm;
    entry.lastIndex = items.index + items[0].length;
    let indent = -1;
    let count = 0;
    for (let m = entry.exec(this.text); m; m = entry.exec(this.text)) {
      if (m[2] === undefined) {
        // any other content at or left of the entries' indentation ends the list
        if (indent !== -1 && m[3]!.length <= indent) break;
        continue;
      }
      const at = m[1]!.length;
      if (indent === -1) indent = at;
      if (at < indent) break;
      if (at > indent) continue;
      if (count === path[1]) return this.range(m.index + at, m.index + at + 1);
      count++;
    }
    return FILE_START;
  }
}

interface PosNode {
  start: number;
  end: number;
  kind: 'scalar' | 'mapping' | 'sequence' | null;
  value: string | undefined;
  children: PosNode[];
}

function rangeOf(node: unknown): [number, number] | undefined {
  const r = (node as Node | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}
