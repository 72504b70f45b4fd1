// Leftovers of killed runs (issue 9): gk removes a temporary file only when it is certainly its own and abandoned
// (its hidden name, a regular file, its process gone, older than ten minutes, in a folder gk is writing), and never
// removes what an earlier gk left under the old names or an output folder without a stamp: those are named, with
// what to do. Victims in temporary folders; gk as the real binary, so each run starts with nothing remembered.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gk-leftovers-')));
  temps.push(dir);
  return dir;
}

function gkBin(argv: string[], cwd: string) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'gk.js'), ...argv], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The id of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

const ELEVEN_MINUTES_AGO = new Date(Date.now() - 11 * 60 * 1000);
function age(p: string): void {
  fs.lutimesSync(p, ELEVEN_MINUTES_AGO, ELEVEN_MINUTES_AGO);
}

/** The bundled example county in a temporary folder, one catalog file given something fmt rewrites. */
function county(): { dir: string; catalog: string } {
  const dir = path.join(tempDir(), 'county');
  fs.cpSync(path.join(repoRoot, 'catalogs', 'examples', 'shiyan-county'), dir, { recursive: true });
  const catalog = path.join(dir, 'catalog');
  const file = path.join(catalog, fs.readdirSync(catalog).filter((f) => f.endsWith('.yaml')).sort()[0]!);
  fs.appendFileSync(file, '\n\n\n');
  return { dir, catalog };
}

describe('temporary files of killed writes', () => {
  it('only an abandoned file of gk’s own naming, older than ten minutes, in the folder being written, is removed', () => {
    const { dir, catalog } = county();
    const dead = deadPid();
    const put = (folder: string, name: string, old = true) => {
      const p = path.join(folder, name);
      fs.writeFileSync(p, 'half a fi');
      if (old) age(p);
      return p;
    };
    const stale = put(catalog, `.social-assistance.yaml.gk-tmp-${dead}-0123abcd`);
    const fresh = put(catalog, `.employment.yaml.gk-tmp-${dead}-4567cdef`, false);
    // this test's parent process stands in for a run still going
    const running = put(catalog, `.health-care.yaml.gk-tmp-${process.ppid}-89abcdef`);
    const notHex = put(catalog, `.notes.yaml.gk-tmp-${dead}-notmine1`);
    const elsewhere = put(dir, `.gk.yaml.gk-tmp-${dead}-fedcba98`);
    const folder = path.join(catalog, `.x.yaml.gk-tmp-${dead}-00aa11bb`);
    fs.mkdirSync(folder);
    age(folder);
    const target = put(tempDir(), 'precious.txt');
    const link = path.join(catalog, `.y.yaml.gk-tmp-${dead}-22cc33dd`);
    fs.symlinkSync(target, link);
    age(link);

    const r = gkBin(['--lang', 'en', 'fmt', '.'], dir);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^formatted catalog\//);
    expect(fs.existsSync(stale)).toBe(false);
    for (const kept of [fresh, running, notHex, elsewhere, folder, target]) expect(fs.existsSync(kept), kept).toBe(true);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('half a fi');
  });

  it('an earlier gk’s *.tmp files are named with what to do, in Chinese and English, and never removed', () => {
    const { dir, catalog } = county();
    const oldTmp = path.join(catalog, 'social-assistance.yaml.4242.k3j2h4x9q1.tmp');
    fs.writeFileSync(oldTmp, 'domain: social-assistance\n');
    age(oldTmp);
    const mine = path.join(catalog, 'notes.2024.v1.tmp');
    fs.writeFileSync(mine, 'my notes');
    const en = gkBin(['--lang', 'en', 'fmt', '--check', '.'], dir);
    expect(en.err).toContain(
      'catalog/social-assistance.yaml.4242.k3j2h4x9q1.tmp: a temporary file an earlier gk left when it was interrupted while rewriting a file; gk does not remove it: check it is not needed, then delete it\n',
    );
    expect(en.err).not.toContain('notes.2024.v1.tmp');
    const zh = gkBin(['fmt', '.'], dir);
    expect(zh.code, zh.err).toBe(0);
    expect(zh.err).toContain('catalog/social-assistance.yaml.4242.k3j2h4x9q1.tmp：旧版 gk 改写文件时被中断留下的临时文件，gk 不删除它；请确认无用后手动删除\n');
    expect(fs.readFileSync(oldTmp, 'utf8')).toBe('domain: social-assistance\n');
    expect(fs.readFileSync(mine, 'utf8')).toBe('my notes');
  });
});

describe('output folders of an earlier gk (no stamp)', () => {
  const OLD_INDEX = '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<meta name="generator" content="gk">\n<title>旧的站点</title>\n';

  it('an old output folder is refused with what to do, and left as it was', () => {
    const { dir } = county();
    const parent = tempDir();
    const out = path.join(parent, 'site');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'index.html'), OLD_INDEX);
    fs.writeFileSync(path.join(out, 'catalog.csv'), 'id\n');
    fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const en = gkBin(['--lang', 'en', 'build', dir, '--out', out, '--date', '2024-03-31'], parent);
    expect(en.code).toBe(2);
    expect(en.err).toBe(
      `gk: --out ${out}: looks like the output of an earlier gk (it has no .gk-output.json), and gk replaces only folders it can prove it wrote; check that nothing in it needs keeping, delete or move it away, and run again\n`,
    );
    const zh = gkBin(['report', dir, '--out', out, '--date', '2024-03-31'], parent);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('看起来是旧版 gk 写出的（其中没有 .gk-output.json）');
    expect(fs.readdirSync(out).sort()).toEqual(['catalog.csv', 'index.html', 'notes.txt']);
    expect(fs.readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('a folder without a stamp whose index.html is not gk’s gets the general refusal', () => {
    const { dir } = county();
    const parent = tempDir();
    const out = path.join(parent, 'site');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'index.html'), '<meta name="generator" content="Hugo 0.120">');
    const r = gkBin(['--lang', 'en', 'build', dir, '--out', out], parent);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('earlier gk');
    expect(r.err).toContain('holds files gk build did not write (index.html)');
  });

  it('an earlier gk’s temporary folders beside the output are named, never removed; the build goes on', () => {
    const { dir } = county();
    const parent = tempDir();
    const out = path.join(parent, 'site');
    const leftovers = ['.site.tmp-a1B2c3', '.site.tmp-a1B2c3-old'];
    for (const name of leftovers) {
      fs.mkdirSync(path.join(parent, name));
      fs.writeFileSync(path.join(parent, name, 'index.html'), OLD_INDEX);
      age(path.join(parent, name));
    }
    fs.mkdirSync(path.join(parent, '.site.tmp-mine'));
    const r = gkBin(['--lang', 'en', 'build', dir, '--out', out, '--date', '2024-03-31'], parent);
    expect(r.code, r.err).toBe(0);
    for (const name of leftovers) {
      expect(r.err).toContain(`${path.join(parent, name)}: a temporary folder an earlier gk left when it was interrupted; gk does not remove it: check that nothing in it needs keeping, then delete it\n`);
      expect(fs.readFileSync(path.join(parent, name, 'index.html'), 'utf8')).toBe(OLD_INDEX);
    }
    expect(r.err).not.toContain('.site.tmp-mine');
    expect(fs.existsSync(path.join(out, 'index.html'))).toBe(true);
  });
});
