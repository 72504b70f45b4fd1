// The 公开渠道和载体 vocabulary: canonical names, aliases and misspellings, and did-you-mean over them.
import path from 'node:path';
import { distance } from 'fastest-levenshtein';
import { bundledStandardDir } from '../io/files.js';
import { readStandardYaml } from './prepared.js';

export interface ChannelEntry {
  name: string;
  aliases: string[];
  kind: 'standard' | 'platform';
  domains: string[];
  /** Printed as a ■/□ box in the official tables' checklist (the 2019 list: 政府网站 … 精准推送, 其他). */
  checkbox: boolean;
}

export interface ChannelVocabulary {
  entries: ChannelEntry[];
  /** normalised spelling → canonical name, for canonical names and aliases alike */
  lookup: Map<string, string>;
  canonical: Set<string>;
}

export type ChannelMatch =
  | { kind: 'canonical'; name: string }
  | { kind: 'alias'; name: string }
  | { kind: 'unknown'; suggestions: string[] };

/** Folds the width and spacing variants that real tables mix: ／ vs /, （） vs (), spaces, 、 between parts. */
export function normalizeChannel(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[、／\\|]/g, '/')
    .replace(/[【\[]/g, '(')
    .replace(/[】\]]/g, ')');
}

export function buildVocabulary(entries: ChannelEntry[]): ChannelVocabulary {
  const lookup = new Map<string, string>();
  const canonical = new Set<string>();
  for (const e of entries) {
    canonical.add(e.name);
    lookup.set(normalizeChannel(e.name), e.name);
  }
  for (const e of entries) for (const a of e.aliases) if (!lookup.has(normalizeChannel(a))) lookup.set(normalizeChannel(a), e.name);
  return { entries, lookup, canonical };
}

let bundled: ChannelVocabulary | undefined;

export function loadChannelVocabulary(file = path.join(bundledStandardDir, 'channels.yaml')): ChannelVocabulary {
  if (bundled && file === path.join(bundledStandardDir, 'channels.yaml')) return bundled;
  const raw = readStandardYaml(file) as { channels?: unknown[] } | null;
  const entries: ChannelEntry[] = [];
  for (const c of raw?.channels ?? []) {
    const r = c as Record<string, unknown>;
    if (typeof r.name !== 'string') continue;
    entries.push({
      name: r.name,
      aliases: Array.isArray(r.aliases) ? r.aliases.map(String) : [],
      kind: r.kind === 'platform' ? 'platform' : 'standard',
      domains: Array.isArray(r.domains) ? r.domains.map(String) : [],
      checkbox: r.kind !== 'platform' && r.checkbox !== false,
    });
  }
  const vocab = buildVocabulary(entries);
  if (file === path.join(bundledStandardDir, 'channels.yaml')) bundled = vocab;
  return vocab;
}

export function matchChannel(vocab: ChannelVocabulary, written: string): ChannelMatch {
  if (vocab.canonical.has(written)) return { kind: 'canonical', name: written };
  let cache = matches.get(vocab);
  if (!cache) matches.set(vocab, (cache = new Map()));
  const known = cache.get(written);
  if (known) return known;
  if (cache.size >= 10_000) cache.clear();
  const match = matchUncommon(vocab, written);
  cache.set(written, match);
  return match;
}

/** Misspellings recur too, and their did-you-mean is the costly part. */
const matches = new WeakMap<ChannelVocabulary, Map<string, ChannelMatch>>();

function matchUncommon(vocab: ChannelVocabulary, written: string): ChannelMatch {
  const key = normalizeChannel(written);
  const hit = vocab.lookup.get(key);
  if (hit !== undefined) return hit === written ? { kind: 'canonical', name: hit } : { kind: 'alias', name: hit };
  return { kind: 'unknown', suggestions: suggestChannels(vocab, key) };
}

/** Nearest canonical names by edit distance over every known spelling; at most three, closest first. */
function suggestChannels(vocab: ChannelVocabulary, key: string): string[] {
  const scored = new Map<string, number>();
  for (const [spelling, name] of vocab.lookup) {
    const d = distance(key, spelling);
    const limit = Math.max(1, Math.floor(Math.max(key.length, spelling.length) / 3));
    const contains = key.length >= 2 && (spelling.includes(key) || key.includes(spelling)) ? 0.5 : Infinity;
    const score = Math.min(d <= limit ? d : Infinity, contains);
    if (score === Infinity) continue;
    if (!scored.has(name) || scored.get(name)! > score) scored.set(name, score);
  }
  return [...scored.entries()]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([name]) => name);
}
