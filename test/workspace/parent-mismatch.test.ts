// parent-mismatch: every difference between levels found with both locations; declared deviations silence it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtures, gk } from '../helpers.js';
import type { Diagnostic } from '../../src/model/types.js';

const dir = path.join(fixtures, 'workspace');

async function mismatches(target: string, cwd: string, lang: 'zh' | 'en' = 'zh'): Promise<Diagnostic[]> {
  const r = await gk(['--lang', lang, 'validate', '--format', 'json', target], cwd);
  return (JSON.parse(r.out) as { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.code === 'parent-mismatch');
}

const where = (d: Diagnostic) => ({
  at: `${d.file}:${d.range.start.line}:${d.range.start.column}`,
  related: (d.related ?? []).map((r) => `${r.file}:${r.range?.start.line}:${r.range?.start.column}`),
});

describe('parent-mismatch in the city workspace', () => {
  it('finds each difference at the child’s value and points at the parent’s', async () => {
    const found = await mismatches('city', dir);
    expect(found.map(where)).toEqual([
      // township deadline ≠ the county's (inherited from the standard: the county's `standard:` line)
      { at: 'city/anping/chengguan/catalog/poverty-alleviation.yaml:6:15', related: ['city/anping/catalog/poverty-alleviation.yaml:4:15'] },
      // village name ≠ the township item's
      { at: 'city/anping/chengguan/dongjie/catalog/poverty-alleviation.yaml:10:11', related: ['city/anping/chengguan/catalog/poverty-alleviation.yaml:10:15'] },
      // parent-item naming no township item
      { at: 'city/anping/chengguan/dongjie/catalog/poverty-alleviation.yaml:13:18', related: [] },
    ]);
    expect(found.every((d) => d.severity === 'error')).toBe(true);
    expect(found[0]!.path).toEqual(['items', 0, 'deadline']);
    expect(found[0]!.message).toContain('信息形成或变更之日起10个工作日内');
    expect(found[0]!.message).toContain('信息形成(变更)20个工作日内');
    expect(found[0]!.hint).toContain('field: deadline');
    expect(found[2]!.path).toEqual(['items', 2, 'parent-item']);
    expect(found[2]!.message).toContain('poverty-alleviation-09');
  });

  it('stays silent on declared deviations (township content, village mode)', async () => {
    const found = await mismatches('city', dir);
    const paths = found.map((d) => `${d.file} ${JSON.stringify(d.path)}`);
    expect(paths).not.toContain('city/anping/chengguan/catalog/poverty-alleviation.yaml ["items",1,"content"]');
    expect(paths).not.toContain('city/anping/chengguan/dongjie/catalog/poverty-alleviation.yaml ["items",3,"mode"]');
  });

  it('speaks English with --lang en', async () => {
    const [first] = await mismatches('city', dir, 'en');
    expect(first!.message).toBe(
      'item "poverty-alleviation-01": deadline (公开时限) differs from item "poverty-alleviation-01" of 安平县人民政府: here "信息形成或变更之日起10个工作日内", above "信息形成(变更)20个工作日内"',
    );
    expect(first!.related![0]!.message).toBe('deadline (公开时限) of item "poverty-alleviation-01" above');
  });

  it('needs the level above: a township checked on its own has nothing to compare with', async () => {
    expect(await mismatches('city/anping/chengguan/gk.yaml', dir)).toEqual([]);
    // Its folder holds the village too: the village is compared with it, it with nothing.
    const found = await mismatches('city/anping/chengguan', dir);
    expect(found.map((d) => d.file)).toEqual(['city/anping/chengguan/dongjie/catalog/poverty-alleviation.yaml', 'city/anping/chengguan/dongjie/catalog/poverty-alleviation.yaml']);
  });
});

describe('parent-mismatch on its own workspace', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-parent-mismatch-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function write(rel: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
    fs.writeFileSync(path.join(tmp, rel), text);
  }

  write('gk.yaml', 'name: 示例县人民政府\ncode: "410000"\nlevel: county\nstandard: national-2020\n');
  write(
    'catalog/poverty-alleviation.yaml',
    'domain: poverty-alleviation\nitems:\n  - id: pa-01\n    standard: poverty-alleviation/1\n    subject: 示例县乡村振兴局\n    audience: 全社会\n    mode: 主动\n    basis: [《中华人民共和国政府信息公开条例》, 《国务院扶贫办扶贫开发建档立卡工作方案》]\n',
  );
  write('town/gk.yaml', 'name: 示例县城关镇人民政府\ncode: "410000001"\nlevel: township\nparent: "410000"\nstandard: national-2020\n');

  it('compares lists as sets: the same documents in another order are no difference', async () => {
    write(
      'town/catalog/poverty-alleviation.yaml',
      'domain: poverty-alleviation\nitems:\n  - id: pa-01\n    standard: poverty-alleviation/1\n    subject: 示例县城关镇人民政府\n    basis: [《国务院扶贫办扶贫开发建档立卡工作方案》, 《中华人民共和国政府信息公开条例》]\n',
    );
    expect(await mismatches('.', tmp)).toEqual([]);
  });

  it('reports the township’s inherited value against the county’s written one, at the township’s `standard:`', async () => {
    write('town/catalog/poverty-alleviation.yaml', 'domain: poverty-alleviation\nitems:\n  - id: pa-01\n    standard: poverty-alleviation/1\n    subject: 示例县城关镇人民政府\n');
    const found = await mismatches('.', tmp);
    expect(found.map(where)).toEqual([{ at: 'town/catalog/poverty-alleviation.yaml:4:15', related: ['catalog/poverty-alleviation.yaml:8:12'] }]);
    expect(found[0]!.message).toContain('公开依据');
  });

  it('reports each differing element separately, and a declared one not at all', async () => {
    write(
      'town/catalog/poverty-alleviation.yaml',
      [
        'domain: poverty-alleviation',
        'items:',
        '  - id: pa-01',
        '    standard: poverty-alleviation/1',
        '    subject: 示例县城关镇人民政府',
        '    basis: [《中华人民共和国政府信息公开条例》, 《国务院扶贫办扶贫开发建档立卡工作方案》]',
        '    audience: 特定群体',
        '    mode: 依申请',
        '    deviations:',
        '      - field: mode',
        '        reason: 涉及个人隐私，仅依申请公开',
        '',
      ].join('\n'),
    );
    const found = await mismatches('.', tmp);
    expect(found.map((d) => [d.path, d.related?.[0]?.path])).toEqual([[['items', 0, 'audience'], ['items', 0, 'audience']]]);
  });

  it('does not compare an item with no counterpart above', async () => {
    write('town/catalog/poverty-alleviation.yaml', 'domain: poverty-alleviation\nitems:\n  - id: pa-02\n    standard: poverty-alleviation/2\n    subject: 示例县城关镇人民政府\n    content: ·本镇规范性文件\n');
    expect(await mismatches('.', tmp)).toEqual([]);
  });
});
