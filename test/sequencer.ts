// The order test files start in. Vitest runs the files that took longest last time first, from its results cache
// (node_modules/.vite); a clean clone, as in CI, has no cache, and vitest then keeps the order it found the files in
// (by folder name), which put the Chromium screen suite — the longest — behind some sixty others, to run on alone at
// the end. Without a cache, the files known to be long start first, longest first, and the short ones fill in around them.
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Longest first, by per-file wall time in a full run of the suite (December 2026, 20:19, 2 workers, load 8-9 from other
 * work, so about 1.6 times a quiet machine's): the on-screen city 53 s, install 48 s (mostly waiting on npm), on-screen
 * example 38 s, hostile files 30 s, print 25 s, output 23 s, build 22 s, on-screen workspace 20 s, workspace 17 s,
 * leftovers, versions and bundle 13-14 s, streams 13 s, browser 12 s, the report's print 11 s and report 10 s, then 9 s
 * and less. Files not named keep vitest's order after these.
 */
export const LONG_FILES = [
  'test/publish/screen-city.browser.test.ts',
  'test/package/install.test.ts',
  'test/publish/screen-example.browser.test.ts',
  'test/hostile/files.test.ts',
  'test/publish/print.test.ts',
  'test/publish/output.test.ts',
  'test/publish/build.test.ts',
  'test/publish/screen-workspace.browser.test.ts',
  'test/publish/workspace.test.ts',
  'test/hostile/leftovers.test.ts',
  'test/diff/versions.test.ts',
  'test/cli/bundle.test.ts',
  'test/hostile/streams.test.ts',
  'test/publish/browser.test.ts',
  'test/report/print.test.ts',
  'test/report/report.test.ts',
  'test/cli/validate.test.ts',
  'test/publish/incremental.test.ts',
  'test/serve/live.test.ts',
];

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const cached = sorted.every((f) => this.ctx.cache.getFileTestResults(`${f.project.name}:${path.relative(root, f.moduleId)}`) !== undefined);
    if (cached) return sorted;
    const rank = (f: TestSpecification) => {
      const i = LONG_FILES.indexOf(path.relative(root, f.moduleId).split(path.sep).join('/'));
      return i === -1 ? LONG_FILES.length : i;
    };
    return sorted.map((f, i) => ({ f, i, r: rank(f) })).sort((a, b) => a.r - b.r || a.i - b.i).map(({ f }) => f);
  }
}
