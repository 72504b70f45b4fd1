// Spreads `checkRoots` over worker threads when there are enough governments for it to pay.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { append, sortDiagnostics } from '../model/diagnostic.js';
import { exists } from '../io/files.js';
import { loadEdition } from '../load/edition.js';
import type { Diagnostic, Lang } from '../model/types.js';
import { checkRoots, claimRoots, type RootsResult } from './validate.js';

/** Below this many governments a worker's start-up costs more than it saves. */
const MIN_ROOTS_PER_WORKER = 8;

export function defaultJobs(): number {
  return Math.max(1, Math.min(8, os.availableParallelism()));
}

/** A worker script compiled to dist/; running from TypeScript sources (tests) there is none, and the caller works in this thread. */
export function compiledWorker(url: URL): string | undefined {
  const file = fileURLToPath(url);
  return exists(file) ? file : undefined;
}

/** Runs one worker to completion: its one message, or its error, or a non-zero exit. */
export function runWorker<T>(file: string, workerData: unknown, options: { resourceLimits?: ResourceLimits } = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(file, { workerData, ...options });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`worker ${path.basename(file)} exited with code ${code}`)));
  });
}

export async function checkRootsParallel(roots: readonly string[], cwd: string, lang: Lang, jobs = defaultJobs()): Promise<RootsResult> {
  const file = compiledWorker(new URL('./validate-worker.js', import.meta.url));
  const workers = Math.min(jobs, Math.floor(roots.length / MIN_ROOTS_PER_WORKER));
  if (!file || workers < 2) {
    const result = checkRoots(roots, cwd, lang);
    result.files.sort();
    return result;
  }
  // A shared counter hands out governments one by one, so a thread that started late or got big catalogs
  // simply takes fewer: no thread waits while another still has a long queue.
  const counter = new SharedArrayBuffer(4);
  type Part = { diagnostics: Diagnostic[]; files: string[]; sources: Array<[string, string]>; editions: string[] };
  // This thread works too while the workers start: its modules are loaded and its schema compiled.
  const pending = Array.from({ length: workers - 1 }, () => runWorker<Part>(file, { counter, all: roots, cwd, lang }));
  const own = checkRoots(claimRoots(new Int32Array(counter), roots), cwd, lang, roots);
  const parts = await Promise.all(pending);
  const result: RootsResult = { diagnostics: own.diagnostics, files: own.files, sources: own.sources, editions: own.editions };
  for (const part of parts) {
    append(result.diagnostics, part.diagnostics);
    append(result.files, part.files);
    for (const [k, v] of part.sources) result.sources.set(k, v);
    for (const dir of part.editions) {
      const edition = loadEdition(dir);
      result.editions.set(edition.id, edition);
    }
  }
  result.files.sort();
  result.diagnostics = sortDiagnostics(result.diagnostics);
  return result;
}
