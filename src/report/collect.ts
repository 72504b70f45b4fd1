// Walking a workspace once, a government at a time: its check, its coverage of the standard, and nothing else kept.
import path from 'node:path';
import { diffAgainstStandard } from '../diff/standard.js';
import { measuresCoverage } from '../model/levels.js';
import { resolveCatalog } from '../resolve/standard.js';
import { loadChannelVocabulary } from '../load/channels.js';
import { DOMAIN_NAMES, type Edition, type Lang } from '../model/types.js';
import { checkGovernment } from '../check/validate.js';
import type { Workspace } from '../load/workspace.js';
import type { EditionInfo, GovernmentDates, GovernmentFacts, WorkspaceFacts } from './types.js';

/** A government folder relative to the workspace folder, forward slashes; '' for the workspace folder itself. */
export function folderOf(base: string, root: string): string {
  return path.relative(base, root).split(path.sep).join('/');
}

export interface CollectOptions {
  lang: Lang;
  /** the workspace folder: government folders are shown relative to it */
  base: string;
  /** per government folder (as from folderOf); absent when the workspace is not in git */
  dates?: ReadonlyMap<string, GovernmentDates>;
}

export interface Collected {
  facts: WorkspaceFacts;
  /** the editions the governments use, for the partial-edition notice */
  editions: Edition[];
}

/** Facts of the workspace's governments (those under `only`, when given), in workspace order, and the editions they use. */
export function collectGovernments(workspace: Workspace, options: CollectOptions, only?: ReadonlySet<string>): { governments: GovernmentFacts[]; editions: Edition[] } {
  const channels = loadChannelVocabulary();
  const editions = new Map<string, Edition>();
  const workspaceProblems = new Map<string, { errors: number; warnings: number }>();
  for (const d of workspace.diagnostics) {
    const counts = workspaceProblems.get(d.file) ?? { errors: 0, warnings: 0 };
    if (d.severity === 'error') counts.errors++;
    else counts.warnings++;
    workspaceProblems.set(d.file, counts);
  }
  const governments: GovernmentFacts[] = [];
  for (const member of workspace.members) {
    if (only && !only.has(member.root)) continue;
    const government = workspace.load(member);
    const check = checkGovernment(government, options.lang, channels, workspace);
    const extra = workspaceProblems.get(government.manifestSource.display) ?? { errors: 0, warnings: 0 };
    let errors = extra.errors;
    let warnings = extra.warnings;
    let mismatches = 0;
    for (const d of check.diagnostics) {
      if (d.severity === 'error') errors++;
      else warnings++;
      if (d.code === 'parent-mismatch') mismatches++;
    }
    let items = 0;
    let fromParent = 0;
    for (const file of government.catalogs) {
      for (const item of file.catalog.items) {
        items++;
        if (item.parentItem !== undefined) fromParent++;
      }
    }
    const folder = folderOf(options.base, government.root);
    const m = government.manifest;
    const facts: GovernmentFacts = {
      code: m.code,
      name: m.name !== '' ? m.name : folder,
      level: m.level,
      folder: folder === '' ? '.' : folder,
      items,
      fromParent,
      errors,
      warnings,
      mismatches,
      dates: options.dates?.get(folder) ?? {},
    };
    if (m.parent !== undefined) facts.parent = m.parent;
    // A gk.yaml that did not parse names no edition: the default one would give coverage nobody asked for.
    const manifestRead = government.manifestSource.data !== null && typeof government.manifestSource.data === 'object';
    const edition = manifestRead ? check.edition : undefined;
    if (edition) {
      editions.set(edition.id, edition);
      // Villages keep lists drawn from the township; the national tables have no village rows to cover.
      if (measuresCoverage(m.level)) {
        const diff = diffAgainstStandard(resolveCatalog(government, edition), channels);
        facts.coverage = {
          domains: diff.domains,
          total: diff.total,
          missing: diff.entries.filter((e) => e.status === 'missing').map((e) => ({ standard: e.standard.id, domain: e.standard.domain, name: e.standard.name ?? '' })),
        };
      }
    }
    governments.push(facts);
  }
  return { governments, editions: [...editions.values()] };
}

/** The workspace-wide part of the facts: the root gk.yaml's city, departments and milestones, and the editions' domains. */
export function describeWorkspace(workspace: Workspace, governments: GovernmentFacts[], editionList: readonly Edition[], tracked: boolean): Collected {
  const unique = new Map(editionList.map((e) => [e.id, e]));
  const used = [...unique.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const domainNames: WorkspaceFacts['domainNames'] = [];
  const seen = new Set<string>();
  for (const edition of used) {
    for (const d of edition.domains) {
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      domainNames.push({ id: d.id, name: d.name || (DOMAIN_NAMES as Record<string, string>)[d.id] || d.id });
    }
  }
  const wm = workspace.manifest;
  const facts: WorkspaceFacts = {
    departments: wm?.departments ?? {},
    milestones: wm?.milestones ?? {},
    editions: used.map((e): EditionInfo => {
      const info: EditionInfo = { id: e.id, title: e.title, partial: e.partial, items: e.items.size };
      if (e.officialRows !== undefined) info.officialRows = e.officialRows;
      return info;
    }),
    domainNames,
    governments,
    tracked,
  };
  if (wm) {
    if (wm.name !== '') facts.name = wm.name;
    if (wm.code !== '') facts.code = wm.code;
    if (wm.city !== undefined) facts.city = wm.city;
  }
  return { facts, editions: used };
}

export function collectFacts(workspace: Workspace, options: CollectOptions): Collected {
  const { governments, editions } = collectGovernments(workspace, options);
  return describeWorkspace(workspace, governments, editions, options.dates !== undefined);
}
