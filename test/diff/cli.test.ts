import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gk, gkProcess, repoRoot } from '../helpers.js';

const COUNTY = 'test/fixtures/diff/county';
const CLEAN = 'test/fixtures/diff/clean';
const V1 = 'test/fixtures/diff/versions/v1';
const V2 = 'test/fixtures/diff/versions/v2';

describe('gk diff against the standard', () => {
  it('begins with the partial-edition notice and exits 1 on missing items and undeclared weakenings', async () => {
    const r = await gk(['diff', COUNTY]);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toBe('标准目录 test-2020 为节选：10/约12 项，3 个领域中 2 个不完整，覆盖率只相对于节选计算');
    expect(r.out).toContain('覆盖率 77.8%');
    expect(r.err).toBe('');
  });

  it('reaches 100% and exits 0 on a catalog that carries every applicable item', async () => {
    const r = await gk(['diff', CLEAN]);
    expect(r.out).toContain('覆盖率 100.0%');
    expect(r.out).toContain('适用 9 · 采用 9 · 调整 0 · 不适用 0 · 缺失 0 · 本地新增 1');
    expect(r.code).toBe(0);
  });

  it('--fail-on sets the class that fails', async () => {
    // the clean catalog differs from the standard only by a local addition (info)
    expect((await gk(['diff', CLEAN, '--fail-on', 'breaking'])).code).toBe(0);
    expect((await gk(['diff', CLEAN, '--fail-on', 'notable'])).code).toBe(0);
    expect((await gk(['diff', CLEAN, '--fail-on', 'info'])).code).toBe(1);
    expect((await gk(['diff', COUNTY, '--fail-on', 'breaking'])).code).toBe(1);
    expect((await gk(['diff', CLEAN, '--fail-on', 'never'])).code).toBe(2);
  });

  it('speaks English with --lang en', async () => {
    const r = await gk(['--lang', 'en', 'diff', COUNTY]);
    expect(r.out.split('\n')[0]).toMatch(/^standard edition test-2020 is an excerpt/);
    expect(r.out).toContain('coverage 77.8%');
  });

  it('writes the notice to stderr for CSV, whose first line must be its header', async () => {
    const r = await gk(['diff', COUNTY, '--format', 'csv']);
    expect(r.out.startsWith('\ufeff目录,')).toBe(true);
    expect(r.err).toContain('标准目录 test-2020 为节选');
  });

  it('carries the notice inside JSON and before the Markdown table', async () => {
    const json = JSON.parse((await gk(['diff', COUNTY, '--format', 'json'])).out);
    expect(json.notices[0]).toContain('为节选');
    const md = (await gk(['diff', COUNTY, '--format', 'markdown'])).out;
    expect(md.startsWith('> 标准目录 test-2020 为节选')).toBe(true);
  });

  it('does not colour output that is not a terminal, and colours it with FORCE_COLOR', async () => {
    expect((await gk(['diff', COUNTY])).out).not.toContain('\u001b[');
    expect((await gk(['diff', COUNTY], repoRoot, { FORCE_COLOR: '1' })).out).toContain('\u001b[');
    expect((await gk(['diff', COUNTY, '--format', 'markdown'], repoRoot, { FORCE_COLOR: '1' })).out).not.toContain('\u001b[');
  });

  it('refuses a catalog it cannot parse: the error shown as gk validate shows it, exit 1, nothing compared', async () => {
    const dir = fs.mkdtempSync(path.join(repoRoot, 'test', '.tmp-diff-'));
    try {
      fs.cpSync(path.join(repoRoot, CLEAN), dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'gk.yaml'), fs.readFileSync(path.join(dir, 'gk.yaml'), 'utf8').replace('../edition', '../../fixtures/diff/edition'));
      fs.writeFileSync(path.join(dir, 'catalog', 'employment.yaml'), 'domain: employment\nitems: [\n');
      const r = await gk(['diff', dir]);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toContain('catalog/employment.yaml');
      expect(r.err).toContain('yaml-syntax');
      expect(r.err).toContain('gk validate');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('gk diff between versions', () => {
  it('exits 1 on a breaking change by default, 0 with nothing changed', async () => {
    expect((await gk(['diff', '--from', V1, '--to', V2])).code).toBe(1);
    const same = await gk(['diff', '--from', V1, '--to', V1]);
    expect(same.code).toBe(0);
    expect(same.out).toContain('没有变化');
  });

  it('--fail-on info fails on any change', async () => {
    // v2 → v1 still removes fb-special-funds (breaking); compare a folder with itself plus one harmless edit instead
    const dir = fs.mkdtempSync(path.join(repoRoot, 'test', '.tmp-diff-'));
    try {
      const copy = path.join(dir, 'v1');
      fs.cpSync(path.join(repoRoot, V1), copy, { recursive: true });
      fs.writeFileSync(path.join(copy, 'gk.yaml'), fs.readFileSync(path.join(copy, 'gk.yaml'), 'utf8').replace('../../edition', '../../fixtures/diff/edition'));
      const file = path.join(copy, 'catalog', 'social-assistance.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('channels: [政府网站]', 'channels: [政府网站, 两微一端]'));
      const args = ['diff', '--from', V1, '--to', path.relative(repoRoot, copy)];
      expect((await gk(args)).code).toBe(0);
      expect((await gk([...args, '--fail-on', 'notable'])).code).toBe(0);
      expect((await gk([...args, '--fail-on', 'info'])).code).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// bin/gk.js runs dist/, which `npm test` builds first (pretest).
describe('bin/gk.js diff', () => {
  it('runs as a process: JSON on stdout, exit code 1', () => {
    const r = gkProcess(['diff', COUNTY, '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'standard' });
    expect(doc.results[0].total).toMatchObject({ applicable: 9, missing: 2, weakening: 5 });
  });

  it('refuses a catalog that breaks the schema: errors on stderr, nothing on stdout, exit 1', () => {
    const r = gkProcess(['diff', 'test/fixtures/diff/schema', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('level: planet');
    expect(r.err.trimEnd().split('\n').at(-1)).toBe('未比较：test/fixtures/diff/schema 有 3 个错误，请先修正（gk validate test/fixtures/diff/schema）');
  });
});
