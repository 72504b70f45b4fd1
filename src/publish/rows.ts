// The official table row of each resolved item: plain strings and lists, shared by the HTML, CSV and XLSX writers.
import { valueOf } from '../resolve/standard.js';
import { matchChannel, type ChannelVocabulary } from '../load/channels.js';
import type { Audience, LevelMark, Mode, PublicsClass, ResolvedCatalog, ResolvedItem } from '../model/types.js';
import { LEVEL_MARKS, levelMark } from '../model/levels.js';

export interface ItemRow {
  /** 序号: position within its domain, from 1. */
  seq: number;
  id: string;
  domain: string;
  domainName: string;
  category: string;
  name: string;
  content: string;
  basis: string[];
  deadline: string;
  subject: string;
  channels: string[];
  audience: Audience[];
  mode: Mode[];
  levels: LevelMark[];
  publics: PublicsClass[];
  standard?: string;
  note?: string;
}

export interface DomainRows {
  id: string;
  name: string;
  standard: boolean;
  rows: ItemRow[];
}

export function rowOf(item: ResolvedItem, seq: number, domainName: string): ItemRow {
  const row: ItemRow = {
    seq,
    id: item.id,
    domain: item.domain,
    domainName,
    category: valueOf(item, 'category') ?? '',
    name: valueOf(item, 'name') ?? '',
    content: valueOf(item, 'content') ?? '',
    basis: valueOf(item, 'basis') ?? [],
    deadline: valueOf(item, 'deadline') ?? '',
    subject: valueOf(item, 'subject') ?? '',
    channels: valueOf(item, 'channels') ?? [],
    audience: valueOf(item, 'audience') ?? [],
    mode: valueOf(item, 'mode') ?? [],
    levels: valueOf(item, 'levels') ?? [],
    publics: valueOf(item, 'publics') ?? [],
  };
  if (item.standard !== undefined) row.standard = item.standard;
  if (item.note !== undefined) row.note = item.note;
  return row;
}

/** A 二级事项 cell that only marks the absence of one (blank, a dash, a slash, 无): the transcription's stand-in, not a name. */
export function isPlaceholderName(name: string): boolean {
  return /^[\s\-‐‑‒–—―─━－_/／\\|｜·•…。.无]*$/u.test(name);
}

/** What names an item in lists and links: its 二级事项, or its 一级事项 when it has none, or its id. */
export function itemTitle(row: Pick<ItemRow, 'name' | 'category' | 'id'>): string {
  if (!isPlaceholderName(row.name)) return row.name;
  if (!isPlaceholderName(row.category)) return row.category;
  return row.id;
}

/** Every domain of the catalog in catalog order, its items in the order they are written. */
export function tabulateCatalog(catalog: ResolvedCatalog): DomainRows[] {
  return catalog.domains.map((d) => {
    const items = catalog.items.filter((i) => i.domain === d.id);
    return { id: d.id, name: d.name, standard: d.standard, rows: items.map((item, i) => rowOf(item, i + 1, d.name)) };
  });
}

/** The 公开层级 columns: 县级 and 乡级 as in the official tables, and 村级 when the catalog uses it. */
export function levelColumns(catalog: ResolvedCatalog, domains: readonly DomainRows[]): LevelMark[] {
  const used = catalog.manifest.level === 'village' || domains.some((d) => d.rows.some((r) => r.levels.includes(levelMark('village'))));
  return used ? [...LEVEL_MARKS] : LEVEL_MARKS.slice(0, 2);
}

/** Consecutive rows sharing 一级事项 are merged like the official tables: the span each row starts, 0 when merged into the row above. */
export function categorySpans(rows: readonly ItemRow[]): number[] {
  const spans = rows.map(() => 0);
  for (let i = 0; i < rows.length; ) {
    let j = i + 1;
    while (j < rows.length && rows[j]!.category === rows[i]!.category && rows[i]!.category !== '') j++;
    spans[i] = j - i;
    i = j;
  }
  return spans;
}

/** The standard channels as the official tables print them (■/□ boxes), in the vocabulary's order. */
export function standardChannelNames(channels: ChannelVocabulary): string[] {
  return channels.entries.filter((e) => e.checkbox).map((e) => e.name);
}

/** standardChannelNames as a set, worked out once per vocabulary: every item's channel cell asks. */
const standardSets = new WeakMap<ChannelVocabulary, { names: string[]; set: ReadonlySet<string> }>();
function standardOf(channels: ChannelVocabulary): { names: string[]; set: ReadonlySet<string> } {
  let known = standardSets.get(channels);
  if (known === undefined) {
    const names = standardChannelNames(channels);
    standardSets.set(channels, (known = { names, set: new Set(names) }));
  }
  return known;
}

export interface ChannelMarks {
  /** Every standard channel, `on` when the item uses it under its name or an alias. */
  marks: Array<{ name: string; on: boolean }>;
  /** The item's other channels (platforms, local ones), as written. */
  others: string[];
}

export function markChannels(written: readonly string[], channels: ChannelVocabulary): ChannelMarks {
  const standard = standardOf(channels);
  const chosen = new Set<string>();
  const others: string[] = [];
  for (const w of written) {
    const m = matchChannel(channels, w);
    if (m.kind !== 'unknown' && standard.set.has(m.name)) chosen.add(m.name);
    else if (!others.includes(w)) others.push(w);
  }
  return { marks: standard.names.map((name) => ({ name, on: chosen.has(name) })), others };
}
