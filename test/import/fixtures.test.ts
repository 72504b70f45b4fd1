// The committed import fixtures are what test/import/fixtures.ts makes (GK_WRITE_FIXTURES=1 rewrites them).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/import/plan.js';
import { fixtures } from '../helpers.js';
import { BINARY_FIXTURES } from './fixtures.js';

const dir = path.join(fixtures, 'import');

describe('import fixtures', () => {
  for (const [name, make] of Object.entries(BINARY_FIXTURES)) {
    it(`${name} is what the generator makes`, async () => {
      const fresh = await make();
      const file = path.join(dir, name);
      if (process.env.GK_WRITE_FIXTURES === '1') fs.writeFileSync(file, fresh);
      const committed = new Uint8Array(fs.readFileSync(file));
      // xlsx files carry zip timestamps: compare what they hold, not their bytes
      const a = await readInput({ display: name, bytes: committed }, 'zh');
      const b = await readInput({ display: name, bytes: fresh }, 'zh');
      expect(a.tables.map((t) => t.rows)).toEqual(b.tables.map((t) => t.rows));
      if (!name.endsWith('.xlsx')) expect(Buffer.from(committed).equals(Buffer.from(fresh))).toBe(true);
    });
  }
});
