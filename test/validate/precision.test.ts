// Precision on official text: each reference table imported with the real CLI into a county catalog, then validated.
// Every finding must be in test/fixtures/precision/expected.yaml with a reason; a new finding on these tables is a
// bug until a reason is argued there. Reasons that can be checked against the bundled edition are checked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixtures, gkProcess, repoRoot } from '../helpers.js';
import { loadEdition } from '../../src/load/edition.js';
import { ELEMENT_NAMES } from '../../src/model/elements.js';
import type { ItemField } from '../../src/model/types.js';

const tables = path.join(fixtures, 'reference', 'standard');
const csvs = fs.readdirSync(tables).filter((f) => f.endsWith('.csv')).sort();
const expected = parse(fs.readFileSync(path.join(fixtures, 'precision', 'expected.yaml'), 'utf8')) as {
  reasons: Record<string, { code: string; why: string }>;
  findings: Record<string, Array<[string, string]>>;
};
const edition = loadEdition(path.join(repoRoot, 'catalogs', 'standard', 'national-2020'));

interface Finding {
  code: string;
  file: string;
  message: string;
  range: { start: { line: number; column: number } };
}

let dir = '';
let found = new Map<string, string[]>();

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-precision-'));
  fs.writeFileSync(path.join(dir, 'gk.yaml'), 'name: 示例县人民政府\ncode: "410999"\nlevel: county\nstandard: national-2020\n');
  const imported = gkProcess(['import', ...csvs.map((f) => path.join(tables, f))], dir);
  // 1: the import validates what it wrote, and the tables are incomplete
  expect(imported.code, imported.err).toBe(1);
  const validated = gkProcess(['validate', '--format', 'json', '--max-repeats', '0', '.'], dir);
  expect(validated.code, validated.err).toBe(1);
  found = new Map(csvs.map((f) => [f.replace(/\.csv$/, ''), []]));
  for (const d of (JSON.parse(validated.out) as { diagnostics: Finding[] }).diagnostics) {
    const domain = /^catalog\/([a-z-]+)\.yaml$/.exec(d.file)?.[1] ?? d.file;
    if (!found.has(domain)) found.set(domain, []);
    found.get(domain)!.push(`${d.code} ${d.range.start.line}:${d.range.start.column} ${d.message}`);
  }
}, 120_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('findings on the official reference tables, imported as a county catalog', () => {
  it('the expected list covers every table, and every reason names the one rule it is for', () => {
    expect(Object.keys(expected.findings).sort()).toEqual(csvs.map((f) => f.replace(/\.csv$/, '')));
    for (const list of Object.values(expected.findings)) {
      for (const [reason, finding] of list) {
        expect(expected.reasons[reason], `${reason}: ${finding}`).toBeDefined();
        expect(finding.split(' ')[0], finding).toBe(expected.reasons[reason]!.code);
      }
    }
  });

  it.each(csvs.map((f) => f.replace(/\.csv$/, '')))('%s: exactly the expected findings', (domain) => {
    expect(found.get(domain)).toEqual(expected.findings[domain]!.map(([, finding]) => finding));
  });

  it('nothing is found outside the catalog files (gk.yaml, other files)', () => {
    expect([...found.keys()].filter((k) => !expected.findings[k])).toEqual([]);
  });

  it('not-in-table: each element a county is asked for is empty in the bundled edition’s item', () => {
    const byName = new Map(Object.entries(ELEMENT_NAMES).map(([field, n]) => [n.zh, field as ItemField]));
    const checked = Object.entries(expected.findings).flatMap(([domain, list]) =>
      list
        .filter(([reason]) => reason === 'not-in-table')
        .map(([, finding]) => {
          // one finding listing the elements, or the subject alone when that is all the item lacks
          const m = /须在本地补充\d+项要素：(.+)（国家标准事项 (\S+) 未提供/.exec(finding) ?? /事项“(\S+)”缺少(公开主体)：/.exec(finding);
          expect(m, finding).not.toBeNull();
          const [names, id] = m![2] === '公开主体' ? ['公开主体', standardOf(domain, m![1]!)] : [m![1]!, m![2]!];
          const national = edition.items.get(id);
          expect(national, finding).toBeDefined();
          for (const name of names.split('、')) expect(national![byName.get(name)!], `${finding}: ${name}`).toBeUndefined();
          return finding;
        }),
    );
    expect(checked.length).toBeGreaterThan(0);
  });

  it('copied-subject: each subject is the bundled edition’s own wording for that item', () => {
    for (const [reason, finding] of Object.values(expected.findings).flat()) {
      if (reason !== 'copied-subject') continue;
      const m = /公开主体“(.+)”与国家标准目录事项 (\S+) 的原文相同/.exec(finding);
      expect(m, finding).not.toBeNull();
      expect(edition.items.get(m![2]!)?.subject, finding).toBe(m![1]);
    }
  });
});

/** The national item an imported item carries (`standard:`), from the catalog gk import wrote. */
function standardOf(domain: string, id: string): string {
  const catalog = parse(fs.readFileSync(path.join(dir, 'catalog', `${domain}.yaml`), 'utf8')) as { items: Array<{ id: string; standard?: string }> };
  return catalog.items.find((item) => item.id === id)?.standard ?? '';
}

/** The reference tables beside the repository (absent on CI's clean clone, where the copies are what is tested). */
const reference = [path.resolve(repoRoot, '..', 'shared', 'reference', 'standard'), path.resolve(repoRoot, '..', '..', 'shared', 'reference', 'standard')].find((d) =>
  fs.existsSync(d),
);

describe.runIf(reference !== undefined)('the copies of the reference tables', () => {
  it('are byte for byte the tables in ../shared/reference/standard', () => {
    const originals = fs.readdirSync(reference!).filter((f) => f.endsWith('.csv')).sort();
    expect(csvs).toEqual(originals);
    for (const f of csvs) expect(fs.readFileSync(path.join(tables, f)).equals(fs.readFileSync(path.join(reference!, f))), f).toBe(true);
  });
});
