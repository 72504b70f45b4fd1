// Where a government's files come from — the disk, a git revision, or texts held in memory — behind one interface, so
// that one loader (government.ts) and one workspace (workspace.ts) serve validate, build, diff, report, import and lsp.
import path from 'node:path';
import { usageError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { exists, relativeTo } from '../io/files.js';
import { readBlobs, runGit } from '../io/git.js';
import { listFiles, repositoryOf, type Listing } from './read.js';
import { loadSource, parseSource, parseSourceText, type SourceFile } from './source.js';
import type { Lang } from '../model/types.js';

/** A tree of files, by absolute path. */
export interface SourceTree {
  /** Folders at or below `dir` that hold a gk.yaml, sorted. */
  governmentsBelow(dir: string): string[];
  /** Whether `dir` holds a gk.yaml. */
  hasManifest(dir: string): boolean;
  /** The catalog files of the government at `root` (see catalogOwner), sorted, and what could not be listed or read. */
  catalogListing(root: string): Listing;
  /** Read, decode and parse one file; every problem is a diagnostic of the source. */
  load(abs: string): SourceFile;
  /** The path as shown to the user. */
  display(abs: string): string;
}

const M = {
  gitFailed: { zh: 'git 读取 {rev} 失败：{detail}', en: 'git could not read {rev}: {detail}' },
} satisfies Record<string, Message>;

const YAML = /\.ya?ml$/;
const MANIFEST = 'gk.yaml';

/** `dir` and every folder above it, innermost first. */
export function foldersUp(dir: string): string[] {
  const out = [dir];
  for (let d = dir; path.dirname(d) !== d; d = path.dirname(d)) out.push(path.dirname(d));
  return out;
}

/** The nearest folder at or above `dir` that holds a gk.yaml (on disk unless a tree is named). */
export function findManifestAbove(dir: string, tree?: Pick<SourceTree, 'hasManifest'>): string | undefined {
  const has = tree ? (d: string) => tree.hasManifest(d) : (d: string) => exists(path.join(d, MANIFEST));
  return foldersUp(dir).find(has);
}

/** The governments a folder names: those at or below it, else the nearest one above it; none when there is neither. */
export function governmentsAt(tree: SourceTree, dir: string): string[] {
  const below = tree.governmentsBelow(dir);
  if (below.length > 0) return below;
  const above = findManifestAbove(dir, tree);
  return above === undefined ? [] : [above];
}

/**
 * The government whose catalog `file` is: the innermost folder above it holding a gk.yaml, when the file is a .yaml or
 * .yml below that folder's catalog/. A nested government's files are its own, never its parent's.
 */
export function catalogOwner(file: string, hasManifest: (dir: string) => boolean): string | undefined {
  if (!YAML.test(file)) return undefined;
  const owner = foldersUp(path.dirname(file)).find(hasManifest);
  return owner !== undefined && file.startsWith(`${path.join(owner, 'catalog')}${path.sep}`) ? owner : undefined;
}

/** The files on disk. `top`, when given, is the outermost folder the tree holds (a folder compared by gk diff). */
export function diskTree(cwd: string, lang: Lang, top?: string): SourceTree {
  const inside = (dir: string) => top === undefined || dir === top || dir.startsWith(`${top}${path.sep}`);
  const hasManifest = (dir: string) => inside(dir) && exists(path.join(dir, MANIFEST));
  return {
    governmentsBelow: (dir) => (inside(dir) ? listFiles(dir, (name) => name === MANIFEST, repositoryOf(path.join(dir, MANIFEST))).files.map((f) => path.dirname(f)).sort() : []),
    hasManifest,
    // Catalog files, not descending into nested governments, not following links out of the repository.
    catalogListing: (root) => listFiles(path.join(root, 'catalog'), (name) => YAML.test(name), repositoryOf(path.join(root, MANIFEST)), hasManifest),
    load: (abs) => loadSource(abs, cwd, lang),
    display: (abs) => relativeTo(cwd, abs),
  };
}

/** The catalog files of every government in a list of files, in one pass. */
function catalogsOf(files: readonly string[], hasManifest: (dir: string) => boolean): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of files) {
    const owner = catalogOwner(f, hasManifest);
    if (owner === undefined) continue;
    const list = out.get(owner);
    if (list) list.push(f);
    else out.set(owner, [f]);
  }
  for (const list of out.values()) list.sort();
  return out;
}

/**
 * A tree of YAML files known by name without a folder walk: `files()` lists them (absolute, any order; asked once, when
 * first needed) and `read` gives their bytes.
 */
