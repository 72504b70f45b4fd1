// Build step (after tsc): the command line and its worker threads as a few bundled files in dist/bundle/, so a run
// loads a handful of modules instead of resolving, reading and compiling each of gk's ~150 files (issue 12: module
// loading was most of a one-county validate). The small pure-JS packages every run loads go in with it; the other
// packages stay outside, loaded from node_modules as before; commands a run does not name stay in chunks of their
// own, loaded only when named. dist/ keeps the unbundled modules
// (the public API, and bin/gk.js when the bundle is missing).
import fs from 'node:fs';
import path from 'node:path';

/** Entries by the name they get in dist/bundle/; a worker keeps its file name, which its spawner resolves beside itself. */
const ENTRIES = {
  cli: 'cli.js',
  'validate-worker': 'check/validate-worker.js',
  'collect-worker': 'report/collect-worker.js',
  'render-worker': 'publish/render-worker.js',
} as const;

/** Packages loaded by every run (or nearly), small and without files of their own to read: bundled in. */
const INLINED = ['commander', 'chalk', 'js-yaml', 'fastest-levenshtein'] as const;

/**
 * Files a bundled module reads relative to itself (`new URL('./…', import.meta.url)`), copied to where that URL
 * points from dist/bundle/: check/validate.ts asks for ./schema/validators.cjs.
 */
const BESIDE: ReadonlyArray<readonly [from: string, to: string]> = [['check/schema/validators.cjs', 'schema/validators.cjs']];

export async function writeBundle(distDir: string): Promise<void> {
  const out = path.join(distDir, 'bundle');
  fs.rmSync(out, { recursive: true, force: true });
  const { build } = await import('rolldown');
  await build({
    input: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(distDir, file)])),
    platform: 'node',
    // Other bare specifiers (node:*, the larger packages) are imported at run time as before; #… are a package's own.
    external: (id) => !/^[.#]/.test(id) && !path.isAbsolute(id) && !INLINED.some((name) => id === name || id.startsWith(`${name}/`)),
    logLevel: 'warn',
    output: {
      dir: out,
      format: 'esm',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunk-[name]-[hash].js',
    },
  });
  for (const [from, to] of BESIDE) {
    fs.mkdirSync(path.dirname(path.join(out, to)), { recursive: true });
    fs.copyFileSync(path.join(distDir, from), path.join(out, to));
  }
}
