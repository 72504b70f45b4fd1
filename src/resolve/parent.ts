// Parent items: the government a village list draws on (`parent-item:`), found by its `parent:` code and resolved first.
import path from 'node:path';
import { readManifest } from '../load/catalog.js';
import { say, type Message } from '../model/i18n.js';
import { Lru } from '../model/lru.js';
import { loadGovernmentFrom, type Government } from '../load/government.js';
import { foldersUp, type SourceTree } from '../load/tree.js';
import { resolveCatalog } from './standard.js';
import type { Edition, Lang, Manifest, ResolvedCatalog, ResolvedItem } from '../model/types.js';
import { resolveEdition } from '../check/validate.js';
import { openWorkspace, type Workspace } from '../load/workspace.js';

/** How a government's `parent-item:` references fared. */
export type ParentLink =
  | { kind: 'unused' }
  | { kind: 'found'; parent: Government; /** referenced ids the parent has no item for, sorted */ unknown: string[] }
  | { kind: 'not-found'; /** items that use `parent-item:` */ references: number };

export interface Resolution {
  catalog: ResolvedCatalog;
  link: ParentLink;
}

export interface ParentResolver {
  /** The government merged with its edition and, for `parent-item:` references, with its parent's resolved items. */
  resolve(government: Government, edition: Edition): Resolution;
}

/** A township is resolved once for all its villages; villages are visited township by township, so few are kept. */
const PARENT_CACHE = 32;

const M = {
  notFound: {
    zh: '{dir}：{count} 个事项用 parent-item 承接上级事项，但在所在工作区和上级文件夹中找不到上级政府（parent: "{code}"）；这些事项只有本级写出的要素',
    en: '{dir}: {count} items carry items of the government above (parent-item), but no government with code "{code}" was found in the workspace or the folders above; they show only what they write themselves',
  },
  noParent: {
    zh: '{dir}：{count} 个事项用 parent-item 承接上级事项，但 gk.yaml 没有写 parent；这些事项只有本级写出的要素',
    en: '{dir}: {count} items carry items of the government above (parent-item), but gk.yaml names no parent; they show only what they write themselves',
  },
  unknown: {
    zh: '{dir}：parent-item {ids} 不是上级{parent}目录中的事项编号；这些事项只有本级写出的要素',
    en: '{dir}: parent-item {ids} names no item of {parent}; those items show only what they write themselves',
  },
} satisfies Record<string, Message>;

/**
 * The government named by `parent:`: in the outermost workspace above (its tree, as gk validate builds it), else the
 * nearest folder above whose gk.yaml has that code — the documented layout nests villages in their township's folder.
 */
function parentFinder(tree: SourceTree, lang: Lang): (government: Government) => Government | undefined {
  const manifests = new Map<string, Manifest | undefined>();
  const workspaces = new Map<string, Workspace>();
  const manifestIn = (dir: string): Manifest | undefined => {
    if (!manifests.has(dir)) {
      const source = tree.hasManifest(dir) ? tree.load(path.join(dir, 'gk.yaml')) : undefined;
      manifests.set(dir, source ? readManifest(source.data, source.display) : undefined);
    }
    return manifests.get(dir);
  };
  return (government) => {
    const code = government.manifest.parent;
    if (code === undefined || code === '') return undefined;
    let workspaceRoot: string | undefined;
    let nearest: string | undefined;
    for (const dir of foldersUp(path.dirname(government.root))) {
      const manifest = manifestIn(dir);
      if (manifest?.workspace === true) workspaceRoot = dir;
      else if (manifest?.code === code && nearest === undefined) nearest = dir;
    }
    if (workspaceRoot !== undefined) {
      let workspace = workspaces.get(workspaceRoot);
      if (!workspace) workspaces.set(workspaceRoot, (workspace = openWorkspace({ tree, roots: tree.governmentsBelow(workspaceRoot) }, lang)));
      const member = workspace.memberAt(government.root);
      const parent = member ? member.parent : workspace.memberByCode(code);
      if (parent) return workspace.load(parent);
    }
    return nearest === undefined ? undefined : loadGovernmentFrom(tree, nearest, lang);
  };
}

function countReferences(government: Government): number {
  let n = 0;
  for (const source of government.catalogs) for (const item of source.catalog.items) if (item.parentItem !== undefined) n++;
  return n;
}

export function createParentResolver(tree: SourceTree, lang: Lang): ParentResolver {
  const find = parentFinder(tree, lang);
  const cache = new Lru<string, ReadonlyMap<string, ResolvedItem>>(PARENT_CACHE);

  const itemsOf = (parent: Government, fallback: Edition, seen: ReadonlySet<string>): ReadonlyMap<string, ResolvedItem> => {
    const cached = cache.get(parent.root);
    if (cached) return cached;
    // A parent whose edition cannot be found still lends what it writes itself; its own check reports the edition.
    const edition = resolveEdition(parent, lang).edition ?? fallback;
    const items = new Map<string, ResolvedItem>();
    for (const item of resolveWith(parent, edition, seen).catalog.items) if (!items.has(item.id)) items.set(item.id, item);
    cache.set(parent.root, items);
    return items;
  };

  const resolveWith = (government: Government, edition: Edition, seen: ReadonlySet<string>): Resolution => {
    const references = countReferences(government);
    if (references === 0) return { catalog: resolveCatalog(government, edition), link: { kind: 'unused' } };
    const parent = find(government);
    // A cycle of parent links (workspace/parent-cycle) lends nothing rather than recursing forever.
    if (!parent || seen.has(parent.root) || parent.root === government.root) return { catalog: resolveCatalog(government, edition), link: { kind: 'not-found', references } };
    const parentItems = itemsOf(parent, edition, new Set([...seen, government.root]));
    const unknown = new Set<string>();
    for (const source of government.catalogs) {
      for (const item of source.catalog.items) if (item.parentItem !== undefined && !parentItems.has(item.parentItem)) unknown.add(item.parentItem);
    }
    return { catalog: resolveCatalog(government, edition, { parentItems }), link: { kind: 'found', parent, unknown: [...unknown].sort() } };
  };

  return { resolve: (government, edition) => resolveWith(government, edition, new Set()) };
}

/** One line saying which `parent-item:` references lend nothing, or undefined when they all do. */
export function explainParentLink(government: Government, link: ParentLink, lang: Lang): string | undefined {
  const dir = government.display;
  if (link.kind === 'not-found') {
    const code = government.manifest.parent;
    if (code === undefined || code === '') return say(M.noParent, lang, { dir, count: link.references });
    return say(M.notFound, lang, { dir, count: link.references, code });
  }
  if (link.kind === 'found' && link.unknown.length > 0) {
    const parent = link.parent.manifest.name !== '' ? link.parent.manifest.name : link.parent.display;
    return say(M.unknown, lang, { dir, ids: link.unknown.join(lang === 'zh' ? '、' : ', '), parent });
  }
  return undefined;
}
