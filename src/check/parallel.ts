// Spreads `checkRoots` over worker threads when there are enough governments for it to pay.
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { append, sortDiagnostics } from '../model/diagnostic.js';
import { exists } from '../io/files.js';
import { loadEdition } from '../load/edition.js';
import type { Diagnostic, Lang } from '../model/types.js';
import { checkRoots, type RootsResult } from './validate.js';

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

/**
 * The young generation of a worker that loads governments one after another, in MB (V8 makes a third of it each of
 * its two semi-spaces). Everything a government's parse leaves is garbage once its checks are done, so a small young
 * generation that stays in the processor's caches costs less than V8's default, which grows to 16 MB semi-spaces:
 * validating the bench city (100 governments) with 2 MB semi-spaces took 0.93× the CPU time and 0.67× the peak
 * memory (issue 12). The main thread's young generation is fixed when the process starts, so the work goes to workers.
 */
export const WORKER_YOUNG_GENERATION_MB = 6;

/**
 * Before workers start: young-generation collections then run on the thread that fills its young generation, not
 * spread over helper threads, for every core already runs a worker and the helpers only wait for each other.
 * Validating the bench city took 0.92x the CPU and 0.90x the wall time so (farm-bench, 6 pairs, load 2.5-3.7; issue
 * 12). A process working alone keeps the helpers (a one-county validate was 1.04x slower without them). V8 reads the
 * setting at each collection; code compiled after it is not taken from the code cache, whose flags differ.
 */
export function scavengeInEachThread(): void {
  v8.setFlagsFromString('--no-parallel-scavenge');
}

/** Runs one worker to completion: its one message, or its error, or a non-zero exit. */
export function runWorker<T>(file: string, workerData: unknown, options: { resourceLimits?: ResourceLimits } = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(file, { workerData, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, ...options.resourceLimits } });
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
  // Every government is checked in a worker, this thread only waits: a worker's young generation can be set small
  // (WORKER_YOUNG_GENERATION_MB), this thread's cannot, and the start-up of one more worker costs less than it saves.
  scavengeInEachThread();
  const pending = Array.from({ length: workers }, () => runWorker<Part>(file, { counter, all: roots, cwd, lang }));
  const parts = await Promise.all(pending);
  const result: RootsResult = { diagnostics: [], files: [], sources: new Map(), editions: new Map() };
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
