import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderSnapshot, gitSnapshot, governmentRootsIn, loadSnapshotGovernment } from '../../src/diff/git.js';
import type { VersionDiff } from '../../src/diff/types.js';
import { diffVersions } from '../../src/diff/versions.js';
import { git, gk } from '../helpers.js';
import { diffFixtures, resolveFixture } from './load.js';

/** What a version diff says, one line per item change, to compare whole. */
function summary(diff: VersionDiff): string[] {
  return diff.changes.map((c) => {
    const was = [c.previousId && `was ${c.previousId}`, c.previousDomain && `from ${c.previousDomain}`].filter(Boolean).join(' ');
    const fields = c.changes.map((f) => `${f.field}:${f.class}${f.weakens ? `:${f.weakens}` : ''}`).join(',');
    return `${c.kind} ${c.domain}/${c.id} ${c.class}${was ? ` (${was})` : ''}${fields ? ` [${fields}]` : ''}`;
  });
}

const EXPECTED = [
  'changed fiscal-budget/fb-02 breaking [deadline:breaking:longer-deadline]',
  'changed fiscal-budget/fb-03 notable [subject:notable]',
  'removed fiscal-budget/fb-05 breaking',
  'changed fiscal-budget/fb-special-funds info (was fb-04)',
  'changed social-assistance/sa-01 info [channels:info]',
  'moved social-assistance/sa-03 info [category:info]',
  'added social-assistance/sa-06 info',
  'moved general-affairs/sa-05 info (from social-assistance)',
];

/** The same changes as JSON lists them: kind and id. */
const EXPECTED_IDS = ['changed fb-02', 'changed fb-03', 'removed fb-05', 'changed fb-special-funds', 'changed sa-01', 'moved sa-03', 'added sa-06', 'moved sa-05'];

describe('diffVersions', () => {
  it('matches items by id and renamed_from, and classifies each change', () => {
    const before = resolveFixture('versions/v1').resolved;
    const after = resolveFixture('versions/v2').resolved;
    const diff = diffVersions(before, after, { from: 'v1', to: 'v2' });
    expect(summary(diff)).toEqual(EXPECTED);
    expect(diff.counts).toEqual({ breaking: 2, notable: 1, info: 5, added: 1, removed: 1, changed: 4, moved: 2 });
    expect(diff.changes[0]!.changes[0]).toMatchObject({ before: '本级人民代表大会或其常务委员会批准后20日内', after: '本级人民代表大会或其常务委员会批准后30日内' });
  });

  it('finds nothing between a version and itself', () => {
    const v = resolveFixture('versions/v1').resolved;
    expect(diffVersions(v, v, { from: 'a', to: 'b' }).changes).toEqual([]);
  });

  it('does not take renamed_from when the old id still exists', () => {
    const v1 = resolveFixture('versions/v1').resolved;
    const twin = { ...v1.items.find((i) => i.id === 'fb-01')!, id: 'fb-01-copy', renamedFrom: ['fb-01'] };
    const diff = diffVersions(v1, { ...v1, items: [...v1.items, twin] }, { from: 'a', to: 'b' });
    expect(summary(diff)).toEqual(['added fiscal-budget/fb-01-copy info']);
  });
});

