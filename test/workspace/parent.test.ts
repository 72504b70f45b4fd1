// createParentResolver: finding a village's township by `parent:` and lending its resolved items, without looping on cycles.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createParentResolver, explainParentLink } from '../../src/resolve/parent.js';
import { diskTree } from '../../src/load/tree.js';
import { loadGovernment } from '../../src/load/government.js';
import { resolveEdition } from '../../src/check/validate.js';
import { fixtures } from '../helpers.js';

const dir = path.join(fixtures, 'workspace');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-parent-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function resolveAt(root: string) {
  const government = loadGovernment(root, dir, 'zh');
  const { edition } = resolveEdition(government, 'zh');
  const resolver = createParentResolver(diskTree(dir, 'zh'), 'zh');
  return { government, ...resolver.resolve(government, edition!) };
}

describe('createParentResolver', () => {
  it('resolves the township first, so a village item carries its national item and its written values', () => {
    const { catalog, link } = resolveAt(path.join(dir, 'city', 'anping', 'chengguan', 'dongjie'));
    expect(link.kind === 'found' && link.parent.manifest.code).toBe('990101001');
    expect(link.kind === 'found' && link.unknown).toEqual(['poverty-alleviation-09']);
    const item = catalog.items.find((i) => i.id === 'dongjie-01')!;
    expect(item.standard).toBe('poverty-alleviation/3');
    // 公开主体 is the village's own, never the township's
    expect(item.fields.subject?.value).toBe('安平县城关镇东街社区居民委员会');
    expect(item.fields.subject?.origin.kind).toBe('local');
    expect(item.fields.content?.origin.kind).toBe('standard');
  });

  it('leaves a government without parent-item references alone', () => {
    const { link, government } = resolveAt(path.join(dir, 'nested'));
    expect(link).toEqual({ kind: 'unused' });
    expect(explainParentLink(government, link, 'zh')).toBeUndefined();
  });

  it('says when gk.yaml names no parent at all', () => {
    const root = path.join(tmp, 'orphan');
    fs.mkdirSync(path.join(root, 'catalog'), { recursive: true });
    fs.writeFileSync(path.join(root, 'gk.yaml'), `name: 孤村\ncode: "990399001001"\nlevel: village\nstandard: ${path.join(dir, 'city', 'standard')}\n`);
    fs.writeFileSync(path.join(root, 'catalog', 'poverty-alleviation.yaml'), 'domain: poverty-alleviation\nitems:\n  - id: gu-01\n    parent-item: poverty-alleviation-02\n');
    const { government, link } = resolveAt(root);
    expect(link).toEqual({ kind: 'not-found', references: 1 });
    expect(explainParentLink(government, link, 'en')).toMatch(/1 items carry items of the government above \(parent-item\), but gk.yaml names no parent/);
  });

  it('stops at a cycle of parent links instead of recursing', () => {
    const ws = path.join(tmp, 'cycle');
    const standard = path.join(dir, 'city', 'standard');
    fs.mkdirSync(ws, { recursive: true });
    fs.writeFileSync(path.join(ws, 'gk.yaml'), 'workspace: true\n');
    for (const [name, code, parent, ref] of [
      ['a', '990401001001', '990401001002', 'b-01'],
      ['b', '990401001002', '990401001001', 'a-01'],
    ] as const) {
      fs.mkdirSync(path.join(ws, name, 'catalog'), { recursive: true });
      fs.writeFileSync(path.join(ws, name, 'gk.yaml'), `name: ${name}\ncode: "${code}"\nlevel: village\nparent: "${parent}"\nstandard: ${standard}\n`);
      fs.writeFileSync(path.join(ws, name, 'catalog', 'poverty-alleviation.yaml'), `domain: poverty-alleviation\nitems:\n  - id: ${name}-01\n    content: ${name} 的公开内容\n    parent-item: ${ref}\n`);
    }
    const { catalog, link } = resolveAt(path.join(ws, 'a'));
    expect(link.kind).toBe('found');
    expect(catalog.items[0]!.fields.content?.value).toBe('a 的公开内容');
  });
});
