// Matching imported rows to national items: same domain, the same or nearly the same 二级事项, one row per national item.
import { distance } from 'fastest-levenshtein';
import type { Edition, StandardItem } from '../model/types.js';

/** Below this similarity of 二级事项 names a row is not matched. */
export const MATCH_THRESHOLD = 0.75;

/** Names without numbering (1.1, 一、), spaces, punctuation and width variants. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^(?:\d+(?:\.\d+)*[.、]?|[一二三四五六七八九十]+、|\(\d+\)|\([一二三四五六七八九十]+\))/, '')
    .replace(/[、,.;:!?"'“”‘’()《》〈〉<>[\]【】〔〕·•●\-—_/\\|]/g, '');
}

export function scoreSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

export interface MatchInput {
  category?: string;
  name: string;
  /** a second name to try (二级事项 when 三级事项 is the name) */
  altName?: string;
  content?: string;
}

export type MatchResult =
  | { kind: 'matched'; item: StandardItem; score: number; exact: boolean }
  | { kind: 'ambiguous'; candidates: StandardItem[]; score: number }
  | { kind: 'taken'; item: StandardItem; score: number; by: number }
  | { kind: 'none'; nearest?: StandardItem; score: number };

interface Scored {
  item: StandardItem;
  /** name similarity, then category and content as tie-breakers */
  key: [number, number, number];
}

function scoreAgainst(row: MatchInput, item: StandardItem): Scored {
  const name = Math.max(
    scoreSimilarity(normalizeName(row.name), normalizeName(item.name ?? '')),
    row.altName ? scoreSimilarity(normalizeName(row.altName), normalizeName(item.name ?? '')) : 0,
  );
  const category = row.category && item.category ? scoreSimilarity(normalizeName(row.category), normalizeName(item.category)) : 0;
  const content = row.content && item.content ? scoreSimilarity(normalizeName(row.content), normalizeName(item.content)) : 0;
  return { item, key: [name, category, content] };
}

function compareKeys(a: Scored['key'], b: Scored['key']): number {
  return b[0] - a[0] || b[1] - a[1] || b[2] - a[2];
}

/**
 * Each row's national item, when one is clearly best: name similarity at least MATCH_THRESHOLD and strictly
 * ahead of the runner-up (on name, then category, then content). A national item goes to one row only: the
 * closest; the others are told who took it.
 */
export function matchRows(rows: readonly MatchInput[], edition: Edition, domain: string): MatchResult[] {
  const items = [...edition.items.values()].filter((i) => i.domain === domain && (i.name ?? '') !== '');
  const best: MatchResult[] = rows.map((row) => {
    const scored = items.map((item) => scoreAgainst(row, item)).sort((a, b) => compareKeys(a.key, b.key) || (a.item.index - b.item.index));
    const [first, second] = scored;
    if (!first || first.key[0] < MATCH_THRESHOLD) return { kind: 'none', nearest: first?.item, score: first?.key[0] ?? 0 } as MatchResult;
    if (second && compareKeys(first.key, second.key) === 0) {
      return { kind: 'ambiguous', candidates: scored.filter((s) => compareKeys(s.key, first.key) === 0).map((s) => s.item), score: first.key[0] };
    }
    const exact = normalizeName(row.name) === normalizeName(first.item.name ?? '') || (row.altName !== undefined && normalizeName(row.altName) === normalizeName(first.item.name ?? ''));
    return { kind: 'matched', item: first.item, score: first.key[0], exact };
  });
  // one row per national item: the best-scoring row keeps it
  const holder = new Map<string, number>();
  best.forEach((m, i) => {
    if (m.kind !== 'matched') return;
    const j = holder.get(m.item.id);
    if (j === undefined) holder.set(m.item.id, i);
    else {
      const other = best[j] as Extract<MatchResult, { kind: 'matched' }>;
      const mine = scoreAgainst(rows[i]!, m.item).key;
      const theirs = scoreAgainst(rows[j]!, other.item).key;
      if (compareKeys(mine, theirs) < 0) holder.set(m.item.id, i);
    }
  });
  return best.map((m, i) => {
    if (m.kind !== 'matched') return m;
    const by = holder.get(m.item.id)!;
    return by === i ? m : { kind: 'taken', item: m.item, score: m.score, by };
  });
}
