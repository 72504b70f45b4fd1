// Opt-in scale suite (npm run test:scale): gk import on a 2 MB CSV, every row an item. How fast is for npm run bench;
// the default suite imports a CSV three times the 64 KB dialect sample (bad-input.test.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { importsEveryRow, largeCsv } from './fixtures.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-import-large-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('gk import at scale', () => {
  it('reads a 2 MB CSV, every row an item', async () => {
    const csv = largeCsv(2 * 1024 * 1024);
    fs.writeFileSync(path.join(tmp, 'big.csv'), csv.text);
    await importsEveryRow(tmp, csv.items);
  });
});
