// Build step (after tsc): the command line and its worker threads as a few bundled files in dist/bundle/, so a run
// loads a handful of modules instead of resolving, reading and compiling each of gk's ~150 files (issue 12: module
// loading was most of a one-county validate). The small pure-JS packages every run loads go in with it; the other
// packages stay outside, loaded from node_modules as before; commands a run does not name stay in chunks of their
// own, loaded only when named. dist/ keeps the unbundled modules
// (the public API, and bin/gk.js when the bundle is missing).
//
// The bundle is CommonJS (dist/bundle/package.json says so) for one reason: V8 can then keep each file's compiled
// code in a cache file beside it (src/io/code-cache.ts), which ECMAScript modules cannot do on Node 20. A run that
// finds a cache V8 accepts skips parsing and compiling gk's code: about a sixth of a one-county validate (issue 12).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { patchPlugin } from './bundle-patches.js';

/** Entries by the name they get in dist/bundle/; a worker keeps its file name, which its spawner resolves beside itself. */
const ENTRIES = {
  cli: 'cli.js',
  'validate-worker': 'check/validate-worker.js',
  'collect-worker': 'report/collect-worker.js',
  'render-worker': 'publish/render-worker.js',
} as const;

/** Packages loaded by every run (or nearly), small and without files of their own to read: bundled in. */
// get-east-asian-width is an ECMAScript module only: inlined, the CommonJS bundle needs no require() of one.
const INLINED = ['commander', 'chalk', 'js-yaml', 'fastest-levenshtein', 'get-east-asian-width'] as const;

/**
 * Files a bundled module reads relative to itself (`new URL('./…', import.meta.url)`), copied to where that URL
 * points from dist/bundle/: check/validate.ts asks for ./schema/validators.cjs.
 */
const BESIDE: ReadonlyArray<readonly [from: string, to: string]> = [['check/schema/validators.cjs', 'schema/validators.cjs']];

export async function writeBundle(distDir: string): Promise<void> {
  const out = path.join(distDir, 'bundle');
  fs.rmSync(out, { recursive: true, force: true });
  const { build } = await import('rolldown');
  // Exact edits to bundled packages that change what they cost, not what they do (src/commands/bundle-patches.ts).
  const patches = patchPlugin();
  await build({
    plugins: [patches],
    input: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(distDir, file)])),
    platform: 'node',
    // Other bare specifiers (node:*, the larger packages) are imported at run time as before; #… are a package's own.
    external: (id) => !/^[.#]/.test(id) && !path.isAbsolute(id) && !INLINED.some((name) => id === name || id.startsWith(`${name}/`)),
    logLevel: 'warn',
    output: {
      dir: out,
      format: 'cjs',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunk-[name]-[hash].js',
    },
  });
  const missed = patches.unapplied();
  if (missed.length > 0) throw new Error(`gk build: no bundled module matched the patch for ${missed.join(', ')}; look at the package again`);
  // The files here are CommonJS whatever the package's own "type" says.
  fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
  for (const [from, to] of BESIDE) {
    fs.mkdirSync(path.dirname(path.join(out, to)), { recursive: true });
    fs.copyFileSync(path.join(distDir, from), path.join(out, to));
  }
}

/**
 * The commands the build runs on the bundled example to fill the code caches: what they compile is what a run of
 * theirs skips compiling. `{out}` is a temporary folder. Validate first: it is the run that most wants to start fast.
 */
const WARM_UP: ReadonlyArray<readonly string[]> = [
  ['validate', '{example}'],
  ['diff', '{example}'],
  ['build', '{example}', '--out', '{out}'],
];

/**
 * Build step, after `writeBundle`: the bundled command line run a few times on the example in a separate process
 * with the V8 flags of every gk process (src/io/code-cache.ts), then each bundle file's compiled code written beside
 * it. Runs in a child so that its flags and modules are exactly those of a real run.
 */
export function writeBundleCodeCaches(distDir: string, example: string): void {
  // Without the example (a copy of the package without catalogs/examples) there is nothing to warm up on: no caches,
  // and gk runs as it would with caches V8 rejects.
  if (!fs.existsSync(path.join(example, 'gk.yaml'))) return;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-warm-'));
  try {
    const place: Record<string, string> = { '{example}': example, '{out}': path.join(out, 'site') };
    const runs = WARM_UP.map((argv) => argv.map((a) => place[a] ?? a));
    const script = [
      `import { requireBundle, setV8Flags, writeCodeCaches } from ${JSON.stringify(pathToFileURL(path.join(distDir, 'io', 'code-cache.js')).href)};`,
      'setV8Flags();',
      'const compiled = new Map();',
      `const { run, nodeIo } = requireBundle(${JSON.stringify(path.join(distDir, 'bundle', 'cli.js'))}, compiled);`,
      'const io = { ...nodeIo(), stdout() {}, stderr() {} };',
      `for (const argv of ${JSON.stringify(runs)}) await run(argv, io);`,
      'writeCodeCaches(compiled);',
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (r.status !== 0) throw new Error(`gk build: the code cache warm-up failed (exit ${r.status}): ${r.stderr}`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
