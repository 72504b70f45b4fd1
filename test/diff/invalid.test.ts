// gk diff on catalogs that break the load or schema stage: the errors shown as gk validate shows them, exit 1, nothing
// compared. Lint findings never stop a diff.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, gk } from '../helpers.js';
import { diffFixtures } from './load.js';

const SCHEMA = 'test/fixtures/diff/schema';
const LINT = 'test/fixtures/diff/lint';
const CLEAN = 'test/fixtures/diff/clean';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

/** A temporary folder holding a copy of the clean fixture county (its edition copied beside it) as `county/`. */
function county(): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-diff-invalid-'));
  temps.push(tmp);
  fs.cpSync(path.join(diffFixtures, 'clean'), path.join(tmp, 'county'), { recursive: true });
  fs.cpSync(path.join(diffFixtures, 'edition'), path.join(tmp, 'edition'), { recursive: true });
  return tmp;
}

/** The last line of stderr: the refusal itself. */
function lastLine(err: string): string {
  return err.trimEnd().split('\n').at(-1)!;
}

describe('gk diff against the standard refuses a catalog with load or schema errors', () => {
  it('shows the schema errors with the stylish formatter and prints nothing on stdout', async () => {
    const zh = await gk(['diff', SCHEMA]);
    expect(zh.code).toBe(1);
    expect(zh.out).toBe('');
    await expect(zh.err).toMatchFileSnapshot('./__golden__/refused.zh.txt');
    const en = await gk(['--lang', 'en', 'diff', SCHEMA, '--format', 'json']);
    expect(en.code).toBe(1);
    expect(en.out).toBe('');
    await expect(en.err).toMatchFileSnapshot('./__golden__/refused.en.txt');
  });

  it('shows what gk validate shows for the same errors', async () => {
    const validate = await gk(['validate', SCHEMA]);
    const diff = await gk(['diff', SCHEMA]);
    // validate ends with the partial-edition notice, diff with its refusal; the problems above are the same.
    const problems = (text: string) => text.slice(0, text.indexOf('✖'));
    expect(problems(diff.err)).toBe(problems(validate.out));
    expect(problems(diff.err)).toContain('schema');
  });

  it('refuses when any of several catalogs is broken, comparing none', async () => {
    const r = await gk(['diff', CLEAN, SCHEMA]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).not.toContain(CLEAN);
  });

  it('a YAML syntax error', async () => {
    const tmp = county();
    fs.writeFileSync(path.join(tmp, 'county', 'catalog', 'fiscal-budget.yaml'), 'domain: fiscal-budget\nitems:\n  - id: a\n    name: [unclosed\n');
    const r = await gk(['diff', 'county'], tmp);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^county\/catalog\/fiscal-budget\.yaml\n/);
    expect(r.err).toContain('yaml-syntax');
    expect(lastLine(r.err)).toBe('未比较：county 有 1 个错误，请先修正（gk validate county）');
    const en = await gk(['--lang', 'en', 'diff', 'county'], tmp);
    expect(lastLine(en.err)).toBe('nothing compared: county has 1 errors; fix them first (gk validate county)');
  });

  it('a binary file where gk.yaml should be', async () => {
    const tmp = county();
    fs.writeFileSync(path.join(tmp, 'county', 'gk.yaml'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0]));
    const r = await gk(['diff', 'county'], tmp);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('county/gk.yaml');
    expect(r.err).toContain('encoding');
  });

  it('an edition that does not exist', async () => {
    const tmp = county();
    const manifest = path.join(tmp, 'county', 'gk.yaml');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('standard: ../edition', 'standard: national-2099'));
    const r = await gk(['--lang', 'en', 'diff', 'county'], tmp);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('standard edition "national-2099" not found');
    expect(r.err).toContain('unknown-edition');
  });

  it('a key written with a full-width colon', async () => {
    const tmp = county();
    const file = path.join(tmp, 'county', 'catalog', 'social-assistance.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('subject: 测试县民政局', 'subject：测试县民政局'));
    const r = await gk(['diff', 'county'], tmp);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('fullwidth-colon');
  });
});

