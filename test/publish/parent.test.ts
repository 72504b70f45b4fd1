// gk build of a village list: values its items take from the township (`parent-item:`) are on its pages and in catalog.json.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtures, gk, gkProcess } from '../helpers.js';
import { tempDir } from './helpers.js';

const dir = path.join(fixtures, 'workspace');
const tmp = tempDir('gk-build-parent-');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface JsonItem {
  id: string;
  standard?: string;
  fields: Record<string, { value: unknown; origin: { kind: string; file: string; path: Array<string | number> } } | undefined>;
}

async function buildInto(name: string, target: string, lang: 'zh' | 'en' = 'zh') {
  const out = path.join(tmp, name);
  const r = await gk(['--lang', lang, 'build', target, '--out', out, '--date', '2024-03-31', '--provenance'], dir);
  const read = (file: string) => fs.readFileSync(path.join(out, file), 'utf8');
  const items = () => (JSON.parse(read('catalog.json')) as { items: JsonItem[] }).items;
  return { ...r, out, read, item: (id: string) => items().find((i) => i.id === id)! };
}

describe('gk build of a village list', () => {
  it('inside a workspace, built alone: shows what it inherits from the township, with the township file as origin', async () => {
    const r = await buildInto('dongjie', 'city/anping/chengguan/dongjie');
    expect(r.code).toBe(0);
    const page = r.read('poverty-alleviation.html');
    // 公开内容 of 城关镇 poverty-alleviation-02, and 公开时限 of its poverty-alleviation-01: written by the township only.
    expect(page).toContain('·本镇涉及扶贫领域的规范性文件');
    expect(page).toContain('信息形成或变更之日起10个工作日内');
    const item = r.item('dongjie-02');
    expect(item.standard).toBe('poverty-alleviation/2');
    expect(item.fields.content).toEqual({ value: '·本镇涉及扶贫领域的规范性文件', origin: { kind: 'local', file: '../catalog/poverty-alleviation.yaml', path: ['items', 1, 'content'] } });
    // What the village writes itself stays its own.
    expect(item.fields.name?.origin).toEqual({ kind: 'local', file: 'catalog/poverty-alleviation.yaml', path: ['items', 1, 'name'] });
    expect(r.item('dongjie-04').fields.deadline?.origin.file).toBe('../catalog/poverty-alleviation.yaml');
    const provenance = (JSON.parse(r.read('catalog.json')) as { provenance: { files: Array<{ file: string }> } }).provenance.files.map((f) => f.file);
    expect(provenance).toContain('../catalog/poverty-alleviation.yaml');
    // dongjie-03 names an id the township does not have: one line says so.
    expect(r.err).toContain('parent-item poverty-alleviation-09 不是上级安平县城关镇人民政府目录中的事项编号');
  });

  it('inside a workspace where the village is not nested under its township: found through the workspace tree', async () => {
    const ws = path.join(tmp, 'flat');
    fs.mkdirSync(ws);
    fs.writeFileSync(path.join(ws, 'gk.yaml'), 'workspace: true\nname: 示例市人民政府\ncode: "990100"\n');
    fs.cpSync(path.join(dir, 'nested'), path.join(ws, 'towns', 'hekou'), { recursive: true, filter: (src) => !src.includes('xijie') });
    fs.cpSync(path.join(dir, 'nested', 'xijie'), path.join(ws, 'villages', 'xijie'), { recursive: true });
    for (const [file, standard] of [
      ['towns/hekou/gk.yaml', '../city/standard'],
      ['villages/xijie/gk.yaml', '../../city/standard'],
    ] as const) {
      const f = path.join(ws, file);
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(standard, path.join(dir, 'city', 'standard')));
    }
    const r = await buildInto('flat-out', path.join(ws, 'villages', 'xijie'));
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('parent-item');
    expect(r.item('xijie-01').fields.content?.origin.file).toBe('../../towns/hekou/catalog/poverty-alleviation.yaml');
  });

  it('outside any workspace: finds the township in the folder above', async () => {
    const r = await buildInto('xijie', 'nested/xijie');
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('parent-item');
    expect(r.read('poverty-alleviation.html')).toContain('·本镇涉及扶贫领域的规范性文件');
    const item = r.item('xijie-01');
    expect(item.fields.deadline).toEqual({ value: '信息形成或变更之日起10个工作日内', origin: { kind: 'local', file: '../catalog/poverty-alleviation.yaml', path: ['items', 0, 'deadline'] } });
    // The township took 公开依据 from the national item: the village shows it with that origin.
    expect(item.fields.basis?.origin.kind).toBe('standard');
  });

  it('builds a township with its village in one run, the village drawing on the township', async () => {
    const r = await buildInto('both', 'nested');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.read('xijie/catalog.json')) as { items: JsonItem[] };
    expect(json.items.find((i) => i.id === 'xijie-01')!.fields.content?.value).toBe('·本镇涉及扶贫领域的规范性文件');
  });

  it('with a parent that cannot be found: still builds, and says so in one line', async () => {
    const zh = await buildInto('dangling-zh', 'dangling');
    expect(zh.code).toBe(0);
    const zhLines = zh.err.split('\n').filter((l) => l.includes('parent-item'));
    expect(zhLines).toEqual(['dangling：2 个事项用 parent-item 承接上级事项，但在所在工作区和上级文件夹中找不到上级政府（parent: "990299001"）；这些事项只有本级写出的要素']);
    expect(Object.keys(zh.item('wuming-01').fields)).toEqual(['subject']);
    expect(zh.read('poverty-alleviation.html')).toContain('wuming-01');
    const en = await buildInto('dangling-en', 'dangling', 'en');
    expect(en.code).toBe(0);
    expect(en.err).toContain('dangling: 2 items carry items of the government above (parent-item), but no government with code "990299001" was found');
  });

  it('warns on stderr from the real binary and exits 0', () => {
    const out = path.join(tmp, 'dangling-process');
    const r = gkProcess(['build', path.join(dir, 'dangling'), '--out', out, '--formats', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('找不到上级政府（parent: "990299001"）');
    expect(fs.existsSync(path.join(out, 'catalog.json'))).toBe(true);
  });
});
