// gk import on real-looking tables: each fixture imports into a catalog that validates, with the report naming every skip and guess.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixtures, gk } from '../helpers.js';

const dir = path.join(fixtures, 'import');
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

/** A fresh folder holding the fixture and a schemas/ folder, so the modeline path is the same on every machine. */
function workspace(...names: string[]): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-import-'));
  temps.push(tmp);
  fs.mkdirSync(path.join(tmp, 'schemas'));
  fs.writeFileSync(path.join(tmp, 'schemas', 'catalog.schema.json'), '{}\n');
  for (const n of names) fs.copyFileSync(path.join(dir, n), path.join(tmp, n));
  return tmp;
}

async function importFixture(name: string, args: string[] = [], lang: 'zh' | 'en' = 'zh') {
  const tmp = workspace(name);
  const r = await gk(['--lang', lang, 'import', name, ...args], tmp);
  const outDir = path.join(tmp, 'catalog');
  const files = fs.existsSync(outDir) ? fs.readdirSync(outDir).sort() : [];
  const yaml = new Map(files.map((f) => [f, fs.readFileSync(path.join(outDir, f), 'utf8')]));
  return { ...r, tmp, yaml };
}

function itemsOf(text: string): Array<Record<string, unknown>> {
  return (parse(text) as { items: Array<Record<string, unknown>> }).items;
}

const CASES: Array<{ file: string; domain: string; items: number; skipped: number; code: number }> = [
  { file: 'two-row-merged.xlsx', domain: 'social-assistance', items: 6, skipped: 1, code: 1 },
  { file: 'unusual-order.xlsx', domain: 'elderly-care', items: 3, skipped: 0, code: 0 },
  { file: 'gbk.csv', domain: 'fiscal-budget', items: 3, skipped: 0, code: 0 },
  { file: 'bom.csv', domain: 'employment', items: 3, skipped: 0, code: 0 },
  { file: 'portal.html', domain: 'work-safety', items: 5, skipped: 0, code: 0 },
  { file: 'checkmark-glyph.txt', domain: 'household-registration', items: 3, skipped: 0, code: 0 },
];

describe('gk import fixtures', () => {
  for (const c of CASES) {
    it(`${c.file} → catalog/${c.domain}.yaml`, async () => {
      const r = await importFixture(c.file);
      expect(r.err).toBe('');
      expect([...r.yaml.keys()]).toEqual([`${c.domain}.yaml`]);
      const text = r.yaml.get(`${c.domain}.yaml`)!;
      expect(itemsOf(text)).toHaveLength(c.items);
      // the written files validate: no error diagnostics in the report
      expect(r.out).toMatch(/✔ 写入的文件校验通过/);
      expect(r.code).toBe(c.code);
      await expect(r.out).toMatchFileSnapshot(`./__golden__/${c.file}.report.txt`);
      await expect(text).toMatchFileSnapshot(`./__golden__/${c.file}.yaml`);
    });
  }

  it('reports in English with --lang en', async () => {
    const r = await importFixture('two-row-merged.xlsx', [], 'en');
    await expect(r.out).toMatchFileSnapshot('./__golden__/two-row-merged.xlsx.report.en.txt');
  });
});
