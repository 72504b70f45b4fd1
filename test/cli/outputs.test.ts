// Several formats in one run (-f name:FILE, -o FILE), and a catalog read from standard input (--stdin-filepath).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { parseFormatTargets } from '../../src/formatters/targets.js';
import { memoryIo } from '../../src/io/io.js';
import { repoRoot } from '../helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-outputs-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function county(name: string): string {
  const dir = path.join(tmp, name);
  fs.cpSync(path.join(repoRoot, 'catalogs', 'examples', 'shiyan-county'), dir, { recursive: true });
  return dir;
}

async function gkWith(argv: string[], cwd: string, input?: string | Uint8Array): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(cwd, {}, input);
  const code = await run(argv, io);
  return { code, out: io.out, err: io.err };
}

const FISCAL = 'catalog/fiscal-budget.yaml';

describe('format targets', () => {
  it('sends one format to standard output and the others to files', () => {
    expect(parseFormatTargets([], undefined)).toEqual([{ format: 'stylish' }]);
    expect(parseFormatTargets(['stylish', 'sarif'], 'r.sarif')).toEqual([{ format: 'stylish' }, { format: 'sarif', file: 'r.sarif' }]);
    expect(parseFormatTargets(['stylish', 'sarif:r.sarif', 'junit:C:/x/j.xml'], undefined)).toEqual([{ format: 'stylish' }, { format: 'sarif', file: 'r.sarif' }, { format: 'junit', file: 'C:/x/j.xml' }]);
    expect(parseFormatTargets(['json', 'stylish'], 'b.json')).toEqual([{ format: 'json' }, { format: 'stylish', file: 'b.json' }]);
  });

  it('refuses what it cannot honour', () => {
    expect(() => parseFormatTargets(['json', 'sarif'], undefined)).toThrow(/only one format/);
    expect(() => parseFormatTargets(['xml'], undefined)).toThrow(/unknown format: xml/);
    expect(() => parseFormatTargets(['sarif:'], undefined)).toThrow(/names no file/);
    expect(() => parseFormatTargets(['sarif:a', 'json:a'], undefined)).toThrow(/one file: a/);
    expect(() => parseFormatTargets(['sarif:a'], 'b')).toThrow(/-o needs/);
  });
});

