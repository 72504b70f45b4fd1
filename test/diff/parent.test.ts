// gk diff of a village list: what its items take from the township (`parent-item:`) is neither missing nor its own adaptation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtures, git, gk, repoRoot } from '../helpers.js';
import { exampleWorkspace } from '../publish/helpers.js';

const dir = path.join(fixtures, 'workspace');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-diff-parent-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Entry {
  status: string;
  standard: { id: string };
  items: string[];
  changes: Array<{ field: string }>;
}
interface StandardJson {
  notices: string[];
  results: Array<{ entries: Entry[]; local: Array<{ id: string }>; total: { missing: number; adapted: number; adopted: number } }>;
}

async function standardJson(target: string, cwd = dir, lang: 'zh' | 'en' = 'zh'): Promise<StandardJson> {
  const r = await gk(['--lang', lang, 'diff', target, '-f', 'json'], cwd);
  expect(r.err).toBe('');
  return JSON.parse(r.out) as StandardJson;
}

function entry(json: StandardJson, id: string): Entry {
  return json.results[0]!.entries.find((e) => e.standard.id === id)!;
}

describe('gk diff of a village list against the standard', () => {
  it('inside a workspace: counts items carried through the township, and reports only what the village writes', async () => {
    const json = await standardJson('city/anping/chengguan/dongjie');
    // dongjie-04 inherits the township's 公开时限 (an adaptation of 城关镇, reported there) and writes 公开方式 itself.
    expect(entry(json, 'poverty-alleviation/1')).toMatchObject({ status: 'adapted', items: ['dongjie-04'] });
    expect(entry(json, 'poverty-alleviation/1').changes.map((c) => c.field)).toEqual(['mode']);
    // dongjie-02 inherits the township's 公开内容 and writes its own 二级事项.
    expect(entry(json, 'poverty-alleviation/2').changes.map((c) => c.field)).toEqual(['name']);
    expect(entry(json, 'poverty-alleviation/3')).toMatchObject({ status: 'adopted', items: ['dongjie-01'], changes: [] });
    // Only the reference the township cannot answer stays a local item, and a notice says why.
    expect(json.results[0]!.local.map((i) => i.id)).toEqual(['dongjie-03']);
    expect(json.notices).toContain('city/anping/chengguan/dongjie：parent-item poverty-alleviation-09 不是上级安平县城关镇人民政府目录中的事项编号；这些事项只有本级写出的要素');
  });

  it('outside any workspace: the township in the folder above lends its values, adaptations included', async () => {
    const json = await standardJson('nested/xijie');
    expect(json.notices.filter((n) => n.includes('parent-item'))).toEqual([]);
    expect(entry(json, 'poverty-alleviation/2')).toMatchObject({ status: 'adopted', items: ['xijie-01'], changes: [] });
    expect(entry(json, 'poverty-alleviation/3')).toMatchObject({ status: 'adopted', items: ['xijie-02'], changes: [] });
    expect(json.results[0]!.local).toEqual([]);
  });

  it('lists elements taken from the township as inherited', async () => {
    const copy = path.join(tmp, 'added');
    fs.cpSync(path.join(dir, 'nested'), copy, { recursive: true });
    fs.writeFileSync(path.join(copy, 'gk.yaml'), fs.readFileSync(path.join(copy, 'gk.yaml'), 'utf8').replace('../city/standard', path.join(dir, 'city', 'standard')));
    fs.writeFileSync(path.join(copy, 'xijie', 'gk.yaml'), fs.readFileSync(path.join(copy, 'xijie', 'gk.yaml'), 'utf8').replace('../../city/standard', path.join(dir, 'city', 'standard')));
    fs.appendFileSync(path.join(copy, 'xijie', 'catalog', 'poverty-alleviation.yaml'), '  - id: xijie-03\n    parent-item: poverty-alleviation-02\n    subject: 河口镇西街村民委员会\n');
    const versions = await gk(['diff', '--from', path.join(dir, 'nested'), '--to', copy, '-f', 'json'], dir);
    expect(versions.err).toBe('');
    const added = (JSON.parse(versions.out) as { results: Array<{ changes: Array<{ id: string; after?: { fields: Record<string, unknown>; inherited: string[] } }> }> }).results
      .flatMap((x) => x.changes)
      .find((c) => c.id === 'xijie-03')!;
    expect(added.after!.fields.content).toBe('·本镇涉及扶贫领域的规范性文件');
    expect(added.after!.inherited).toContain('content');
    expect(added.after!.inherited).not.toContain('subject');
  });

  it('with a parent that cannot be found: says so in its notices, in both languages', async () => {
    const zh = await standardJson('dangling');
    expect(zh.notices).toContain('dangling：2 个事项用 parent-item 承接上级事项，但在所在工作区和上级文件夹中找不到上级政府（parent: "990299001"）；这些事项只有本级写出的要素');
    expect(zh.results[0]!.local.map((i) => i.id)).toEqual(['wuming-01', 'wuming-02']);
    const en = await standardJson('dangling', dir, 'en');
    expect(en.notices.some((n) => n.startsWith('dangling: 2 items carry items of the government above (parent-item), but no government with code "990299001"'))).toBe(true);
    const text = await gk(['diff', 'dangling'], dir);
    expect(text.out).toContain('找不到上级政府（parent: "990299001"）');
    const csv = await gk(['diff', 'dangling', '-f', 'csv'], dir);
    expect(csv.err).toContain('找不到上级政府');
  });
});