describe('gk diff between folders', () => {
  it('compares two folders', async () => {
    const r = await gk(['diff', '--from', 'test/fixtures/diff/versions/v1', '--to', 'test/fixtures/diff/versions/v2', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.results).toHaveLength(1);
    expect(doc.results[0].from).toBe('test/fixtures/diff/versions/v1');
    expect(doc.results[0].changes.map((c: { kind: string; id: string }) => `${c.kind} ${c.id}`)).toEqual(EXPECTED_IDS);
  });

  it('refuses to mix a folder and a revision, and --to without --from', async () => {
    expect((await gk(['diff', '--from', 'test/fixtures/diff/versions/v1', '--to', 'HEAD'])).code).toBe(2);
    const r = await gk(['diff', '--to', 'test/fixtures/diff/versions/v2']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--to 须与 --from 一起使用');
  });
});

describe('gk diff between git revisions', () => {
  let repo: string;
  const saved = { global: process.env.GIT_CONFIG_GLOBAL, system: process.env.GIT_CONFIG_NOSYSTEM };

  beforeAll(() => {
    // Neither the test nor gk's own git calls may read the developer's git configuration.
    process.env.GIT_CONFIG_GLOBAL = os.devNull;
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-diff-git-'));
    fs.cpSync(path.join(diffFixtures, 'edition'), path.join(repo, 'edition'), { recursive: true });
    const county = path.join(repo, 'versions', 'county');
    fs.cpSync(path.join(diffFixtures, 'versions', 'v1'), county, { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'v1');
    git(repo, 'tag', 'v1');
    fs.rmSync(county, { recursive: true });
    fs.cpSync(path.join(diffFixtures, 'versions', 'v2'), county, { recursive: true });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'v2');
    git(repo, 'tag', 'v2');
  });

  afterAll(() => {
    fs.rmSync(repo, { recursive: true, force: true });
    for (const [key, value] of [['GIT_CONFIG_GLOBAL', saved.global], ['GIT_CONFIG_NOSYSTEM', saved.system]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('reads a revision without checking it out', () => {
    const snapshot = gitSnapshot(repo, 'v1', 'zh');
    expect(governmentRootsIn(snapshot, '')).toEqual(['versions/county']);
    expect(governmentRootsIn(snapshot, 'versions/county/catalog')).toEqual(['versions/county']);
    const government = loadSnapshotGovernment(snapshot, 'versions/county', 'zh')!;
    expect(government.catalogs.map((c) => c.display)).toEqual([
      'v1:versions/county/catalog/fiscal-budget.yaml',
      'v1:versions/county/catalog/general-affairs.yaml',
      'v1:versions/county/catalog/social-assistance.yaml',
    ]);
    expect(government.catalogs[0]!.catalog.items.map((i) => i.id)).toContain('fb-04');
    // the working tree holds v2, where fb-04 was renamed
    const tree = loadSnapshotGovernment(folderSnapshot(repo, repo, 'zh'), 'versions/county', 'zh')!;
    expect(tree.catalogs[0]!.catalog.items.map((i) => i.id)).not.toContain('fb-04');
  });

  it('compares two revisions', async () => {
    const r = await gk(['diff', 'versions/county', '--from', 'v1', '--to', 'v2', '--format', 'json'], repo);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.results[0]).toMatchObject({ government: { path: 'versions/county', name: '测试县人民政府' }, from: 'v1', to: 'v2' });
    expect(doc.results[0].changes).toHaveLength(EXPECTED.length);
    expect(doc.results[0].changes.find((c: { id: string }) => c.id === 'fb-02').before.file).toBe('v1:versions/county/catalog/fiscal-budget.yaml');
  });

  it('compares a revision with the working tree by default, from inside the catalog', async () => {
    const county = path.join(repo, 'versions', 'county');
    const same = await gk(['diff', '--from', 'v2'], county);
    expect(same.code).toBe(0);
    expect(same.out).toContain('没有变化');
    const text = fs.readFileSync(path.join(county, 'catalog', 'fiscal-budget.yaml'), 'utf8');
    fs.writeFileSync(path.join(county, 'catalog', 'fiscal-budget.yaml'), text.replace('subject: 测试县财政局预算股', 'subject: 测试县财政局'));
    try {
      const r = await gk(['diff', '--from', 'v2', '--format', 'json'], county);
      const doc = JSON.parse(r.out);
      expect(doc.results[0].to).toBe('working-tree');
      expect(doc.results[0].changes.map((c: { id: string; class: string }) => `${c.id} ${c.class}`)).toEqual(['fb-03 notable']);
      expect(r.code).toBe(0);
      expect((await gk(['diff', '--from', 'v2', '--fail-on', 'notable'], county)).code).toBe(1);
    } finally {
      fs.writeFileSync(path.join(county, 'catalog', 'fiscal-budget.yaml'), text);
    }
  });

  it('treats a government missing from the older revision as all added', async () => {
    const r = await gk(['diff', '--from', 'v1', '--to', 'v2', '--format', 'json'], repo);
    expect(JSON.parse(r.out).results).toHaveLength(1);
    const emptyTree = git(repo, 'hash-object', '-t', 'tree', '-w', '--stdin').trim();
    git(repo, 'tag', 'empty', git(repo, 'commit-tree', emptyTree, '-m', 'empty').trim());
    const added = await gk(['diff', 'versions/county', '--from', 'empty', '--format', 'json'], repo);
    const changes = JSON.parse(added.out).results[0].changes as Array<{ kind: string; id: string }>;
    const v2 = resolveFixture('versions/v2').resolved.items.map((i) => i.id).sort();
    expect(changes.map((c) => c.id).sort()).toEqual(v2);
    expect(changes.every((c) => c.kind === 'added')).toBe(true);
    expect(added.code).toBe(0);
  });

  it('says so for an unknown revision, in either language, without a stack trace', async () => {
    const r = await gk(['diff', '--from', 'no-such-tag'], repo);
    expect(r.code).toBe(2);
    expect(r.err).toBe('gk: 未知的 git 版本：no-such-tag\n');
    const en = await gk(['--lang', 'en', 'diff', '--from', 'HEAD~5'], repo);
    expect(en.code).toBe(2);
    expect(en.err).toBe('gk: unknown git revision: HEAD~5\n');
  });

  it('never hands git a revision that reads as an option', async () => {
    const r = await gk(['diff', '--from=--output=x', '--format', 'json'], repo);
    expect(r.code).toBe(2);
    expect(r.err).toBe('gk: 未知的 git 版本：--output=x\n');
    expect(fs.existsSync(path.join(repo, 'x'))).toBe(false);
  });

  it('refuses a newer revision that does not exist', async () => {
    const r = await gk(['--lang', 'en', 'diff', '--from', 'v1', '--to', 'nope'], repo);
    expect(r.code).toBe(2);
    expect(r.err).toBe('gk: unknown git revision: nope\n');
  });

  it('refuses a folder outside a git repository', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-diff-nogit-'));
    try {
      fs.cpSync(path.join(diffFixtures, 'versions', 'v1'), outside, { recursive: true });
      const r = await gk(['diff', '--from', 'HEAD'], outside);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^gk: .+ 不在 git 仓库中；--from 应为 git 版本/);
      const en = await gk(['--lang', 'en', 'diff', '--from', 'HEAD'], outside);
      expect(en.code).toBe(2);
      expect(en.err).toMatch(/^gk: .+ is not inside a git repository; --from names a git revision/);
      expect(en.err).not.toContain('    at ');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

});

describe('gk diff between git revisions of a workspace of many files', () => {
  const GOVERNMENTS = 13;
  let tmp: string;
  let repo: string;
  const saved = { global: process.env.GIT_CONFIG_GLOBAL, system: process.env.GIT_CONFIG_NOSYSTEM };
  const name = (i: number, version: string) => `测试县${String(i).padStart(2, '0')}人民政府（${version}）`;

  /** Every government folder holding the given fixture version, each under its own name. */
  function writeVersion(version: 'v1' | 'v2'): void {
    for (let i = 1; i <= GOVERNMENTS; i++) {
      const dir = path.join(repo, 'many', `g${String(i).padStart(2, '0')}`);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.cpSync(path.join(diffFixtures, 'versions', version), dir, { recursive: true });
      const manifest = path.join(dir, 'gk.yaml');
      fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('name: 测试县人民政府', `name: ${name(i, version)}`));
    }
  }

  beforeAll(() => {
    process.env.GIT_CONFIG_GLOBAL = os.devNull;
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-diff-many-'));
    repo = path.join(tmp, 'repo');
    fs.cpSync(path.join(diffFixtures, 'edition'), path.join(repo, 'edition'), { recursive: true });
    // Files git reads in the same batch that belong to no catalog: a name with a space, and bytes that are not text.
    fs.writeFileSync(path.join(repo, 'notes and plans.yaml'), 'plans: []\n');
    fs.writeFileSync(path.join(repo, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0x0a, 0xff]));
    writeVersion('v1');
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'v1');
    git(repo, 'tag', 'v1');
    writeVersion('v2');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'v2');
    git(repo, 'tag', 'v2');
  });

  afterAll(() => {
    delete process.env.GIT_TRACE;
    fs.rmSync(tmp, { recursive: true, force: true });
    for (const [key, value] of [['GIT_CONFIG_GLOBAL', saved.global], ['GIT_CONFIG_NOSYSTEM', saved.system]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('diffs every government correctly, reading each revision with one git cat-file', async () => {
    expect(git(repo, 'ls-tree', '-r', '--name-only', 'v1').trim().split('\n').length).toBeGreaterThanOrEqual(50);
    const trace = path.join(tmp, 'trace.txt');
    process.env.GIT_TRACE = trace;
    let r: Awaited<ReturnType<typeof gk>>;
    try {
      r = await gk(['diff', '--from', 'v1', '--to', 'v2', '--format', 'json'], repo);
    } finally {
      delete process.env.GIT_TRACE;
    }
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const results = JSON.parse(r.out).results as Array<{ government: { path: string; name: string }; changes: Array<{ kind: string; id: string }> }>;
    expect(results.map((g) => g.government.path)).toEqual(Array.from({ length: GOVERNMENTS }, (_, i) => `many/g${String(i + 1).padStart(2, '0')}`));
    results.forEach((g, i) => {
      expect(g.government.name).toBe(name(i + 1, 'v2'));
      expect(g.changes.map((c) => `${c.kind} ${c.id}`)).toEqual(EXPECTED_IDS);
    });
    // One batch per revision, not a `git show` per file.
    const commands = fs.readFileSync(trace, 'utf8').split('\n').map((line) => /trace: built-in: git (\S+)/.exec(line)?.[1]).filter((c) => c !== undefined);
    expect(commands.filter((c) => c === 'cat-file')).toHaveLength(2);
    expect(commands).not.toContain('show');
    expect(commands.length).toBeLessThan(10);
  });

  it('reads the same bytes as git show', () => {
    const snapshot = gitSnapshot(repo, 'v1', 'zh');
    const files = git(repo, 'ls-tree', '-r', '--name-only', 'v1').split('\n').filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(50);
    for (const f of files) expect(snapshot.tree.load(path.join(repo, f)).text).toBe(git(repo, 'show', `v1:${f}`));
    expect(snapshot.tree.load(path.join(repo, 'logo.png')).text).toBe('');
    expect(snapshot.tree.load(path.join(repo, 'many/g01/nothing.yaml')).text).toBe('');
    expect(snapshot.tree.hasManifest(path.join(repo, 'many/g01'))).toBe(true);
    expect(snapshot.tree.hasManifest(path.join(repo, 'many'))).toBe(false);
  });
});
