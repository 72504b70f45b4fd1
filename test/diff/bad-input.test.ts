// gk diff given paths or revisions it cannot use: a clear message in the chosen language, exit 2, never a stack trace.
// Catalogs that break the schema are refused differently (exit 1, the errors shown): see invalid.test.ts.
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

describe('gk diff refuses paths and revisions it cannot use', () => {
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