describe('gk diff of a village list between versions', () => {
  it('compares each version against the township as it stood then', async () => {
    const repo = path.join(tmp, 'repo');
    fs.cpSync(path.join(dir, 'nested'), path.join(repo, 'hekou'), { recursive: true });
    fs.cpSync(path.join(dir, 'city', 'standard'), path.join(repo, 'standard'), { recursive: true });
    for (const [file, from] of [
      ['hekou/gk.yaml', '../city/standard'],
      ['hekou/xijie/gk.yaml', '../../city/standard'],
    ] as const) {
      const f = path.join(repo, file);
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(from, from.replace('city/', '')));
    }
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'v1');
    const township = path.join(repo, 'hekou', 'catalog', 'poverty-alleviation.yaml');
    fs.writeFileSync(township, fs.readFileSync(township, 'utf8').replace('信息形成或变更之日起10个工作日内', '信息形成或变更之日起5个工作日内'));
    const r = await gk(['diff', 'hekou/xijie', '--from', 'HEAD', '-f', 'json'], repo);
    expect(r.err).toBe('');
    const changes = (JSON.parse(r.out) as { results: Array<{ changes: Array<{ id: string; changes: Array<{ field: string; before: unknown; after: unknown }> }> }> }).results[0]!.changes;
    expect(changes.map((c) => [c.id, c.changes.map((f) => [f.field, f.before, f.after])])).toEqual([
      ['xijie-01', [['deadline', '信息形成或变更之日起10个工作日内', '信息形成或变更之日起5个工作日内']]],
    ]);
  });
});

