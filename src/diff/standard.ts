// Comparing a resolved catalog with the national standard: per national item adopted, adapted, excluded or missing.
import { levelMark, measuresCoverage } from '../model/levels.js';
import { makeDiagnostic } from '../model/diagnostic.js';
import { say, type Message } from '../model/i18n.js';
import { ELEMENT_NAMES } from '../model/elements.js';
import type { Government } from '../load/government.js';
import type { SourceFile } from '../load/source.js';
import { isOwnValue, NEVER_INHERITED, present } from '../resolve/standard.js';
import { loadChannelVocabulary, type ChannelVocabulary } from '../load/channels.js';
import { DOMAIN_NAMES, ITEM_FIELDS, type DataPath, type Diagnostic, type Lang, type Level, type ResolvedCatalog, type ResolvedItem, type StandardItem } from '../model/types.js';
import { classifyChange, compareField, listLostValues, pickWorseClass } from './compare.js';
import { flattenValue } from '../model/labels.js';
import type { ChangeClass, DomainCoverage, FieldChange, StandardDiff, StandardEntry, WeakeningKind } from './types.js';

/**
 * Whether a national item falls to a government of this level: its 公开层级 names the level (县级, 乡级, 村级),
 * or names none at all — the transcribed table lost its √ marks, so gk cannot rule the item out.
 */
export function appliesTo(item: StandardItem, level: Level): boolean {
  return item.levels === undefined || item.levels.length === 0 || item.levels.includes(levelMark(level));
}

/**
 * Elements a local item wrote differently from the national one. 公开主体 is always local and never counts;
 * an element the (partial) national row lacks is supplied, not adapted.
 */
export function findAdaptations(item: ResolvedItem, national: StandardItem, channels: ChannelVocabulary): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of ITEM_FIELDS) {
    if (NEVER_INHERITED.has(field)) continue;
    const resolved = item.fields[field];
    // A value taken from the parent item (`parent-item:`) is the township's adaptation, reported in its own diff.
    if (resolved === undefined || !isOwnValue(item, field) || !present(national[field])) continue;
    const change = compareField(field, national[field], resolved.value as StandardItem[typeof field], channels);
    if (change === undefined) continue;
    const declared = item.deviations.find((d) => d.field === field);
    if (declared !== undefined) change.declared = declared.reason;
    out.push(change);
  }
  return out;
}

function emptyCoverage(domain: string, name: string): DomainCoverage {
  return { domain, name, applicable: 0, adopted: 0, adapted: 0, excluded: 0, missing: 0, local: 0, unknown: 0, coverage: 1, weakening: 0 };
}

function addTo(total: DomainCoverage, part: DomainCoverage): void {
  for (const key of ['applicable', 'adopted', 'adapted', 'excluded', 'missing', 'local', 'unknown', 'weakening'] as const) total[key] += part[key];
}

function finish(c: DomainCoverage): DomainCoverage {
  c.coverage = c.applicable === 0 ? 1 : (c.adopted + c.adapted + c.excluded) / c.applicable;
  return c;
}

export function isUndeclaredWeakening(change: FieldChange): boolean {
  return change.weakens !== undefined && change.declared === undefined;
}

/** The national items a level carries, domain by domain in edition order, each domain in table order. */
export function groupNationalItems(resolved: Pick<ResolvedCatalog, 'edition'>): Map<string, StandardItem[]> {
  const byDomain = new Map<string, StandardItem[]>(resolved.edition.domains.map((d) => [d.id, []]));
  for (const item of resolved.edition.items.values()) {
    let list = byDomain.get(item.domain);
    if (!list) byDomain.set(item.domain, (list = []));
    list.push(item);
  }
  for (const list of byDomain.values()) list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.index - b.index));
  return byDomain;
}

