// gk validate end to end: exit codes, languages, formats, and bad input that must become diagnostics.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtures, gk, gkProcess, repoRoot } from '../helpers.js';
import { generateScenario } from '../../bench/generate.js';

const example = path.join(repoRoot, 'catalogs', 'examples', 'shiyan-county');
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-validate-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

const GK_YAML = 'name: 示例县人民政府\ncode: "410000"\nlevel: county\nstandard: national-2020\n';

/** A throwaway government with one catalog file holding exactly these bytes. */
function government(name: string, catalog: string | Uint8Array): string {
  const dir = path.join(tmpRoot, name);
  fs.mkdirSync(path.join(dir, 'catalog'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'gk.yaml'), GK_YAML);
  fs.writeFileSync(path.join(dir, 'catalog', 'fiscal-budget.yaml'), catalog);
  return dir;
}

async function codes(dir: string): Promise<{ code: number; found: Array<{ code: string; line: number; message: string; hint?: string }> }> {
  const r = await gk(['validate', '--format', 'json', dir], dir);
  const json = JSON.parse(r.out) as { diagnostics: Array<{ code: string; message: string; hint?: string; range: { start: { line: number } } }> };
  return { code: r.code, found: json.diagnostics.map((d) => ({ code: d.code, line: d.range.start.line, message: d.message, hint: d.hint })) };
}

const ITEM = `domain: fiscal-budget
items:
  - id: fiscal-budget-01
    name: 政府预算
    content: 一般公共预算收入表
    basis: [《中华人民共和国预算法》]
    deadline: 批准后20日内
    subject: 示例县财政局
    channels: [政府网站]
    audience: 全社会
    mode: 主动
    levels: [县级]
`;

