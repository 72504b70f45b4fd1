// Spreads `checkRoots` over worker threads when there are enough governments for it to pay.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sortDiagnostics } from './diagnostic.js';
import { exists } from './io/files.js';
import { loadEdition } from './standard/edition.js';
import type { Diagnostic, Lang } from './types.js';
import { checkRoots, type RootsResult } from './validate.js';

/** Below this many governments a worker's start-up costs more than it saves. */
const MIN_ROOTS_PER_WORKER = 8;

export function defaultJobs(): number {
  return Math.max(1, Math.min(8, os.availableParallelism()));
}

function workerFile(): string | undefined {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'validate-worker.js');
  // Running from TypeScript sources (tests) there is no compiled worker: check in this thread instead.
  return exists(file) ? file : undefined;
}

export async function checkRootsParallel(roots: readonly string[], cwd: string, lang: Lang, jobs = defaultJobs()): Promise<RootsResult> {
  const file = workerFile();
  const workers = Math.min(jobs, Math.floor(roots.length / MIN_ROOTS_PER_WORKER));
  if (!file || workers < 2) return checkRoots(roots, cwd, lang);
  const shares: string[][] = Array.from({ length: workers }, () => []);
  roots.forEach((root, i) => shares[i % workers]!.push(root));
  const parts = await Promise.all(
    shares.map(
      (share) =>
        new Promise<{ diagnostics: Diagnostic[]; files: string[]; sources: Array<[string, string]>; editions: string[] }>((resolve, reject) => {
          const worker = new Worker(file, { workerData: { roots: share, all: roots, cwd, lang }, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`validate worker exited with code ${code}`)));
        }),
    ),
  );
  const result: RootsResult = { diagnostics: [], files: [], sources: new Map(), editions: new Map() };
  for (const part of parts) {
    result.diagnostics.push(...part.diagnostics);
    result.files.push(...part.files);
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
