// Where gk import writes (issue 9): only inside --out, under domain ids of one safe shape, and only after the gk.yaml
// above --out has passed its schema; `--domain` takes known ids and Chinese names and suggests the id a typo meant.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseDomain } from '../../src/import/domain.js';
import { containedPath, isSafeRelative } from '../../src/io/output-dir.js';
import { isDomainId } from '../../src/check/schema/generate.js';
import { DOMAIN_IDS, DOMAIN_NAMES } from '../../src/model/types.js';
import { gk } from '../helpers.js';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

const TABLE = '二级事项,公开内容,公开依据\n预算,预算表,《预算法》\n';

/** A catalog project `proj/` (gk.yaml + catalog/) beside the table `t.csv`, in a fresh temp folder. */
function project(manifest: string): { tmp: string; proj: string } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-import-safety-'));
  temps.push(tmp);
  const proj = path.join(tmp, 'proj');
  fs.mkdirSync(path.join(proj, 'catalog'), { recursive: true });
  fs.writeFileSync(path.join(proj, 'gk.yaml'), manifest);
  fs.writeFileSync(path.join(tmp, 't.csv'), TABLE);
  return { tmp, proj };
}

function filesBelow(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort();
}

const COUNTY = 'name: 示例县人民政府\ncode: "410999"\nlevel: county\nstandard: national-2020\n';

describe('path traversal through local domains', () => {
  it('a gk.yaml declaring the domain "../../pwned" is reported, not used: nothing written anywhere', async () => {
    const { tmp, proj } = project(`${COUNTY}domains:\n  "../../pwned": 恶意领域\n`);
    const before = filesBelow(tmp);
    const r = await gk(['import', 't.csv', '--domain', '恶意领域', '--out', 'proj/catalog'], tmp);
    expect(r.code).toBe(1);
    expect(r.err).toContain('proj/gk.yaml');
    expect(r.err).toContain('未导入：proj/gk.yaml 有错误');
    // the finding names the key, at the key, once (it said `domains "[object Object]" has the wrong form`, twice)
    expect(r.err).toContain('6:3  错误  domains中的键“../../pwned”格式不正确');
    expect(r.err).toContain('提示：领域编号只能用小写英文字母和数字');
    expect(r.err).not.toContain('[object Object]');
    expect(r.err.match(/格式不正确/g)).toHaveLength(1);
    expect(filesBelow(tmp)).toEqual(before);
    expect(fs.existsSync(path.join(path.dirname(tmp), 'pwned.yaml'))).toBe(false);
    expect(fs.existsSync(path.join(proj, 'catalog', 'pwned.yaml'))).toBe(false);
  });

  it('the key "../gk" with --force does not overwrite gk.yaml', async () => {
    const manifest = `${COUNTY}domains:\n  "../gk": 恶意领域\n`;
    const { tmp, proj } = project(manifest);
    const r = await gk(['--lang', 'en', 'import', 't.csv', '--domain', '恶意领域', '--out', 'proj/catalog', '--force'], tmp);
    expect(r.code).toBe(1);
    expect(r.err).toContain('nothing imported: proj/gk.yaml has errors');
    expect(r.err).toContain('key "../gk" of domains has the wrong form');
    expect(fs.readFileSync(path.join(proj, 'gk.yaml'), 'utf8')).toBe(manifest);
  });

  it('a well-formed local domain is written by its id, given by id or by name', async () => {
    const { tmp, proj } = project(`${COUNTY}domains:\n  general-affairs: 综合政务\n`);
    expect((await gk(['import', 't.csv', '--domain', '综合政务', '--out', 'proj/catalog'], tmp)).code).toBeLessThan(2);
    expect(filesBelow(path.join(proj, 'catalog'))).toEqual(['general-affairs.yaml']);
  });
});

describe('gk import --domain', () => {
  it('refuses an English id with a typo and names the one it meant', async () => {
    const { tmp } = project(COUNTY);
    const zh = await gk(['import', 't.csv', '--domain', 'rural-dilapidated-housng', '--out', 'proj/catalog'], tmp);
    expect(zh.code).toBe(2);
    expect(zh.err).toBe('gk: --domain：未知领域“rural-dilapidated-housng”；是否指 rural-dilapidated-housing（农村危房改造）？\n');
    const en = await gk(['--lang', 'en', 'import', 't.csv', '--domain', 'rural-dilapidated-housng'], tmp);
    expect(en.err).toBe('gk: --domain: unknown domain "rural-dilapidated-housng"; did you mean rural-dilapidated-housing (农村危房改造)?\n');
    expect(filesBelow(path.join(tmp, 'proj', 'catalog'))).toEqual([]);
    expect(fs.existsSync(path.join(tmp, 'catalog'))).toBe(false);
  });

  it('accepts a Chinese domain name, with or without 领域, and writes the file under its id', async () => {
    for (const name of ['农村危房改造', '农村危房改造领域']) {
      const { tmp, proj } = project(COUNTY);
      const r = await gk(['import', 't.csv', '--domain', name, '--out', 'proj/catalog'], tmp);
      expect(r.code, r.err).toBeLessThan(2);
      expect(filesBelow(path.join(proj, 'catalog'))).toEqual(['rural-dilapidated-housing.yaml']);
    }
  });

  it('chooses among known domains only; a new id is for a new edition, and never one a typo away', () => {
    const known = new Map<string, string>(DOMAIN_IDS.map((id) => [id, DOMAIN_NAMES[id]]));
    expect(chooseDomain('social-assistance', known, false)).toEqual({ ok: true, domain: 'social-assistance' });
    expect(chooseDomain(' 社会救助 ', known, false)).toEqual({ ok: true, domain: 'social-assistance' });
    expect(chooseDomain('危房改造', known, false)).toEqual({ ok: true, domain: 'rural-dilapidated-housing' });
    expect(chooseDomain('Social_Assistance', known, false)).toEqual({ ok: false, suggestion: 'social-assistance' });
    expect(chooseDomain('社会救助事项目录', known, false)).toEqual({ ok: false, suggestion: 'social-assistance' });
    expect(chooseDomain('mining-safety', known, false)).toEqual({ ok: false });
    expect(chooseDomain('mining-safety', known, true)).toEqual({ ok: true, domain: 'mining-safety' });
    expect(chooseDomain('social-asistance', known, true)).toEqual({ ok: false, suggestion: 'social-assistance' });
    expect(chooseDomain('../../pwned', known, true)).toEqual({ ok: false });
  });
});

describe('one shape of domain id, one check of every written path', () => {
  it('domain ids are lowercase ASCII words joined by single hyphens; all 26 are', () => {
    for (const id of DOMAIN_IDS) expect(isDomainId(id), id).toBe(true);
    for (const bad of ['../gk', '../../pwned', 'a/b', 'A-b', '-a', 'a-', 'a--b', 'a_b', '1a', '', 'a.b', '社会救助', 'x'.repeat(65)]) expect(isDomainId(bad), bad).toBe(false);
  });

  it('a written path must lie inside its folder', () => {
    const dir = path.join(os.tmpdir(), 'gk-target');
    expect(containedPath(dir, 'csv/a.csv')).toBe(path.join(dir, 'csv', 'a.csv'));
    for (const bad of ['../x', '/etc/passwd', 'a/../../b', 'a/./b', '', 'a//b', 'a\\..\\b', '.gk-output.json', 'C:/x']) {
      expect(isSafeRelative(bad), bad).toBe(false);
      expect(() => containedPath(dir, bad), bad).toThrow(/outside|not inside/);
    }
  });
});
