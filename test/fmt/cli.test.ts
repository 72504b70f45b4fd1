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
    expect((await gk(['--lang', 'en', 'fmt', '--check'], dir)).out).toBe('would reformat catalog/social-assistance.yaml\n');
    expect((await gk(['fmt'], dir)).code).toBe(0);
    expect(read(dir, 'social-assistance.yaml')).toBe(canonical);
  });

  it('leaves a file with a YAML syntax error alone and exits 1', async () => {
    const broken = 'domain: x\nitems:\n  - id: [a\n';
    const dir = county({ 'broken.yaml': broken });
    const r = await gk(['fmt'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('catalog/broken.yaml：YAML 有语法错误，未处理');
    expect(read(dir, 'broken.yaml')).toBe(broken);
  });

  it('never touches a standard edition', async () => {
    const r = await gk(['fmt', '--check', 'catalogs/standard'], repoRoot);
    expect(r.out).toBe('');
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
