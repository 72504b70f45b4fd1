// The version edge: a catalog as it stood in a git revision or a folder, read without a checkout, as Governments.
import path from 'node:path';
import { readCatalogFile, readManifest } from '../load/catalog.js';
import { GkError, usageError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { exists, globFiles, isDirectory, readBytes, relativeTo } from '../io/files.js';
import { readBlobs, runGit } from '../io/git.js';
import type { GovernmentTree } from '../resolve/parent.js';
import { parseSource, type Government } from '../load/government.js';
import type { Lang } from '../model/types.js';

/** One version of a tree of files: a git revision, or a folder on disk (the working tree is one). */
export interface Snapshot {
  /** What the user called this version: the revision or folder as given. */
  label: string;
  /** Absolute folder the snapshot's relative paths start from (the repository top for a revision). */
  base: string;
  /** Files below `prefix` ('' for all), relative to `base`, forward slashes, sorted. */
  list(prefix: string): string[];
  /** The bytes of a YAML file (what catalogs are made of; a revision reads no other kind); undefined when there is none. */
  read(rel: string): Uint8Array | undefined;
  /** How a file is named in messages. */
  display(rel: string): string;
}

const M = {
  notRepository: {
    zh: '{dir} 不在 git 仓库中；--from 应为 git 版本（如 v1.0、HEAD~1）或含 gk.yaml 的文件夹',
    en: '{dir} is not inside a git repository; --from names a git revision (e.g. v1.0, HEAD~1) or a folder holding gk.yaml',
  },
  unknownRevision: { zh: '未知的 git 版本：{rev}', en: 'unknown git revision: {rev}' },
  gitFailed: { zh: 'git 读取 {rev} 失败：{detail}', en: 'git could not read {rev}: {detail}' },
} satisfies Record<string, Message>;

/** The top folder of the git repository holding `dir`. */
export function repositoryTop(dir: string, lang: Lang): string {
  const r = runGit(dir, ['rev-parse', '--show-toplevel']);
  if (!r.ok) throw usageError(say(M.notRepository, lang, { dir }));
  return path.resolve(r.stdout.toString().trim());
}

function joinRel(...parts: string[]): string {
  return parts.filter((p) => p !== '' && p !== '.').join('/');
}

export function gitSnapshot(top: string, rev: string, lang: Lang): Snapshot {
  // A revision starting with '-' would reach git as an option.
  const resolved = rev.startsWith('-') ? undefined : runGit(top, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  if (!resolved?.ok) throw usageError(say(M.unknownRevision, lang, { rev }));
  // The commit id, not the name: `rev:path` would misread a revision name holding a colon.
  const commit = resolved.stdout.toString('utf8').trim();
  const failed = (detail: string) => usageError(say(M.gitFailed, lang, { rev, detail }));
  let files: string[] | undefined;
  let yaml: Map<string, Uint8Array> | undefined;
  const all = () => {
    if (files) return files;
    const r = runGit(top, ['ls-tree', '-r', '-z', '--name-only', commit]);
    if (!r.ok) throw failed(r.stderr);
    files = r.stdout
      .toString('utf8')
      .split('\0')
      .filter((f) => f !== '')
      .sort();
    return files;
  };
  // Every YAML file of the revision at the first read, in one git process: the governments and their catalogs are read next.
  const contents = () => {
    if (yaml) return yaml;
    const r = readBlobs(top, commit, all().filter((f) => /\.ya?ml$/.test(f)));
    if (!r.ok) throw failed(r.stderr);
    yaml = r.blobs;
    return yaml;
  };
  return {
    label: rev,
    base: top,
    list: (prefix) => all().filter((f) => prefix === '' || f === prefix || f.startsWith(`${prefix}/`)),
    read: (rel) => contents().get(rel),
    display: (rel) => `${rev}:${rel}`,
  };
}

export function folderSnapshot(dir: string, cwd: string, label = relativeTo(cwd, dir)): Snapshot {
  return {
    label,
    base: dir,
    list: (prefix) => {
      const start = path.join(dir, prefix);
      if (!isDirectory(start)) return exists(start) ? [prefix] : [];
      return globFiles(['**/*'], start).map((f) => relativeTo(dir, f));
    },
    read: (rel) => (exists(path.join(dir, rel)) && !isDirectory(path.join(dir, rel)) ? readBytes(path.join(dir, rel)) : undefined),
    display: (rel) => relativeTo(cwd, path.join(dir, rel)),
  };
}

function dirOf(rel: string): string {
  const d = path.posix.dirname(rel);
  return d === '.' ? '' : d;
}

/** Folders (relative to the snapshot's base) holding a gk.yaml at or below `prefix`, or the nearest one above it. */
export function governmentRootsIn(snapshot: Snapshot, prefix: string): string[] {
  const below = snapshot
    .list(prefix)
    .filter((f) => path.posix.basename(f) === 'gk.yaml')
    .map(dirOf);
  if (below.length > 0) return [...new Set(below)].sort();
  for (let d = prefix; ; d = dirOf(d)) {
    if (snapshot.read(joinRel(d, 'gk.yaml')) !== undefined) return [d];
    if (d === '') return [];
  }
}

/** Catalog files (relative) of the government at `rootRel`, not descending into nested governments. */
function catalogFilesIn(snapshot: Snapshot, rootRel: string): string[] {
  const manifestRel = joinRel(rootRel, 'gk.yaml');
  const all = snapshot.list(rootRel);
  const nested = new Set(all.filter((f) => path.posix.basename(f) === 'gk.yaml' && f !== manifestRel).map(dirOf));
  const catalogDir = joinRel(rootRel, 'catalog');
  return all
    .filter((f) => f.startsWith(`${catalogDir}/`) && /\.ya?ml$/.test(f))
    .filter((f) => {
      for (let d = dirOf(f); d.length > rootRel.length; d = dirOf(d)) if (nested.has(d)) return false;
      return true;
    });
}

/** A government as it stands in the snapshot; undefined when the snapshot has no gk.yaml there. */
export function loadSnapshotGovernment(snapshot: Snapshot, rootRel: string, lang: Lang): Government | undefined {
  const manifestRel = joinRel(rootRel, 'gk.yaml');
  const bytes = snapshot.read(manifestRel);
  if (bytes === undefined) return undefined;
  const abs = (rel: string) => path.join(snapshot.base, rel);
  const manifestSource = parseSource(abs(manifestRel), snapshot.display(manifestRel), bytes, lang);
  const catalogs = catalogFilesIn(snapshot, rootRel).map((f) => {
    const src = parseSource(abs(f), snapshot.display(f), snapshot.read(f)!, lang);
    return { ...src, catalog: readCatalogFile(src.data, src.display) };
  });
  return {
    root: abs(rootRel),
    display: snapshot.display(rootRel),
    manifestSource,
    manifest: readManifest(manifestSource.data, manifestSource.display),
    catalogs,
  };
}

/** The snapshot as a place to look for parents in: only folders inside its base exist. */
export function snapshotTree(snapshot: Snapshot, lang: Lang): GovernmentTree {
  const relOf = (abs: string): string | undefined => {
    const rel = path.relative(snapshot.base, abs).split(path.sep).join('/');
    return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel;
  };
  const abs = (rel: string) => path.join(snapshot.base, rel);
  const source = (file: string) => {
    const rel = relOf(file) ?? '';
    return parseSource(file, snapshot.display(rel), snapshot.read(rel) ?? new Uint8Array(), lang);
  };
  return {
    manifestAt(dir) {
      const rel = relOf(dir);
      if (rel === undefined || snapshot.read(joinRel(rel, 'gk.yaml')) === undefined) return undefined;
      return source(path.join(dir, 'gk.yaml'));
    },
    load(dir) {
      const government = loadSnapshotGovernment(snapshot, relOf(dir) ?? '', lang);
      // Only folders manifestAt found are loaded.
      if (!government) throw new GkError('internal', `no gk.yaml in ${dir}`);
      return government;
    },
    filesBelow: (dir) => ({
      roots: governmentRootsIn(snapshot, relOf(dir) ?? '').map(abs).sort(),
      catalogFiles: (root) => catalogFilesIn(snapshot, relOf(root) ?? '').map(abs),
      load: source,
      display: (file) => snapshot.display(relOf(file) ?? ''),
    }),
  };
}
