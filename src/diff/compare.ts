// Comparing two values of one catalog element: when they count as the same, and when the second discloses less.
import { compareDeadlines, deadlineKey, parseDeadline } from '../model/deadline.js';
import { foldSpacing } from '../model/values.js';
import { matchChannel, normalizeChannel, type ChannelVocabulary } from '../load/channels.js';
import type { ItemField, ItemSpec } from '../model/types.js';
import type { ChangeClass, FieldChange, WeakeningKind } from './types.js';

type Value = ItemSpec[ItemField];

/** Width, spacing and quote variants that real tables mix, folded away. */
function fold(s: string): string {
  return foldSpacing(s).replace(/[“”"'‘’「」]/g, '');
}

function channelKey(vocab: ChannelVocabulary, written: string): string {
  const m = matchChannel(vocab, written);
  return m.kind === 'unknown' ? normalizeChannel(written) : m.name;
}

function keysOf(field: ItemField, value: Value, vocab: ChannelVocabulary): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return [...new Set(list.map((v) => (field === 'channels' ? channelKey(vocab, v) : fold(v))))].sort();
}

/** Whether two written values say the same: lists as sets, channels through the vocabulary, deadlines by canonical form. */
export function isSameValue(field: ItemField, a: Value, b: Value, vocab: ChannelVocabulary): boolean {
  if (field === 'deadline' && typeof a === 'string' && typeof b === 'string') {
    const x = deadlineKey(a);
    if (x !== undefined && x === deadlineKey(b)) return true;
  }
  const x = keysOf(field, a, vocab);
  const y = keysOf(field, b, vocab);
  return x.length === y.length && x.every((k, i) => k === y[i]);
}

/** National channels with no counterpart among the local ones (aliases count as the same channel). */
export function findRemovedChannels(before: Value, after: Value, vocab: ChannelVocabulary): string[] {
  const kept = new Set(keysOf('channels', after, vocab));
  const list = Array.isArray(before) ? before : before === undefined ? [] : [before];
  return list.filter((c) => !kept.has(channelKey(vocab, c)));
}

/** 公开内容 split into its elements: at 、，,；;。 and at ①②… markers; numbering and stray punctuation trimmed. */
export function splitContent(content: string): string[] {
  const marked = content.replace(/[①-⑳]/g, '\n');
  const out: string[] = [];
  for (const raw of fold(marked.replace(/\n/g, ';')).split(/[、,;。]+/)) {
    const element = raw
      .replace(/^(?:\(?\d{1,2}[.)]|\d{1,2}、|[一二三四五六七八九十]、)/, '')
      .replace(/^[:.()\-]+|[:.()\-]+$/g, '')
      .replace(/^(?:包括|以及|及|和|等)/, '')
      .replace(/等$/, '');
    if (element.length >= 2 && !out.includes(element)) out.push(element);
  }
  return out;
}

/** Elements of the first content that the second does not contain anywhere. */
export function findDroppedElements(before: string, after: string): string[] {
  const local = fold(after);
  return splitContent(before).filter((e) => !local.includes(e));
}

function asList<T extends string>(v: Value): T[] {
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]) as T[];
}

/** How the second value discloses less than the first, if it does and gk can tell. */
export function detectWeakening(field: ItemField, before: Value, after: Value, vocab: ChannelVocabulary): WeakeningKind | undefined {
  if (before === undefined || after === undefined) return undefined;
  switch (field) {
    case 'deadline': {
      const a = parseDeadline(String(after));
      const b = parseDeadline(String(before));
      if (a === undefined || b === undefined) return undefined;
      const c = compareDeadlines(a, b);
      return c !== undefined && c > 0 ? 'longer-deadline' : undefined;
    }
    case 'mode':
      return asList(before).includes('主动') && !asList(after).includes('主动') ? 'mode-on-request' : undefined;
    case 'audience':
      return asList(before).includes('全社会') && !asList(after).includes('全社会') ? 'audience-narrowed' : undefined;
    case 'channels':
      return findRemovedChannels(before, after, vocab).length > 0 ? 'channel-removed' : undefined;
    case 'content':
      return findDroppedElements(String(before), String(after)).length > 0 ? 'content-dropped' : undefined;
    default:
      return undefined;
  }
}

/** The values a weakening lost: the dropped channels or content elements (empty for the other kinds). */
export function listLostValues(change: FieldChange, vocab: ChannelVocabulary): string[] {
  if (change.weakens === 'channel-removed') return findRemovedChannels(change.before as Value, change.after as Value, vocab);
  if (change.weakens === 'content-dropped') return findDroppedElements(String(change.before), String(change.after));
  return [];
}

/** The change of one element from `before` to `after`; undefined when they say the same. */
export function compareField(field: ItemField, before: Value, after: Value, vocab: ChannelVocabulary): FieldChange | undefined {
  if (isSameValue(field, before, after, vocab)) return undefined;
  const change: FieldChange = { field, before: before ?? null, after: after ?? null };
  const weakens = detectWeakening(field, before, after, vocab);
  if (weakens !== undefined) change.weakens = weakens;
  return change;
}

/** Elements whose change matters to a reader beyond wording: who discloses, on what authority, and what. */
const NOTABLE_FIELDS: ReadonlySet<ItemField> = new Set<ItemField>(['subject', 'basis', 'content']);

export const CHANGE_CLASSES: readonly ChangeClass[] = ['breaking', 'notable', 'info'];

/** A weaker disclosure is breaking unless declared with a reason, which makes it notable. */
export function classifyChange(change: FieldChange): ChangeClass {
  if (change.weakens !== undefined) return change.declared === undefined ? 'breaking' : 'notable';
  return NOTABLE_FIELDS.has(change.field) ? 'notable' : 'info';
}

/** The worse of two classes (breaking is the worst). */
export function pickWorseClass(a: ChangeClass, b: ChangeClass): ChangeClass {
  return CHANGE_CLASSES.indexOf(a) <= CHANGE_CLASSES.indexOf(b) ? a : b;
}

/** Whether a change of class `c` reaches the `--fail-on` threshold. */
export function reaches(c: ChangeClass, threshold: ChangeClass): boolean {
  return CHANGE_CLASSES.indexOf(c) <= CHANGE_CLASSES.indexOf(threshold);
}
