import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCatalogFile } from '../../src/load/catalog.js';
import { findLackingElements, planInit, SUBJECT_PLACEHOLDER } from '../../src/init/plan.js';
import { ELEMENT_NAMES, REQUIRED_ELEMENTS } from '../../src/model/elements.js';
import { parseYaml } from '../../src/load/yaml.js';
import { loadEdition } from '../../src/load/edition.js';
import type { Diagnostic } from '../../src/model/types.js';
import { defaultEdition } from '../../src/check/validate.js';
import { fixtures, gk, repoRoot } from '../helpers.js';

const testEdition = () => loadEdition(path.join(fixtures, 'diff', 'edition'));

function plan(level: 'county' | 'township', domains?: string[]) {
  return planInit({
    name: '测试县人民政府',
    code: '419999',
    level,
    edition: testEdition(),
    domains,
    catalogSchema: '../node_modules/gk/schemas/catalog.schema.json',
    manifestSchema: 'node_modules/gk/schemas/gk.schema.json',
    lang: 'zh',
  });
}

function joined(files: Map<string, string>): string {
  return [...files].map(([rel, text]) => `==> ${rel} <==\n${text}`).join('\n');
}

describe('planInit', () => {
  it('plans gk.yaml and one file per domain with every applicable national item', async () => {
    const files = plan('county');
    expect([...files.keys()]).toEqual(['gk.yaml', 'catalog/fiscal-budget.yaml', 'catalog/social-assistance.yaml', 'catalog/employment.yaml']);
    await expect(joined(files)).toMatchFileSnapshot('./__golden__/county.txt');
  });

  it('keeps a township to the items its level carries', () => {
    const text = plan('township').get('catalog/fiscal-budget.yaml')!;
    const items = readCatalogFile(parseYaml(text, 'x', 'zh').data, 'x').items;
    // fiscal-budget/3 is 县级 only; fiscal-budget/4 is 乡级 only; fiscal-budget/5 has no marks and applies
    expect(items.map((i) => [i.id, i.standard])).toEqual([
      ['fiscal-budget-01', 'fiscal-budget/1'],
      ['fiscal-budget-02', 'fiscal-budget/2'],
      ['fiscal-budget-03', 'fiscal-budget/4'],
      ['fiscal-budget-04', 'fiscal-budget/5'],
    ]);
    expect(plan('township').get('catalog/employment.yaml')).toContain('items: []');
  });

  it('writes only the chosen domains', () => {
    expect([...plan('county', ['employment']).keys()]).toEqual(['gk.yaml', 'catalog/employment.yaml']);
  });

  it('names the elements a partial national row lacks, without inventing them', () => {
    const edition = testEdition();
    expect(findLackingElements(edition.items.get('fiscal-budget/1')!)).toEqual([]);
    expect(findLackingElements(edition.items.get('employment/1')!)).toEqual(['content', 'basis', 'deadline', 'channels', 'audience', 'mode']);
    const text = plan('county').get('catalog/employment.yaml')!;
    expect(text).toContain('standard: employment/1  # 国家标准未提供，须本地补充：公开内容（要素）、公开依据、公开时限、公开渠道和载体、公开对象、公开方式');
    const item = readCatalogFile(parseYaml(text, 'x', 'zh').data, 'x').items[0]!;
    expect(Object.keys(item).sort()).toEqual(['id', 'standard', 'subject']);
    expect(item.subject).toBe(SUBJECT_PLACEHOLDER);
  });

  it('pads ids to the width of the count', () => {
    const edition = testEdition();
    const many = new Map(edition.items);
    for (let i = 6; i <= 120; i++) many.set(`fiscal-budget/${i}`, { id: `fiscal-budget/${i}`, domain: 'fiscal-budget', file: 'zz.yaml', index: i, name: `事项${i}` });
    const text = planInit({ name: '测试县人民政府', code: '419999', level: 'county', edition: { ...edition, items: many }, domains: ['fiscal-budget'], catalogSchema: 'x', manifestSchema: 'y', lang: 'zh' }).get('catalog/fiscal-budget.yaml')!;
    expect(text).toContain('- id: fiscal-budget-001\n');
    // 4 of the 5 fixture items apply to a county, plus 115 more
    expect(text).toContain('- id: fiscal-budget-119\n');
    expect(text).not.toContain('- id: fiscal-budget-120\n');
  });
});

