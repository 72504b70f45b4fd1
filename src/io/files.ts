// The file system edge: reading, globbing and atomic writing (whole output folders: output-dir.ts). Nothing else in the core touches fs.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type FastGlob from 'fast-glob';
import { ioError } from '../model/errors.js';
import { killPoint, removeQuietly, removeStaleTempFiles, tempFileFor } from './output-dir.js';

export const packageRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const bundledStandardDir = path.join(packageRoot, 'catalogs', 'standard');

/**
 * import() of a module outside gk (a government's local rule), through dist/io/import-module.cjs: see there why
 * the bundled command line must not do it itself. Running from the TypeScript sources (tests) there is no bundle to
 * mind, and this file's own import() loads the module.
 */
export function importModule(url: string): Promise<unknown> {
  if (!import.meta.url.endsWith('.ts')) return (createRequire(import.meta.url)(path.join(packageRoot, 'dist', 'io', 'import-module.cjs')) as typeof import('./import-module.cjs')).importModule(url);
  return import(url);
}

export function exists(p: string): boolean {
  return fs.existsSync(p);
}

export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A regular file (links followed). */
export function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The path with every link resolved, or undefined when it does not exist. */
export function realPath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

export function fileSize(p: string): number {
  return fs.statSync(p).size;
}

/** A file nobody may write (mode without w bits), or one this process may not write: tools should leave it alone. */
export function isReadOnly(p: string): boolean {
  try {
    if ((fs.statSync(p).mode & 0o222) === 0) return true;
    fs.accessSync(p, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * A regular file's bytes. Anything else (a FIFO would block forever, a device never end) is refused from its stat,
 * before it is opened; see src/load/read.ts for reading with limits and inside a repository.
 */
export function readBytes(p: string): Uint8Array {
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) throw Object.assign(new Error(st.isDirectory() ? 'EISDIR: is a folder' : 'not a regular file (a FIFO, socket or device)'), { code: 'ESPECIAL' });
    return fs.readFileSync(p);
  } catch (err) {
    throw ioError('read', p, err);
  }
}

export async function readBytesAsync(p: string): Promise<Uint8Array> {
  try {
    return await fsp.readFile(p);
  } catch (err) {
    throw ioError('read', p, err);
  }
}

export function readText(p: string): string {
  return new TextDecoder().decode(readBytes(p));
}

let fastGlob: typeof FastGlob | undefined;

/** Sorted, so every run sees files in the same order. */
export function globFiles(patterns: string[], cwd: string, ignore: string[] = []): string[] {
  // fast-glob is some sixty modules: loaded on the first glob, so `gk --version` and a one-county validate skip it.
  fastGlob ??= createRequire(import.meta.url)('fast-glob') as typeof FastGlob;
  return fastGlob
    .sync(patterns, { cwd, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**', '**/.git/**', ...ignore] })
    .sort();
}

/** The plain files (or folders) directly in a folder gk ships, by name, sorted: for the bundled standard, without fast-glob. */
export function bundledEntries(dir: string, kind: 'file' | 'dir'): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && (kind === 'file' ? e.isFile() : e.isDirectory()))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** Folders whose stale temporary files this process has already removed. */
const swept = new Set<string>();

/**
 * Write a file via a hidden temporary sibling and a rename, so readers never see half a file. A run killed while
 * writing leaves only that sibling, which the next write into the same folder removes.
 */
export function writeFileAtomic(p: string, data: string | Uint8Array): void {
  const dir = path.dirname(p);
  const tmp = tempFileFor(p);
  try {
    fs.mkdirSync(dir, { recursive: true });
    if (!swept.has(dir)) {
      swept.add(dir);
      removeStaleTempFiles(dir);
    }
    fs.writeFileSync(tmp, data);
    killPoint('file');
    // The rename replaces the file itself, so a rewritten file would otherwise lose its permissions.
    if (fs.existsSync(p)) fs.chmodSync(tmp, fs.statSync(p).mode & 0o7777);
    fs.renameSync(tmp, p);
  } catch (err) {
    removeQuietly(tmp);
    throw ioError('write', p, err);
  }
}

export function relativeTo(cwd: string, p: string): string {
  const rel = path.relative(cwd, p);
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}
