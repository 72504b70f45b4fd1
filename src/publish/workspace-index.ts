// A workspace build's own pages: the landing page (every government, nested under its parent) and its search across
// all of them, and the links each government's site gets to the landing page, its parent and its children.
import path from 'node:path';
import type { Lang, Level, Manifest } from '../model/types.js';
import { levelName } from '../model/levels.js';
import { SEARCH_INDEX_FILE } from './search.js';
import type { SiteTemplates } from './templates.js';

export interface WorkspaceEntry {
  name: string;
  code: string;
  level: Level;
  parent?: string;
  /** The government's folder in the output, '' or ending in '/'. */
  prefix: string;
  /** Its site's first page, relative to the output folder. */
  href: string;
  items: number;
}

export interface WorkspaceSite {
  /** Whether the build has a landing page (not when a government's own site sits at the top of the output). */
  landing: boolean;
  /** The city (the workspace gk.yaml's city, else its name); '' when the governments have no workspace manifest. */
  city: string;
  entries: readonly WorkspaceEntry[];
  /** '' for relative links, or the absolute --base-url. */
  baseUrl: string;
  date?: string;
}


function byCode(a: WorkspaceEntry, b: WorkspaceEntry): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : a.href < b.href ? -1 : a.href > b.href ? 1 : 0;
}

export function workspaceTitle(city: string): string {
  return `${city}基层政务公开标准目录`;
}

/** From one government's folder to a file of the output: relative (works from file://) unless --base-url is set. */
function linkFrom(from: WorkspaceEntry, to: string, baseUrl: string): string {
  if (baseUrl !== '') return `${baseUrl}${to}`;
  return from.prefix === '' ? to : path.posix.relative(from.prefix, to);
}

/** What a government's site shows about its place in the workspace: the landing page, its parent and its children. */
export interface Related {
  /** Whether there is a way up: the landing page or a parent. */
  up: boolean;
  home?: { name: string; href: string };
  parent?: { name: string; href: string };
  children: Array<{ name: string; href: string; level: string }>;
}

/**
 * The workspace's entries (landing page, links between sites) for these governments, as gk build and its preview lay
 * them out: `prefixOf` places each government in the output; `items` counts are filled in as they are resolved.
 */
export function workspaceSiteOf(
  governments: ReadonlyArray<{ root: string; manifest: Manifest }>,
  layout: { prefixOf(root: string): string; single: boolean; html: boolean; city: string; baseUrl: string; date?: string },
): WorkspaceSite & { entries: WorkspaceEntry[] } {
  const entries = governments.map(({ root, manifest: m }) => {
    const prefix = layout.prefixOf(root);
    const entry: WorkspaceEntry = { name: m.name, code: m.code, level: m.level, prefix, href: `${prefix}${layout.html ? 'index.html' : ''}`, items: 0 };
    if (m.parent !== undefined) entry.parent = m.parent;
    return entry;
  });
  const landing = !layout.single && layout.html && !entries.some((e) => e.prefix === '');
  return { landing, city: layout.city, entries, baseUrl: layout.baseUrl, ...(layout.date !== undefined ? { date: layout.date } : {}) };
}

export function relatedOf(site: Pick<WorkspaceSite, 'landing' | 'city' | 'entries' | 'baseUrl'>, entry: WorkspaceEntry): Related {
  const byCodeMap = new Map(site.entries.map((e) => [e.code, e]));
  const parent = entry.parent !== undefined ? byCodeMap.get(entry.parent) : undefined;
  const related: Related = {
    up: false,
    children: site.entries
      .filter((e) => e.parent === entry.code && e !== entry)
      .sort(byCode)
      .map((e) => ({ name: e.name, href: linkFrom(entry, e.href, site.baseUrl), level: levelName(e.level, 'zh') })),
  };
  if (site.landing) related.home = { name: site.city === '' ? '全部政府' : `${site.city}全部政府`, href: linkFrom(entry, 'index.html', site.baseUrl) };
  if (parent !== undefined && parent !== entry) related.parent = { name: parent.name, href: linkFrom(entry, parent.href, site.baseUrl) };
  related.up = related.home !== undefined || related.parent !== undefined;
  return related;
}

