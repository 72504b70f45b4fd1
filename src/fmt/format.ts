// gk fmt's core: catalog text → canonical catalog text (layout, and the fixes validate offers), comments kept. Pure.
import { isDeepStrictEqual } from 'node:util';
import jsYaml from 'js-yaml';
import { CST, isMap, isScalar, isSeq, LineCounter, Parser, parseDocument, visit, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { LEVEL_MARKS } from '../model/levels.js';
import { AUDIENCES, MODES, PUBLICS } from '../model/values.js';
import { fixDeadline } from '../model/deadline.js';
import { findFullwidthColonKeys, repairFullwidthColons } from '../load/fullwidth-colon.js';
import { exceedsNesting, isTooDeep, MAX_NESTING } from '../load/yaml.js';
import { suppressions } from '../check/lint/run.js';
import { loadChannelVocabulary, matchChannel, type ChannelVocabulary } from '../load/channels.js';
import type { DataPath } from '../model/types.js';
import { applyCanonicalStyle, YAML_OUTPUT, type ValueChange } from './style.js';
import { normalizeAudience, normalizeLevel, normalizeMode, normalizePublics } from '../model/values.js';

export interface FormatOptions {
  /** the channel vocabulary; the bundled one when not given */
  vocab?: ChannelVocabulary;
  /** channels gk.yaml declares as local: never “corrected” */
  localChannels?: readonly string[];
  /** rule ids gk.yaml turns `off`: their fixes are not made, as validate does not report them */
  rulesOff?: ReadonlySet<string>;
}

/** What a gk.yaml's data says that fmt must obey, as validate does: its local channels and the rules it turns off. */
export function fmtConfigOf(manifest: unknown): { localChannels: string[]; rulesOff: Set<string> } {
  const m = (manifest ?? {}) as { channels?: unknown; rules?: unknown };
  const localChannels = Array.isArray(m.channels) ? m.channels.filter((c): c is string => typeof c === 'string') : [];
  const rules = m.rules !== null && typeof m.rules === 'object' ? (m.rules as Record<string, unknown>) : {};
  return { localChannels, rulesOff: new Set(Object.keys(rules).filter((id) => rules[id] === 'off')) };
}

/**
 * Why a file cannot be formatted: YAML it cannot parse, aliases (`*name`), which reordering keys could put before their
 * anchors, or a rewrite that would change a value beyond the fixes fmt documents (checked on every file: fmt refuses
 * rather than alter what the file says).
 */
export type FormatFailure =
  | { reason: 'syntax'; detail: string; code?: string; line?: number; column?: number }
  | { reason: 'alias' }
  | { reason: 'unsafe' }
  /** lists and mappings nested more than `max` levels deep (MAX_NESTING): not given to the YAML library, which recurses */
  | { reason: 'nesting'; max: number }
  /** double-quoted values longer, together, than `max` characters (see MAX_DOUBLE_QUOTED_CHARS) */
  | { reason: 'quoted-length'; max: number }
  /** a file beyond FMT_LIMITS: more characters, or more values, than fmt takes on */
  | { reason: 'too-large'; limit: FmtLimit; max: number };

/**
 * The largest file gk fmt rewrites. The YAML library fmt rests on keeps a node of a kilobyte or two for every value
 * and several copies of long text while it prints (measured, node 20: a 46 MB catalog of 100,000 items took 3 GB
 * and 80 s; 1,000,000 one-letter channels on one line, a 2 MB file, 2.3 GB; one 30 MB block scalar 800 MB).
 * Within these limits fmt stays under about 300 MB; a county's largest catalog file holds some 20,000 values and
 * 300,000 characters. A file beyond them is left alone and named, with the limit (gk validate still reads it).
 */
export const FMT_LIMITS = { characters: 4_000_000, values: 100_000 } as const;

export type FmtLimit = keyof typeof FMT_LIMITS;

/**
 * Whether the data holds more than `max` values (each list entry and each key of a mapping counts once; a value
 * reached twice, through an alias, once). Stops counting as soon as it is over.
 */
export function holdsMoreValues(data: unknown, max: number): boolean {
  const seen = new Set<object>();
  const pending: unknown[] = [data];
  let count = 0;
  while (pending.length > 0) {
    const value = pending.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    const children = Array.isArray(value) ? value : Object.values(value);
    count += children.length;
    if (count > max) return true;
    for (const child of children) if (child !== null && typeof child === 'object') pending.push(child);
  }
  return false;
}

/**
 * The most characters of double-quoted values (`"…"`) one file may hold for gk fmt. The YAML library fmt rests on
 * reads such a value one character at a time into a chain of pieces of about 35 bytes each, kept until the document
 * is printed: a 30 MB quoted value took 1.8 GB and two minutes. A million characters (a file of some 3 MB of quoted
 * text, where real catalogs have almost none) stays under 100 MB and a few seconds; beyond it fmt leaves the file
 * alone and says so. Plain and block (`|`) values of any length cost the library nothing comparable and are not limited.
 */
export const MAX_DOUBLE_QUOTED_CHARS = 1_000_000;

/** The characters of all double-quoted scalars (keys and values, quotes included) in the text, from the concrete syntax tree. */
export function doubleQuotedChars(text: string): number {
  let total = 0;
  const count = (token: CST.Token | undefined) => {
    if (token?.type === 'double-quoted-scalar') total += token.source.length;
  };
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    // the document's own value is visited as an item too
    CST.visit(token, (item) => {
      count(item.key ?? undefined);
      count(item.value);
    });
  }
  return total;
}

