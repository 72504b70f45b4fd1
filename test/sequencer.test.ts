// The long files the sequencer starts first on a clean clone exist and belong to npm test: a renamed or moved file would
// otherwise drop out of the list unseen and start wherever vitest puts it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';
import { LONG_FILES } from './sequencer.js';

describe('the long files started first', () => {
  it('are test files of the default suite, each named once', () => {
    expect(new Set(LONG_FILES).size).toBe(LONG_FILES.length);
    for (const file of LONG_FILES) {
      expect(fs.existsSync(path.join(repoRoot, file)), file).toBe(true);
      expect(file, file).toMatch(/^test\/.+(?<!\.scale)\.test\.ts$/);
    }
  });
});
