// Worker thread body: collects the facts of one share of a workspace's governments and posts them back.
import { parentPort, workerData } from 'node:worker_threads';
import type { Lang } from '../model/types.js';
import { diskFiles, openWorkspace } from '../load/workspace.js';
import { collectGovernments } from './collect.js';
import type { GovernmentDates } from './types.js';

interface Input {
  roots: string[];
  share: string[];
  cwd: string;
  lang: Lang;
  base: string;
  dates?: Array<[string, GovernmentDates]>;
}

const input = workerData as Input;
// The whole tree (manifests only), so parents checked by another worker are found.
const workspace = openWorkspace(diskFiles(input.roots, input.cwd, input.lang), input.lang);
const { governments, editions } = collectGovernments(
  workspace,
  { lang: input.lang, base: input.base, dates: input.dates ? new Map(input.dates) : undefined },
  new Set(input.share),
);
parentPort!.postMessage({ governments, editions: editions.map((e) => e.dir) });
