// Worker thread body: checks a share of the governments and posts back what the report needs.
import { parentPort, workerData } from 'node:worker_threads';
import { checkRoots } from './validate.js';
import type { Lang } from './types.js';

const { roots, all, cwd, lang } = workerData as { roots: string[]; all: string[]; cwd: string; lang: Lang };
const result = checkRoots(roots, cwd, lang, all);
parentPort!.postMessage({
  diagnostics: result.diagnostics,
  files: result.files,
  sources: [...result.sources],
  editions: [...result.editions.values()].map((e) => e.dir),
});
