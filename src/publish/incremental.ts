// Incremental gk build: the manifest a build leaves in its output folder (what went in, by content hash, and which
// files each government's site is), and the checks that let the next build skip what has not changed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot, relativeTo } from '../io/files.js';
import { readHistory } from '../io/git.js';
import { STAMP_FILE } from '../io/output-dir.js';
import { decodeBytes } from '../load/decode.js';
import { diskTree } from '../load/tree.js';
import { listFiles, readFileSafely, repositoryOf } from '../load/read.js';
import { VERSION } from '../model/version.js';

/** In the output folder beside the stamp; listed in the stamp like every file gk writes there. */
export const MANIFEST_FILE = '.gk-build.json';

export interface GovernmentRecord {
  /** hash of everything the government's pages are made from */
  key: string;
  /** its files, relative to the output folder */
  files: string[];
}

export interface BuildManifest {
  /** hash of every input, option, date and of gk itself: equal means a build would write the same bytes */
  key: string;
  /** every input file (relative to the build's folder, forward slashes) → content hash, or null when it must be absent */
  inputs: Record<string, string | null>;
  /** output prefix ('' or ending in '/') → the government built there */
  governments: Record<string, GovernmentRecord>;
  /** every file of the output but the stamp and this manifest → its size */
  sizes: Record<string, number>;
  /** what the build said on stderr (warnings, notices), said again when nothing changed */
  messages: string[];
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The hash of a file's bytes as gk would read them now, or null when it cannot be read as a regular file. */
export function hashFileNow(abs: string, boundary = repositoryOf(abs)): string | null {
  const read = readFileSafely(abs, { boundary });
  return read.ok ? sha256(read.bytes) : null;
}

/**
 * The hash of a file a build has read (its decoded text in hand): its bytes read again, or 'unsettled' when they no
 * longer decode to that text (the file changed while gk was building), so the next build does not take it as built.
 */
export function hashOfRead(abs: string, encoding: string, text: string): string {
  const read = readFileSafely(abs, { boundary: repositoryOf(abs) });
  if (!read.ok) return 'unsettled';
  const decoded = decodeBytes(read.bytes);
  return decoded.encoding === encoding && decoded.text === text ? sha256(read.bytes) : 'unsettled';
}

let codeId: string | undefined;

/** gk itself: its version and the bytes of its compiled code, templates aside (they are hashed as read). */
export function gkIdentity(): string {
  if (codeId !== undefined) return codeId;
  const hash = createHash('sha256').update(VERSION);
  const dist = path.join(packageRoot, 'dist');
  const files = listFiles(dist, (name) => /\.(js|cjs|json)$/.test(name), dist).files;
  for (const file of files) hash.update(`\0${path.relative(dist, file)}\0`).update(fs.readFileSync(file));
  codeId = hash.digest('hex');
  return codeId;
}

/** Stable JSON (sorted keys) hashed: the keys of the manifest. */
export function keyOf(value: unknown): string {
  return sha256(JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v)));
}

/** The day of the last commit below each government folder (relative to `base`, '' for base), from one `git log`. */
export function lastCommitDates(base: string, roots: readonly string[]): Map<string, string> {
  const dates = new Map<string, string>();
  const history = readHistory(base);
  if (!history) return dates;
  const folders = new Set(roots.map((root) => (root === base ? '' : relativeTo(base, root))));
  const later = (folder: string, date: string) => {
    if (folders.has(folder) && !((dates.get(folder) ?? '') >= date)) dates.set(folder, date);
  };
  for (const [file, { last }] of history) {
    later('', last);
    for (let at = file.indexOf('/'); at > 0; at = file.indexOf('/', at + 1)) later(file.slice(0, at), last);
  }
  return dates;
}

/** gk.yaml of every folder above `base`: a workspace or a parent appearing there changes what a build finds. */
export function foldersAbove(base: string): string[] {
  const out: string[] = [];
  for (let d = path.dirname(base); ; d = path.dirname(d)) {
    out.push(path.join(d, 'gk.yaml'));
    if (path.dirname(d) === d) return out;
  }
}

/**
 * The input files of a build as they are on disk now: every government's gk.yaml and catalog files below the roots,
 * and the other files the previous build read (`extra`). Undefined when a listing has problems: the full build reports them.
 */
export function inputsNow(base: string, roots: readonly string[], extra: readonly string[]): Record<string, string | null> | undefined {
  const inputs: Record<string, string | null> = {};
  const take = (abs: string, boundary?: string) => {
    inputs[relativeTo(base, abs)] = hashFileNow(abs, boundary);
  };
  const tree = diskTree(base, 'en');
  for (const root of roots) {
    const boundary = repositoryOf(path.join(root, 'gk.yaml'));
    take(path.join(root, 'gk.yaml'), boundary);
    const listing = tree.catalogListing(root);
    if (listing.problems.size > 0) return undefined;
    for (const file of listing.files) take(file, boundary);
  }
  for (const rel of extra) if (!(rel in inputs)) take(path.resolve(base, rel));
  return inputs;
}

export function formatManifest(manifest: BuildManifest): string {
  return `${JSON.stringify({ generator: 'gk', ...manifest }, null, 1)}\n`;
}

/** The manifest of an earlier build in `out`, or undefined when there is none or it is not one. */
export function readManifest(out: string): { manifest: BuildManifest; mtimeMs: number } | undefined {
  const file = path.join(out, MANIFEST_FILE);
  try {
    const st = fs.lstatSync(file);
    if (!st.isFile()) return undefined;
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (raw.generator !== 'gk' || typeof raw.key !== 'string' || typeof raw.inputs !== 'object' || typeof raw.governments !== 'object' || typeof raw.sizes !== 'object' || !Array.isArray(raw.messages)) return undefined;
    return { manifest: raw as unknown as BuildManifest, mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  }
}

/**
 * Whether `out` holds exactly the files the manifest lists, none written after it (a build writes the manifest
 * last) and each of the size it had: how a build with nothing changed knows the output needs no work without
 * reading it all. Anything else (a file edited, added or removed) sends the build the full way, where the output
 * folder policy decides.
 */
export function outputIntact(out: string, manifest: BuildManifest, manifestMtime: number): boolean {
  const expected = new Map(Object.entries(manifest.sizes));
  let seen = 0;
  const walk = (rel: string): boolean => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(rel === '' ? out : path.join(out, rel), { withFileTypes: true });
    } catch {
      return false;
    }
    for (const entry of entries) {
      const r = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (r === STAMP_FILE || r === MANIFEST_FILE) continue;
      if (entry.isDirectory()) {
        if (!walk(r)) return false;
        continue;
      }
      const size = expected.get(r);
      if (!entry.isFile() || size === undefined) return false;
      const st = fs.lstatSync(path.join(out, r));
      if (st.size !== size || st.mtimeMs > manifestMtime) return false;
      seen++;
    }
    return true;
  };
  return walk('') && seen === expected.size;
}