export type FormatResult = { ok: true; text: string } | { ok: false; text: string; failure: FormatFailure };

/** The rules whose fixes fmt makes; a fix is made only where validate would report it (rule on, not suppressed there). */
type FixRule = 'deadline-format' | 'unknown-channel';

interface Fixer {
  vocab: ChannelVocabulary;
  local: ReadonlySet<string>;
  /** whether the rule's finding on the node would be reported by validate */
  allowed(rule: FixRule, node: Node): boolean;
  changes: ValueChange[];
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function isText(node: unknown): node is Scalar & { value: string } {
  return isScalar(node) && typeof node.value === 'string';
}

function setText(fixer: Fixer, node: Scalar, value: string, path: DataPath): void {
  if (node.value === value) return;
  node.value = value;
  fixer.changes.push({ path, value });
}

/**
 * Vocabulary values in their canonical spelling (主动公开 → 主动), then, in a list of plain values, duplicates dropped
 * and the vocabulary's order; values gk does not know are left as written for validate to report.
 */
function normalizeEnum(fixer: Fixer, node: Node | null, path: DataPath, canonical: (s: string) => string | undefined, order: readonly string[]): void {
  if (isText(node)) {
    setText(fixer, node, canonical(node.value) ?? node.value, path);
    return;
  }
  if (!isSeq(node) || !node.items.every((n) => isScalar(n))) return;
  const seq = node as YAMLSeq<Scalar>;
  const before = seq.items.map((n) => n.value);
  for (const n of seq.items) if (isText(n)) n.value = canonical(n.value) ?? n.value;
  const seen = new Set<unknown>();
  const kept = seq.items.filter((n) => {
    if (seen.has(n.value)) return false;
    seen.add(n.value);
    return true;
  });
  const rank = (n: Scalar) => {
    const i = order.indexOf(String(n.value));
    return i === -1 ? order.length : i;
  };
  seq.items = kept.map((n, i) => ({ n, i })).sort((a, b) => rank(a.n) - rank(b.n) || a.i - b.i).map((x) => x.n);
  const after = seq.items.map((n) => n.value);
  if (!isDeepStrictEqual(before, after)) fixer.changes.push({ path, value: after });
}

/** The fix unknown-channel offers: an alias → its standard name, a misspelling with one suggestion → that suggestion. */
function fixChannel(fixer: Fixer, written: string): string | undefined {
  if (fixer.local.has(written)) return undefined;
  const match = matchChannel(fixer.vocab, written);
  if (match.kind === 'alias') return match.name;
  if (match.kind === 'unknown' && match.suggestions.length === 1) return match.suggestions[0];
  return undefined;
}

function normalizeChannels(fixer: Fixer, node: Node | null, path: DataPath): void {
  const targets: Array<[Scalar & { value: string }, DataPath]> = isText(node)
    ? [[node, path]]
    : isSeq(node)
      ? node.items.flatMap((n, j): Array<[Scalar & { value: string }, DataPath]> => (isText(n) ? [[n, [...path, j]]] : []))
      : [];
  for (const [s, at] of targets) {
    const fixed = fixChannel(fixer, s.value);
    if (fixed !== undefined && fixer.allowed('unknown-channel', s)) setText(fixer, s, fixed, at);
  }
}

function normalizeItem(fixer: Fixer, item: YAMLMap, path: DataPath): void {
  for (const pair of item.items) {
    const key = keyOf(pair);
    const value = pair.value as Node | null;
    if (key === undefined) continue;
    const at = [...path, key];
    if (key === 'deadline') {
      if (!isText(value)) continue;
      const fixed = fixDeadline(value.value);
      if (fixed !== undefined && fixer.allowed('deadline-format', value)) setText(fixer, value, fixed, at);
    } else if (key === 'channels') normalizeChannels(fixer, value, at);
    else if (key === 'audience') normalizeEnum(fixer, value, at, normalizeAudience, AUDIENCES);
    else if (key === 'mode') normalizeEnum(fixer, value, at, normalizeMode, MODES);
    else if (key === 'levels') normalizeEnum(fixer, value, at, normalizeLevel, LEVEL_MARKS);
    else if (key === 'publics') normalizeEnum(fixer, value, at, normalizePublics, PUBLICS);
  }
}

function normalizeDocument(doc: Document, fixer: Fixer): void {
  const top = doc.contents;
  if (!isMap(top)) return;
  const items = top.get('items', true);
  if (isSeq(items)) items.items.forEach((item, i) => isMap(item) && normalizeItem(fixer, item, ['items', i]));
}

function hasAlias(doc: Document): boolean {
  let found = false;
  visit(doc, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * The data `changes` describe: each change sets the value at its path, in order. Changes `data` itself (the caller's
 * own reading of the file, used for nothing else): a copy of the whole document would double fmt's memory on a large file.
 */
function applyChanges(data: unknown, changes: readonly ValueChange[]): unknown {
  for (const { path, value } of changes) {
    if (path.length === 0) {
      data = structuredClone(value);
      continue;
    }
    let node = data as Record<string | number, unknown>;
    for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
    node[path[path.length - 1]!] = structuredClone(value);
  }
  return data;
}

/** Whether `text` reads (as validate reads it) as `expected`. */
function sameData(text: string, expected: unknown): boolean {
  let after: unknown;
  try {
    after = readData(text);
  } catch {
    return false;
  }
  return isDeepStrictEqual(after, expected);
}

/** What validate reads from a text: js-yaml, core schema. Throws on text it cannot read (or nested beyond `maxDepth`). */
function readData(text: string, maxDepth?: number): unknown {
  return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, ...(maxDepth !== undefined ? { maxDepth } : {}) } as jsYaml.LoadOptions);
}

/** The canonical form of a catalog file, or why it cannot be formatted (a YAML syntax error, aliases, a value at risk). */
export function formatCatalog(text: string, options: FormatOptions = {}): FormatResult {
  try {
    return formatChecked(text, options);
  } catch {
    // a value the YAML library cannot print back (e.g. a malformed !!binary): leave the file as it is
    return { ok: false, text, failure: { reason: 'unsafe' } };
  }
}

function formatChecked(text: string, options: FormatOptions): FormatResult {
  if (text.length > FMT_LIMITS.characters) return tooLarge(text, 'characters');
  const normalized = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const source = repairFullwidthColons(normalized, findFullwidthColonKeys(normalized));
  // validate's reading of the file first, counting depth: the `yaml` parser below recurses and must never see a text
  // nested deeper than MAX_NESTING. (One reading serves both: on a large file each costs as much as the text.)
  let before: unknown;
  let unreadable = false;
  try {
    before = readData(source, MAX_NESTING);
  } catch (err) {
    // a duplicate key stops js-yaml before it has measured the depth: measure it on its own
    if (isTooDeep(err) || exceedsNesting(source)) return { ok: false, text, failure: { reason: 'nesting', max: MAX_NESTING } };
    unreadable = true;
  }
  if (!unreadable && holdsMoreValues(before, FMT_LIMITS.values)) return tooLarge(text, 'values');
  if (doubleQuotedChars(source) > MAX_DOUBLE_QUOTED_CHARS) return { ok: false, text, failure: { reason: 'quoted-length', max: MAX_DOUBLE_QUOTED_CHARS } };
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { keepSourceTokens: false, lineCounter });
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    const detail = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, text, failure: { reason: 'syntax', detail, code: error.code, ...(at ? { line: at.line, column: at.col } : {}) } };
  }
  // A catalog has no use for aliases; one file with many can also expand without bound (an alias bomb).
  if (hasAlias(doc)) return { ok: false, text, failure: { reason: 'alias' } };
  // YAML the `yaml` library reads but validate's reader does not (a !!binary value): nothing to check a rewrite against
  if (unreadable) return { ok: false, text, failure: { reason: 'unsafe' } };

  const suppressed = suppressions(source);
  const rulesOff = options.rulesOff ?? new Set<string>();
  const fixer: Fixer = {
    vocab: options.vocab ?? loadChannelVocabulary(),
    local: new Set(options.localChannels ?? []),
    allowed(rule, node) {
      if (rulesOff.has(rule)) return false;
      const offset = node.range?.[0];
      return offset === undefined || !suppressed.get(lineCounter.linePos(offset).line)?.has(rule);
    },
    changes: [],
  };
  normalizeDocument(doc, fixer);
  applyCanonicalStyle(doc, fixer.changes);
  const expected = applyChanges(before, fixer.changes);

  const printed = doc.toString(YAML_OUTPUT);
  const withNewline = printed.endsWith('\n') ? printed : `${printed}\n`;
  // One final newline, unless the blank lines at the end belong to a kept (`|+`) block scalar. Each candidate is made
  // and read only when needed: on a large file every copy of the text counts.
  const trimmed = withNewline.endsWith('\n\n') ? withNewline.replace(/\n+$/, '\n') : withNewline;
  if (sameData(trimmed, expected)) return { ok: true, text: trimmed };
  if (trimmed !== withNewline && sameData(withNewline, expected)) return { ok: true, text: withNewline };
  return { ok: false, text, failure: { reason: 'unsafe' } };
}

function tooLarge(text: string, limit: FmtLimit): FormatResult {
  return { ok: false, text, failure: { reason: 'too-large', limit, max: FMT_LIMITS[limit] } };
}

/** `formatCatalog` for callers that only want text: unformattable input comes back unchanged. */
export function formatCatalogText(text: string, options: FormatOptions = {}): string {
  return formatCatalog(text, options).text;
}
