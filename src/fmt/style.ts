// The canonical layout of a catalog file: key order and list styles, applied to a `yaml` Document so comments stay put.
import { isMap, isNode, isScalar, isSeq, type Scalar, type YAMLSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { ITEM_FIELDS, type DataPath } from '../model/types.js';

/** A value fmt changed on purpose: the data at `path` becomes `value` (checked against what the printed file reads as). */
export interface ValueChange {
  path: DataPath;
  value: unknown;
}

export const TOP_KEY_ORDER = ['domain', 'items', 'exclusions'] as const;
export const ITEM_KEY_ORDER = ['id', 'standard', 'parent-item', 'renamed_from', ...ITEM_FIELDS, 'deviations', 'note'] as const;
export const EXCLUSION_KEY_ORDER = ['standard', 'reason'] as const;
export const DEVIATION_KEY_ORDER = ['field', 'reason'] as const;

/**
 * How each list is written:
 * - basis: one document → `[《…》]`; several → one per line (titles are long);
 * - channels, levels, renamed_from: always `[a, b]` (short names);
 * - audience, mode, publics: one value → a plain scalar; several → `[a, b]`.
 */
export type ListStyle = 'flow' | 'block-when-several' | 'scalar-when-single';
export const LIST_STYLES: Record<string, ListStyle> = {
  basis: 'block-when-several',
  channels: 'flow',
  levels: 'flow',
  renamed_from: 'flow',
  audience: 'scalar-when-single',
  mode: 'scalar-when-single',
  publics: 'scalar-when-single',
};

/** Options for Document.toString that every catalog writer uses: no folding of long lines. */
export const YAML_OUTPUT = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false, indentSeq: true } as const;

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** Known keys first in the given order; unknown keys after them, as they were. */
export function orderKeys(map: YAMLMap, order: readonly string[]): void {
  const rank = (p: Pair) => {
    const i = order.indexOf(keyOf(p) ?? '');
    return i === -1 ? order.length : i;
  };
  const sorted = map.items.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i);
  const oldFirst = map.items[0]?.key as Node | undefined;
  const newFirst = sorted[0]?.p.key as Node | undefined;
  // the comment above the first key (a file's modeline and title) stays at the top whatever key comes first now
  if (oldFirst && newFirst && oldFirst !== newFirst && isNode(oldFirst) && isNode(newFirst) && oldFirst.commentBefore) {
    newFirst.commentBefore = newFirst.commentBefore ? `${oldFirst.commentBefore}\n${newFirst.commentBefore}` : oldFirst.commentBefore;
    oldFirst.commentBefore = undefined;
  }
  map.items = sorted.map((s) => s.p);
}

function carryComments(from: Node, to: Node): void {
  if (from.commentBefore) to.commentBefore = from.commentBefore;
  if (from.comment) to.comment = from.comment;
  if (from.spaceBefore) to.spaceBefore = true;
}

function hasItemComments(seq: YAMLSeq): boolean {
  return seq.items.some((n) => (isScalar(n) || isMap(n) || isSeq(n)) && (n.commentBefore || n.comment));
}

function listStyleOf(key: string): ListStyle | undefined {
  // an own property only: `__proto__`, `constructor` and the like are keys like any other
  return Object.hasOwn(LIST_STYLES, key) ? LIST_STYLES[key] : undefined;
}

/**
 * Rewrites one list-valued entry in its canonical style; a text becomes a one-item list where lists are the form,
 * and a one-text list a text where a single value is written bare (each recorded in `changes`). Empty values
 * (`channels:`, `levels: ~`), numbers and the like are left as written.
 */
export function styleList(doc: Document, pair: Pair, style: ListStyle, path: DataPath = [], changes: ValueChange[] = []): void {
  const value = pair.value as Node | null;
  if (value === null || value === undefined) return;
  if (isScalar(value)) {
    if (style === 'scalar-when-single' || typeof value.value !== 'string') return;
    const seq = doc.createNode([value.value]) as YAMLSeq;
    seq.flow = true;
    carryComments(value, seq);
    pair.value = seq;
    changes.push({ path, value: [value.value] });
    return;
  }
  if (!isSeq(value)) return;
  const seq = value as YAMLSeq;
  const first = seq.items[0];
  if (style === 'scalar-when-single' && seq.items.length === 1 && isScalar(first) && typeof first.value === 'string' && !hasItemComments(seq)) {
    carryComments(seq, first);
    pair.value = first;
    changes.push({ path, value: first.value });
    return;
  }
  if (hasItemComments(seq)) {
    seq.flow = false;
    return;
  }
  seq.flow = style === 'block-when-several' ? seq.items.length <= 1 : true;
}

function styleItem(doc: Document, item: YAMLMap, path: DataPath, changes: ValueChange[]): void {
  orderKeys(item, ITEM_KEY_ORDER);
  for (const pair of item.items) {
    const key = keyOf(pair);
    if (key === undefined) continue;
    const style = listStyleOf(key);
    if (style) styleList(doc, pair, style, [...path, key], changes);
    if (key === 'deviations' && isSeq(pair.value)) {
      pair.value.flow = false;
      for (const d of pair.value.items) if (isMap(d)) orderKeys(d, DEVIATION_KEY_ORDER);
    }
  }
}

/** Key order and list styles for a whole catalog document; value changes are added to `changes`. Documents that are not catalogs are left alone. */
export function applyCanonicalStyle(doc: Document, changes: ValueChange[] = []): void {
  const top = doc.contents;
  if (!isMap(top)) return;
  orderKeys(top, TOP_KEY_ORDER);
  const items = top.get('items', true);
  if (isSeq(items)) {
    items.flow = false;
    items.items.forEach((item, i) => isMap(item) && styleItem(doc, item, ['items', i], changes));
  }
  const exclusions = top.get('exclusions', true);
  if (isSeq(exclusions)) {
    exclusions.flow = false;
    for (const e of exclusions.items) if (isMap(e)) orderKeys(e, EXCLUSION_KEY_ORDER);
  }
}
