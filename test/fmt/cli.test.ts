// gk fmt and gk validate --fix on disk: --check exit codes, GBK files, broken files, editions left alone, the real binary.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtures, gk, gkProcess, repoRoot } from '../helpers.js';

const messy = fs.readFileSync(path.join(fixtures, 'fmt', 'messy.yaml'), 'utf8');
const golden = path.join(repoRoot, 'test', 'fmt', '__golden__', 'messy.formatted.yaml');
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

/** A county folder with gk.yaml and the given catalog files. */
function county(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-fmt-'));
  temps.push(dir);
  fs.writeFileSync(path.join(dir, 'gk.yaml'), 'name: 示例县人民政府\ncode: "410999"\nlevel: county\nstandard: national-2020\n');
  fs.mkdirSync(path.join(dir, 'catalog'));
  for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'catalog', name), data);
  return dir;
}

const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, 'catalog', name), 'utf8');

describe('gk fmt', () => {
  it('--check changes nothing and exits 1 naming the file; fmt rewrites it; a second --check exits 0', async () => {
    const dir = county({ 'social-assistance.yaml': messy });
    const check = await gk(['fmt', '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.out).toBe('需要格式化 catalog/social-assistance.yaml\n');
    expect(read(dir, 'social-assistance.yaml')).toBe(messy);

    const fmt = await gk(['fmt'], dir);
    expect(fmt.code).toBe(0);
    expect(fmt.out).toBe('已格式化 catalog/social-assistance.yaml\n');
    expect(read(dir, 'social-assistance.yaml')).toBe(fs.readFileSync(golden, 'utf8'));

    const again = await gk(['fmt', '--check', 'catalog/social-assistance.yaml'], dir);
    expect(again.code).toBe(0);
    expect(again.out).toBe('');
    expect(again.err).toBe('1 个文件，0 个需要格式化（运行 gk fmt）\n');
  });

  it('converts a GBK file to UTF-8 (and --check counts it as a change)', async () => {
    const canonical = fs.readFileSync(golden, 'utf8');
    const dir = county({ 'social-assistance.yaml': iconv.encode(canonical, 'gbk') });
    expect((await gk(['--lang', 'en', 'fmt', '--check'], dir)).out).toBe('would reformat catalog/social-assistance.yaml (converted from GBK/GB18030 to UTF-8)\n');
    const r = await gk(['fmt'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toBe('已格式化 catalog/social-assistance.yaml（由 GBK/GB18030 转为 UTF-8）\n');
    expect(read(dir, 'social-assistance.yaml')).toBe(canonical);
  });

  it('leaves a file with a YAML syntax error alone and exits 1', async () => {
    const broken = 'domain: x\nitems:\n  - id: [a\n';
    const dir = county({ 'broken.yaml': broken });
    const r = await gk(['fmt'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^catalog\/broken\.yaml:4:1：YAML 有语法错误，未处理（.+）；请先运行 gk validate\n/);
    expect(r.err).not.toMatch(/（[^）]*[A-Za-z]{4,}[^）]*）/);
    expect(read(dir, 'broken.yaml')).toBe(broken);
  });

  it('refuses a file with YAML aliases (an alias bomb among them), untouched, in either language', async () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h'], ['h', 'i']]) levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    // the items refer to anchors defined below them once keys are put in canonical order
    const bomb = `domain: fiscal-budget\n${levels.join('\n')}\nitems:\n  - id: x\n    name: *i\n    channels: *i\n`;
    const dir = county({ 'bomb.yaml': bomb });
    const r = await gk(['fmt'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toBe('catalog/bomb.yaml：使用了 YAML 别名（*名称），gk fmt 不改写这类文件；请把别名展开为实际的值\n1 个文件，0 个已格式化\n');
    const en = await gk(['--lang', 'en', 'fmt', '--check'], dir);
    expect(en.code).toBe(1);
    expect(en.err).toBe('catalog/bomb.yaml: uses YAML aliases (*name), which gk fmt does not rewrite; write the values out in full\n1 file, 0 would be reformatted (run gk fmt)\n');
    expect(read(dir, 'bomb.yaml')).toBe(bomb);
  });

  it('leaves a read-only file alone and says so (exit 1); --check still reports it', async () => {
    const dir = county({ 'social-assistance.yaml': messy });
    const file = path.join(dir, 'catalog', 'social-assistance.yaml');
    fs.chmodSync(file, 0o444);
    const r = await gk(['fmt'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toBe('catalog/social-assistance.yaml：文件只读，未改写\n1 个文件，0 个已格式化\n');
    expect(read(dir, 'social-assistance.yaml')).toBe(messy);
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
    expect((await gk(['--lang', 'en', 'fmt'], dir)).err).toContain('catalog/social-assistance.yaml: the file is read-only; left alone');
    const check = await gk(['fmt', '--check'], dir);
    expect([check.code, check.out]).toEqual([1, '需要格式化 catalog/social-assistance.yaml\n']);
  });

  it('keeps the permissions of a file it rewrites', async () => {
    const dir = county({ 'social-assistance.yaml': messy });
    const file = path.join(dir, 'catalog', 'social-assistance.yaml');
    fs.chmodSync(file, 0o600);
    expect((await gk(['fmt'], dir)).code).toBe(0);
    expect(read(dir, 'social-assistance.yaml')).toBe(fs.readFileSync(golden, 'utf8'));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a path that does not exist (exit 2), in either language', async () => {
    const dir = county({});
    const zh = await gk(['fmt', 'nowhere.yaml'], dir);
    expect([zh.code, zh.err]).toEqual([2, 'gk: 找不到路径：nowhere.yaml\n']);
    const en = await gk(['--lang', 'en', 'fmt', 'nowhere.yaml'], dir);
    expect([en.code, en.err]).toEqual([2, 'gk: path not found: nowhere.yaml\n']);
  });

  it('never touches a standard edition', async () => {
    const r = await gk(['fmt', '--check', 'catalogs/standard'], repoRoot);
    expect(r.out).toBe('');
    // not one file considered: the edition's domain files are skipped, not found canonical
    expect(r.err).toBe('没有找到目录文件\n');
    expect(r.code).toBe(0);
  });

  it('gk validate --fix formats the catalog files, then checks them', async () => {
    const dir = county({ 'social-assistance.yaml': messy });
    const before = await gk(['validate', '-j', '1'], dir);
    const after = await gk(['validate', '--fix', '-j', '1'], dir);
    expect(after.err).toContain('已修正 catalog/social-assistance.yaml');
    expect(read(dir, 'social-assistance.yaml')).toBe(fs.readFileSync(golden, 'utf8'));
    // the full-width colon made subject: disappear into a string; fixed, the error it caused is gone
    expect(before.out).toContain('fullwidth-colon');
    expect(after.out).not.toContain('fullwidth-colon');
  });

  it('runs as the real binary', () => {
    const dir = county({ 'social-assistance.yaml': messy });
    const r = gkProcess(['fmt', '--check'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toBe('需要格式化 catalog/social-assistance.yaml\n');
  });
});
