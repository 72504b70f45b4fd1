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

/** Runs gk as its users do: bin/gk.js, which loads the bundle. */
function runBin(argv: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'gk.js'), ...argv], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
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
    // The bundle is CommonJS: what it loads is in require's cache, which the hook writes out as the process ends;
    // ECMAScript modules (bin/gk.js itself, its loader) go through the load hook.
    const hook = path.join(tmp, 'hook.mjs');
    const log = path.join(tmp, 'loaded.txt');
    const required = path.join(tmp, 'required.json');
    fs.writeFileSync(hook, `import fs from 'node:fs';\nexport async function load(url, context, next) { fs.appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`);
    fs.writeFileSync(
      path.join(tmp, 'register.mjs'),
      `import { register, createRequire } from 'node:module';\nimport fs from 'node:fs';\nregister(${JSON.stringify(new URL(`file://${hook}`).href)});\nconst M = createRequire(import.meta.url)('node:module');\nprocess.on('exit', () => fs.writeFileSync(${JSON.stringify(required)}, JSON.stringify(Object.keys(M._cache))));\n`,
    );
    const r = spawnSync(process.execPath, ['--import', path.join(tmp, 'register.mjs'), path.join(repoRoot, 'bin', 'gk.js'), 'validate', path.join(repoRoot, 'catalogs', 'examples', 'shiyan-county')], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const esm = fs.readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith('file:') && !u.includes('/node_modules/')).map((u) => new URL(u).pathname);
    const cjs = (JSON.parse(fs.readFileSync(required, 'utf8')) as string[]).filter((f) => !f.includes(`${path.sep}node_modules${path.sep}`));
    const ours = [...esm, ...cjs].filter((f) => f.startsWith(repoRoot)).map((f) => path.relative(repoRoot, f).split(path.sep).join('/'));
    expect(ours.some((f) => f.startsWith('dist/bundle/'))).toBe(true);
    expect(ours.filter((f) => !f.startsWith('dist/bundle/') && f !== 'bin/gk.js' && f !== 'dist/io/code-cache.js')).toEqual([]);
  });

  it('is loaded with the code caches the build wrote, which V8 takes', () => {
    // As bin/gk.js loads it (the same V8 flags), with every script compiled recorded: each one the validate run
    // loads has a cache beside it, and V8 used it rather than compiling the file again.
    const script = [
      `import { cacheUse, requireBundle, setV8Flags } from ${JSON.stringify(new URL(`file://${path.join(repoRoot, 'dist', 'io', 'code-cache.js')}`).href)};`,
      'setV8Flags();',
      'const compiled = new Map();',
      `const { run, nodeIo } = requireBundle(${JSON.stringify(path.join(bundle, 'cli.js'))}, compiled);`,
      `const code = await run(['validate', ${JSON.stringify(path.join(repoRoot, 'catalogs', 'examples', 'shiyan-county'))}], { ...nodeIo(), stdout() {}, stderr() {} });`,
      'console.log(JSON.stringify({ code, use: [...cacheUse(compiled)] }));',
    ].join('\n');
    const file = path.join(tmp, 'cache-use.mjs');
    fs.writeFileSync(file, script);
    const r = spawnSync(process.execPath, [file], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const { code, use } = JSON.parse(r.stdout) as { code: number; use: Array<[string, boolean | undefined]> };
    expect(code).toBe(0);
    expect(use.length).toBeGreaterThan(5);
    expect(use.map(([f]) => path.relative(bundle, f))).toContain(path.join('schema', 'validators.cjs'));
    expect(use.filter(([, taken]) => taken !== true).map(([f]) => path.relative(bundle, f))).toEqual([]);
  });

  it('runs the same without a cache, with a cache V8 rejects, and with one it wrote itself', () => {
    // A bundle of two files in a folder of its own: the entry requires the other.
    const dir = path.join(tmp, 'mini');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"commonjs"}\n');
    fs.writeFileSync(path.join(dir, 'entry.js'), `const other = require('./other.js');\nexports.answer = () => other.twice(21) + ':' + __filename.endsWith('entry.js') + ':' + typeof module.exports;\n`);
    fs.writeFileSync(path.join(dir, 'other.js'), 'exports.twice = (n) => n * 2;\n');
    const loader = new URL(`file://${path.join(repoRoot, 'dist', 'io', 'code-cache.js')}`).href;
    const once = (write: boolean) => {
      const script = [
        `import { cacheUse, requireBundle, writeCodeCaches } from ${JSON.stringify(loader)};`,
        'const compiled = new Map();',
        `const { answer } = requireBundle(${JSON.stringify(path.join(dir, 'entry.js'))}, compiled);`,
        `console.log(JSON.stringify({ answer: answer(), use: [...cacheUse(compiled)].map(([f, u]) => [f.split('/').pop(), u ?? null]) }));`,
        write ? 'writeCodeCaches(compiled);' : '',
      ].join('\n');
      const file = path.join(tmp, 'mini.mjs');
      fs.writeFileSync(file, script);
      const r = spawnSync(process.execPath, [file], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as { answer: string; use: Array<[string, boolean | null]> };
    };
    expect(once(false)).toEqual({ answer: '42:true:object', use: [['entry.js', null], ['other.js', null]] });
    fs.writeFileSync(path.join(dir, 'entry.js.v8-cache'), 'not a code cache');
    expect(once(true)).toEqual({ answer: '42:true:object', use: [['entry.js', false], ['other.js', null]] });
    expect(once(false)).toEqual({ answer: '42:true:object', use: [['entry.js', true], ['other.js', true]] });
    // A file rebuilt after its cache was written: V8 sees the text no longer fits (it compares lengths; the build
    // removes dist/bundle/ with its caches before it bundles, so a cache never outlives its file) and the new text runs.
    fs.writeFileSync(path.join(dir, 'other.js'), 'exports.twice = (n) => n * 2 + 0;  // edited\n');
    expect(once(false)).toEqual({ answer: '42:true:object', use: [['entry.js', true], ['other.js', false]] });
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
    const bundled = runBin(argv);
    const plain = runVia(path.join(repoRoot, 'dist', 'cli.js'), argv);
    expect(bundled.err).toBe(plain.err);
    expect(bundled.code).toBe(plain.code);
    const found = JSON.parse(bundled.out) as { diagnostics: Array<{ file: string; code: string }>; summary: { files: number } };
    expect(found.summary.files).toBe(16 * 28);
    expect(new Set(found.diagnostics.filter((d) => d.code === 'unknown-channel').map((d) => d.file.split('/').at(-3))).size).toBe(16);
    expect(bundled.out).toBe(plain.out);
  });
});
