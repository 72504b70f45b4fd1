// Worker thread body: checks governments as it claims them and posts back what the report needs.
import { parentPort, workerData } from 'node:worker_threads';
import { checkRoots, claimRoots } from './validate.js';
import type { Lang } from '../model/types.js';

const { counter, all, cwd, lang } = workerData as { counter: SharedArrayBuffer; all: string[]; cwd: string; lang: Lang };
const result = checkRoots(claimRoots(new Int32Array(counter), all), cwd, lang, all);
parentPort!.postMessage({
  diagnostics: result.diagnostics,
  files: result.files,
  sources: [...result.sources],
  editions: [...result.editions.values()].map((e) => e.dir),
});
