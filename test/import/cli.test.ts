// gk import's options and refusals: --force, --domain, --sheet, --edition, a gk.yaml above --out, and the real binary.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadEdition } from '../../src/load/edition.js';
import { fixtures, gk, gkProcess, repoRoot } from '../helpers.js';

const dir = path.join(fixtures, 'import');
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

function workspace(...names: string[]): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-import-cli-'));
  temps.push(tmp);
  for (const n of names) fs.copyFileSync(path.join(dir, n), path.join(tmp, n));
  return tmp;
}

describe('gk import options', () => {
  it('refuses to overwrite an existing file without --force (exit 2), overwrites with it', async () => {
    const tmp = workspace('gbk.csv');
    fs.mkdirSync(path.join(tmp, 'catalog'));
    fs.writeFileSync(path.join(tmp, 'catalog', 'fiscal-budget.yaml'), 'domain: fiscal-budget\nitems: []\n');
    const refused = await gk(['import', 'gbk.csv'], tmp);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe('gk: catalog/fiscal-budget.yaml 已存在；如需覆盖请加 --force\n');
    expect((await gk(['--lang', 'en', 'import', 'gbk.csv'], tmp)).err).toBe('gk: catalog/fiscal-budget.yaml already exists; pass --force to overwrite\n');
    expect(fs.readFileSync(path.join(tmp, 'catalog', 'fiscal-budget.yaml'), 'utf8')).toBe('domain: fiscal-budget\nitems: []\n');
    const forced = await gk(['import', 'gbk.csv', '--force'], tmp);
    expect(forced.code).toBe(0);
    expect(parse(fs.readFileSync(path.join(tmp, 'catalog', 'fiscal-budget.yaml'), 'utf8')).items).toHaveLength(3);
  });

  it('--domain takes an id or a Chinese name and wins over the title; an unknown one is misuse', async () => {
    const tmp = workspace('gbk.csv');
    const r = await gk(['import', 'gbk.csv', '--domain', '社会救助', '--out', 'x'], tmp);
    expect(r.out).toContain('领域：社会救助（social-assistance），由 --domain 指定');
    expect(fs.existsSync(path.join(tmp, 'x', 'social-assistance.yaml'))).toBe(true);
    const bad = await gk(['import', 'gbk.csv', '--domain', '不存在的领域'], tmp);
    expect(bad.code).toBe(2);
  });

  it('says so when it cannot tell the domain (exit 2)', async () => {
    const tmp = workspace();
    fs.writeFileSync(path.join(tmp, 'list.csv'), '序号,事项名称,公开内容,公开依据\n1,某某事项,某某内容,《某某条例》\n');
    const r = await gk(['import', 'list.csv'], tmp);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/无法判断该表格属于哪个领域.*--domain/);
    expect((await gk(['--lang', 'en', 'import', 'list.csv'], tmp)).err).toMatch(/cannot tell which domain.*--domain/);
  });

  it('--sheet picks one table; an unknown sheet is misuse', async () => {
    const tmp = workspace('portal.html');
    const r = await gk(['import', 'portal.html', '--sheet', '2'], tmp);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('表格 1');
    const bad = await gk(['import', 'portal.html', '--sheet', '9'], tmp);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('没有名为或序号为“9”的工作表或表格');
    expect((await gk(['--lang', 'en', 'import', 'portal.html', '--sheet', '9'], tmp)).err).toContain('no sheet or table "9"');
  });

  it('refuses an old .xls workbook with advice (exit 2)', async () => {
    const tmp = workspace();
    fs.writeFileSync(path.join(tmp, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const r = await gk(['import', 'old.xls'], tmp);
    expect(r.code).toBe(2);
    expect(r.err).toContain('另存为 .xlsx');
    expect((await gk(['--lang', 'en', 'import', 'old.xls'], tmp)).err).toContain('save it as .xlsx');
  });

  it('validates against the gk.yaml above --out: its level and its edition', async () => {
    const tmp = workspace('checkmark-glyph.txt');
    fs.writeFileSync(path.join(tmp, 'gk.yaml'), 'name: 示例镇人民政府\ncode: "410999001"\nlevel: township\nstandard: national-2020\n');
    const r = await gk(['import', 'checkmark-glyph.txt'], tmp);
    expect(r.out).not.toContain('之上没有 gk.yaml');
    // two of the three items are 县级 only, which a township catalog is warned about (finding lines, not the explain hint)
    expect(r.out.match(/^ +\d+:\d+ .*level-mismatch$/gm)).toHaveLength(2);
    expect(r.code).toBe(0);
  });

  it('--edition writes a standard edition in the national format, partial unless --complete', async () => {
    const tmp = workspace('two-row-merged.xlsx');
    const r = await gk(['import', 'two-row-merged.xlsx', '--edition', 'editions/county-2024'], tmp);
    expect(r.code).toBe(0);
    const out = path.join(tmp, 'editions', 'county-2024');
    expect(fs.readdirSync(out).sort()).toEqual(['.gk-output.json', 'edition.yaml', 'social-assistance.yaml']);
    await expect(fs.readFileSync(path.join(out, 'edition.yaml'), 'utf8')).toMatchFileSnapshot('./__golden__/edition/edition.yaml');
    await expect(fs.readFileSync(path.join(out, 'social-assistance.yaml'), 'utf8')).toMatchFileSnapshot('./__golden__/edition/social-assistance.yaml');
    const edition = loadEdition(out);
    expect(edition.partial).toBe(true);
    // the row without 二级事项 is kept: an edition holds what the official table holds
    expect([...edition.items.keys()]).toEqual(['social-assistance/1', 'social-assistance/2', 'social-assistance/3', 'social-assistance/4', 'social-assistance/5', 'social-assistance/6', 'social-assistance/7']);

    const again = await gk(['import', 'two-row-merged.xlsx', '--edition', 'editions/county-2024', '--complete'], tmp);
    expect(again.code).toBe(2);
    const complete = await gk(['import', 'two-row-merged.xlsx', '--edition', 'editions/county-2024', '--complete', '--force'], tmp);
    expect(complete.code).toBe(0);
    expect(parse(fs.readFileSync(path.join(out, 'edition.yaml'), 'utf8')).partial).toBe(false);
  });

  it('several files of one domain make one file: ids run on, a national item goes to one row', async () => {
    const tmp = workspace('gbk.csv');
    fs.copyFileSync(path.join(tmp, 'gbk.csv'), path.join(tmp, 'again.csv'));
    const r = await gk(['import', 'gbk.csv', 'again.csv'], tmp);
    const items = parse(fs.readFileSync(path.join(tmp, 'catalog', 'fiscal-budget.yaml'), 'utf8')).items as Array<{ id: string; standard?: string }>;
    expect(items.map((i) => i.id)).toEqual(['fiscal-budget-01', 'fiscal-budget-02', 'fiscal-budget-03', 'fiscal-budget-04', 'fiscal-budget-05', 'fiscal-budget-06']);
    expect(items.map((i) => i.standard)).toEqual(['fiscal-budget/1', 'fiscal-budget/2', 'fiscal-budget/x3', undefined, undefined, undefined]);
    expect(r.out).toContain('第 3 行  与国家标准事项 fiscal-budget/1“政府预算”相近，但该事项已对应 gbk.csv 第 3 行，未填写 standard');
  });

  it('--complete without --edition is misuse', async () => {
    expect((await gk(['import', 'x.csv', '--complete'], workspace())).code).toBe(2);
  });

  it('runs as the real binary', () => {
    const tmp = workspace('bom.csv');
    const r = gkProcess(['import', 'bom.csv'], tmp);
    expect(r.code).toBe(0);
    expect(r.out).toContain('catalog/employment.yaml  3 项');
  });
});

/** The reference tables, as copied into the fixtures (test/validate/precision.test.ts keeps the copies equal to ../shared). */
const reference = path.join(repoRoot, 'test', 'fixtures', 'reference', 'standard');

describe('gk import --edition on the official tables', () => {
  it('reads every reference table into the rows catalogs/standard/national-2020 holds', async () => {
    const tmp = workspace();
    const national = path.join(repoRoot, 'catalogs', 'standard', 'national-2020');
    const fields = ['id', 'seq', 'category', 'name', 'content', 'basis', 'deadline', 'subject', 'channels', 'audience', 'mode', 'levels', 'levelsAsWritten'];
    const tables = fs.readdirSync(reference).filter((f) => f.endsWith('.csv')).sort();
    expect(tables.length).toBeGreaterThan(20);
    for (const file of tables) {
      const domain = file.replace(/\.csv$/, '');
      const r = await gk(['import', path.join(reference, file), '--edition', domain, '--domain', domain], tmp);
      expect([domain, r.code, r.err]).toEqual([domain, 0, '']);
      const mine = parse(fs.readFileSync(path.join(tmp, domain, `${domain}.yaml`), 'utf8')).items as Array<Record<string, unknown>>;
      const theirs = parse(fs.readFileSync(path.join(national, `${domain}.yaml`), 'utf8')).items as Array<Record<string, unknown>>;
      // A row without 序号 is numbered x<row> by import; the bundled edition pins those ids instead, so that they stay
      // what was first published (catalogs/standard/build-national-2020.mjs, test/standard/ids.test.ts). Such ids are
      // compared as "some x id", distinct within the table; every other id and every value must be equal.
      const unnumbered = (id: unknown) => typeof id === 'string' && /\/x\d+$/.test(id);
      const pick = (items: Array<Record<string, unknown>>) =>
        items.map((i) => Object.fromEntries(fields.filter((f) => i[f] !== undefined).map((f) => [f, f === 'id' && unnumbered(i[f]) ? `${domain}/x…` : i[f]])));
      expect(pick(mine)).toEqual(pick(theirs));
      const xIds = mine.map((i) => i.id).filter(unnumbered);
      expect(new Set(xIds).size).toBe(xIds.length);
    }
  });
});