export function fileSetTree(files: () => readonly string[], read: (abs: string) => Uint8Array | undefined, display: (abs: string) => string, lang: Lang): SourceTree {
  let index: { manifests: Set<string>; sorted: string[]; catalogs: Map<string, string[]> } | undefined;
  const indexed = () => {
    if (index) return index;
    const sorted = [...files()].sort();
    const manifests = new Set(sorted.filter((f) => path.basename(f) === MANIFEST).map((f) => path.dirname(f)));
    index = { manifests, sorted, catalogs: catalogsOf(sorted, (d) => manifests.has(d)) };
    return index;
  };
  return {
    governmentsBelow: (dir) => [...indexed().manifests].filter((d) => d === dir || d.startsWith(`${dir}${path.sep}`)).sort(),
    hasManifest: (dir) => indexed().manifests.has(dir),
    catalogListing: (root) => ({ files: [...(indexed().catalogs.get(root) ?? [])], problems: new Map() }),
    load: (abs) => parseSource(abs, display(abs), read(abs) ?? new Uint8Array(), lang),
    display,
  };
}

/**
 * The YAML files at or below `dir` as they were at `commit` (no checkout): listed with one `git ls-tree` and read with
 * one `git cat-file --batch`, both when first needed. `label` names the revision in messages; files are shown as
 * `label:path` (from `dir`) unless `display` says otherwise.
 */
export function revisionTree(dir: string, commit: string, label: string, lang: Lang, display?: (abs: string) => string): SourceTree {
  const failed = (detail: string) => usageError(say(M.gitFailed, lang, { rev: label, detail }));
  const must = (args: string[]): Buffer => {
    const r = runGit(dir, ['-c', 'core.quotePath=false', ...args]);
    if (!r.ok) throw failed(r.stderr);
    return r.stdout;
  };
  // Paths from the repository top (what cat-file wants), by absolute path.
  let names: Map<string, string> | undefined;
  const listed = () => {
    if (names) return names;
    const prefix = must(['rev-parse', '--show-prefix']).toString('utf8').trim();
    const full = must(['ls-tree', '-r', '-z', '--full-name', '--name-only', commit, '--', '.'])
      .toString('utf8')
      .split('\0')
      .filter((f) => YAML.test(f));
    names = new Map(full.map((f) => [path.join(dir, ...f.slice(prefix.length).split('/')), f]));
    return names;
  };
  let blobs: Map<string, Uint8Array> | undefined;
  const read = (abs: string) => {
    if (!blobs) {
      const r = readBlobs(dir, commit, [...listed().values()]);
      if (!r.ok) throw failed(r.stderr);
      blobs = r.blobs;
    }
    const name = listed().get(abs);
    return name === undefined ? undefined : blobs.get(name);
  };
  const shown = display ?? ((abs: string) => `${label}:${path.relative(dir, abs).split(path.sep).join('/')}`);
  return fileSetTree(() => [...listed().keys()], read, shown, lang);
}

/** What decoding the text's UTF-8 bytes would not give back as it is: a BOM, control characters, a lone surrogate. */
const CHANGED_BY_DECODING = /^\ufeff|[\0-\x08\x0e-\x1a\x1c-\x1f]|\p{Cs}/u;

export interface HeldFile {
  /** The text or bytes held in place of the file on disk. */
  text: string | Uint8Array;
  /** How the file is named in messages, when not as `base` names it. */
  display?: string;
}

/**
 * Files held in memory over another tree (an editor's unsaved buffers, files gk import is about to validate). A held
 * gk.yaml makes a government; a held catalog file belongs to its government even when it is not on disk yet. With
 * `only`, a government's catalogs are just the held ones.
 */
export function memoryTree(held: ReadonlyMap<string, HeldFile>, base: SourceTree, lang: Lang, options: { only?: boolean } = {}): SourceTree {
  const heldManifests = new Set([...held.keys()].filter((f) => path.basename(f) === MANIFEST).map((f) => path.dirname(f)));
  const hasManifest = (dir: string) => heldManifests.has(dir) || base.hasManifest(dir);
  let catalogs: Map<string, string[]> | undefined;
  return {
    governmentsBelow(dir) {
      const extra = [...heldManifests].filter((d) => d === dir || d.startsWith(`${dir}${path.sep}`));
      return [...new Set([...base.governmentsBelow(dir), ...extra])].sort();
    },
    hasManifest,
    catalogListing(root) {
      catalogs ??= catalogsOf([...held.keys()], hasManifest);
      const own = catalogs.get(root) ?? [];
      if (options.only) return { files: own, problems: new Map() };
      const listing = base.catalogListing(root);
      const extra = own.filter((f) => !listing.files.includes(f));
      return extra.length === 0 ? listing : { files: [...listing.files, ...extra].sort(), problems: listing.problems };
    },
    load(abs) {
      const file = held.get(abs);
      if (file === undefined) return base.load(abs);
      const display = file.display ?? base.display(abs);
      // A text that reads back as itself is parsed as it is: encoding and decoding a large one held two more copies.
      if (typeof file.text === 'string' && !CHANGED_BY_DECODING.test(file.text)) return parseSourceText(abs, display, file.text, lang);
      return parseSource(abs, display, typeof file.text === 'string' ? new TextEncoder().encode(file.text) : file.text, lang);
    },
    display: (abs) => held.get(abs)?.display ?? base.display(abs),
  };
}
