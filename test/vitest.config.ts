// Vitest settings; kept under test/ so the top level stays as the project layout says.
// `npm test` runs test/**/*.test.ts except the scale suite (*.scale.test.ts: 50 MB files, a 2 MB import, hundreds of
// governments), which `npm run test:scale` runs (test/vitest.scale.config.ts) when asked; CI runs npm test.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './sequencer.js';

export default defineConfig({
  test: {
    root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/**/*.scale.test.ts'],
    // Many tests wait on a child process (gk, git, Chromium, LibreOffice): one test file per core, never fewer
    // than two, keeps the cores busy (vitest's default is one fewer than the cores: a single file at a time on two).
    maxWorkers: Math.max(2, os.availableParallelism()),
    // Test files share their worker's module graph instead of importing gk's sources afresh for each file: importing
    // (and transforming) src/ per file was most of the suite's CPU time. Tests keep no state in modules between files
    // (every test builds its own temporary folders and Io), but for the worker's one Chromium (test/browser.ts), which
    // each browser file uses in contexts of its own.
    isolate: false,
    // On a clean clone the long files (Chromium, the package install) start first; see sequencer.ts.
    sequence: { sequencer: LongestFirst },
    // A temporary folder for the run, removed after it (the workers' Chromium homes).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // git in tests (and in the gk processes they start) never reads the user's or the machine's git config.
    env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  },
});
