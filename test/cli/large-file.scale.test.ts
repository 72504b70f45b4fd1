// Opt-in scale suite (npm run test:scale; CI runs it after npm test): a 50 MB catalog file is read, checked, and
// a finding near its end located. How fast is for npm run bench; this checks that it works at all at this size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogText } from '../../bench/generate.js';
import { gk } from '../helpers.js';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-validate-large-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

const GK_YAML = 'name: 示例县人民政府\ncode: "410000"\nlevel: county\nstandard: national-2020\n';

function government(name: string, catalog: string): string {
  const dir = path.join(tmpRoot, name);
  fs.mkdirSync(path.join(dir, 'catalog'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'gk.yaml'), GK_YAML);
  fs.writeFileSync(path.join(dir, 'catalog', 'fiscal-budget.yaml'), catalog);
  return dir;
}

async function codes(dir: string): Promise<{ code: number; found: Array<{ code: string; line: number }> }> {
  const r = await gk(['validate', '--format', 'json', dir], dir);
  const json = JSON.parse(r.out) as { diagnostics: Array<{ code: string; range: { start: { line: number } } }> };
  return { code: r.code, found: json.diagnostics.map((d) => ({ code: d.code, line: d.range.start.line })) };
}

describe('gk validate at scale', () => {
  it('a 50 MB file is read and checked, and a finding near its end is located', async () => {
    // The bench's clean synthetic items, as many as make 50 MB, then one whose id is taken.
    const perItem = Buffer.byteLength(catalogText('fiscal-budget', 100, '安山县', 7)) / 100;
    const count = Math.ceil(51_000_000 / perItem);
    const clean = catalogText('fiscal-budget', count, '安山县', 7);
    const dupLine = clean.split('\n').length;
    const lines = clean.split('\n');
    const first = lines.slice(2, lines.findIndex((l, i) => i > 2 && l.startsWith('  - id:')));
    const text = `${clean}${first.join('\n')}\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(50_000_000);
    const r = await codes(government('huge', text));
    expect(r.code).toBe(1);
    expect(r.found.map((d) => d.code)).toEqual(['duplicate-id']);
    expect(r.found[0]!.line).toBe(dupLine);
  });
});
