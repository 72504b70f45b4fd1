// Local rules: a county's own rule module, tested on the rule tester like gk's rules, then loaded through gk.yaml by
// gk validate — and never loaded from outside the folder of the gk.yaml that names it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { memoryIo } from '../../src/io/io.js';
import type { Rule } from '../../src/check/lint/rule.js';
import { gkProcess, repoRoot } from '../helpers.js';
import { testRule } from './tester.js';
// @ts-expect-error: a plain JavaScript module, as a catalog repository would write it
import { rule as subjectPrefix } from '../fixtures/local-rules/subject-prefix.mjs';

const MODULE = path.join(repoRoot, 'test', 'fixtures', 'local-rules', 'subject-prefix.mjs');
const rule = subjectPrefix as Rule;

testRule(rule, {
  valid: [{ name: 'a county office', code: 'domain: fiscal-budget\nitems:\n  - id: a\n    name: 政府预算\n    subject: 示例县财政局\n' }],
  invalid: [
    {
      name: 'an office of another government',
      code: 'domain: fiscal-budget\nitems:\n  - id: a\n    name: 政府预算\n    subject: 市财政局\n',
      errors: [{ messageId: 'notLocal', line: 5, column: 14, message: '公开主体“市财政局”不是以“示例县”开头的本县单位', hint: '写明本县单位全称' }],
      output: null,
    },
  ],
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-local-rules-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const CATALOG = 'domain: fiscal-budget\nitems:\n  - id: fiscal-budget-01\n    standard: fiscal-budget/1\n    subject: 市财政局\n    audience: 全社会\n    mode: 主动\n    levels: [县级]\n';

/** A county whose gk.yaml lists `entries` under local-rules, with the example module at rules/subject-prefix.mjs. */
function county(name: string, entries: string[], extra = ''): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(path.join(dir, 'catalog'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'rules'));
  fs.mkdirSync(path.join(dir, '.git'));
  fs.copyFileSync(MODULE, path.join(dir, 'rules', 'subject-prefix.mjs'));
  fs.writeFileSync(path.join(dir, 'gk.yaml'), `name: 示例县人民政府\ncode: "410999"\nlevel: county\nstandard: national-2020\nlocal-rules:\n${entries.map((e) => `  - ${JSON.stringify(e)}\n`).join('')}${extra}`);
  fs.writeFileSync(path.join(dir, 'catalog', 'fiscal-budget.yaml'), CATALOG);
  return dir;
}

async function validate(dir: string, lang: 'zh' | 'en' = 'zh'): Promise<{ code: number; found: Array<{ code: string; severity: string; message: string; file: string; line: number }> }> {
  const io = memoryIo(dir);
  const code = await run(['--lang', lang, 'validate', '-f', 'json', '.'], io);
  const json = JSON.parse(io.out) as { diagnostics: Array<{ code: string; severity: string; message: string; file: string; range: { start: { line: number } } }> };
  return { code, found: json.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, file: d.file, line: d.range.start.line })) };
}

