// gk fmt changes only what it documents: block and quoted scalars, chomping, nulls, numbers, special keys and ids
// keep their values; full-width colons are repaired only where a key stands. Golden bytes plus a js-yaml comparison.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { formatCatalog, formatCatalogText } from '../../src/fmt/format.js';
import { findFullwidthColonKeys, repairFullwidthColons, scanFullwidthColonKeys } from '../../src/load/fullwidth-colon.js';
import { fixtures, gk } from '../helpers.js';

const values = fs.readFileSync(path.join(fixtures, 'fmt', 'values.yaml'), 'utf8');
const read = (text: string) => jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }) as { items: Array<Record<string, unknown>> };

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

function county(files: Record<string, string>, manifest = ''): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-fmt-values-'));
  temps.push(dir);
  fs.writeFileSync(path.join(dir, 'gk.yaml'), `name: 示例县人民政府\ncode: "410999"\nlevel: county\nstandard: national-2020\n${manifest}`);
  fs.mkdirSync(path.join(dir, 'catalog'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'catalog', name), text);
  return dir;
}

describe('gk fmt keeps values', () => {
  it('prints the fixture as the golden file', async () => {
    await expect(formatCatalogText(values)).toMatchFileSnapshot('./__golden__/values.formatted.yaml');
  });

  it('changes no value but the two fixes validate reports (a deadline’s blanks, a 五公开 value’s newlines)', () => {
    const before = read(values);
    const after = read(formatCatalogText(values));
    const expected = structuredClone(before);
    expected.items[0]!.deadline = '信息形成或者变更之日起20个工作日内';
    expected.items[2]!.publics = '结果公开';
    expect(after).toEqual(expected);
    // and the ones most at risk, one by one
    const [a, b, c] = after.items;
    expect(a).toMatchObject({ id: 'fiscal-budget-①', name: '２０２４年预算', content: 'name：正文\n第二行\n', basis: null, channels: null, levels: null, note: 'QQ：123456 ' });
    expect(b).toMatchObject({ content: '保留末尾换行\n\n\n', subject: ' 示例县财政局', note: '联系方式\nQQ：123456', count: 10, ratio: 1.5 });
    expect(Object.getOwnPropertyDescriptor(b, '__proto__')?.value).toBe('x');
    expect(c).toMatchObject({ name: '折叠 文本\n', note: '第一行 subject：不是键', remark: 'trailing: \nend\n' });
    expect(c!.deadline).toBe('自该信息形成或者变更之日起20个工作日内予以公开，法律法规另有规定的除外');
  });

  it('keeps block-scalar chomping: | stays |, |+ keeps its blank lines, |- stays |-', () => {
    const out = formatCatalogText(values);
    expect(out).toContain('    content: |\n      name：正文\n      第二行\n');
    expect(out).toContain('    content: |+\n      保留末尾换行\n\n\n');
    expect(out).toContain('    note: |-\n      联系方式\n      QQ：123456\n');
    // a kept block scalar at the very end of the file keeps its trailing newlines too
    const last = 'domain: x\nitems:\n  - id: a\n    note: |+\n      末尾\n\n\n';
    expect(read(formatCatalogText(last)).items[0]!.note).toBe('末尾\n\n\n');
  });

  it('is idempotent on the fixture', () => {
    const once = formatCatalogText(values);
    expect(formatCatalogText(once)).toBe(once);
  });

  it('still makes the fixes it documents: channel alias, full-width digits and 20工作日 in a deadline, a key’s full-width colon', () => {
    const text = 'domain: x\nitems:\n  - id: a\n    deadline: 信息形成之日起２０工作日内\n    subject：示例县民政局\n    channels: [政府门户网站]\n';
    const out = formatCatalogText(text);
    expect(read(out).items[0]).toEqual({ id: 'a', deadline: '信息形成之日起20个工作日内', subject: '示例县民政局', channels: ['政府网站'] });
  });

  it('refuses a !!binary value instead of crashing, and leaves the file as it was', async () => {
    const text = 'domain: x\nitems:\n  - id: a\n    note: !!binary "@@@"\n';
    const result = formatCatalog(text);
    expect(result).toEqual({ ok: false, text, failure: { reason: 'unsafe' } });
    expect(formatCatalog('domain: x\nitems:\n  - id: a\n    note: !!binary aGVsbG8=\n').ok).toBe(false);
    const dir = county({ 'bin.yaml': text });
    const r = await gk(['fmt'], dir);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/internal|RangeError|\n {4}at /);
    expect(r.err).toContain('catalog/bin.yaml：gk fmt 无法在不改变取值的前提下改写此文件，未处理');
    expect(fs.readFileSync(path.join(dir, 'catalog', 'bin.yaml'), 'utf8')).toBe(text);
  });

  it('validate finds no full-width colon in the fixture: every one is inside a value', async () => {
    const dir = county({ 'fiscal-budget.yaml': values });
    const r = await gk(['validate', '-f', 'json', '-j', '1'], dir);
    const codes = (JSON.parse(r.out) as { diagnostics: Array<{ code: string }> }).diagnostics.map((d) => d.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes).not.toContain('fullwidth-colon');
  });
});