export function diffAgainstStandard(resolved: ResolvedCatalog, channels: ChannelVocabulary = loadChannelVocabulary()): StandardDiff {
  const { manifest, edition } = resolved;
  const carriers = new Map<string, ResolvedItem[]>();
  const local: ResolvedItem[] = [];
  const unknown: ResolvedItem[] = [];
  for (const item of resolved.items) {
    if (item.standard === undefined) local.push(item);
    else if (!edition.items.has(item.standard)) unknown.push(item);
    else carriers.set(item.standard, [...(carriers.get(item.standard) ?? []), item]);
  }
  const exclusions = new Map<string, ResolvedCatalog['exclusions'][number]>();
  for (const ex of resolved.exclusions) if (!exclusions.has(ex.standard)) exclusions.set(ex.standard, ex);
  const domainFile = new Map<string, string>();
  for (const item of resolved.items) if (!domainFile.has(item.domain)) domainFile.set(item.domain, item.file);
  for (const ex of resolved.exclusions) if (!domainFile.has(ex.domain)) domainFile.set(ex.domain, ex.file);

  const names = new Map<string, string>([...Object.entries(DOMAIN_NAMES), ...edition.domains.map((d) => [d.id, d.name] as const), ...resolved.domains.map((d) => [d.id, d.name] as const)]);
  const coverage = new Map<string, DomainCoverage>();
  const coverageOf = (domain: string): DomainCoverage => {
    let c = coverage.get(domain);
    if (!c) coverage.set(domain, (c = emptyCoverage(domain, names.get(domain) ?? domain)));
    return c;
  };

  const national = groupNationalItems(resolved);
  const measured = measuresCoverage(manifest.level);
  const entries: StandardEntry[] = [];
  for (const [domain, items] of national) {
    const c = coverageOf(domain);
    for (const standard of items) {
      const carried = carriers.get(standard.id) ?? [];
      const excluded = exclusions.get(standard.id);
      // A village owes no national item: what it carries or excludes is listed, nothing is missing, nothing applies.
      if (!measured && carried.length === 0 && !excluded) continue;
      // A catalog that takes on an item outside its level is held to it all the same (level-mismatch warns).
      if (carried.length === 0 && !appliesTo(standard, manifest.level)) continue;
      if (measured) c.applicable++;
      let entry: StandardEntry;
      if (carried.length > 0) {
        const changes = carried.flatMap((item) => findAdaptations(item, standard, channels));
        const first = carried[0]!;
        entry = { status: changes.length > 0 ? 'adapted' : 'adopted', standard, items: carried, changes, file: first.file, path: ['items', first.index] };
        c.weakening += changes.filter(isUndeclaredWeakening).length;
      } else if (excluded) {
        entry = { status: 'excluded', standard, items: [], changes: [], file: excluded.file, path: ['exclusions', excluded.index] };
        if (excluded.reason !== undefined) entry.reason = excluded.reason;
      } else {
        // Where to add it: the domain's file when there is one, else gk.yaml.
        const file = domainFile.get(domain);
        entry = { status: 'missing', standard, items: [], changes: [], file: file ?? manifest.file, path: file === undefined ? [] : ['domain'] };
      }
      c[entry.status]++;
      entries.push(entry);
    }
  }
  for (const item of local) coverageOf(item.domain).local++;
  for (const item of unknown) coverageOf(item.domain).unknown++;

  const standardOrder = [...national.keys()];
  const localOrder = resolved.domains.map((d) => d.id).filter((id) => !standardOrder.includes(id));
  const order = [...standardOrder, ...localOrder, ...[...coverage.keys()].filter((id) => !standardOrder.includes(id) && !localOrder.includes(id)).sort()];
  const domains = order.filter((id) => coverage.has(id)).map((id) => finish(coverage.get(id)!));
  const total = emptyCoverage('', '');
  for (const d of domains) addTo(total, d);
  const diff: StandardDiff = {
    government: { name: manifest.name, code: manifest.code, level: manifest.level },
    measured,
    edition: { id: edition.id, partial: edition.partial, items: edition.items.size },
    entries,
    local,
    unknown,
    domains,
    total: finish(total),
  };
  if (edition.officialRows !== undefined) diff.edition.officialRows = edition.officialRows;
  return diff;
}

/** Whether the diff has what `gk diff` fails on by default: missing items, undeclared weakenings, unknown references. */
export function hasStandardProblems(diff: StandardDiff): boolean {
  return diff.total.missing > 0 || diff.total.weakening > 0 || diff.unknown.length > 0;
}

/**
 * The worst class of difference from the standard, for `--fail-on`: breaking for missing items, undeclared
 * weakenings and unknown references; notable for exclusions, declared weakenings and notable elements adapted;
 * info for other adaptations and local additions; undefined when the catalog is the standard.
 */
export function classifyStandardDiff(diff: StandardDiff): ChangeClass | undefined {
  if (hasStandardProblems(diff)) return 'breaking';
  let worst: ChangeClass | undefined = diff.local.length > 0 ? 'info' : undefined;
  const note = (c: ChangeClass) => (worst = worst === undefined ? c : pickWorseClass(worst, c));
  for (const entry of diff.entries) {
    if (entry.status === 'excluded') note('notable');
    for (const change of entry.changes) note(classifyChange(change));
  }
  return worst;
}

