// Comparing two versions of one catalog: items matched by id (or renamed_from), changes classified by what they cost readers.
import { loadChannelVocabulary, type ChannelVocabulary } from '../load/channels.js';
import { ITEM_FIELDS, type ResolvedCatalog, type ResolvedItem } from '../model/types.js';
import { classifyChange, compareField, pickWorseClass } from './compare.js';
import type { ChangeClass, ItemChange, VersionDiff } from './types.js';

function changedFields(before: ResolvedItem, after: ResolvedItem, channels: ChannelVocabulary): ItemChange['changes'] {
  const out: ItemChange['changes'] = [];
  for (const field of ITEM_FIELDS) {
    const change = compareField(field, before.fields[field]?.value, after.fields[field]?.value, channels);
    if (change) out.push({ ...change, class: classifyChange(change) });
  }
  return out;
}

function firstById(items: readonly ResolvedItem[]): Map<string, ResolvedItem> {
  const map = new Map<string, ResolvedItem>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

export function diffVersions(before: ResolvedCatalog, after: ResolvedCatalog, labels: { from: string; to: string }, channels: ChannelVocabulary = loadChannelVocabulary()): VersionDiff {
  const old = firstById(before.items);
  const now = firstById(after.items);
  const matched = new Set<string>();
  const changes: ItemChange[] = [];
  for (const item of now.values()) {
    let previous = old.get(item.id);
    let previousId: string | undefined;
    if (!previous) {
      // A renamed id matches only when the old id is gone; otherwise both ids live on and nothing was renamed.
      previousId = item.renamedFrom.find((id) => old.has(id) && !now.has(id) && !matched.has(id));
      previous = previousId === undefined ? undefined : old.get(previousId);
    }
    if (!previous) {
      changes.push({ kind: 'added', id: item.id, domain: item.domain, class: 'info', changes: [], after: item });
      continue;
    }
    matched.add(previous.id);
    const fields = changedFields(previous, item, channels);
    const moved = previous.domain !== item.domain || fields.some((f) => f.field === 'category');
    if (fields.length === 0 && !moved && previousId === undefined) continue;
    const change: ItemChange = {
      kind: moved ? 'moved' : 'changed',
      id: item.id,
      domain: item.domain,
      class: fields.reduce<ChangeClass>((worst, f) => pickWorseClass(worst, f.class), 'info'),
      changes: fields,
      before: previous,
      after: item,
    };
    if (previousId !== undefined) change.previousId = previousId;
    if (previous.domain !== item.domain) change.previousDomain = previous.domain;
    changes.push(change);
  }
  for (const item of old.values()) {
    if (!matched.has(item.id)) changes.push({ kind: 'removed', id: item.id, domain: item.domain, class: 'breaking', changes: [], before: item });
  }
  const order = [...new Set([...after.domains.map((d) => d.id), ...before.domains.map((d) => d.id)])];
  const rank = (domain: string) => {
    const i = order.indexOf(domain);
    return i === -1 ? order.length : i;
  };
  changes.sort((a, b) => rank(a.domain) - rank(b.domain) || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const counts: VersionDiff['counts'] = { breaking: 0, notable: 0, info: 0, added: 0, removed: 0, changed: 0, moved: 0 };
  for (const c of changes) {
    counts[c.class]++;
    counts[c.kind]++;
  }
  return { from: labels.from, to: labels.to, changes, counts };
}