describe('gk validate with several outputs', () => {
  it('prints stylish and writes sarif, gitlab and json files in one run, byte-identical to single runs', async () => {
    const dir = county('multi');
    fs.writeFileSync(path.join(dir, FISCAL), fs.readFileSync(path.join(dir, FISCAL), 'utf8').replace('[政府网站, 政府公报]', '[政府网占, 政府公报]'));
    const r = await gkWith(['validate', '-f', 'stylish', '-f', 'sarif:reports/gk.sarif', '-f', 'json:gk.json', '-f', 'gitlab', '-o', 'gl-code-quality.json'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('unknown-channel');
    expect(r.out).toContain('政府网占');
    for (const [format, file] of [['sarif', 'reports/gk.sarif'], ['json', 'gk.json'], ['gitlab', 'gl-code-quality.json']] as const) {
      const single = await gkWith(['validate', '-f', format], dir);
      expect(fs.readFileSync(path.join(dir, file), 'utf8'), format).toBe(single.out);
    }
    expect(fs.readdirSync(path.join(dir, 'reports'))).toEqual(['gk.sarif']);
  });

  it('writes no colour into files and leaves nothing on standard output when every format goes to a file', async () => {
    const dir = county('files-only');
    const io = memoryIo(dir, { FORCE_COLOR: '1' });
    expect(await run(['validate', '-f', 'stylish', '-o', 'out.txt'], io)).toBe(0);
    expect(io.out).toBe('');
    expect(fs.readFileSync(path.join(dir, 'out.txt'), 'utf8')).not.toContain('\u001b[');
  });

  it('exits 2 on a bad combination, before checking anything', async () => {
    const dir = county('bad');
    const r = await gkWith(['--lang', 'en', 'validate', '-f', 'json', '-f', 'sarif'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^gk: only one format can go to standard output/);
    expect(r.out).toBe('');
  });
});

describe('gk validate --stdin-filepath', () => {
  it('checks the text on standard input as the file at the path, in its government, and reports only that file', async () => {
    const dir = county('stdin');
    const text = fs.readFileSync(path.join(dir, FISCAL), 'utf8').replace('[政府网站, 政府公报]', '[政府网占, 政府公报]');
    fs.writeFileSync(path.join(dir, 'catalog', 'employment.yaml'), 'domain: employment\nitems:\n  - id: x\n    channels: [网占]\n');
    const r = await gkWith(['validate', '-f', 'json', '--stdin-filepath', FISCAL], dir, text);
    expect(r.code).toBe(0);
    const found = JSON.parse(r.out) as { diagnostics: Array<{ code: string; file: string; range: { start: { line: number } } }>; summary: { files: number } };
    expect(found.diagnostics.map((d) => [d.file, d.code, d.range.start.line])).toEqual([[FISCAL, 'unknown-channel', 22]]);
    expect(found.summary.files).toBe(1);
    // the file on disk is neither read for the check nor changed
    expect(fs.readFileSync(path.join(dir, FISCAL), 'utf8')).not.toContain('政府网占');
  });

  it('checks a file that is not on disk yet against its neighbours (ids used first in another file)', async () => {
    const dir = county('stdin-new');
    const copy = fs.readFileSync(path.join(dir, FISCAL), 'utf8');
    const r = await gkWith(['--lang', 'en', 'validate', '-f', 'json', '--stdin-filepath', path.join(dir, 'catalog', 'z-copy.yaml')], tmp, copy);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.out) as { diagnostics: Array<{ code: string; file: string }> };
    expect(new Set(found.diagnostics.map((d) => d.code))).toEqual(new Set(['duplicate-id']));
    expect(new Set(found.diagnostics.map((d) => d.file))).toEqual(new Set(['stdin-new/catalog/z-copy.yaml']));
  });

  it('reads GBK from standard input as it would from disk', async () => {
    const dir = county('stdin-gbk');
    const gbk = Uint8Array.from([...Buffer.from('domain: fiscal-budget\nitems: []\n# ', 'utf8'), 0xd5, 0xfe, 0xb8, 0xae, 0x0a]);
    const r = await gkWith(['validate', '-f', 'json', '--stdin-filepath', 'catalog/gbk.yaml'], dir, gbk);
    expect((JSON.parse(r.out) as { diagnostics: Array<{ code: string }> }).diagnostics.map((d) => d.code)).toContain('encoding');
  });

  it('refuses a path outside any government, outside catalog/, or with paths or --fix', async () => {
    const dir = county('stdin-refuse');
    expect((await gkWith(['validate', '--stdin-filepath', path.join(tmp, 'loose.yaml')], dir, 'a: 1\n')).err).toContain('不在任何政府目录中');
    expect((await gkWith(['--lang', 'en', 'validate', '--stdin-filepath', 'notes.yaml'], dir, 'a: 1\n')).err).toContain('neither gk.yaml nor inside the catalog/ folder');
    for (const extra of [['.'], ['--fix']]) expect((await gkWith(['validate', '--stdin-filepath', FISCAL, ...extra], dir, '')).code).toBe(2);
  });

  it('works through the real binary and a pipe', () => {
    const dir = county('stdin-pipe');
    const input = fs.readFileSync(path.join(dir, FISCAL), 'utf8').replace('信息形成', '\t信息形成');
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'gk.js'), 'validate', '-f', 'github', '--stdin-filepath', FISCAL], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    const bad = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'gk.js'), 'validate', '-f', 'github', '--stdin-filepath', FISCAL], { cwd: dir, input: 'domain: fiscal-budget\nitems:\n\t- id: a\n', encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^::error file=catalog\/fiscal-budget\.yaml,line=3,/);
  });
});