interface TreeNode {
  entry: WorkspaceEntry;
  name: string;
  code: string;
  level: string;
  href: string;
  items: number;
  children: TreeNode[];
}

/** Governments nested under their parents; one whose parent is not in the build stands at the top. */
function tree(site: WorkspaceSite): TreeNode[] {
  const sorted = [...site.entries].sort(byCode);
  const codes = new Set(sorted.map((e) => e.code));
  const nodes = new Map<WorkspaceEntry, TreeNode>();
  for (const e of sorted) nodes.set(e, { entry: e, name: e.name, code: e.code, level: levelName(e.level, 'zh'), href: `${site.baseUrl}${e.href}`, items: e.items, children: [] });
  const first = new Map<string, TreeNode>();
  for (const e of sorted) if (!first.has(e.code)) first.set(e.code, nodes.get(e)!);
  const roots: TreeNode[] = [];
  for (const e of sorted) {
    const node = nodes.get(e)!;
    const parent = e.parent !== undefined && e.parent !== e.code && codes.has(e.parent) ? first.get(e.parent) : undefined;
    // A cycle of parents would hide its members: only a parent that is itself reachable from the top may hold children.
    if (parent !== undefined && !ancestorLoop(e, first)) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Whether following parents from `entry` comes back round (a parent loop), rather than reaching the top. */
function ancestorLoop(entry: WorkspaceEntry, byCode: ReadonlyMap<string, { entry: WorkspaceEntry }>): boolean {
  const seen = new Set<string>([entry.code]);
  let at = entry.parent !== undefined ? byCode.get(entry.parent)?.entry : undefined;
  while (at !== undefined) {
    if (seen.has(at.code)) return true;
    seen.add(at.code);
    at = at.parent !== undefined ? byCode.get(at.parent)?.entry : undefined;
  }
  return false;
}

function commonView(site: WorkspaceSite, title: string, current: 'workspace' | 'workspace-search') {
  const name = workspaceTitle(site.city);
  return {
    root: site.baseUrl,
    assets: site.baseUrl,
    title,
    current,
    isWorkspace: true,
    isIndex: current === 'workspace',
    isSearch: current === 'workspace-search',
    site: { name: site.city === '' ? '基层政务公开' : site.city, sub: '基层政务公开标准目录', title: name },
    date: site.date ?? '',
  };
}

export function workspaceView(site: WorkspaceSite) {
  const counts = { county: 0, township: 0, village: 0 };
  for (const e of site.entries) counts[e.level]++;
  return {
    ...commonView(site, workspaceTitle(site.city), 'workspace'),
    total: site.entries.length,
    counts,
    governments: tree(site),
  };
}

/**
 * The search across governments reads each government's own search-index.js, in the governments' order (search.js
 * loads the files the page lists): one copy of every entry in the output, not a second one for the landing page.
 * `base` is what a relative link of that index needs in front of it from the top of the output ('' with --base-url,
 * whose links are absolute already).
 */
export function workspaceSearchView(site: WorkspaceSite) {
  return {
    ...commonView(site, `搜索 · ${workspaceTitle(site.city)}`, 'workspace-search'),
    sources: site.entries.map((e) => ({ name: e.name, src: `${site.baseUrl}${e.prefix}${SEARCH_INDEX_FILE}`, base: site.baseUrl === '' ? e.prefix : '' })),
  };
}

export function renderWorkspacePages(site: WorkspaceSite, templates: SiteTemplates, _lang: Lang): Map<string, string> {
  const files = new Map<string, string>();
  files.set('index.html', templates.render('workspace', workspaceView(site)));
  files.set('search.html', templates.render('workspace-search', workspaceSearchView(site)));
  for (const asset of ['style.css', 'search.js']) {
    const text = templates.files.get(asset);
    if (text !== undefined) files.set(asset, text.endsWith('\n') ? text : `${text}\n`);
  }
  return files;
}
