// Which of the 26 domains a table belongs to, from its title, sheet name or file name (社会救助领域… → social-assistance).
import { distance } from 'fastest-levenshtein';
import { isDomainId } from '../check/schema/generate.js';
import { DOMAIN_IDS, DOMAIN_NAMES, type StandardDomainId } from '../model/types.js';

/** Other names offices give the domains in their titles; the official names come from DOMAIN_NAMES. */
const ALIASES: Array<[string, StandardDomainId]> = [
  ['征地', 'land-expropriation'],
  ['土地征收', 'land-expropriation'],
  ['房屋征收', 'housing-expropriation'],
  ['生态环境', 'environmental-protection'],
  ['财政预算', 'fiscal-budget'],
  ['预决算', 'fiscal-budget'],
  ['防灾减灾', 'disaster-relief'],
  ['税务', 'tax-administration'],
  ['税收', 'tax-administration'],
  ['住房保障', 'affordable-housing'],
  ['危房改造', 'rural-dilapidated-housing'],
  ['综合执法', 'urban-law-enforcement'],
  ['城市管理', 'urban-law-enforcement'],
  ['公共文化', 'public-culture'],
  ['法律服务', 'public-legal-services'],
  ['养老服务', 'elderly-care'],
  ['食品药品', 'food-drug-regulation'],
  ['户籍', 'household-registration'],
  ['卫生健康', 'health-care'],
  ['社保', 'social-insurance'],
];

const NEEDLES: Array<[string, string]> = [...DOMAIN_IDS.map((id): [string, string] => [DOMAIN_NAMES[id], id]), ...ALIASES].sort(
  (a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1),
);

/** Local domains a gk.yaml declares (general-affairs: 综合政务), by id. */
export type LocalDomains = Readonly<Record<string, string>>;

function needlesWith(local: LocalDomains): Array<[string, string]> {
  const extra = Object.entries(local).map(([id, name]): [string, string] => [name, id]);
  if (extra.length === 0) return NEEDLES;
  return [...NEEDLES, ...extra].sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
}

/** The domains a text names; a name inside a longer one (征收 in 国有土地上房屋征收) does not count on its own. */
export function findDomainsIn(text: string, local: LocalDomains = {}): string[] {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  const taken: Array<[number, number]> = [];
  const found = new Set<string>();
  for (const [needle, id] of needlesWith(local)) {
    for (let at = s.indexOf(needle); at !== -1; at = s.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (taken.some(([a, b]) => at >= a && end <= b)) continue;
      taken.push([at, end]);
      found.add(id);
    }
  }
  const base = s.replace(/\.[A-Za-z]+$/, '').toLowerCase();
  for (const id of [...DOMAIN_IDS, ...Object.keys(local)]) if (base === id || base.startsWith(`${id}.`)) found.add(id);
  return [...found].sort();
}

/** A domain given as an id (social-assistance) or a Chinese name (社会救助, or a local domain's name). */
export function parseDomain(value: string, local: LocalDomains = {}): string | undefined {
  const v = value.trim();
  if ((DOMAIN_IDS as readonly string[]).includes(v)) return v;
  const byName = DOMAIN_IDS.find((id) => DOMAIN_NAMES[id] === v) ?? Object.keys(local).find((id) => local[id] === v);
  if (byName) return byName;
  return isDomainId(v) ? v : undefined;
}

export type DomainChoice = { ok: true; domain: string } | { ok: false; suggestion?: string };

/**
 * `gk import --domain`: an id or a Chinese name (official, an alias, or a local one; `…领域` too) of a domain `known`
 * holds (id → name). An unknown id close to a known one is refused with that one as a suggestion; a well-formed new id
 * is taken only when `allowNew` (a new edition may add domains).
 */
export function chooseDomain(value: string, known: ReadonlyMap<string, string>, allowNew: boolean): DomainChoice {
  const v = value.normalize('NFKC').replace(/\s+/g, '');
  if (known.has(v)) return { ok: true, domain: v };
  const bare = v.endsWith('领域') ? v.slice(0, -2) : v;
  for (const [id, name] of known) if (name === v || name === bare) return { ok: true, domain: id };
  const alias = ALIASES.find(([name]) => name === bare);
  if (alias && known.has(alias[1])) return { ok: true, domain: alias[1] };
  const lower = v.toLowerCase();
  const ascii = /^[\x20-\x7e]*$/.test(v);
  let best: { id: string; d: number } | undefined;
  for (const [id, name] of known) {
    const d = ascii ? distance(lower.replace(/_/g, '-'), id) : distance(bare, name);
    if (!best || d < best.d) best = { id, d };
  }
  const limit = Math.max(2, Math.floor((ascii ? v.length : bare.length) / 4));
  if (best && best.d <= limit) return { ok: false, suggestion: best.id };
  // A name inside a longer text (社会救助事项目录) is a suggestion, never a silent choice.
  const named = findDomainsIn(v, Object.fromEntries([...known].filter(([id]) => !(DOMAIN_IDS as readonly string[]).includes(id))));
  if (named.length === 1 && known.has(named[0]!)) return { ok: false, suggestion: named[0]! };
  if (allowNew && isDomainId(v)) return { ok: true, domain: v };
  return { ok: false };
}

export interface DomainGuess {
  domain: string;
  /** the text that named it */
  from: string;
}

/** The first text (title rows, then the sheet name, then the file name) that names exactly one domain. */
export function guessDomain(texts: readonly string[], local: LocalDomains = {}): DomainGuess | { ambiguous: string[]; from: string } | undefined {
  for (const text of texts) {
    const found = findDomainsIn(text, local);
    if (found.length === 1) return { domain: found[0]!, from: text };
    if (found.length > 1) return { ambiguous: found, from: text };
  }
  return undefined;
}