describe('local rules through gk.yaml', () => {
  it('runs the rule with gk’s messages, severity settings and suppressions', async () => {
    const dir = county('runs', ['rules/subject-prefix.mjs']);
    const r = await validate(dir);
    expect(r.code).toBe(0);
    expect(r.found.filter((d) => d.code === 'subject-prefix')).toEqual([{ code: 'subject-prefix', severity: 'warning', message: '公开主体“市财政局”不是以“示例县”开头的本县单位', file: 'catalog/fiscal-budget.yaml', line: 5 }]);
    expect((await validate(dir, 'en')).found.find((d) => d.code === 'subject-prefix')?.message).toBe('subject "市财政局" is not a county office starting with "示例县"');

    fs.appendFileSync(path.join(dir, 'gk.yaml'), 'rules:\n  subject-prefix: error\n');
    expect(await validate(dir)).toMatchObject({ code: 1, found: expect.arrayContaining([expect.objectContaining({ code: 'subject-prefix', severity: 'error' })]) });
    fs.writeFileSync(path.join(dir, 'catalog', 'fiscal-budget.yaml'), CATALOG.replace('    subject: 市财政局', '    # gk-disable-next-line subject-prefix -- 由市局公开\n    subject: 市财政局'));
    expect((await validate(dir)).found.map((d) => d.code)).not.toContain('subject-prefix');

    const io = memoryIo(dir);
    expect(await run(['explain', 'subject-prefix'], io)).toBe(0);
    expect(io.out).toContain('subject-prefix（本地规则，默认级别 warning）');
    expect(io.out).toContain('公开主体应以本县名称开头');
  });

  it('gk build refuses what a local rule calls an error, as gk validate does, and builds when it is a warning', async () => {
    const dir = county('build', ['rules/subject-prefix.mjs'], 'rules:\n  subject-prefix: error\n');
    const io = memoryIo(dir);
    expect(await run(['build', '--formats', 'json', '--out', path.join(tmp, 'build-out'), '.'], io)).toBe(1);
    expect(io.err).toContain('公开主体“市财政局”不是以“示例县”开头的本县单位');
    expect(io.err).toContain('subject-prefix');
    expect(fs.existsSync(path.join(tmp, 'build-out'))).toBe(false);
    fs.writeFileSync(path.join(dir, 'gk.yaml'), fs.readFileSync(path.join(dir, 'gk.yaml'), 'utf8').replace('subject-prefix: error', 'subject-prefix: warning'));
    expect(await run(['build', '--formats', 'json', '--out', path.join(tmp, 'build-out'), '.'], memoryIo(dir))).toBe(0);
    expect(fs.existsSync(path.join(tmp, 'build-out', 'catalog.json'))).toBe(true);
    // A module that cannot be loaded is an error of gk.yaml: nothing is built.
    fs.writeFileSync(path.join(dir, 'gk.yaml'), fs.readFileSync(path.join(dir, 'gk.yaml'), 'utf8').replace('  - "rules/subject-prefix.mjs"', '  - "rules/subject-prefix.mjs"\n  - "rules/none.mjs"'));
    const broken = memoryIo(dir);
    expect(await run(['build', '--formats', 'json', '--out', path.join(tmp, 'build-out-2'), '.'], broken)).toBe(1);
    expect(broken.err).toContain('找不到本地规则“rules/none.mjs”');
  });

  it('gk build treats a local rule module as an input: changed, the build is checked again rather than taken as up to date', () => {
    const dir = county('build-input', ['rules/flag.mjs']);
    const module = (word: string) =>
      `export const rule = { meta: { id: 'local/flag', severity: 'error' }, messages: { m: { zh: '主体含“${word}”', en: 'subject has "${word}"' } }, item(at, context) { if (String(at.item.subject).includes('${word}')) context.report({ file: at.file, path: at.path('subject'), messageId: 'm' }); } };\n`;
    fs.writeFileSync(path.join(dir, 'rules', 'flag.mjs'), module('不存在'));
    const out = path.join(tmp, 'build-input-out');
    const first = gkProcess(['build', '--formats', 'json', '--out', out, '.'], dir);
    expect(first.code, first.err).toBe(0);
    fs.writeFileSync(path.join(dir, 'rules', 'flag.mjs'), module('财政局'));
    const second = gkProcess(['build', '--formats', 'json', '--out', out, '.'], dir);
    expect(second.code).toBe(1);
    expect(second.err).toContain('主体含“财政局”');
  });

  it('applies a workspace root’s rules to the governments below it', async () => {
    const ws = path.join(tmp, 'ws');
    fs.mkdirSync(path.join(ws, 'rules'), { recursive: true });
    fs.mkdirSync(path.join(ws, '.git'));
    fs.copyFileSync(MODULE, path.join(ws, 'rules', 'subject-prefix.mjs'));
    fs.writeFileSync(path.join(ws, 'gk.yaml'), 'workspace: true\nname: 示例市人民政府\ncode: "410900"\nlocal-rules: [rules/subject-prefix.mjs]\n');
    const a = path.join(ws, 'a');
    fs.mkdirSync(path.join(a, 'catalog'), { recursive: true });
    fs.writeFileSync(path.join(a, 'gk.yaml'), 'name: 示例县人民政府\ncode: "410901"\nlevel: county\nparent: "410900"\nstandard: national-2020\n');
    fs.writeFileSync(path.join(a, 'catalog', 'fiscal-budget.yaml'), CATALOG);
    const io = memoryIo(ws);
    await run(['validate', '-f', 'json', 'a'], io);
    expect(io.out).toContain('"code": "subject-prefix"');
  });

  it('never loads a module outside the folder of its gk.yaml, whatever the path says', async () => {
    const outside = path.join(tmp, 'outside.mjs');
    const marker = path.join(tmp, 'outside-was-loaded');
    fs.writeFileSync(outside, `import fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(marker)}, 'x');\nexport const rule = {};\n`);
    const dir = county('outside', ['../outside.mjs', outside, 'rules/link.mjs', 'rules/../../outside.mjs']);
    fs.symlinkSync(outside, path.join(dir, 'rules', 'link.mjs'));
    const r = await validate(dir, 'en');
    expect(r.code).toBe(1);
    const refused = r.found.filter((d) => d.code === 'local-rule');
    expect(refused.map((d) => [d.file, d.line])).toEqual([['gk.yaml', 6], ['gk.yaml', 7], ['gk.yaml', 8], ['gk.yaml', 9]]);
    for (const d of refused) expect(d.message).toMatch(/is not inside .*; only modules in this folder are loaded/);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('reports a missing, broken, misshapen or clashing module, and a rule that throws, without stopping the check', async () => {
    const dir = county('broken', ['rules/none.mjs', 'rules/syntax.mjs', 'rules/shape.mjs', 'rules/clash.mjs', 'rules/rules.txt', 'rules/throws.mjs', 'rules/subject-prefix.mjs']);
    fs.writeFileSync(path.join(dir, 'rules', 'syntax.mjs'), 'export const rule = {\n');
    fs.writeFileSync(path.join(dir, 'rules', 'shape.mjs'), 'export const rule = { meta: { id: "Bad Id", severity: "error" }, messages: {} };\n');
    fs.writeFileSync(path.join(dir, 'rules', 'clash.mjs'), 'export default { meta: { id: "unknown-channel", severity: "error" }, messages: {}, check() {} };\n');
    fs.writeFileSync(path.join(dir, 'rules', 'rules.txt'), 'x');
    fs.writeFileSync(path.join(dir, 'rules', 'throws.mjs'), 'export const rule = { meta: { id: "local/throws", severity: "error" }, messages: { m: { zh: "x", en: "x" } }, item() { throw new Error("boom"); } };\n');
    const r = await validate(dir);
    const local = r.found.filter((d) => d.code === 'local-rule').map((d) => d.message);
    expect(local).toHaveLength(5);
    expect(local[0]).toBe('找不到本地规则“rules/none.mjs”');
    expect(local[1]).toMatch(/^本地规则“rules\/syntax\.mjs”加载失败：/);
    expect(local[2]).toBe('本地规则“rules/shape.mjs”的格式不对：meta.id: a-z, 0-9, - and /');
    expect(local[3]).toBe('本地规则“rules/clash.mjs”的编号“unknown-channel”已被gk 自带的规则使用');
    expect(local[4]).toBe('本地规则“rules/rules.txt”应为 .js 或 .mjs 模块');
    expect(r.found.filter((d) => d.code === 'local/throws')).toEqual([{ code: 'local/throws', severity: 'error', message: '本地规则 local/throws 运行出错，已跳过：boom', file: 'gk.yaml', line: 1 }]);
    // the other rules, gk's and the working local one, still ran
    expect(r.found.map((d) => d.code)).toContain('subject-prefix');
  });
});
