// The bundled YAML (standard editions, vocabularies) prepared at build time as one JSON file, so a run reads
// JSON instead of parsing YAML. Each entry is keyed by the SHA-256 of the YAML file's bytes: a file edited after
// the build no longer matches and is parsed from YAML as before, so the prepared form can never be stale.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import jsYaml from 'js-yaml';
import { bundledStandardDir, packageRoot, readBytes, writeFileAtomic } from '../io/files.js';
import { decodeBytes } from './decode.js';

/** Written by `npm run build` (src/commands/prepare.ts); absent when running from sources before a build. */
export const PREPARED_BUNDLE = path.join(packageRoot, 'dist', 'standard', 'bundle.json');

export interface PreparedEntry {
  sha256: string;
  data: unknown;
}

/** Path relative to catalogs/standard, with forward slashes → the file's parsed YAML. */
export type PreparedBundle = Record<string, PreparedEntry>;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** How every bundled file is read: its bytes decoded, then js-yaml's core schema (the YAML 1.2 JSON-compatible types). */
export function parseStandardYaml(bytes: Uint8Array): unknown {
  return jsYaml.load(decodeBytes(bytes).text, { schema: jsYaml.CORE_SCHEMA });
}

const loaded = new Map<string, PreparedBundle | null>();

function bundleAt(file: string): PreparedBundle | null {
  let bundle = loaded.get(file);
  if (bundle === undefined) {
    try {
      bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as PreparedBundle;
    } catch {
      bundle = null;
    }
    loaded.set(file, bundle);
  }
  return bundle;
}

/**
 * The prepared data of a file under catalogs/standard whose bytes are `bytes`, or undefined when the file is
 * elsewhere, was not prepared, or changed since the build. Callers must not modify what they get.
 */
export function preparedData(file: string, bytes: Uint8Array, bundleFile = PREPARED_BUNDLE): { data: unknown } | undefined {
  const rel = path.relative(bundledStandardDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const entry = bundleAt(bundleFile)?.[rel.split(path.sep).join('/')];
  if (!entry || entry.sha256 !== sha256(bytes)) return undefined;
  return { data: entry.data };
}

/** A bundled (or any other) standard YAML file's data: prepared where it can be, parsed otherwise. Throws on bad YAML. */
export function readStandardYaml(file: string): unknown {
  const bytes = readBytes(file);
  const prepared = preparedData(file, bytes);
  return prepared ? prepared.data : parseStandardYaml(bytes);
}

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFilesUnder(full));
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/**
 * Build step: every YAML file under `standardDir`, whatever is there, parsed once. A file that does not parse, or
 * whose data JSON cannot carry unchanged (.nan, .inf), is left out and read from YAML at run time.
 */
export function prepareBundle(standardDir = bundledStandardDir, out = PREPARED_BUNDLE): { files: number; skipped: string[] } {
  const bundle: PreparedBundle = {};
  const skipped: string[] = [];
  for (const file of yamlFilesUnder(standardDir)) {
    const rel = path.relative(standardDir, file).split(path.sep).join('/');
    const bytes = fs.readFileSync(file);
    let data: unknown;
    try {
      data = parseStandardYaml(bytes);
    } catch {
      skipped.push(rel);
      continue;
    }
    if (data === undefined || !isDeepStrictEqual(JSON.parse(JSON.stringify(data)), data)) {
      skipped.push(rel);
      continue;
    }
    bundle[rel] = { sha256: sha256(bytes), data };
  }
  writeFileAtomic(out, JSON.stringify(bundle));
  loaded.delete(out);
  return { files: Object.keys(bundle).length, skipped };
}