describe('gk diff compares catalogs that have lint findings only', () => {
  it('warnings: gk validate warns, gk diff compares', async () => {
    const validate = await gk(['validate', LINT]);
    expect(validate.code).toBe(0);
    expect(validate.out).toContain('unknown-channel');
    expect(validate.out).toContain('vague-subject');
    const r = await gk(['diff', LINT]);
    expect(r.err).toBe('');
    expect(r.out).toContain('覆盖率 44.4%  适用 9 · 采用 4');
    // missing national items fail the diff, not the warnings
    expect(r.code).toBe(1);
    expect((await gk(['diff', LINT, '--format', 'json'])).out).toContain('"kind": "standard"');
  });

  it('lint errors: gk validate fails, gk diff still compares', async () => {
    const validate = await gk(['validate', CLEAN]);
    expect(validate.code).toBe(1);
    expect(validate.out).toContain('missing-element');
    const r = await gk(['diff', CLEAN]);
    expect(r.err).toBe('');
    expect(r.out).toContain('覆盖率 100.0%');
    expect(r.code).toBe(0);
  });
});

describe('gk diff between versions refuses a side with load or schema errors', () => {
  it('between folders, naming the side', async () => {
    const newer = await gk(['diff', '--from', CLEAN, '--to', SCHEMA]);
    expect(newer.code).toBe(1);
    expect(newer.out).toBe('');
    expect(newer.err).toContain('level: planet');
    expect(lastLine(newer.err)).toBe(`未比较：${SCHEMA} 有 3 个错误（较新的版本：${SCHEMA}），请先修正`);
    const older = await gk(['--lang', 'en', 'diff', '--from', SCHEMA, '--to', LINT]);
    expect(older.code).toBe(1);
    expect(older.out).toBe('');
    expect(lastLine(older.err)).toBe(`nothing compared: ${SCHEMA} has 3 errors (older version: ${SCHEMA}); fix them first`);
  });

  it('compares folders whose catalogs have lint findings only', async () => {
    const r = await gk(['diff', '--from', LINT, '--to', CLEAN, '--format', 'json']);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).results).toHaveLength(1);
  });

  describe('between git revisions', () => {
    let repo: string;
    const saved = { global: process.env.GIT_CONFIG_GLOBAL, system: process.env.GIT_CONFIG_NOSYSTEM };

    beforeAll(() => {
      process.env.GIT_CONFIG_GLOBAL = os.devNull;
      process.env.GIT_CONFIG_NOSYSTEM = '1';
      repo = county();
      git(repo, 'init', '-q', '-b', 'main');
      git(repo, 'add', '-A');
      git(repo, 'commit', '-q', '-m', 'good');
      git(repo, 'tag', 'good');
      const file = path.join(repo, 'county', 'catalog', 'social-assistance.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('  - id: sa-02\n', '  - id: sa-02\n    audience: 所有人\n'));
      git(repo, 'commit', '-q', '-am', 'broken');
      git(repo, 'tag', 'broken');
    });

    afterAll(() => {
      for (const [key, value] of [['GIT_CONFIG_GLOBAL', saved.global], ['GIT_CONFIG_NOSYSTEM', saved.system]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    });

    it('an older revision with a schema error, its files named by the revision', async () => {
      const r = await gk(['diff', 'county', '--from', 'broken', '--to', 'good'], repo);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^broken:county\/catalog\/social-assistance\.yaml\n/);
      expect(r.err).toContain('schema');
      expect(lastLine(r.err)).toBe('未比较：county 有 1 个错误（较早的版本：broken），请先修正');
    });

    it('the working tree with a schema error', async () => {
      const r = await gk(['--lang', 'en', 'diff', 'county', '--from', 'good'], repo);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^county\/catalog\/social-assistance\.yaml\n/);
      expect(lastLine(r.err)).toBe('nothing compared: county has 1 errors (newer version: working tree); fix them first');
    });

    it('both sides broken: both named', async () => {
      const r = await gk(['diff', 'county', '--from', 'broken'], repo);
      expect(r.code).toBe(1);
      expect(r.err).toContain('（较早的版本：broken）');
      expect(r.err).toContain('（较新的版本：工作目录）');
    });

    it('compares once the error is gone', async () => {
      const r = await gk(['diff', 'county', '--from', 'good', '--to', 'good', '--format', 'json'], repo);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
    });
  });
});
