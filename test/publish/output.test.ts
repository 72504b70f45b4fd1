// The output folder policy of gk build, gk report and gk import --edition (issue 9): the reproductions of "Data loss"
// and "Leftovers", each built in a temporary folder. gk replaces only what it wrote, and repairs what killed runs left.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, git, gk, repoRoot } from '../helpers.js';
import { county, exampleWorkspace, invalid, readTree, tempDir } from './helpers.js';

const DATE = ['--date', '2024-05-01'];
const STAMP = '.gk-output.json';
const city = path.join(fixtures, 'workspace', 'city');
const table = path.join(fixtures, 'import', 'two-row-merged.xlsx');

/** Every entry below `dir` (folders too, hidden ones too) with the bytes of files: what must survive a refusal. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      const rel = path.relative(dir, p);
      const st = fs.lstatSync(p);
      if (st.isDirectory()) {
        out.set(`${rel}/`, '');
        walk(p);
      } else out.set(rel, st.isSymbolicLink() ? `-> ${fs.readlinkSync(p)}` : fs.readFileSync(p, 'base64'));
    }
  };
  walk(dir);
  return out;
}

/** A folder shaped like a home: only hidden entries. */
function fakeHome(): string {
  const home = tempDir('gk-home-');
  fs.mkdirSync(path.join(home, '.ssh'));
  fs.writeFileSync(path.join(home, '.ssh', 'id_rsa'), 'PRIVATE KEY\n');
  fs.writeFileSync(path.join(home, '.bashrc'), 'export PS1=$\n');
  fs.mkdirSync(path.join(home, '.config'));
  return home;
}

/** A process id that belonged to a process that has ended: what a killed run leaves in its temporary names. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid!;
}

function copyOf(dir: string, prefix = 'gk-copy-'): string {
  const copy = tempDir(prefix);
  fs.cpSync(dir, copy, { recursive: true });
  return copy;
}

function gkBin(argv: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'gk.js'), ...argv], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env } });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

/** The entries of `parent` that are leftovers of gk runs for any output. */
function leftovers(parent: string): string[] {
  return fs.readdirSync(parent).filter((n) => /\.gk-(tmp|old)-/.test(n));
}

