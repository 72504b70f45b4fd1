// bin/gk.js runs the bundled command line (dist/bundle/, src/commands/bundle.ts): everything a bundled module reads
// beside itself is there, its workers run, and it answers as the unbundled modules do.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

const bundle = path.join(repoRoot, 'dist', 'bundle');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-bundle-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Runs gk through `entry` (a module exporting run and nodeIo), as bin/gk.js does. */
function runVia(entry: string, argv: string[]): { code: number | null; out: string; err: string } {
  // A script file, not node -e: worker threads inherit the process's node options, and --input-type stops them.
  const script = path.join(tmp, `via-${path.basename(path.dirname(entry))}.mjs`);
  fs.writeFileSync(script, `const { run, nodeIo } = await import(${JSON.stringify(entry)});\nprocess.exitCode = await run(process.argv.slice(2), nodeIo());\n`);
  const r = spawnSync(process.execPath, [script, ...argv], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the bundled command line', () => {
  it('has beside it every file a module of src/ reads relative to itself', () => {
    expect(fs.existsSync(path.join(bundle, 'cli.js'))).toBe(true);
    const wanted = new Set<string>();
    for (const file of sources(path.join(repoRoot, 'src'))) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/new URL\(\s*'\.\/([\w./-]+\.c?js)'\s*,\s*import\.meta\.url\s*\)/g)) wanted.add(m[1]!);
    }
    // validate-worker.js, collect-worker.js, schema/validators.cjs today; a new worker must be added to the bundle's entries
    expect(wanted.size).toBeGreaterThanOrEqual(3);
    expect([...wanted].filter((rel) => !fs.existsSync(path.join(bundle, rel)))).toEqual([]);
  });

  it('bin/gk.js loads the bundle, not the unbundled modules', () => {
    const hook = path.join(tmp, 'hook.mjs');
    const log = path.join(tmp, 'loaded.txt');
    fs.writeFileSync(hook, `import fs from 'node:fs';\nexport async function load(url, context, next) { fs.appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`);
    const register = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(new URL(`file://${hook}`).href)});`;
    const r = spawnSync(process.execPath, ['--import', register, path.join(repoRoot, 'bin', 'gk.js'), 'validate', path.join(repoRoot, 'catalogs', 'examples', 'shiyan-county')], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const ours = fs.readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith('file:') && !u.includes('/node_modules/'));
    expect(ours.some((u) => u.includes('/dist/bundle/'))).toBe(true);
    expect(ours.filter((u) => !u.includes('/dist/bundle/') && !u.endsWith('/bin/gk.js'))).toEqual([]);
  });

  it('answers as the unbundled modules, its worker threads included', () => {
    // 16 governments: enough for two threads (8 each); a finding in each, so the outputs say something.
    const city = path.join(tmp, 'city');
    const county = path.join(repoRoot, 'catalogs', 'examples', 'shiyan-county');
    for (let i = 0; i < 16; i++) {
      const dir = path.join(city, `gov-${i}`);
      fs.cpSync(county, dir, { recursive: true });
      const manifest = path.join(dir, 'gk.yaml');
      fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('code: "410999"', `code: "4109${String(i).padStart(2, '0')}"`));
      const file = path.join(dir, 'catalog', 'fiscal-budget.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/channels: \[/, `channels: [自编渠道${i}, `));
    }
    const argv = ['validate', '--format', 'json', '--jobs', '2', city];
    const bundled = runVia(path.join(bundle, 'cli.js'), argv);
    const plain = runVia(path.join(repoRoot, 'dist', 'cli.js'), argv);
    expect(bundled.err).toBe(plain.err);
    expect(bundled.code).toBe(plain.code);
    const found = JSON.parse(bundled.out) as { diagnostics: Array<{ file: string; code: string }>; summary: { files: number } };
    expect(found.summary.files).toBe(16 * 28);
    expect(new Set(found.diagnostics.filter((d) => d.code === 'unknown-channel').map((d) => d.file.split('/').at(-3))).size).toBe(16);
    expect(bundled.out).toBe(plain.out);
  });
});
