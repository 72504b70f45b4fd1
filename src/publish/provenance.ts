// The maintainers' page of `gk build --provenance` (provenance.html): where the standard edition's rows were
// transcribed from and what they lack, and where every element of this catalog comes from. It is written beside the
// site for the people who keep the catalog, and no public page links to it (tested); public pages carry the catalog only.
import { ELEMENT_NAMES } from '../model/elements.js';
import { ITEM_FIELDS, type Origin, type ResolvedCatalog } from '../model/types.js';
import { partialNotice } from '../load/edition.js';
import { domainPageFile, itemAnchor } from './html.js';
import { itemTitle, type DomainRows } from './rows.js';

export const PROVENANCE_PAGE = 'provenance.html';

export interface ProvenanceInput {
  catalog: ResolvedCatalog;
  domains: readonly DomainRows[];
  /** A file as the catalog names it → relative to the catalog folder. */
  catalogPath(file: string): string;
  root: string;
  /** where style.css is: the site's root, or a workspace's shared assets */
  assets: string;
  date?: string;
}

function dataPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Elements grouped by where they come from: the national item, or the local item (file and items[i]) that states them. */
function originsOf(item: ResolvedCatalog['items'][number], input: ProvenanceInput): Array<{ kind: string; where: string; elements: string }> {
  const groups = new Map<string, { kind: string; where: string; names: string[] }>();
  for (const field of ITEM_FIELDS) {
    const f = item.fields[field];
    if (!f) continue;
    const o: Origin = f.origin;
    const kind = o.kind === 'standard' ? '国家标准' : '本地';
    const where = o.kind === 'standard' ? o.id : `${input.catalogPath(o.file)} ${dataPath(o.path.slice(0, 2))}`;
    const key = `${kind} ${where}`;
    const g = groups.get(key) ?? { kind, where, names: [] };
    g.names.push(ELEMENT_NAMES[field].zh);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({ kind: g.kind, where: g.where, elements: g.names.join('、') }));
}

export function provenanceView(input: ProvenanceInput) {
  const { catalog } = input;
  const e = catalog.edition;
  const byId = new Map(e.domains.map((d) => [d.id, d]));
  const rowsOf = new Map(input.domains.map((d) => [d.id, new Map(d.rows.map((r) => [r.id, r]))]));
  // Domains the catalog has something in; an empty domain has nothing to trace.
  const used = catalog.domains.filter((d) => catalog.items.some((i) => i.domain === d.id) || catalog.exclusions.some((x) => x.domain === d.id));
  const domains = used.map((d) => {
    const ed = d.standard ? byId.get(d.id) : undefined;
    const items = catalog.items
      .filter((item) => item.domain === d.id)
      .map((item) => {
        const row = rowsOf.get(d.id)?.get(item.id);
        const std = item.standard !== undefined ? e.items.get(item.standard) : undefined;
        return {
          id: item.id,
          title: row ? itemTitle(row) : item.id,
          href: `${input.root}${domainPageFile(d.id)}#${itemAnchor(item.id)}`,
          standard: item.standard ?? '',
          parentItem: item.parentItem ?? '',
          source: std?.source ?? '',
          note: std?.note ?? '',
          origins: originsOf(item, input),
          deviations: item.deviations.map((x) => ({ name: ELEMENT_NAMES[x.field].zh, reason: x.reason })),
        };
      });
    return {
      id: d.id,
      name: d.name,
      standard: d.standard,
      issuer: ed?.issuer ?? '',
      documents: ed?.documents ?? [],
      rows: ed?.rows ?? 0,
      partial: ed?.partial ?? false,
      // Shown as text to copy, never as links: a maintainer checks them by hand, and nothing here invites a click.
      sources: ed?.sources ?? [],
      gaps: ed?.gaps ?? '',
      items,
    };
  });
  return {
    root: input.root,
    assets: input.assets,
    title: `${catalog.manifest.name} · 目录来源说明（维护用）`,
    current: 'provenance',
    noindex: true,
    government: { name: catalog.manifest.name, code: catalog.manifest.code },
    edition: { id: e.id, title: e.title, note: e.note ?? '', notice: partialNotice(e, 'zh') ?? '' },
    date: input.date ?? '',
    domains,
  };
}
