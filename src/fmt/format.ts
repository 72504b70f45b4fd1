// gk fmt's core: catalog text → canonical catalog text (values, key order, list styles), comments kept. Pure.
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { AUDIENCES, LEVEL_MARKS, MODES, PUBLICS } from '../catalog.js';
import { normalizeDeadline } from '../deadline.js';
import { loadChannelVocabulary, matchChannel, type ChannelVocabulary } from '../standard/channels.js';
import { applyCanonicalStyle, DEVIATION_KEY_ORDER, EXCLUSION_KEY_ORDER, ITEM_KEY_ORDER, TOP_KEY_ORDER, YAML_OUTPUT } from './style.js';
import { normalizeAudience, normalizeLevel, normalizeMode, normalizePublics, toHalfWidth } from './values.js';

export interface FormatOptions {
  /** the channel vocabulary; the bundled one when not given */
  vocab?: ChannelVocabulary;
  /** channels gk.yaml declares as local: never “corrected” */
  localChannels?: readonly string[];
}

/** Why a file cannot be formatted: YAML it cannot parse, or aliases (`*name`), which reordering keys could put before their anchors. */
export type FormatFailure = { reason: 'syntax'; detail: string; line?: number; column?: number } | { reason: 'alias' };

export type FormatResult = { ok: true; text: string } | { ok: false; text: string; failure: FormatFailure };

/** Every key a catalog file may hold, for repairing `key：value`. */
const KEYS = [...new Set<string>([...TOP_KEY_ORDER, ...ITEM_KEY_ORDER, ...EXCLUSION_KEY_ORDER, ...DEVIATION_KEY_ORDER])];
/** `name：value` — a key typed with the Chinese input method's colon, which YAML reads as part of a plain string. */
const FULLWIDTH_COLON = new RegExp(`^(\\s*(?:-\\s+)?)(${KEYS.join('|')})[ \\t]*：[ \\t]*`, 'gm');

export function fixFullwidthColons(text: string): string {
  return text.replace(FULLWIDTH_COLON, '$1$2: ').replace(/^(\s*(?:-\s+)?[\w-]+:) $/gm, '$1');
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function scalarStrings(node: unknown): Scalar[] {
  if (isScalar(node)) return typeof node.value === 'string' ? [node] : [];
  if (isSeq(node)) return node.items.filter((n): n is Scalar => isScalar(n) && typeof n.value === 'string');
  return [];
}

function setText(node: Scalar, value: string): void {
  if (node.value !== value) node.value = value;
}

/** Vocabulary values in their canonical spelling and order; values gk does not know are left for validate to report. */
function normalizeEnum(node: Node | null, canonical: (s: string) => string | undefined, order: readonly string[]): void {
  if (isScalar(node) && typeof node.value === 'string') {
    setText(node, canonical(node.value) ?? node.value.trim());
    return;
  }
  if (!isSeq(node)) return;
  for (const s of scalarStrings(node)) setText(s, canonical(s.value as string) ?? (s.value as string).trim());
  const seen = new Set<unknown>();
  const kept = node.items.filter((n) => {
    const v = isScalar(n) ? n.value : n;
    if (seen.has(v)) return false;
    seen.add(v);
    return true;
  });
  const rank = (n: unknown) => {
    const i = isScalar(n) ? order.indexOf(String(n.value)) : -1;
    return i === -1 ? order.length : i;
  };
  node.items = kept.map((n, i) => ({ n, i })).sort((a, b) => rank(a.n) - rank(b.n) || a.i - b.i).map((x) => x.n);
}

function normalizeChannels(node: Node | null, vocab: ChannelVocabulary, local: ReadonlySet<string>): void {
  for (const s of scalarStrings(node)) {
    const written = (s.value as string).trim();
    if (local.has(written)) {
      setText(s, written);
      continue;
    }
    const match = matchChannel(vocab, written);
    if (match.kind === 'canonical' || match.kind === 'alias') setText(s, match.name);
    else if (match.suggestions.length === 1) setText(s, match.suggestions[0]!);
    else setText(s, written);
  }
}

const TEXT_KEYS = new Set(['category', 'name', 'content', 'subject', 'note', 'reason']);
const ID_KEYS = new Set(['id', 'standard', 'parent-item', 'renamed_from', 'field', 'domain']);

function normalizeItem(item: YAMLMap, vocab: ChannelVocabulary, local: ReadonlySet<string>): void {
  for (const pair of item.items) {
    const key = keyOf(pair);
    const value = pair.value as Node | null;
    if (key === undefined) continue;
    if (ID_KEYS.has(key)) for (const s of scalarStrings(value)) setText(s, (s.value as string).normalize('NFKC').trim());
    else if (TEXT_KEYS.has(key)) for (const s of scalarStrings(value)) setText(s, toHalfWidth(s.value as string).trim());
    else if (key === 'basis') for (const s of scalarStrings(value)) setText(s, toHalfWidth(s.value as string).trim());
    else if (key === 'deadline') {
      for (const s of scalarStrings(value)) {
        const text = toHalfWidth(s.value as string).trim();
        setText(s, normalizeDeadline(text) ?? text);
      }
    } else if (key === 'channels') normalizeChannels(value, vocab, local);
    else if (key === 'audience') normalizeEnum(value, normalizeAudience, AUDIENCES);
    else if (key === 'mode') normalizeEnum(value, normalizeMode, MODES);
    else if (key === 'levels') normalizeEnum(value, normalizeLevel, LEVEL_MARKS);
    else if (key === 'publics') normalizeEnum(value, normalizePublics, PUBLICS);
    else if (key === 'deviations' && isSeq(value)) {
      for (const d of value.items) if (isMap(d)) normalizeItem(d, vocab, local);
    }
  }
}

function normalizeDocument(doc: Document, options: FormatOptions): void {
  const top = doc.contents;
  if (!isMap(top)) return;
  const vocab = options.vocab ?? loadChannelVocabulary();
  const local = new Set(options.localChannels ?? []);
  for (const pair of top.items) {
    const key = keyOf(pair);
    if (key === 'domain') for (const s of scalarStrings(pair.value)) setText(s, (s.value as string).normalize('NFKC').trim());
    if ((key === 'items' || key === 'exclusions') && isSeq(pair.value)) {
      for (const item of pair.value.items) if (isMap(item)) normalizeItem(item, vocab, local);
    }
  }
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

/** The canonical form of a catalog file, or why it cannot be formatted (a YAML syntax error, aliases). */
export function formatCatalog(text: string, options: FormatOptions = {}): FormatResult {
  const source = fixFullwidthColons(text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n'));
  const doc = parseDocument(source, { keepSourceTokens: false });
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    const detail = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, text, failure: { reason: 'syntax', detail, ...(at ? { line: at.line, column: at.col } : {}) } };
  }
  // A catalog has no use for aliases; one file with many can also expand without bound (an alias bomb).
  if (hasAlias(doc)) return { ok: false, text, failure: { reason: 'alias' } };
  normalizeDocument(doc, options);
  applyCanonicalStyle(doc);
  const out = doc.toString(YAML_OUTPUT);
  return { ok: true, text: out.endsWith('\n') ? out.replace(/\n+$/, '\n') : `${out}\n` };
}

/** `formatCatalog` for callers that only want text: unformattable input comes back unchanged. */
export function formatCatalogText(text: string, options: FormatOptions = {}): string {
  return formatCatalog(text, options).text;
}
