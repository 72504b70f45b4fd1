// The law-title vocabulary (catalogs/standard/law-titles.yaml): the titles the official tables cite, and the
// abbreviations and misspellings catalogs are known to write for them; how one 《title》 stands against it.
import path from 'node:path';
import { distance } from 'fastest-levenshtein';
import { bundledStandardDir } from '../io/files.js';
import { readStandardYaml } from './prepared.js';

export interface LawTitles {
  /** Every title as the official tables cite it, folded (see foldTitle). */
  cited: ReadonlySet<string>;
  /** written (folded) → the title to write */
  abbreviations: ReadonlyMap<string, string>;
  misspellings: ReadonlyMap<string, string>;
  /** The cited titles long enough to compare for a one-character slip, by length in characters: [folded, as cited]. */
  long: ReadonlyMap<number, ReadonlyArray<readonly [string, string]>>;
}

export type TitleMatch = { kind: 'ok' } | { kind: 'abbreviation' | 'misspelling' | 'near'; title: string };

/** Short titles differ by a character from other real titles (《城乡规划法》, 《城市规划法》): only long ones are compared. */
const NEAR_MIN = 12;

/** Width, spacing and the bracket forms real tables mix (〈〉 <> ＜＞, （） ()) folded, so they never make a difference. */
export function foldTitle(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(/[〈<]/g, '<')
    .replace(/[〉>]/g, '>');
}

function pairs(list: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!Array.isArray(list)) return out;
  for (const e of list as Array<Record<string, unknown> | null>) {
    if (typeof e?.written === 'string' && typeof e.title === 'string') out.set(foldTitle(e.written), e.title);
  }
  return out;
}

export function buildLawTitles(raw: unknown): LawTitles {
  const r = (raw ?? {}) as Record<string, unknown>;
  const abbreviations = pairs(r.abbreviations);
  const misspellings = pairs(r.misspellings);
  // the official copies cite some titles wrongly too; a known wrong form is never an accepted one
  const asCited = new Map<string, string>();
  const titles = [...(Array.isArray(r.cited) ? r.cited : []), ...abbreviations.values(), ...misspellings.values()];
  for (const title of titles) {
    if (typeof title !== 'string') continue;
    const folded = foldTitle(title);
    if (!abbreviations.has(folded) && !misspellings.has(folded) && !asCited.has(folded)) asCited.set(folded, title);
  }
  const long = new Map<number, Array<readonly [string, string]>>();
  for (const [folded, title] of [...asCited].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const length = [...folded].length;
    if (length < NEAR_MIN || /\d/.test(folded)) continue;
    long.set(length, [...(long.get(length) ?? []), [folded, title]]);
  }
  return { cited: new Set(asCited.keys()), abbreviations, misspellings, long };
}

let bundled: LawTitles | undefined;

export function loadLawTitles(): LawTitles {
  bundled ??= buildLawTitles(readStandardYaml(path.join(bundledStandardDir, 'law-titles.yaml')));
  return bundled;
}

/**
 * How one 《title》 stands against the vocabulary. A title gk has never seen is fine: precision before recall. A
 * one-character slip is only a character left out or put in (工作意见 for 工作的意见) of a long title without digits:
 * a changed character is as often another real document (…的决定 / …的规定, 湖北省 / 湖南省), and 2018年 / 2019年
 * are two documents.
 */
export function matchTitle(titles: LawTitles, written: string): TitleMatch {
  let cache = matches.get(titles);
  if (!cache) matches.set(titles, (cache = new Map()));
  const known = cache.get(written);
  if (known) return known;
  if (cache.size >= 10_000) cache.clear();
  const match = matchUncached(titles, written);
  cache.set(written, match);
  return match;
}

/** A province's catalogs cite the same local titles thousands of times; the near-title search is the costly part. */
const matches = new WeakMap<LawTitles, Map<string, TitleMatch>>();

function matchUncached(titles: LawTitles, written: string): TitleMatch {
  const folded = foldTitle(written);
  if (titles.cited.has(folded)) return { kind: 'ok' };
  const abbreviation = titles.abbreviations.get(folded);
  if (abbreviation !== undefined) return { kind: 'abbreviation', title: abbreviation };
  const misspelling = titles.misspellings.get(folded);
  if (misspelling !== undefined) return { kind: 'misspelling', title: misspelling };
  const length = [...folded].length;
  if (length < NEAR_MIN || /\d/.test(folded)) return { kind: 'ok' };
  const near = [...(titles.long.get(length - 1) ?? []), ...(titles.long.get(length + 1) ?? [])].filter(([t]) => distance(t, folded) === 1);
  // two titles one character away each: which one was meant is a guess
  return near.length === 1 ? { kind: 'near', title: near[0]![1] } : { kind: 'ok' };
}

/** Every 《title》 in a text, with its offset; a title holds no 《 or 》 of its own and no line break. */
export function titlesIn(text: string): Array<{ title: string; at: number }> {
  const out: Array<{ title: string; at: number }> = [];
  if (!text.includes('《')) return out;
  TITLE.lastIndex = 0;
  for (let m = TITLE.exec(text); m !== null; m = TITLE.exec(text)) out.push({ title: m[0], at: m.index });
  return out;
}

const TITLE = /《[^《》\n]{2,80}》/g;