describe('full-width colons: keys only', () => {
  it('finds what the full line-by-line scan finds, its quick first search passing over no key', () => {
    // Texts of the characters the scan cares about, seeded so a failure repeats: the search may only say "none"
    // where the scan also finds none.
    let seed = 12345;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const parts = [' ', '  ', '- ', '-', '\t', 'a', 'Ab_1', '-x', '：', ':', ' ：', '#', '"', "'", '|', '>', '[', '{', ']', '}', ',', '\n', '\r\n', '\r', '\u2028', '值', '\uFEFF'];
    let keyed = 0;
    for (let i = 0; i < 20000; i++) {
      const text = Array.from({ length: 1 + next(24) }, () => parts[next(parts.length)]).join('');
      const scanned = scanFullwidthColonKeys(text);
      if (scanned.length > 0) keyed++;
      expect(findFullwidthColonKeys(text)).toEqual(scanned);
    }
    expect(keyed).toBeGreaterThan(100);
  });

  it('finds a key where YAML expects one, with or without a value, after `- `, before a comment', () => {
    const text = 'domain：x\nitems:\n  - id：a\n    subject：示例县民政局\n    channels：\n      - 政府网站\n    mode： 主动 # 原表\n';
    expect(findFullwidthColonKeys(text).map((k) => k.key)).toEqual(['domain', 'id', 'subject', 'channels', 'mode']);
    expect(repairFullwidthColons(text)).toBe('domain: x\nitems:\n  - id: a\n    subject: 示例县民政局\n    channels:\n      - 政府网站\n    mode: 主动 # 原表\n');
  });

  it('never looks inside block, quoted, flow or continued plain values', () => {
    const text = [
      'items:',
      '  - id: a',
      '    content: |',
      '      name：正文',
      '',
      '      QQ：1',
      '    note: >-',
      '      QQ：2',
      '    remark: "第一行',
      '      QQ：3"',
      "    other: '第一行",
      "      QQ：4'",
      '    plain: 第一行',
      '      QQ：5',
      '    channels: [政府网站,',
      '      QQ：6]',
      '  - |',
      '    QQ：7',
      '  - id：b',
      '',
    ].join('\n');
    expect(findFullwidthColonKeys(text).map((k) => k.key)).toEqual(['id']);
  });

  it('is linear: 200,000 blank lines and one colon', () => {
    const text = `${'\n'.repeat(200_000)}name：x\n`;
    expect(findFullwidthColonKeys(text)).toEqual([{ key: 'name', keyOffset: 200_000, colonOffset: 200_004, valueOffset: 200_005, hasRest: true }]);
    expect(read(formatCatalogText(`items:\n${'\n'.repeat(200_000)}  - id：a\n`))).toEqual({ items: [{ id: 'a' }] });
  });

  it('validate reports the colon after a key at its column, and none inside a note', async () => {
    const text = 'domain: fiscal-budget\nitems:\n  - id：fiscal-budget-01\n    note: |\n      QQ：123456\n    subject：示例县财政局\n';
    const dir = county({ 'fiscal-budget.yaml': text });
    const r = await gk(['validate', '-f', 'json', '-j', '1'], dir);
    const found = (JSON.parse(r.out) as { diagnostics: Array<{ code: string; range: { start: { line: number; column: number } } }> }).diagnostics
      .filter((d) => d.code === 'fullwidth-colon')
      .map((d) => [d.range.start.line, d.range.start.column]);
    expect(found).toEqual([
      [3, 7],
      [6, 12],
    ]);
  });

  it('validate reads a value after a repaired colon and reports it at its column as written', async () => {
    const text = 'domain: employment\nitems:\n  - id: employment-01\n    deadline：20工作日内\n    channels：[政府网站, 政府门户网站]\n';
    const dir = county({ 'employment.yaml': text });
    const r = await gk(['validate', '-f', 'json', '-j', '1'], dir);
    const found = (JSON.parse(r.out) as { diagnostics: Array<{ code: string; range: { start: { line: number; column: number }; end: { line: number; column: number } } }> }).diagnostics
      .filter((d) => d.code === 'deadline-format' || d.code === 'unknown-channel')
      .map((d) => [d.code, d.range.start.line, d.range.start.column, d.range.end.column]);
    expect(found).toEqual([
      ['deadline-format', 4, 14, 20],
      ['unknown-channel', 5, 21, 27],
    ]);
  });
});
