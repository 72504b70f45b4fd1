// Which files gk fmt formats, and formatting them on disk: decoding (GBK → UTF-8), the local channels of their gk.yaml.
import path from 'node:path';
import jsYaml from 'js-yaml';
import { GkError } from '../errors.js';
import { say, type Message } from '../i18n.js';
import { exists, globFiles, isDirectory, isReadOnly, readBytes, readText, relativeTo, writeFileAtomic } from '../io/files.js';
import { decodeBytes, type Encoding } from '../load/decode.js';
import { catalogFilesOf } from '../project.js';
import type { Lang } from '../types.js';
import { formatCatalog, type FormatFailure } from './format.js';

const M = {
  pathNotFound: { zh: '找不到路径：{path}', en: 'path not found: {path}' },
} satisfies Record<string, Message>;

const NOT_CATALOGS = new Set(['gk.yaml', 'edition.yaml', 'channels.yaml']);

/** Standard editions are official transcriptions: a folder holding edition.yaml is never reformatted. */
function inEdition(file: string, stop: string): boolean {
  for (let d = path.dirname(file); d.startsWith(stop); d = path.dirname(d)) {
    if (exists(path.join(d, 'edition.yaml'))) return true;
    if (path.dirname(d) === d) break;
  }
  return false;
}

function looksLikeCatalog(file: string): boolean {
  const text = decodeBytes(readBytes(file)).text;
  return /^(?:domain|items)\s*[:：]/m.test(text);
}

/** Catalog files below the paths (a file given by name is taken as it is), sorted. */
export function catalogFilesUnder(paths: readonly string[], cwd: string, lang: Lang): string[] {
  const found = new Set<string>();
  for (const p of paths.length > 0 ? paths : ['.']) {
    const abs = path.resolve(cwd, p);
    if (!exists(abs)) throw new GkError('usage', say(M.pathNotFound, lang, { path: p }));
    if (!isDirectory(abs)) {
      found.add(abs);
      continue;
    }
    for (const f of globFiles(['**/*.{yaml,yml}'], abs)) {
      if (NOT_CATALOGS.has(path.basename(f)) || inEdition(f, abs) || !looksLikeCatalog(f)) continue;
      found.add(f);
    }
  }
  return [...found].sort();
}

/** What gk.yaml says that fmt must obey, as validate does: local channels, and the rules turned off. */
export interface FmtConfig {
  localChannels: string[];
  rulesOff: Set<string>;
}

function readConfig(data: unknown): FmtConfig {
  const manifest = (data ?? {}) as { channels?: unknown; rules?: unknown };
  const channels = Array.isArray(manifest.channels) ? manifest.channels.filter((c): c is string => typeof c === 'string') : [];
  const rules = manifest.rules !== null && typeof manifest.rules === 'object' ? (manifest.rules as Record<string, unknown>) : {};
  return { localChannels: channels, rulesOff: new Set(Object.keys(rules).filter((id) => rules[id] === 'off')) };
}

/** The configuration of the gk.yaml nearest above the file (none: nothing local, every rule on). */
export function findFmtConfig(file: string): FmtConfig {
  for (let d = path.dirname(file); ; d = path.dirname(d)) {
    const manifest = path.join(d, 'gk.yaml');
    if (exists(manifest)) {
      try {
        return readConfig(jsYaml.load(readText(manifest), { schema: jsYaml.CORE_SCHEMA }));
      } catch {
        return readConfig(undefined);
      }
    }
    if (path.dirname(d) === d) return readConfig(undefined);
  }
}


/** Why a file was left alone: what formatCatalog refused, or what the disk refused (the OS's words in `detail`). */
export type FileFailure = FormatFailure | { reason: 'binary' } | { reason: 'read-only' } | { reason: 'unreadable' | 'unwritable'; detail: string };

export type FileOutcome =
  | { file: string; display: string; status: 'unchanged' }
  /** `from` names the encoding converted to UTF-8, when the file was not UTF-8. */
  | { file: string; display: string; status: 'changed'; from?: Encoding }
  | ({ file: string; display: string; status: 'error' } & FileFailure);

function formatFile(file: string, display: string, check: boolean): FileOutcome {
  let bytes: Uint8Array;
  try {
    bytes = readBytes(file);
  } catch (err) {
    return { file, display, status: 'error', reason: 'unreadable', detail: osDetail(err) };
  }
  const decoded = decodeBytes(bytes);
  if (decoded.encoding === 'binary') return { file, display, status: 'error', reason: 'binary' };
  const result = formatCatalog(decoded.text, findFmtConfig(file));
  if (!result.ok) return { file, display, status: 'error', ...result.failure };
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
  return files.map((file) => formatFile(file, relativeTo(cwd, file), options.check));
}

/** `gk validate --fix`: format every catalog file of the governments, before they are checked. Returns the files changed. */
export function fixGovernmentCatalogs(roots: readonly string[], cwd: string): string[] {
  const files = roots.flatMap((root) => catalogFilesOf(root));
  return formatFiles(files, cwd, { check: false })
    .filter((o) => o.status === 'changed')
    .map((o) => o.display);
}