describe('a village has no coverage, the same in gk diff, on its site and in gk report', () => {
  // 东街社区 carries two national items and has none of fiscal-budget's: a county or township would miss those.
  const village = 'city/anping/chengguan/dongjie';
  const township = 'city/anping/chengguan';

  it('gk diff: no coverage, nothing applicable or missing, in every format, while its township keeps them', async () => {
    const [text, en, md, csv, json, up] = await Promise.all([
      gk(['diff', village], dir),
      gk(['--lang', 'en', 'diff', village], dir),
      gk(['diff', village, '-f', 'markdown'], dir),
      gk(['diff', village, '-f', 'csv'], dir),
      gk(['diff', village, '-f', 'json'], dir),
      gk(['diff', township], dir),
    ]);
    // Nothing is missing, so nothing fails: the village's own adaptations are declared.
    for (const r of [text, en, md, csv, json]) expect(r.code, r.err).toBe(0);
    const [, summary] = text.out.split('\n').filter((l) => l.includes('东街社区') || l.startsWith('村级'));
    expect(summary).toBe('村级（社区）目录承接乡镇事项，不计算覆盖率。采用 1 · 调整 2 · 不适用 0 · 本地新增 1 · 未知引用 0');
    for (const out of [text.out, md.out]) {
      expect(out).not.toMatch(/覆盖率 \S*%|\d%/);
      expect(out).not.toMatch(/缺失|(?<!不)适用 \d|\| 适用 \||覆盖率只/);
    }
    expect(en.out).toContain('village and community lists draw on their township’s items: no coverage is measured for them. adopted 1');
    expect(en.out).not.toMatch(/coverage \d|missing|applicable/);
    expect(md.out).toContain('村级（社区）目录承接乡镇事项，不计算覆盖率 · `city/anping/chengguan/dongjie`');
    expect(md.out).toContain('| 领域 | 采用 | 调整 | 不适用 | 本地新增 | 未知引用 | 未声明的削弱 |');
    expect(csv.out).not.toContain('缺失');
    expect(csv.out).toContain(',poverty-alleviation/3,政策文件,其他政策文件,采用,dongjie-01,');
    const result = JSON.parse(json.out).results[0];
    for (const c of [result.total, ...result.domains]) expect([c.applicable, c.missing, c.coverage]).toEqual([null, null, null]);
    expect(result.total).toMatchObject({ adopted: 1, adapted: 2, local: 1 });
    expect(result.entries.map((e: Entry) => e.status)).toEqual(['adapted', 'adapted', 'adopted']);
    // The township above is measured: coverage, applicable and missing items.
    expect(up.out).toMatch(/^覆盖率 \d+\.\d%  适用 \d+ · /m);
  });

  it('gk build and gk report: a village that asks for coverage on its site gets none, and the report has none for it', async () => {
    // The example as a city (the checked fixture above has findings, which stop a build): county, township, village.
    const ws = exampleWorkspace(path.join(tmp, 'coverage-city'));
    for (const g of ['shiyan/chengguan', 'shiyan/chengguan/dongjie']) fs.appendFileSync(path.join(ws, g, 'gk.yaml'), 'site:\n  coverage: true\n');
    const out = path.join(tmp, 'coverage-out');
    const [built, report] = await Promise.all([
      gk(['build', ws, '--out', out, '--formats', 'html,json', '--date', '2024-05-01'], tmp),
      gk(['report', ws, '--out', path.join(tmp, 'coverage-report'), '--formats', 'json', '--date', '2024-05-01'], tmp),
    ]);
    expect(built.code, built.err).toBe(0);
    expect(report.code, report.err).toBe(0);
    const read = (f: string) => fs.readFileSync(path.join(out, f), 'utf8');
    expect(read('shiyan/chengguan/index.html')).toContain('覆盖率');
    expect(read('shiyan/chengguan/dongjie/index.html')).not.toContain('覆盖率');
    expect(read('shiyan/chengguan/dongjie/social-assistance.html')).not.toContain('覆盖率');
    const domains = JSON.parse(read('shiyan/chengguan/dongjie/catalog.json')).domains as Array<{ coverage: unknown }>;
    expect(domains.length).toBeGreaterThan(0);
    for (const d of domains) expect(d.coverage).toBeNull();
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'catalog-output.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    expect(validate(JSON.parse(read('shiyan/chengguan/dongjie/catalog.json'))), JSON.stringify(validate.errors)).toBe(true);
    expect(JSON.parse(read('shiyan/chengguan/catalog.json')).domains[0].coverage.ratio).toEqual(expect.any(Number));
    const rows = JSON.parse(fs.readFileSync(path.join(tmp, 'coverage-report', 'report.json'), 'utf8')).governments as Array<Record<string, unknown>>;
    const v = rows.find((g) => g.level === 'village')!;
    expect([v.applicable, v.covered, v.missing, v.coverage]).toEqual([null, null, null, null]);
    expect(rows.find((g) => g.level === 'township')!.coverage).toEqual(expect.any(Number));
  });
});