describe('data loss: gk replaces only a folder it wrote', () => {
  it('refuses a folder holding only hidden entries (build and report), and leaves every one of them', async () => {
    const victim = fakeHome();
    const before = snapshot(victim);
    const built = await gk(['build', county, '--out', victim, ...DATE], repoRoot);
    expect(built.code).toBe(2);
    expect(built.err).toContain('不是 gk build 写入的文件');
    expect(built.err).toContain('.bashrc');
    const ws = copyOf(city, 'gk-city-');
    const reported = await gk(['--lang', 'en', 'report', ws, '--out', victim, '--date', '2024-03-31'], repoRoot);
    expect(reported.code).toBe(2);
    expect(reported.err).toContain('holds files gk report did not write (.bashrc)');
    expect(snapshot(victim)).toEqual(before);
  });

  it('never replaces the home folder or a folder above it, whatever it holds', async () => {
    const home = fakeHome();
    const before = snapshot(home);
    const r = await gk(['build', county, '--out', home, ...DATE], repoRoot, { HOME: home });
    expect(r.code).toBe(2);
    expect(r.err).toContain('是主目录或它的上级文件夹');
    // A checkout under the temp folder makes path.dirname(home) also a folder above the working directory: either refusal is right.
    const above = await gk(['--lang', 'en', 'build', county, '--out', path.dirname(home), ...DATE], repoRoot, { HOME: home });
    expect(above.code).toBe(2);
    expect(above.err).toMatch(/is the home folder or a folder above it|is the working directory or a folder above it/);
    // The real binary, with HOME pointing at the stand-in: `--out ~` as a shell would expand it.
    const bin = gkBin(['report', copyOf(city, 'gk-city-'), '--out', home, '--date', '2024-03-31'], repoRoot, { HOME: home });
    expect(bin.code).toBe(2);
    expect(bin.err).toContain('主目录');
    expect(snapshot(home)).toEqual(before);
  });

  it('a marker file never authorises wiping the rest: index.html beside notes, catalog.csv beside a budget', async () => {
    const site = tempDir('gk-personal-');
    fs.writeFileSync(path.join(site, 'index.html'), '<h1>my page</h1>\n');
    fs.writeFileSync(path.join(site, 'notes.txt'), 'notes\n');
    fs.mkdirSync(path.join(site, 'photos'));
    fs.writeFileSync(path.join(site, 'photos', 'a.jpg'), 'JPEG');
    const sheets = tempDir('gk-personal-');
    fs.writeFileSync(path.join(sheets, 'catalog.csv'), 'a,b\n');
    fs.writeFileSync(path.join(sheets, 'budget-2024.xlsx'), 'PK');
    for (const dir of [site, sheets]) {
      const before = snapshot(dir);
      const r = await gk(['build', county, '--out', dir, ...DATE], repoRoot);
      expect(r.code).toBe(2);
      expect(snapshot(dir)).toEqual(before);
    }
    // Not even beside a genuine earlier build: the stamp lists what gk wrote, and photos/ is not in it.
    const out = path.join(tempDir(), 'dist');
    expect((await gk(['build', county, '--out', out, ...DATE], repoRoot)).code).toBe(0);
    fs.writeFileSync(path.join(out, 'notes.txt'), 'mine\n');
    const r = await gk(['build', county, '--out', out, ...DATE], repoRoot);
    expect(r.code).toBe(2);
    expect(r.err).toContain('（notes.txt）');
    expect(fs.readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine\n');
  });

  it('refuses a file of an earlier build that was changed since, or a stamp that is not gk’s', async () => {
    const out = path.join(tempDir(), 'dist');
    expect((await gk(['build', county, '--out', out, '--formats', 'csv', ...DATE], repoRoot)).code).toBe(0);
    fs.appendFileSync(path.join(out, 'catalog.csv'), 'my own row\r\n');
    const r = await gk(['--lang', 'en', 'build', county, '--out', out, ...DATE], repoRoot);
    expect(r.code).toBe(2);
    expect(r.err).toContain('catalog.csv was changed after gk wrote it');
    expect(fs.readFileSync(path.join(out, 'catalog.csv'), 'utf8')).toContain('my own row');
    const forged = tempDir('gk-forged-');
    fs.writeFileSync(path.join(forged, STAMP), '{"files": {}}');
    fs.writeFileSync(path.join(forged, 'diary.txt'), 'dear diary\n');
    expect((await gk(['build', county, '--out', forged, ...DATE], repoRoot)).code).toBe(2);
    expect(fs.existsSync(path.join(forged, 'diary.txt'))).toBe(true);
  });

  it('never the working directory, a folder above it, a git repository or a catalog; an empty folder may be used', async () => {
    const cwd = tempDir('gk-cwd-');
    fs.writeFileSync(path.join(cwd, 'keep.txt'), 'keep\n');
    expect((await gk(['build', county, '--out', '.', ...DATE], cwd)).err).toContain('是当前工作目录或它的上级文件夹');
    expect((await gk(['build', county, '--out', '..', ...DATE], cwd)).code).toBe(2);
    const repo = tempDir('gk-repo-');
    git(repo, 'init', '-q');
    const gitBefore = snapshot(repo);
    const r = await gk(['--lang', 'en', 'build', county, '--out', repo, ...DATE], repoRoot);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is a git repository');
    expect(snapshot(repo)).toEqual(gitBefore);
    const other = copyOf(county);
    const c = await gk(['build', county, '--out', other, ...DATE], repoRoot);
    expect(c.err).toContain('是一个目录文件夹（含 gk.yaml）');
    expect(fs.existsSync(path.join(other, 'gk.yaml'))).toBe(true);
    const empty = tempDir('gk-empty-');
    expect((await gk(['build', county, '--out', empty, ...DATE], repoRoot)).code).toBe(0);
    expect(fs.existsSync(path.join(empty, 'index.html'))).toBe(true);
    expect(fs.readFileSync(path.join(cwd, 'keep.txt'), 'utf8')).toBe('keep\n');
  });

  it('a symbolic link as --out is refused, not followed', async () => {
    const target = tempDir('gk-target-');
    fs.writeFileSync(path.join(target, 'mine.txt'), 'mine\n');
    const link = path.join(tempDir(), 'site');
    fs.symlinkSync(target, link);
    const r = await gk(['build', county, '--out', link, ...DATE], repoRoot);
    expect(r.code).toBe(2);
    expect(r.err).toContain('符号链接');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readdirSync(target)).toEqual(['mine.txt']);
  });

  it('writes a stamp listing every file with its hash, identical for identical input', async () => {
    const a = path.join(tempDir(), 'dist');
    const b = path.join(tempDir(), 'dist');
    for (const out of [a, b]) expect((await gk(['build', county, '--out', out, ...DATE], repoRoot)).code).toBe(0);
    const stamp = JSON.parse(fs.readFileSync(path.join(a, STAMP), 'utf8')) as { generator: string; kind: string; files: Record<string, string> };
    expect(stamp.generator).toBe('gk');
    expect(stamp.kind).toBe('build');
    const tree = readTree(a);
    expect(Object.keys(stamp.files)).toEqual([...tree.keys()]);
    const { createHash } = await import('node:crypto');
    for (const [file, bytes] of tree) expect(stamp.files[file]).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    expect(fs.readFileSync(path.join(b, STAMP), 'utf8')).toBe(fs.readFileSync(path.join(a, STAMP), 'utf8'));
  });
});

