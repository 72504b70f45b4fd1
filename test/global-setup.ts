// Before the test files run: one temporary folder for what the run's workers keep until they exit (each worker's
// Chromium home, test/browser.ts), removed after the last file, since a worker may be ended without its exit handlers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's temporary folder (see test/global-setup.ts). */
    runTmp: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-test-run-'));
  project.provide('runTmp', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
