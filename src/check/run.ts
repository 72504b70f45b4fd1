// What `gk validate` checks in one run: the governments below its paths (or one file from standard input), with the
// local rules their gk.yaml files name.
import path from 'node:path';
import { loadRunRules } from './lint/local.js';
import { checkRootsParallel } from './parallel.js';
import { findManifestAbove } from '../load/government.js';
import type { Lang } from '../model/types.js';
import { checkRoots, type RootsResult } from './validate.js';
import { checkText } from './text.js';

export interface RunInput {
  roots: readonly string[];
  /** A file's text from standard input, checked as if saved at `file` (then `roots` is ignored). */
  stdin?: { file: string; bytes: Uint8Array };
  cwd: string;
  lang: Lang;
  jobs: number;
}

export async function checkRun(input: RunInput): Promise<RootsResult> {
  const { cwd, lang } = input;
  const stdinRoot = input.stdin && findManifestAbove(path.dirname(path.resolve(cwd, input.stdin.file)));
  const local = await loadRunRules(input.stdin ? (stdinRoot ? [stdinRoot] : []) : input.roots, cwd, lang);
  const homes = local.homes;
  const config = local.rules ? { rules: local.rules } : {};
  let result: RootsResult;
  if (input.stdin) result = checkText(input.stdin.file, input.stdin.bytes, cwd, lang, config);
  // Worker threads import gk's own rules only, so a run with local rules stays on this thread.
  else if (local.rules) result = checkRoots(input.roots, cwd, lang, input.roots, config);
  else result = await checkRootsParallel(input.roots, cwd, lang, input.jobs);
  if (local.diagnostics.length > 0) {
    result.diagnostics.push(...local.diagnostics);
    for (const home of homes) if (local.diagnostics.some((d) => d.file === home.manifest.display)) result.sources.set(home.manifest.display, home.manifest.text);
  }
  return result;
}
