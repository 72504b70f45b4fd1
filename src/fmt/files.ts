// Which files gk fmt formats, and formatting them on disk: decoding (GBK → UTF-8), the local channels of their gk.yaml.
import path from 'node:path';
import jsYaml from 'js-yaml';
import { GkError } from '../errors.js';
import { exists, globFiles, isDirectory, readBytes, readText, relativeTo, writeFileAtomic } from '../io/files.js';
import { decodeBytes } from '../load/decode.js';
import { catalogFilesOf } from '../project.js';
import { formatCatalog } from './format.js';

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
export function catalogFilesUnder(paths: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  for (const p of paths.length > 0 ? paths : ['.']) {
    const abs = path.resolve(cwd, p);
    if (!exists(abs)) throw new GkError('usage', `path not found: ${p}`);
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

/** The `channels:` a gk.yaml above the file declares as local. */
export function findLocalChannels(file: string): string[] {
  for (let d = path.dirname(file); ; d = path.dirname(d)) {
    const manifest = path.join(d, 'gk.yaml');
    if (exists(manifest)) {
      try {
        const data = jsYaml.load(readText(manifest), { schema: jsYaml.CORE_SCHEMA }) as { channels?: unknown } | null;
        return Array.isArray(data?.channels) ? data.channels.filter((c): c is string => typeof c === 'string') : [];
      } catch {
        return [];
      }
    }
    if (path.dirname(d) === d) return [];
  }
}

export type FileOutcome =
  | { file: string; display: string; status: 'unchanged' | 'changed' }
  | { file: string; display: string; status: 'error'; error: string };

/** Formats each file; writes the changed ones unless `check`. Non-UTF-8 files always count as changed. */
export function formatFiles(files: readonly string[], cwd: string, options: { check: boolean }): FileOutcome[] {
  return files.map((file): FileOutcome => {
    const display = relativeTo(cwd, file);
    const bytes = readBytes(file);
    const decoded = decodeBytes(bytes);
    if (decoded.encoding === 'binary') return { file, display, status: 'error', error: 'binary' };
    const result = formatCatalog(decoded.text, { localChannels: findLocalChannels(file) });
    if (!result.ok) return { file, display, status: 'error', error: result.error };
    const same = decoded.encoding === 'utf-8' && result.text === decoded.text;
    if (same) return { file, display, status: 'unchanged' };
    if (!options.check) writeFileAtomic(file, result.text);
    return { file, display, status: 'changed' };
  });
}

/** `gk validate --fix`: format every catalog file of the governments, before they are checked. Returns the files changed. */
export function fixGovernmentCatalogs(roots: readonly string[], cwd: string): string[] {
  const files = roots.flatMap((root) => catalogFilesOf(root));
  return formatFiles(files, cwd, { check: false })
    .filter((o) => o.status === 'changed')
    .map((o) => o.display);
}