describe('gk init', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-init-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const init = (...extra: string[]) => gk(['init', 'county', '--name', '示例县人民政府', '--code', '410000', '--level', 'county', ...extra], dir);

  it('writes gk.yaml and all 26 domains, with a modeline pointing at gk’s schema', async () => {
    const r = await init();
    expect(r.code).toBe(0);
    expect(r.out).toContain('已创建 27 个文件');
    const root = path.join(dir, 'county');
    expect(fs.readdirSync(path.join(root, 'catalog'))).toHaveLength(26);
    const text = fs.readFileSync(path.join(root, 'catalog', 'fiscal-budget.yaml'), 'utf8');
    const modeline = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)![1]!;
    expect(path.isAbsolute(modeline)).toBe(false);
    expect(path.resolve(root, 'catalog', modeline)).toBe(path.join(repoRoot, 'schemas', 'catalog.schema.json'));
    const manifest = fs.readFileSync(path.join(root, 'gk.yaml'), 'utf8');
    expect(path.resolve(root, /\$schema=(.+)$/m.exec(manifest)![1]!)).toBe(path.join(repoRoot, 'schemas', 'gk.schema.json'));
    expect(manifest).toContain('code: "410000"\n');
  });

  it('is followed by a validate that asks, once per item, only for the subject and the elements the standard lacks', async () => {
    expect((await init()).code).toBe(0);
    const r = await gk(['validate', 'county', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const diagnostics = JSON.parse(r.out).diagnostics as Diagnostic[];
    const found = diagnostics.map((d) => `${d.file} ${d.code} ${d.path.join('.')} ${d.code === 'missing-element' ? /须在本地补充\d+项要素：(.+)（国家标准事项/.exec(d.message)![1] : ''}`.trimEnd());
    const expected: string[] = [];
    const perItem = new Map<string, number>();
    const tally = new Map<string, number>();
    const edition = defaultEdition();
    for (const file of fs.readdirSync(path.join(dir, 'county', 'catalog')).sort()) {
      const rel = `county/catalog/${file}`;
      const catalog = readCatalogFile(parseYaml(fs.readFileSync(path.join(dir, rel), 'utf8'), rel, 'zh').data, rel);
      catalog.items.forEach((item, i) => {
        expected.push(`${rel} vague-subject items.${i}.subject`);
        const lacking = findLackingElements(edition.items.get(item.standard!)!);
        for (const f of lacking) tally.set(f, (tally.get(f) ?? 0) + 1);
        if (lacking.length > 0) expected.push(`${rel} missing-element items.${i}.standard ${lacking.map((f) => ELEMENT_NAMES[f].zh).join('、')}`);
      });
    }
    expect(expected.length).toBeGreaterThan(200);
    expect(found.sort()).toEqual(expected.sort());
    // the to-do list: at most two findings per item (its own 公开主体, and what else to fill in)
    for (const d of diagnostics) perItem.set(`${d.file} ${d.path[1]}`, (perItem.get(`${d.file} ${d.path[1]}`) ?? 0) + 1);
    expect(Math.max(...perItem.values())).toBe(2);
    expect([...perItem.values()].every((n) => n <= 2)).toBe(true);
    // and the summary counts the to-do list by element, in element order
    const summary = JSON.parse(r.out).summary as { elements: Record<string, number> };
    expect(summary.elements).toEqual(Object.fromEntries(REQUIRED_ELEMENTS.filter((f) => tally.has(f)).map((f) => [f, tally.get(f)])));
    expect(Object.keys(summary.elements).length).toBeGreaterThan(3);
    const text = await gk(['validate', 'county'], dir);
    const line = `须在本地补充的要素：${Object.entries(summary.elements).map(([f, n]) => `${ELEMENT_NAMES[f as keyof typeof ELEMENT_NAMES].zh} ${n} 项`).join('，')}`;
    expect(text.out.split('\n')).toContain(line);
    const en = await gk(['--lang', 'en', 'validate', 'county'], dir);
    expect(en.out).toContain(`elements to supply: content (公开内容) in ${summary.elements.content} items, `);
  });

  it('is followed by a diff showing 100% coverage', async () => {
    expect((await init()).code).toBe(0);
    const r = await gk(['diff', 'county'], dir);
    expect(r.out).toContain('覆盖率 100.0%');
    expect(r.out).not.toMatch(/缺失 [1-9]/);
    expect(r.code).toBe(0);
    const json = JSON.parse((await gk(['diff', 'county', '--format', 'json'], dir)).out);
    expect(json.results[0].total).toMatchObject({ coverage: 1, missing: 0, adapted: 0, weakening: 0 });
    expect(json.results[0].total.adopted).toBe(json.results[0].total.applicable);
  });

  it('refuses to overwrite, naming the files, unless --force', async () => {
    expect((await init('--domains', 'fiscal-budget')).code).toBe(0);
    const file = path.join(dir, 'county', 'catalog', 'fiscal-budget.yaml');
    fs.writeFileSync(file, 'domain: fiscal-budget\nitems: []\n');
    const again = await init('--domains', 'fiscal-budget,employment');
    expect(again.code).toBe(2);
    expect(again.err).toContain('county/gk.yaml');
    expect(again.err).toContain('county/catalog/fiscal-budget.yaml');
    expect(again.err).not.toContain('employment');
    expect(fs.readFileSync(file, 'utf8')).toBe('domain: fiscal-budget\nitems: []\n');
    expect(fs.existsSync(path.join(dir, 'county', 'catalog', 'employment.yaml'))).toBe(false);
    expect((await init('--domains', 'fiscal-budget', '--force')).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('standard: fiscal-budget/1');
  });

  it('rejects an unknown domain, a bad code and a missing name', async () => {
    const domain = await init('--domains', 'fiscal-budget,space-program');
    expect(domain.code).toBe(2);
    expect(domain.err).toContain('space-program');
    expect((await gk(['init', 'x', '--name', '示例县人民政府', '--code', '4100'], dir)).code).toBe(2);
    expect((await gk(['init', 'x', '--code', '410000'], dir)).code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'x'))).toBe(false);
  });

  it('refuses a target that is a file, in either language, writing nothing', async () => {
    fs.writeFileSync(path.join(dir, 'county'), 'x');
    const zh = await init();
    expect([zh.code, zh.out, zh.err]).toEqual([2, '', 'gk: county 是一个文件，不是文件夹\n']);
    const en = await gk(['--lang', 'en', 'init', 'county', '--name', '示例县人民政府', '--code', '410000'], dir);
    expect([en.code, en.err]).toEqual([2, 'gk: county is a file, not a folder\n']);
    expect(fs.readFileSync(path.join(dir, 'county'), 'utf8')).toBe('x');
  });

  it('writes English comments with --lang en, the same data', async () => {
    const r = await gk(['--lang', 'en', 'init', 'county', '--name', '示例县人民政府', '--code', '410000', '--domains', 'employment'], dir);
    expect(r.out).toContain('wrote 2 files');
    const text = fs.readFileSync(path.join(dir, 'county', 'catalog', 'employment.yaml'), 'utf8');
    expect(text).toContain('# 就业: written by gk init');
    expect(text).toContain(`subject: ${SUBJECT_PLACEHOLDER}`);
  });
});