describe('gk validate', () => {
  it('passes the bundled example with exit 0 and says the edition is an excerpt', async () => {
    const r = await gk(['validate', example]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain('标准目录 national-2020 为节选');
    expect(r.err).toContain('检查通过');
  });

  it('exits 1 on errors and prints Chinese by default, English with --lang en', async () => {
    const dir = path.join(fixtures, 'rules', 'schema');
    const zh = await gk(['validate', dir], dir);
    expect(zh.code).toBe(1);
    expect(zh.out).toContain('公开对象');
    expect(zh.out).toContain('1 个错误');
    const en = await gk(['--lang', 'en', 'validate', dir], dir);
    expect(en.code).toBe(1);
    expect(en.out).toContain('must be one of');
    expect(en.out).toContain('1 problem (1 error, 0 warnings)');
  });

  it('exits 0 with warnings only, and 1 when warnings exceed --max-warnings', async () => {
    const dir = path.join(fixtures, 'rules', 'unknown-channel');
    expect((await gk(['validate', dir], dir)).code).toBe(0);
    expect((await gk(['validate', '--max-warnings', '1', dir], dir)).code).toBe(0);
    expect((await gk(['validate', '--max-warnings', '0', dir], dir)).code).toBe(1);
  });

  it('exits 2 on misuse: unknown option, unknown format, missing path, bad --max-warnings', async () => {
    expect((await gk(['validate', '--nope'])).code).toBe(2);
    expect((await gk(['validate', '--format', 'xml', example])).code).toBe(2);
    const missing = await gk(['validate', path.join(tmpRoot, 'does-not-exist')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到路径');
    expect((await gk(['--lang', 'en', 'validate', path.join(tmpRoot, 'does-not-exist')])).err).toContain('path not found');
    expect((await gk(['validate', '--max-warnings', 'many', example])).code).toBe(2);
    expect((await gk([])).code).toBe(2);
  });

  it('writes every output format', async () => {
    const dir = path.join(fixtures, 'rules', 'unknown-channel');
    const sarif = JSON.parse((await gk(['validate', '-f', 'sarif', dir], dir)).out);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0].ruleId).toBe('unknown-channel');
    expect((await gk(['validate', '-f', 'github', dir], dir)).out).toMatch(/^::warning file=catalog\/fiscal-budget\.yaml,line=10,col=22/);
    expect((await gk(['validate', '-f', 'junit', dir], dir)).out).toContain('<testsuite');
    const gitlab = JSON.parse((await gk(['validate', '-f', 'gitlab', dir], dir)).out);
    expect(gitlab[0]).toMatchObject({ check_name: 'unknown-channel', severity: 'minor', location: { path: 'catalog/fiscal-budget.yaml', lines: { begin: 10 } } });
    expect((await gk(['validate', '-f', 'checkstyle', dir], dir)).out).toMatch(/<file name="catalog\/fiscal-budget\.yaml">\n {4}<error line="10" column="22" severity="warning" message="[^"]+" source="gk\.unknown-channel"\/>/);
  });

  it('honours rule settings in gk.yaml and gk-disable-next-line comments', async () => {
    const off = government('rule-off', ITEM.replace('[政府网站]', '[政府网占]'));
    fs.appendFileSync(path.join(off, 'gk.yaml'), 'rules:\n  unknown-channel: off\n');
    expect((await codes(off)).found).toEqual([]);
    const asError = government('rule-error', ITEM.replace('[政府网站]', '[政府网占]'));
    fs.appendFileSync(path.join(asError, 'gk.yaml'), 'rules:\n  unknown-channel: error\n');
    expect(await codes(asError)).toMatchObject({ code: 1, found: [{ code: 'unknown-channel', line: 9 }] });
    const suppressed = government('suppressed', ITEM.replace('    channels: [政府网站]', '    # gk-disable-next-line unknown-channel -- 本县自建平台\n    channels: [政府网占]'));
    expect((await codes(suppressed)).found).toEqual([]);
  });

  it('gives the same report with worker threads as in one thread', () => {
    const dir = path.join(tmpRoot, 'many');
    generateScenario(dir, 20, 2);
    const broken = path.join(dir, 'gov-0003', 'catalog', 'employment.yaml');
    fs.writeFileSync(broken, fs.readFileSync(broken, 'utf8').replace('政府网站', '政府网占'));
    const one = gkProcess(['validate', '-f', 'json', '-j', '1', dir]);
    const two = gkProcess(['validate', '-f', 'json', '-j', '2', dir]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.out).summary).toMatchObject({ files: 20 * 27, warnings: 1 });
    expect(two.out).toBe(one.out);
    expect(gkProcess(['validate', '-j', '0', dir]).code).toBe(2);
  });

  it('runs the real binary as a subprocess', () => {
    const r = gkProcess(['validate', '--format', 'json', path.join(fixtures, 'rules', 'duplicate-id')]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).summary).toMatchObject({ errors: 1, warnings: 0 });
    expect(gkProcess(['--version']).out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('village lists', () => {
  it('must name their own 公开主体 for items carried from the township (parent-item)', async () => {
    // the whole fixture folder, so the relative path to its local standard edition still holds
    const dir = path.join(tmpRoot, 'village', 'nested');
    fs.cpSync(path.join(fixtures, 'workspace'), path.dirname(dir), { recursive: true });
    const file = path.join(dir, 'xijie', 'catalog', 'poverty-alleviation.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n {4}subject: .*(?=\n {2}- id: xijie-02)/, ''));
    const r = await codes(path.join(dir, 'xijie'));
    expect(r.found.map((d) => [d.code, d.line])).toEqual([['missing-element', 4]]);
    expect(r.found[0]!.message).toContain('公开主体');
  });
});

describe('unknown keys', () => {
  it('suggest the key meant: a typo, or the official Chinese column name', async () => {
    const r = await codes(government('keys', ITEM.replace('    subject:', '    subjct:').replace('    deadline:', '    公开时限:')));
    expect(r.code).toBe(1);
    const hints = r.found.filter((d) => d.code === 'schema' && d.message.includes('不认识的键')).map((d) => [d.line, d.hint]);
    expect(hints).toEqual([
      [7, '是否指“deadline”？'],
      [8, '是否指“subject”？'],
    ]);
  });
});

describe('bad input becomes diagnostics, never a crash', () => {
  it('a list instead of a mapping', async () => {
    const r = await codes(government('list', '- id: a\n- id: b\n'));
    expect(r).toMatchObject({ code: 1, found: [{ code: 'schema', line: 1 }] });
    expect(r.found[0]!.message).toContain('键值映射');
  });

  it('binary junk', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(await codes(government('binary', junk))).toMatchObject({ code: 1, found: [{ code: 'encoding' }] });
  });

  it('a GBK file is decoded, reported, and still linted', async () => {
    const gbk = new Uint8Array(fs.readFileSync(path.join(fixtures, 'rules', 'encoding', 'catalog', 'fiscal-budget.yaml')));
    const r = await codes(government('gbk', gbk));
    expect(r.found.map((d) => d.code)).toEqual(['encoding']);
    expect(r.found[0]!.message).toContain('GBK');
    expect(r.found[0]!.hint).toContain('iconv');
  });

  it('a UTF-8 BOM and CRLF line ends are accepted, lines still right', async () => {
    const text = '\uFEFF' + ITEM.replace('[政府网站]', '[政府网占]').replace(/\n/g, '\r\n');
    expect(await codes(government('bom-crlf', text))).toMatchObject({ code: 0, found: [{ code: 'unknown-channel', line: 9 }] });
  });

  it('tabs used for indentation', async () => {
    const r = await codes(government('tabs', ITEM.replace('    subject:', '\tsubject:')));
    expect(r.code).toBe(1);
    expect(r.found[0]).toMatchObject({ code: 'yaml-syntax', line: 8 });
  });

  it('a YAML alias bomb is refused quickly', async () => {
    const r = await codes(path.join(fixtures, 'rules', 'yaml-alias'));
    expect(r.found).toMatchObject([{ code: 'yaml-alias' }]);
  });

  it('a file that opens with many comment lines (the empty-file check once backtracked on them)', async () => {
    const header = Array.from({ length: 60 }, (_, i) => `# 说明第 ${i + 1} 行`).join('\n');
    expect(await codes(government('comments-first', `${header}\n${ITEM}`))).toMatchObject({ code: 0, found: [] });
    expect(await codes(government('comments-only', `${header}\n`))).toMatchObject({ code: 1, found: [{ code: 'empty-file' }] });
  });

  it('an empty file, and a file with only comments', async () => {
    expect(await codes(government('empty', ''))).toMatchObject({ code: 1, found: [{ code: 'empty-file' }] });
    expect(await codes(government('comments', '# 待补充\n'))).toMatchObject({ code: 1, found: [{ code: 'empty-file' }] });
  });
});
