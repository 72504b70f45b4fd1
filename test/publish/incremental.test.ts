// Incremental gk build: a second build reuses what did not change, and its output is byte for byte what a clean build
// of the same inputs writes — after editing a catalog, a gk.yaml, a template, and after deleting a government.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../bench/workspace.js';
import { git, gk, repoRoot } from '../helpers.js';
import { readTree, tempDir } from './helpers.js';

const tmp = tempDir('gk-incremental-');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const ws = path.join(tmp, 'city');
const templates = path.join(tmp, 'templates');
const out = path.join(tmp, 'site');
let clean = 0;

/** A clean build of the same inputs, in a folder of its own. */
async function cleanBuild(): Promise<Map<string, Buffer>> {
  const dir = path.join(tmp, `clean-${clean++}`);
  const r = await gk(['build', ws, '--out', dir, '--date', '2024-03-31', '--templates', templates]);
  expect(r.code, r.err).toBe(0);
  return readTree(dir);
}

async function incremental() {
  const r = await gk(['build', ws, '--out', out, '--date', '2024-03-31', '--templates', templates]);
  expect(r.code, r.err).toBe(0);
  return r;
}

function inode(rel: string): number {
  return fs.statSync(path.join(out, rel)).ino;
}

function expectSame(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [file, bytes] of a) expect(bytes.equals(b.get(file)!), file).toBe(true);
}

describe('incremental gk build', () => {
  beforeAll(async () => {
    generateWorkspace(ws, { governments: 21, itemsPerDomain: 2, domains: ['urban-rural-planning', 'land-expropriation', 'fiscal-budget'], clean: true });
    fs.mkdirSync(templates);
    fs.writeFileSync(path.join(templates, 'footer.hbs'), fs.readFileSync(path.join(repoRoot, 'templates', 'site', 'footer.hbs'), 'utf8'));
    await incremental();
  });

  it('writes a manifest listed in the stamp, and shares style.css and search.js at the top of a workspace', () => {
    const stamp = JSON.parse(fs.readFileSync(path.join(out, '.gk-output.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(stamp.files)).toContain('.gk-build.json');
    expect(fs.existsSync(path.join(out, 'style.css'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'county-001', 'style.css'))).toBe(false);
    expect(fs.readFileSync(path.join(out, 'county-001', 'town-001', 'index.html'), 'utf8')).toContain('<link rel="stylesheet" href="../../style.css">');
  });

  it('writes nothing when nothing changed, and says the same', async () => {
    const before = readTree(out);
    const stampTime = fs.statSync(path.join(out, '.gk-output.json')).mtimeMs;
    const first = await incremental();
    const again = await incremental();
    expect(again.out).toBe(first.out);
    expect(again.err).toBe(first.err);
    expect(fs.statSync(path.join(out, '.gk-output.json')).mtimeMs).toBe(stampTime);
    expectSame(readTree(out), before);
    expectSame(readTree(out), await cleanBuild());
  });

  it('after a catalog changes: only that government is rendered again, and the output equals a clean build', async () => {
    const untouched = 'county-001/town-001/catalog.json';
    const was = inode(untouched);
    const file = path.join(ws, 'county-002', 'catalog', 'fiscal-budget.yaml');
    const text = fs.readFileSync(file, 'utf8');
    // The last item goes: still a valid catalog, with one item less.
    fs.writeFileSync(file, text.slice(0, text.lastIndexOf('\n  - id:') + 1));
    await incremental();
    expect(inode(untouched)).toBe(was);
    expect(fs.readFileSync(path.join(out, 'county-002', 'catalog.json'), 'utf8')).not.toContain(text.slice(text.lastIndexOf('  - id:') + 8).split('\n')[0]);
    expectSame(readTree(out), await cleanBuild());
  });

  it('after a township is renamed: its villages link to the new name, the output equals a clean build', async () => {
    const manifest = path.join(ws, 'county-001', 'town-001', 'gk.yaml');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace(/^name: (.*)人民政府$/m, 'name: $1新区人民政府'));
    await incremental();
    const village = fs.readdirSync(path.join(out, 'county-001', 'town-001')).find((n) => n.startsWith('village-'));
    expect(village).toBeDefined();
    expect(fs.readFileSync(path.join(out, 'county-001', 'town-001', village!, 'index.html'), 'utf8')).toContain('新区人民政府');
    expectSame(readTree(out), await cleanBuild());
  });

  it('after a template changes: every page follows, the output equals a clean build', async () => {
    const footer = path.join(templates, 'footer.hbs');
    fs.writeFileSync(footer, fs.readFileSync(footer, 'utf8').replace('</footer>', '<p>本站由示例市维护</p>\n</footer>'));
    await incremental();
    expect(fs.readFileSync(path.join(out, 'county-002', 'index.html'), 'utf8')).toContain('本站由示例市维护');
    expectSame(readTree(out), await cleanBuild());
  });

  it('after a government is deleted: its folder goes, the output equals a clean build', async () => {
    const town = path.join(ws, 'county-002', 'town-001');
    const village = fs.readdirSync(town).find((n) => n.startsWith('village-'));
    const gone = village ? path.join(town, village) : town;
    fs.rmSync(gone, { recursive: true });
    await incremental();
    expect(fs.existsSync(path.join(out, path.relative(ws, gone)))).toBe(false);
    expectSame(readTree(out), await cleanBuild());
  });

  it('a file of the output edited by hand is not overwritten: the build refuses as for any folder gk did not write', async () => {
    const page = path.join(out, 'county-001', 'index.html');
    fs.appendFileSync(page, '<!-- edited -->\n');
    const r = await gk(['build', ws, '--out', out, '--date', '2024-03-31', '--templates', templates]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('county-001/index.html');
    expect(fs.readFileSync(page, 'utf8')).toContain('<!-- edited -->');
  });
});

describe('build dates from git', () => {
  it('gives each government the day of the last commit below its folder, from one git log', async () => {
    const { lastCommitDates } = await import('../../dist/publish/incremental.js');
    const repo = path.join(tmp, 'dated');
    generateWorkspace(repo, { governments: 5, itemsPerDomain: 1, domains: 1, clean: true });
    git(repo, 'init', '-q');
    const commit = (date: string, ...paths: string[]) => {
      git(repo, 'add', ...paths);
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', date], { cwd: repo, env: { ...process.env, GIT_COMMITTER_DATE: `${date}T12:00:00Z`, GIT_AUTHOR_DATE: `${date}T12:00:00Z` } });
    };
    commit('2023-01-05', '.');
    fs.appendFileSync(path.join(repo, 'county-001', 'town-002', 'gk.yaml'), '# 2\n');
    commit('2023-02-07', 'county-001/town-002/gk.yaml');
    const roots = ['', 'county-001', 'county-001/town-001', 'county-001/town-002'].map((r) => path.join(repo, r));
    const dates = lastCommitDates(repo, roots);
    for (const root of roots) {
      const one = execFileSync('git', ['log', '-1', '--format=%cs', '--', '.'], { cwd: root, encoding: 'utf8' }).trim();
      expect(dates.get(path.relative(repo, root).split(path.sep).join('/')), root).toBe(one);
    }
    expect(dates.get('county-001')).toBe('2023-02-07');
    expect(dates.get('county-001/town-001')).toBe('2023-01-05');
  });
});
