// gk diff on input it cannot compare: a clear message in the chosen language, exit 2, never a stack trace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gkRefusal } from '../helpers.js';
import { diffFixtures } from './load.js';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

/** A temporary folder holding a copy of the clean fixture county (its edition copied beside it) as `county/`. */
function county(): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-diff-bad-'));
  temps.push(tmp);
  fs.cpSync(path.join(diffFixtures, 'clean'), path.join(tmp, 'county'), { recursive: true });
  fs.cpSync(path.join(diffFixtures, 'edition'), path.join(tmp, 'edition'), { recursive: true });
  return tmp;
}

describe('gk diff refuses what it cannot compare', () => {
  it('a catalog file with a YAML syntax error', async () => {
    const tmp = county();
    fs.writeFileSync(path.join(tmp, 'county', 'catalog', 'fiscal-budget.yaml'), 'domain: fiscal-budget\nitems:\n  - id: a\n    name: [unclosed\n');
    const r = await gkRefusal(['diff', 'county'], tmp);
    expect(r.zh).toBe('gk: 无法比较：county/catalog/fiscal-budget.yaml 未能读取或解析，请先运行 gk validate\n');
    expect(r.en).toBe('gk: cannot compare: county/catalog/fiscal-budget.yaml could not be read or parsed; run gk validate first\n');
  });

  it('a binary file where gk.yaml should be', async () => {
    const tmp = county();
    fs.writeFileSync(path.join(tmp, 'county', 'gk.yaml'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0]));
    const r = await gkRefusal(['diff', 'county'], tmp);
    expect(r.zh).toContain('county/gk.yaml 未能读取或解析');
  });

  it('an edition that does not exist', async () => {
    const tmp = county();
    const manifest = path.join(tmp, 'county', 'gk.yaml');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('standard: ../edition', 'standard: national-2099'));
    const r = await gkRefusal(['diff', 'county'], tmp);
    expect(r.zh).toBe('gk: county/gk.yaml 指定的标准目录版本“national-2099”找不到\n');
    expect(r.en).toBe('gk: county/gk.yaml names a standard edition "national-2099" that cannot be found\n');
  });

  it('a folder without gk.yaml, and a path that does not exist', async () => {
    const tmp = county();
    fs.mkdirSync(path.join(tmp, 'empty'));
    const none = await gkRefusal(['diff', 'empty'], tmp);
    expect(none.zh).toBe('gk: 在 empty 及其上级文件夹中找不到 gk.yaml\n');
    expect(none.en).toBe('gk: no gk.yaml found in or above empty\n');
    const missing = await gkRefusal(['diff', 'nowhere'], tmp);
    expect(missing.zh).toBe('gk: 找不到路径：nowhere\n');
    expect(missing.en).toBe('gk: path not found: nowhere\n');
  });

  it('--from a folder that holds no catalog: a wrong path, not a catalog that was emptied', async () => {
    const tmp = county();
    fs.mkdirSync(path.join(tmp, 'old'));
    const r = await gkRefusal(['diff', 'county', '--from', 'old'], tmp);
    expect(r.zh).toBe('gk: 在 old 中找不到 gk.yaml\n');
    expect(r.en).toBe('gk: no gk.yaml found in old\n');
  });

  it('--from a revision where there is no git repository', async () => {
    const tmp = county();
    const r = await gkRefusal(['diff', 'county', '--from', 'HEAD'], tmp);
    expect(r.zh).toContain('不在 git 仓库中');
    expect(r.en).toContain('is not inside a git repository');
  });

  it('--from a path that exists in neither the working tree nor git', async () => {
    const tmp = county();
    const r = await gkRefusal(['diff', 'no/such/dir', '--from', 'HEAD'], tmp);
    expect(r.en).toContain('is not inside a git repository');
  });
});