describe('data loss: gk import --edition', () => {
  it('refuses `--edition .` inside a git repository and `--edition ..`, with or without --force', async () => {
    const repo = tempDir('gk-repo-');
    git(repo, 'init', '-q');
    fs.writeFileSync(path.join(repo, 'README'), 'mine\n');
    fs.copyFileSync(table, path.join(repo, 't.xlsx'));
    const inner = path.join(repo, 'sub');
    fs.mkdirSync(inner);
    const before = snapshot(repo);
    for (const [cwd, edition] of [
      [repo, '.'],
      [inner, '..'],
      [inner, '.'],
    ] as const) {
      for (const force of [[], ['--force']]) {
        const r = await gk(['import', path.join(repo, 't.xlsx'), '--edition', edition, ...force], cwd);
        expect(r.code, `${edition} ${force.join(' ')}`).toBe(2);
        expect(r.err).toContain('当前工作目录');
      }
    }
    const r = await gk(['--lang', 'en', 'import', table, '--edition', repo, '--force'], tempDir());
    expect(r.code).toBe(2);
    expect(r.err).toContain('is a git repository');
    expect(snapshot(repo)).toEqual(before);
  });

  it('refuses a folder of hidden files even with --force, and replaces its own edition only with --force', async () => {
    const victim = fakeHome();
    const before = snapshot(victim);
    for (const force of [[], ['--force']]) expect((await gk(['import', table, '--edition', victim, ...force], repoRoot)).code).toBe(2);
    expect(snapshot(victim)).toEqual(before);
    const work = tempDir('gk-edition-');
    expect((await gk(['import', table, '--edition', 'ed'], work)).code).toBe(0);
    expect(fs.existsSync(path.join(work, 'ed', STAMP))).toBe(true);
    expect((await gk(['import', table, '--edition', 'ed'], work)).err).toContain('--force');
    expect((await gk(['import', table, '--edition', 'ed', '--force'], work)).code).toBe(0);
    // An input inside the folder would be deleted with it.
    fs.copyFileSync(table, path.join(work, 'ed', 'table.xlsx'));
    expect((await gk(['import', 'ed/table.xlsx', '--edition', 'ed', '--force'], work)).code).toBe(2);
    expect(fs.existsSync(path.join(work, 'ed', 'table.xlsx'))).toBe(true);
  });
});

