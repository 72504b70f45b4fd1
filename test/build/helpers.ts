// Shared by the build tests: building a fixture into a fresh temporary folder and reading what came out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixtures, gk, repoRoot } from '../helpers.js';

export const example = path.join(repoRoot, 'catalogs', 'examples', 'shiyan-county');
export const county = path.join(fixtures, 'build', 'county');
export const xss = path.join(fixtures, 'build', 'xss');
export const invalid = path.join(fixtures, 'build', 'invalid');

export function tempDir(prefix = 'gk-build-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Every file below `dir`, relative, sorted, with its bytes; gk's stamp (.gk-output.json, see test/build/output.test.ts) left out. */
export function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (p !== path.join(dir, '.gk-output.json')) out.set(path.relative(dir, p).split(path.sep).join('/'), fs.readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

export async function build(catalog: string, args: string[] = [], env: Record<string, string> = {}) {
  const out = path.join(tempDir(), 'dist');
  const result = await gk(['build', catalog, '--out', out, ...args], repoRoot, env);
  return { ...result, dir: out, text: (file: string) => fs.readFileSync(path.join(out, file), 'utf8') };
}

/** A strict RFC 4180 reader: CRLF between records, and a bare CR or LF allowed only inside quotes. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`quote inside an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else if (i < text.length) {
      throw new Error(`bare line break or stray character at ${i}`);
    }
  }
  if (record.length > 0) throw new Error('last record does not end with CRLF');
  return records;
}
