// Resolution: a catalog as written, merged with the national items (or parent items) it carries; each value knows its origin.
import { present } from '../load/catalog.js';
import type { Government } from '../load/government.js';
import { ITEM_FIELDS, type Edition, type ItemField, type ItemSpec, type Origin, type ResolvedCatalog, type ResolvedFields, type ResolvedItem, type ResolvedValue } from '../model/types.js';
import { domainsOf } from '../check/validate.js';

/** Re-exported for the modules that import it from here (init, diff). */
export { present };

/** 公开主体 names who publishes here: never inherited, neither from the standard (generic) nor from a parent (another body). */
export const NEVER_INHERITED: ReadonlySet<ItemField> = new Set<ItemField>(['subject']);

function setField<K extends ItemField>(fields: ResolvedFields, key: K, value: NonNullable<ItemSpec[K]>, origin: Origin): void {
  (fields as Record<K, ResolvedValue<NonNullable<ItemSpec[K]>>>)[key] = { value, origin };
}

export interface ResolveOptions {
  /** Items of the parent government, by id, for `parent-item:` references (village lists). */
  parentItems?: ReadonlyMap<string, ResolvedItem>;
}

export function resolveItem(item: ItemSpec, index: number, file: string, domain: string, edition: Edition, options: ResolveOptions = {}): ResolvedItem {
  const fields: ResolvedFields = {};
  const national = item.standard !== undefined ? edition.items.get(item.standard) : undefined;
  const parent = item.parentItem !== undefined ? options.parentItems?.get(item.parentItem) : undefined;
  for (const key of ITEM_FIELDS) {
    const local = item[key];
    if (present(local)) {
      setField(fields, key, local!, { kind: 'local', file, path: ['items', index, key] });
    } else if (parent?.fields[key] && !NEVER_INHERITED.has(key)) {
      (fields as Record<string, unknown>)[key] = parent.fields[key];
    } else if (national && !NEVER_INHERITED.has(key) && present(national[key])) {
      setField(fields, key, national[key]!, { kind: 'standard', id: national.id, file: national.file, path: ['items', national.index, key] });
    }
  }
  const resolved: ResolvedItem = {
    id: item.id,
    domain,
    file,
    index,
    fields,
    deviations: item.deviations ?? [],
    renamedFrom: item.renamedFrom ?? [],
  };
  if (item.standard !== undefined) resolved.standard = item.standard;
  else if (parent?.standard !== undefined) resolved.standard = parent.standard;
  if (item.parentItem !== undefined) resolved.parentItem = item.parentItem;
  if (item.note !== undefined) resolved.note = item.note;
  return resolved;
}

export function resolveCatalog(government: Government, edition: Edition, options: ResolveOptions = {}): ResolvedCatalog {
  const items: ResolvedItem[] = [];
  const exclusions: ResolvedCatalog['exclusions'] = [];
  const used = new Set<string>();
  for (const source of government.catalogs) {
    const { catalog } = source;
    if (catalog.domain === '') continue;
    used.add(catalog.domain);
    catalog.items.forEach((item, index) => {
      if (item.id === '') return;
      items.push(resolveItem(item, index, source.display, catalog.domain, edition, options));
    });
    catalog.exclusions.forEach((ex, index) => exclusions.push({ ...ex, domain: catalog.domain, file: source.display, index }));
  }
  const names = domainsOf(government);
  const standardDomains = new Set(edition.domains.map((d) => d.id));
  const order = [...names.keys()];
  const domains = [...new Set([...order.filter((id) => standardDomains.has(id) || used.has(id)), ...used])].map((id) => ({
    id,
    name: names.get(id) ?? edition.domains.find((d) => d.id === id)?.name ?? id,
    standard: standardDomains.has(id),
  }));
  return { manifest: government.manifest, edition, items, exclusions, domains };
}

/** Whether the item writes this element itself, rather than taking it from the national item or the parent item. */
export function isOwnValue(item: ResolvedItem, key: ItemField): boolean {
  const origin = item.fields[key]?.origin;
  return origin?.kind === 'local' && origin.file === item.file;
}

/** Plain value of a resolved field, or undefined. */
export function valueOf<K extends ItemField>(item: ResolvedItem, key: K): ItemSpec[K] | undefined {
  return item.fields[key]?.value as ItemSpec[K] | undefined;
}