const M = {
  missing: {
    zh: '国家标准事项 {ref}“{name}”适用于本级，但目录既未实施也未列入 exclusions',
    en: 'national item {ref} ("{name}") applies at this level but is neither carried nor excluded',
  },
  missingHint: {
    zh: '在 {domain} 的 items 中添加 standard: {ref} 的事项，或在 exclusions 中写明不适用的理由',
    en: 'add an item with standard: {ref} to the items of {domain}, or list it under exclusions with a reason',
  },
  weakening: { zh: '事项“{id}”的{element}弱于国家标准 {ref}：{detail}', en: 'item "{id}": {element} is weaker than national item {ref}: {detail}' },
  weakeningHint: {
    zh: '如确有理由，在该事项的 deviations 中声明 field: {field} 及 reason',
    en: 'if there is a reason, declare it in the item’s deviations with field: {field} and a reason',
  },
  unknown: { zh: '事项“{id}”引用的国家标准事项“{ref}”在 {edition} 中不存在', en: 'item "{id}" refers to "{ref}", which edition {edition} does not have' },
} satisfies Record<string, Message>;

export const WEAKENING_TEXT: Record<WeakeningKind, Message> = {
  'longer-deadline': { zh: '公开时限延长', en: 'a longer deadline' },
  'mode-on-request': { zh: '公开方式由主动改为依申请', en: 'disclosure on request instead of proactive (主动 → 依申请)' },
  'audience-narrowed': { zh: '公开对象由全社会缩小为特定群体', en: 'audience narrowed from 全社会 to 特定群体' },
  'channel-removed': { zh: '删去了公开渠道“{lost}”', en: 'channel removed: {lost}' },
  'content-dropped': { zh: '公开内容缺少要素“{lost}”', en: 'content elements dropped: {lost}' },
};

/** One phrase saying how a change weakens disclosure, naming what was lost (and, with `values`, the deadlines). */
export function describeWeakening(change: FieldChange, lang: Lang, channels: ChannelVocabulary = loadChannelVocabulary(), values = false): string {
  if (change.weakens === undefined) return '';
  const text = say(WEAKENING_TEXT[change.weakens], lang, { lost: listLostValues(change, channels).join('、') });
  if (!values || change.weakens !== 'longer-deadline') return text;
  return lang === 'zh' ? `${text}（${flattenValue(change.before)} → ${flattenValue(change.after)}）` : `${text} (${flattenValue(change.before)} → ${flattenValue(change.after)})`;
}

/** The local item among several carriers whose own value is the one a change reports. */
function carrierOf(entry: StandardEntry, change: FieldChange): ResolvedItem | undefined {
  const json = JSON.stringify(change.after);
  return entry.items.find((i) => isOwnValue(i, change.field) && JSON.stringify(i.fields[change.field]!.value) === json) ?? entry.items[0];
}

/** The diff's errors as Diagnostics, located in the government's files. */
export function diffDiagnostics(diff: StandardDiff, government: Government, lang: Lang, channels: ChannelVocabulary = loadChannelVocabulary()): Diagnostic[] {
  const sources = new Map<string, SourceFile>([[government.manifestSource.display, government.manifestSource], ...government.catalogs.map((s) => [s.display, s] as const)]);
  const at = (file: string | undefined, path: DataPath) => {
    const source = (file !== undefined ? sources.get(file) : undefined) ?? government.manifestSource;
    return { file: source.display, path, range: source.locator.locate(path) };
  };
  const out: Diagnostic[] = [];
  for (const entry of diff.entries) {
    const ref = entry.standard.id;
    if (entry.status === 'missing') {
      const domainSource = government.catalogs.find((s) => s.catalog.domain === entry.standard.domain);
      const where = domainSource ? at(domainSource.display, ['domain']) : at(entry.file, entry.path ?? []);
      out.push(
        makeDiagnostic({
          code: 'diff/missing',
          severity: 'error',
          message: say(M.missing, lang, { ref, name: entry.standard.name ?? '' }),
          hint: say(M.missingHint, lang, { ref, domain: entry.standard.domain }),
          ...where,
        }),
      );
      continue;
    }
    for (const change of entry.changes) {
      if (!isUndeclaredWeakening(change)) continue;
      const item = carrierOf(entry, change);
      if (!item) continue;
      out.push(
        makeDiagnostic({
          code: 'diff/weakening',
          severity: 'error',
          message: say(M.weakening, lang, { id: item.id, element: ELEMENT_NAMES[change.field][lang], ref, detail: describeWeakening(change, lang, channels, true) }),
          hint: say(M.weakeningHint, lang, { field: change.field }),
          ...at(item.file, ['items', item.index, change.field]),
        }),
      );
    }
  }
  for (const item of diff.unknown) {
    out.push(
      makeDiagnostic({
        code: 'diff/unknown-ref',
        severity: 'error',
        message: say(M.unknown, lang, { id: item.id, ref: item.standard ?? '', edition: diff.edition.id }),
        ...at(item.file, ['items', item.index, 'standard']),
      }),
    );
  }
  return out;
}
