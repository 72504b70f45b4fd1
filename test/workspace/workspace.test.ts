// Workspaces: the tree of governments, its own diagnostics, and gk validate over a workspace root.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, gk } from '../helpers.js';
import { loadWorkspace } from '../../src/load/workspace.js';

const dir = path.join(fixtures, 'workspace');
const city = path.join(dir, 'city');

interface Found {
  code: string;
  file: string;
  line: number;
  related?: Array<{ file: string; range: { start: { line: number } } }>;
}

async function validate(target: string, cwd = dir): Promise<{ code: number; found: Found[] }> {
  const r = await gk(['validate', '--format', 'json', target], cwd);
  const json = JSON.parse(r.out) as { diagnostics: Array<{ code: string; file: string; range: { start: { line: number } }; related?: Found['related'] }> };
  return { code: r.code, found: json.diagnostics.map((d) => ({ code: d.code, file: d.file, line: d.range.start.line, ...(d.related ? { related: d.related } : {}) })) };
}

describe('loadWorkspace', () => {
  const ws = loadWorkspace(['city'], dir, 'zh');

  it('reads the workspace manifest: city, departments, milestones', () => {
    expect(ws.root).toBe(city);
    expect(ws.manifest?.city).toBe('示例市');
    expect(ws.manifest?.departments).toEqual({ 'fiscal-budget': '示例市财政局', 'poverty-alleviation': '示例市乡村振兴局', 'elderly-care': '示例市民政局' });
    expect(ws.manifest?.milestones).toEqual({ list: '2020-07-31', published: '2020-12-31', complete: '2023-12-31' });
    expect(ws.diagnostics).toEqual([]);
  });

  it('lists every government once, each parent before its children, siblings by code', () => {
    expect(ws.members.map((m) => m.manifest.code)).toEqual(['990101', '990101001', '990101001001', '990101002', '990102', '990102001', '990103']);
    expect(ws.members.map((m) => m.display)).toContain('city/anping/chengguan/dongjie');
  });

  it('links parents and children by code', () => {
    const byCode = (code: string) => ws.memberByCode(code)!;
    expect(byCode('990101').children.map((c) => c.manifest.code)).toEqual(['990101001', '990101002']);
    expect(byCode('990101001001').parent?.manifest.code).toBe('990101001');
    expect(byCode('990101').parent).toBeUndefined();
    const village = ws.load(byCode('990101001001'));
    const township = ws.parentOf(village);
    expect(township?.manifest.name).toBe('安平县城关镇人民政府');
    expect(township?.catalogs.map((c) => path.basename(c.path))).toEqual(['fiscal-budget.yaml', 'poverty-alleviation.yaml']);
    // A parent is loaded once and reused while its children are checked.
    expect(ws.parentOf(village)).toBe(township);
  });

  it('does not take a nested government’s catalog for its parent’s', () => {
    const county = ws.load(ws.memberByCode('990101')!);
    expect(county.catalogs.map((c) => c.display)).toEqual(['city/anping/catalog/elderly-care.yaml', 'city/anping/catalog/fiscal-budget.yaml', 'city/anping/catalog/poverty-alleviation.yaml']);
  });
});

describe('workspace diagnostics', () => {
  it('workspace/unknown-parent: a parent code that names no government of the workspace', async () => {
    const { code, found } = await validate('unknown-parent', dir);
    expect(found).toEqual([{ code: 'workspace/unknown-parent', file: 'unknown-parent/county/gk.yaml', line: 5 }]);
    expect(code).toBe(1);
  });

  it('workspace/unknown-parent is not reported without a workspace manifest: the parent may live in another repository', async () => {
    const { found } = await validate('unknown-parent/county', dir);
    expect(found).toEqual([]);
  });

  it('workspace/duplicate-code: the second government with a code, pointing at the first', async () => {
    const { code, found } = await validate('duplicate-code', dir);
    expect(found).toEqual([{ code: 'workspace/duplicate-code', file: 'duplicate-code/b/gk.yaml', line: 3, related: [expect.objectContaining({ file: 'duplicate-code/a/gk.yaml', range: expect.objectContaining({ start: { line: 2, column: 7 } }) })] }]);
    expect(code).toBe(1);
  });

  it('workspace/parent-cycle: governments whose parents lead back to themselves', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-cycle-'));
    try {
      fs.writeFileSync(path.join(tmp, 'gk.yaml'), 'workspace: true\n');
      const town = (folder: string, code: string, parent: string) => {
        fs.mkdirSync(path.join(tmp, folder));
        fs.writeFileSync(path.join(tmp, folder, 'gk.yaml'), `name: ${folder}\ncode: "${code}"\nlevel: township\nparent: "${parent}"\nstandard: national-2020\n`);
      };
      town('a', '990101001', '990101002');
      town('b', '990101002', '990101001');
      const ws = loadWorkspace(['.'], tmp, 'en');
      expect(ws.diagnostics.map((d) => [d.code, d.file, d.range.start.line, d.message])).toEqual([
        ['workspace/parent-cycle', 'a/gk.yaml', 4, 'the parent links form a cycle: 990101001 → 990101002 → 990101001'],
      ]);
      // Both are still listed, once each.
      expect(ws.members.map((m) => m.display)).toEqual(['a', 'b']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('gk validate over a workspace root', () => {
  it('checks every government below it (the root gk.yaml has no catalog) with the tree available', async () => {
    const { code, found } = await validate('city', dir);
    expect(found.map((f) => `${f.code} ${f.file}:${f.line}`)).toEqual([
      'parent-mismatch city/anping/chengguan/catalog/poverty-alleviation.yaml:6',
      'parent-mismatch city/anping/chengguan/dongjie/catalog/poverty-alleviation.yaml:10',
      'parent-mismatch city/anping/chengguan/dongjie/catalog/poverty-alleviation.yaml:13',
      'missing-element city/xihe/catalog/fiscal-budget.yaml:11',
    ]);
    expect(code).toBe(1);
  });

  it('passes a clean part of the workspace with exit 0', async () => {
    const r = await gk(['validate', 'city/anping/shiqiao'], dir);
    expect(r.code).toBe(0);
    expect(r.err).toContain('national-2020-excerpt');
  });
});
