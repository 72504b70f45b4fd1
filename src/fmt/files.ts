// Which files gk fmt formats, and formatting them on disk: decoding (GBK → UTF-8), the local channels of their gk.yaml.
import path from 'node:path';
import jsYaml from 'js-yaml';
import { GkError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { exists, globFiles, isDirectory, isReadOnly, readBytes, readText, relativeTo, writeFileAtomic } from '../io/files.js';
import { decodeBytes, type Encoding } from '../load/decode.js';
import { listFiles, readFileSafely, repositoryOf, type ReadProblem } from '../load/read.js';
import { catalogFilesOf } from '../load/government.js';
import { findManifestAbove, foldersUp } from '../load/tree.js';
import type { Lang } from '../model/types.js';
import { fmtConfigOf, formatCatalog, type FormatFailure, type FormatOptions } from './format.js';

const M = {
  pathNotFound: { zh: '找不到路径：{path}', en: 'path not found: {path}' },
} satisfies Record<string, Message>;

const NOT_CATALOGS = new Set(['gk.yaml', 'edition.yaml', 'channels.yaml']);

/** Standard editions are official transcriptions: a folder holding edition.yaml is never reformatted. */
function inEdition(file: string, stop: string): boolean {
  for (const d of foldersUp(path.dirname(file))) {
    if (!d.startsWith(stop)) return false;
    if (exists(path.join(d, 'edition.yaml'))) return true;
  }
  return false;
}

/** Whether a file found in a folder is a catalog; one that cannot be read is kept, for fmt to say why. */
function looksLikeCatalog(file: string): boolean {
  const read = readFileSafely(file, { boundary: repositoryOf(file) });
  if (!read.ok) return true;
  return /^(?:domain|items)\s*[:：]/m.test(decodeBytes(read.bytes).text);
}

/** Entries of a folder that could not be listed or read, by the path they are shown under (see formatFiles). */
const listingProblems = new WeakMap<readonly string[], Map<string, ReadProblem>>();

/** Catalog files below the paths (a file given by name is taken as it is), sorted. */
export function catalogFilesUnder(paths: readonly string[], cwd: string, lang: Lang): string[] {
  const found = new Set<string>();
  const problems = new Map<string, ReadProblem>();
  for (const p of paths.length > 0 ? paths : ['.']) {
    const abs = path.resolve(cwd, p);
    if (!exists(abs)) throw new GkError('usage', say(M.pathNotFound, lang, { path: p }));
    if (!isDirectory(abs)) {
      found.add(abs);
      continue;
    }
    const listing = listFiles(abs, (name) => name.endsWith('.yaml') || name.endsWith('.yml'), repositoryOf(path.join(abs, 'gk.yaml')));
    for (const f of listing.files) {
      if (NOT_CATALOGS.has(path.basename(f)) || inEdition(f, abs) || !looksLikeCatalog(f)) continue;
      found.add(f);
    }
    for (const [f, problem] of listing.problems) {
      // a folder reached again through a link is formatted once; nothing is lost
      if (problem.kind === 'loop') continue;
      found.add(f);
      problems.set(f, problem);
    }
  }
  const files = [...found].sort();
  listingProblems.set(files, problems);
  return files;
}

/** The configuration of the gk.yaml nearest above the file (none: nothing local, every rule on). */
export function findFmtConfig(file: string): FormatOptions {
  const root = findManifestAbove(path.dirname(file));
  if (root === undefined) return fmtConfigOf(undefined);
  try {
    return fmtConfigOf(jsYaml.load(readText(path.join(root, 'gk.yaml')), { schema: jsYaml.CORE_SCHEMA }));
  } catch {
    return fmtConfigOf(undefined);
  }
}


/** Why a file was left alone: what formatCatalog refused, or what the disk refused (the OS's words in `detail`). */
export type FileFailure =
  /** too deep a nesting is reported as the reading limit it is (`not-read`, `nesting`) */
  | Exclude<FormatFailure, { reason: 'nesting' }>
  | { reason: 'binary' }
  | { reason: 'read-only' }
  | { reason: 'unreadable' | 'unwritable'; detail: string }
  /** not read at all: a special file, a link out of the repository, a loop, too large, a name not in UTF-8 */
  | { reason: 'not-read'; problem: ReadProblem };

export type FileOutcome =
  | { file: string; display: string; status: 'unchanged' }
  /** `from` names the encoding converted to UTF-8, when the file was not UTF-8. */
  | { file: string; display: string; status: 'changed'; from?: Encoding }
  | ({ file: string; display: string; status: 'error' } & FileFailure);

function formatFile(file: string, display: string, check: boolean, listed?: ReadProblem): FileOutcome {
  if (listed) return { file, display, status: 'error', reason: 'not-read', problem: listed };
  const read = readFileSafely(file, { boundary: repositoryOf(file) });
  if (!read.ok) return { file, display, status: 'error', reason: 'not-read', problem: read.problem };
  const decoded = decodeBytes(read.bytes);
  if (decoded.encoding === 'binary') return { file, display, status: 'error', reason: 'binary' };
  const result = formatCatalog(decoded.text, findFmtConfig(file));
  if (!result.ok) {
    const failure = result.failure;
    if (failure.reason === 'nesting') return { file, display, status: 'error', reason: 'not-read', problem: { kind: 'nesting', max: failure.max } };
    return { file, display, status: 'error', ...failure };
  }
  if (decoded.encoding === 'utf-8' && result.text === decoded.text) return { file, display, status: 'unchanged' };
  const changed: FileOutcome = { file, display, status: 'changed' };
  if (decoded.encoding !== 'utf-8') changed.from = decoded.encoding;
  if (check) return changed;
  // A read-only file says "do not touch"; replacing it through a rename would go around that.
  if (isReadOnly(file)) return { file, display, status: 'error', reason: 'read-only' };
  try {
    writeFileAtomic(file, result.text);
  } catch (err) {
    return { file, display, status: 'error', reason: 'unwritable', detail: osDetail(err) };
  }
  return changed;
}

/** The OS's reason from an io GkError (`cannot read x: EACCES: …` → `EACCES: …`). */
function osDetail(err: unknown): string {
  if (!(err instanceof GkError)) throw err;
  const cause = err.cause as Error | undefined;
  return cause?.message ?? err.message;
}

/** Formats each file; writes the changed ones unless `check`. Non-UTF-8 files always count as changed. */
export function formatFiles(files: readonly string[], cwd: string, options: { check: boolean }): FileOutcome[] {
  const problems = listingProblems.get(files);
  return files.map((file) => formatFile(file, relativeTo(cwd, file), options.check, problems?.get(file)));
}

/** `gk validate --fix`: format every catalog file of the governments, before they are checked. Returns the files changed. */
export function fixGovernmentCatalogs(roots: readonly string[], cwd: string): string[] {
  const files = roots.flatMap((root) => catalogFilesOf(root));
  return formatFiles(files, cwd, { check: false })
    .filter((o) => o.status === 'changed')
    .map((o) => o.display);
}
