// Finding and loading governments: a gk.yaml and its catalog files, read from any source tree (disk, git revision, memory).
import path from 'node:path';
import { readManifest } from './catalog.js';
import { GkError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { exists, isDirectory } from '../io/files.js';
import { MAX_FILE_BYTES } from './read.js';
import { catalogSource, unreadSource, type CatalogSource, type SourceFile } from './source.js';
import { diskTree, findManifestAbove, governmentsAt, type SourceTree } from './tree.js';
import type { Lang, Manifest } from '../model/types.js';

export { MAX_FILE_BYTES, findManifestAbove };

export interface Government {
  /** absolute folder holding gk.yaml */
  root: string;
  display: string;
  manifestSource: SourceFile;
  manifest: Manifest;
  catalogs: CatalogSource[];
}

const M: Record<string, Message> = {
  pathNotFound: { zh: '找不到路径：{path}', en: 'path not found: {path}' },
  noManifestFor: { zh: '找不到 {path} 所属的 gk.yaml', en: 'no gk.yaml found for {path}' },
  noManifestIn: { zh: '在 {path} 及其上级文件夹中找不到 gk.yaml', en: 'no gk.yaml found in or above {path}' },
};

/** Folders on disk (below the given paths) that hold a gk.yaml, sorted. A path may also be a gk.yaml itself. */
export function findGovernmentRoots(paths: string[], cwd: string, lang: Lang = 'en'): string[] {
  const tree = diskTree(cwd, lang);
  const roots = new Set<string>();
  for (const p of paths.length > 0 ? paths : ['.']) {
    const abs = path.resolve(cwd, p);
    if (!exists(abs)) throw new GkError('usage', say(M.pathNotFound!, lang, { path: p }));
    if (isDirectory(abs)) {
      const found = governmentsAt(tree, abs);
      if (found.length === 0) throw new GkError('usage', say(M.noManifestIn!, lang, { path: p }));
      for (const f of found) roots.add(f);
    } else if (path.basename(abs) === 'gk.yaml') roots.add(path.dirname(abs));
    else {
      const up = findManifestAbove(path.dirname(abs), tree);
      if (!up) throw new GkError('usage', say(M.noManifestFor!, lang, { path: p }));
      roots.add(up);
    }
  }
  return [...roots].sort();
}

/** The catalog files on disk that can be read (what cannot is a diagnostic of loadGovernment). */
export function catalogFilesOf(root: string): string[] {
  return diskTree(root, 'en').catalogListing(root).files;
}

export interface LoadOptions {
  /** The gk.yaml, when it has been read already (a workspace reads every manifest first). */
  manifestSource?: SourceFile;
  /** These files as the catalogs, in this order, instead of the tree's catalog listing. */
  catalogs?: readonly string[];
}

/** The one government loader: the gk.yaml at `root` and its catalog files, with a source for each that could not be read. */
export function loadGovernmentFrom(tree: SourceTree, root: string, lang: Lang, options: LoadOptions = {}): Government {
  const manifestSource = options.manifestSource ?? tree.load(path.join(root, 'gk.yaml'));
  const listing = options.catalogs ? { files: [...options.catalogs], problems: new Map() } : tree.catalogListing(root);
  const paths = options.catalogs ? listing.files : [...listing.files, ...listing.problems.keys()].sort();
  const catalogs = paths.map((f) => {
    const problem = listing.problems.get(f);
    return catalogSource(problem ? unreadSource(f, tree.display(f), problem, lang) : tree.load(f));
  });
  return { root, display: tree.display(root), manifestSource, manifest: readManifest(manifestSource.data, manifestSource.display), catalogs };
}

/** The government on disk at `root`. */
export function loadGovernment(root: string, cwd: string, lang: Lang): Government {
  return loadGovernmentFrom(diskTree(cwd, lang), root, lang);
}