describe('leftovers of killed runs', () => {
  it('a build killed while writing leaves the earlier output; the next run removes the temporary folder', async () => {
    const parent = tempDir();
    const out = path.join(parent, 'dist');
    expect((await gk(['build', county, '--out', out, '--formats', 'csv', ...DATE], repoRoot)).code).toBe(0);
    const before = snapshot(out);
    const killed = gkBin(['build', county, '--out', out, ...DATE], repoRoot, { GK_TEST_KILL_AT: 'writing' });
    expect(killed.signal).toBe('SIGKILL');
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(parent)).toHaveLength(1);
    const again = await gk(['build', county, '--out', out, ...DATE], repoRoot);
    expect(again.code).toBe(0);
    expect(leftovers(parent)).toEqual([]);
    expect(fs.existsSync(path.join(out, 'index.html'))).toBe(true);
  });

  it('a workspace build killed while writing a government leaves a stamped folder holding only what came before it, removed by the next run', async () => {
    const ws = exampleWorkspace(path.join(tempDir(), 'ws'));
    const parent = tempDir();
    const out = path.join(parent, 'dist');
    // CSV only keeps it quick; the files of each government are written the same way whatever the formats.
    const killed = gkBin(['build', ws, '--out', out, '--formats', 'csv', ...DATE], repoRoot, { GK_TEST_KILL_AT: 'writing' });
    expect(killed.signal).toBe('SIGKILL');
    expect(fs.existsSync(out)).toBe(false);
    const [tmp] = leftovers(parent);
    expect(leftovers(parent)).toHaveLength(1);
    // Each government's files go in as they are rendered: the stamp lists the first one's, not the others' nor the manifest.
    const listed = Object.keys(JSON.parse(fs.readFileSync(path.join(parent, tmp!, STAMP), 'utf8')).files as object);
    expect(listed).toContain('shiyan/catalog.csv');
    expect(listed.filter((f) => f.startsWith('shiyan/chengguan/'))).toEqual([]);
    expect(listed).not.toContain('.gk-build.json');
    expect((await gk(['build', ws, '--out', out, '--formats', 'csv', ...DATE], repoRoot)).code).toBe(0);
    expect(leftovers(parent)).toEqual([]);
    expect(fs.existsSync(path.join(out, 'shiyan', 'chengguan', 'dongjie', 'catalog.csv'))).toBe(true);
  });

  it('a temporary folder killed while its next stamp was being written is gk\'s; the same name in an output folder is not', async () => {
    const parent = tempDir();
    const out = path.join(parent, 'dist');
    const dead = deadPid();
    const first = path.join(parent, `.dist.gk-tmp-${dead}-0a0b0c0d`);
    fs.mkdirSync(first);
    fs.writeFileSync(path.join(first, `${STAMP}.next`), '{"generator": "gk", "ki');
    const later = path.join(parent, `.dist.gk-tmp-${dead}-1a1b1c1d`);
    fs.mkdirSync(path.join(later, 'gov-a'), { recursive: true });
    fs.writeFileSync(path.join(later, STAMP), JSON.stringify({ generator: 'gk', kind: 'build', files: { 'gov-a/index.html': 'sha256:00' } }));
    fs.writeFileSync(path.join(later, `${STAMP}.next`), '{"generator": "gk", "kind": "bu');
    fs.writeFileSync(path.join(later, 'gov-a', 'index.html'), '<!doctype html>');
    expect((await gk(['build', county, '--out', out, ...DATE], repoRoot)).code).toBe(0);
    expect(fs.existsSync(first)).toBe(false);
    expect(fs.existsSync(later)).toBe(false);
    expect(fs.existsSync(path.join(out, `${STAMP}.next`))).toBe(false);
    // In the output folder itself such a file is not one gk lists: the folder is refused, the file kept.
    fs.writeFileSync(path.join(out, `${STAMP}.next`), 'mine');
    const refused = await gk(['--lang', 'en', 'build', county, '--out', out, ...DATE], repoRoot);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`${STAMP}.next`);
    expect(fs.readFileSync(path.join(out, `${STAMP}.next`), 'utf8')).toBe('mine');
  });

  it('a build killed between the two renames: the next run, even a refused one, puts the earlier output back', async () => {
    const parent = tempDir();
    const out = path.join(parent, 'dist');
    expect((await gk(['build', county, '--out', out, '--formats', 'csv', ...DATE], repoRoot)).code).toBe(0);
    const before = snapshot(out);
    const killed = gkBin(['build', county, '--out', out, ...DATE], repoRoot, { GK_TEST_KILL_AT: 'swap' });
    expect(killed.signal).toBe('SIGKILL');
    expect(fs.existsSync(out)).toBe(false);
    expect(leftovers(parent)).toHaveLength(2);
    const refused = await gk(['--lang', 'en', 'build', invalid, '--out', out], repoRoot);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('an earlier run was interrupted while replacing it; its previous output is back');
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(parent)).toEqual([]);
  });

  it('a report killed between the renames is restored too', async () => {
    const ws = copyOf(city, 'gk-city-');
    const out = path.join(tempDir(), 'report');
    expect((await gk(['report', ws, '--out', out, '--formats', 'md', '--date', '2024-03-31'], repoRoot)).code).toBe(0);
    const before = snapshot(out);
    expect(gkBin(['report', ws, '--out', out, '--date', '2024-03-31'], repoRoot, { GK_TEST_KILL_AT: 'swap' }).signal).toBe('SIGKILL');
    expect((await gk(['report', ws, '--out', out, '--formats', 'md', '--date', '2024-03-31'], repoRoot)).code).toBe(0);
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(path.dirname(out))).toEqual([]);
  });

  it('removes only leftovers gk made (name and stamp) by runs that ended; others stay', async () => {
    const parent = tempDir();
    const out = path.join(parent, 'dist');
    const dead = deadPid();
    const stamped = path.join(parent, `.dist.gk-tmp-${dead}-0123abcd`);
    fs.mkdirSync(stamped);
    fs.writeFileSync(path.join(stamped, STAMP), JSON.stringify({ generator: 'gk', kind: 'build', files: { 'index.html': 'sha256:00' } }));
    fs.writeFileSync(path.join(stamped, 'index.html'), 'half a pa');
    const empty = path.join(parent, `.dist.gk-tmp-${dead}-4567cdef`);
    fs.mkdirSync(empty);
    // Same name shape, but someone else's files: not gk's to remove.
    const lookalike = path.join(parent, `.dist.gk-old-${dead}-89abcdef`);
    fs.mkdirSync(lookalike);
    fs.writeFileSync(path.join(lookalike, 'thesis.docx'), 'years of work');
    // A run still going (this test's parent process stands in for it): its folder is in use.
    const running = path.join(parent, `.dist.gk-tmp-${process.ppid}-fedcba98`);
    fs.mkdirSync(running);
    expect((await gk(['build', county, '--out', out, ...DATE], repoRoot)).code).toBe(0);
    expect(fs.existsSync(stamped)).toBe(false);
    expect(fs.existsSync(empty)).toBe(false);
    expect(fs.readFileSync(path.join(lookalike, 'thesis.docx'), 'utf8')).toBe('years of work');
    expect(fs.existsSync(running)).toBe(true);
  });

  it('a killed fmt leaves no *.tmp in catalog/, and its hidden temporary file is removed by the next write there', async () => {
    const dir = copyOf(county);
    const catalog = path.join(dir, 'catalog');
    const file = fs.readdirSync(catalog).find((f) => f.endsWith('.yaml'))!;
    const original = fs.readFileSync(path.join(catalog, file), 'utf8');
    // Trailing blank lines are something fmt removes, so fmt has a file to write.
    fs.writeFileSync(path.join(catalog, file), `${original}\n\n\n`);
    const killed = gkBin(['fmt', dir], repoRoot, { GK_TEST_KILL_AT: 'file' });
    expect(killed.signal).toBe('SIGKILL');
    const names = fs.readdirSync(catalog);
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(names.filter((n) => n.includes('.gk-tmp-'))).toHaveLength(1);
    const validate = await gk(['validate', dir], repoRoot);
    expect(validate.out).not.toContain('gk-tmp');
    // only a temporary file older than ten minutes is taken for a dead run's (test/hostile/leftovers.test.ts)
    const tmp = path.join(catalog, names.find((n) => n.includes('.gk-tmp-'))!);
    const past = new Date(Date.now() - 11 * 60 * 1000);
    fs.utimesSync(tmp, past, past);
    expect((await gk(['fmt', dir], repoRoot)).code).toBe(0);
    expect(fs.readdirSync(catalog).filter((n) => n.includes('.gk-tmp-'))).toEqual([]);
  });
});

describe('the policy in the README', () => {
  it('is described in Chinese and in English', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain(STAMP);
    expect(readme).toMatch(/输出文件夹/);
    expect(readme).toMatch(/output folder/i);
  });
});

