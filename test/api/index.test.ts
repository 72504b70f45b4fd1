// The public API (src/index.ts): each verb against the CLI doing the same job, and configuration passed in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  check,
  checkLoaded,
  diffStandard,
  findGovernments,
  format,
  formatters,
  GkError,
  load,
  loadChannels,
  loadEdition,
  publish,
  renderReport,
  report,
  resolve,
  rules,
  validate,
  type Rule,
} from '../../src/index.js';
import { fixtures, gk } from '../helpers.js';

const county = path.join(fixtures, 'build', 'county');
const temps: string[] = [];

function tempCopy(from: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-api-'));
  temps.push(dir);
  fs.cpSync(from, dir, { recursive: true });
  return dir;
}

afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('check', () => {
  it('finds what gk validate finds, with the same diagnostics', async () => {
    const dir = path.join(fixtures, 'rules', 'unknown-channel');
    const api = await check(dir, { cwd: fixtures });
    const cli = await gk(['validate', '-f', 'json', dir], fixtures);
    const printed = JSON.parse(cli.out) as { diagnostics: unknown[] };
    expect(api.diagnostics.length).toBeGreaterThan(0);
    // The JSON formatter adds presentation (a pointer to gk explain); every field of the diagnostic is the same.
    expect(printed.diagnostics).toMatchObject(JSON.parse(JSON.stringify(api.diagnostics)) as object[]);
    expect(api.summary.warnings).toBe(api.diagnostics.filter((d) => d.severity === 'warning').length);
    expect(api.files).toEqual(['rules/unknown-channel/catalog/fiscal-budget.yaml', 'rules/unknown-channel/gk.yaml']);
    expect(validate).toBe(check);
  });

  it('speaks English when asked, and formats with the CLI formatters', async () => {
    const dir = path.join(fixtures, 'rules', 'unknown-channel');
    const result = await check(dir, { cwd: fixtures, lang: 'en' });
    const hit = result.diagnostics.find((d) => d.code === 'unknown-channel')!;
    expect(hit.message).toMatch(/not in the channel vocabulary/);
    expect(hit.range.start).toEqual({ line: 10, column: 22 });
    const text = formatters.github(result.diagnostics, result.summary, { lang: 'en', color: false, cwd: fixtures });
    expect(text).toContain('::warning file=rules/unknown-channel/catalog/fiscal-budget.yaml,line=10');
  });

  it('reads unsaved texts instead of the disk, including a catalog file not yet written', async () => {
    const dir = tempCopy(county);
    const file = path.join(dir, 'catalog', 'social-assistance.yaml');
    const before = fs.readFileSync(file, 'utf8');
    const edited = before.replace('政务服务中心', '政务服务中兴');
    expect(edited).not.toBe(before);
    const clean = await check(dir, { cwd: dir });
    const baseline = new Set(clean.diagnostics.map((d) => d.message));
    const fresh = 'domain: fiscal-budget\nitems:\n  - id: fb-01\n    standard: fiscal-budget/99999\n    subject: 测试县财政局\n';
    const result = await check(dir, { cwd: dir, files: { 'catalog/social-assistance.yaml': edited, [path.join(dir, 'catalog', 'fiscal-budget.yaml')]: fresh } });
    const channel = result.diagnostics.filter((d) => d.code === 'unknown-channel' && !baseline.has(d.message));
    expect(channel.map((d) => [d.file, d.range.start.line])).toEqual([['catalog/social-assistance.yaml', edited.split('\n').findIndex((l) => l.includes('政务服务中兴')) + 1]]);
    expect(result.diagnostics.some((d) => d.code === 'unknown-standard-ref' && d.file === 'catalog/fiscal-budget.yaml')).toBe(true);
    expect(result.files).toContain('catalog/fiscal-budget.yaml');
    // Nothing was written.
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(dir, 'catalog', 'fiscal-budget.yaml'))).toBe(false);
  });

  it('runs the rules it is given, gk’s own or a caller’s', async () => {
    const dir = path.join(fixtures, 'rules', 'unknown-channel');
    const without = await check(dir, { cwd: fixtures, rules: rules.filter((r) => r.meta.id !== 'unknown-channel') });
    expect(without.diagnostics.filter((d) => d.code === 'unknown-channel')).toEqual([]);
    const local: Rule = {
      meta: { id: 'local/no-fb', severity: 'error', description: { zh: '示例', en: 'example' } },
      messages: { found: { zh: '事项 {id}', en: 'item {id}' } },
      item(at, context) {
        context.report({ file: at.file, path: at.path('id'), messageId: 'found', params: { id: at.item.id } });
      },
    };
    const withLocal = await check(dir, { cwd: fixtures, lang: 'en', rules: [local] });
    const found = withLocal.diagnostics.filter((d) => d.code === 'local/no-fb');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.message).toMatch(/^item /);
    expect(withLocal.summary.errors).toBe(found.length);
  });

  it('checks against the edition and channel vocabulary it is given', async () => {
    const dir = tempCopy(county);
    const bundled = await check(dir, { cwd: dir });
    expect(bundled.diagnostics.filter((d) => d.code === 'unknown-standard-ref')).toEqual([]);
    const other = loadEdition('./std', { cwd: path.join(fixtures, 'build', 'xss') });
    const against = await check(dir, { cwd: dir, edition: other });
    expect(against.diagnostics.filter((d) => d.code === 'unknown-standard-ref').length).toBeGreaterThan(0);

    const vocabulary = path.join(dir, 'channels.yaml');
    fs.writeFileSync(vocabulary, 'channels:\n  - name: 政府网站\n');
    const narrow = await check(dir, { cwd: dir, channels: loadChannels(vocabulary) });
    expect(narrow.diagnostics.some((d) => d.code === 'unknown-channel' && d.message.includes('政务服务中心'))).toBe(true);
  });

  it('throws a GkError for a path that does not exist', async () => {
    await expect(check('no-such-folder', { cwd: fixtures })).rejects.toBeInstanceOf(GkError);
    expect(() => loadEdition('no-such-edition')).toThrow(GkError);
  });

  it('checks a government already loaded', () => {
    const government = load(path.join(fixtures, 'rules', 'unknown-channel'), { cwd: fixtures });
    expect(checkLoaded(government).map((d) => d.code)).toContain('unknown-channel');
    expect(findGovernments(path.join(fixtures, 'workspace', 'city'), { cwd: fixtures }).length).toBeGreaterThan(2);
  });
});

describe('resolve and diff', () => {
  it('counts what gk diff -f json counts', async () => {
    const { catalog, notices } = resolve(load(county, { cwd: fixtures }), { cwd: fixtures });
    expect(notices).toEqual([]);
    const diff = diffStandard(catalog);
    const cli = JSON.parse((await gk(['diff', '-f', 'json', county], fixtures)).out) as { results: Array<{ total: Record<string, number> }> };
    const total = cli.results[0]!.total;
    expect(diff.total.adopted).toBe(total.adopted);
    expect(diff.total.missing).toBe(total.missing);
    expect(diff.total.adopted + diff.total.adapted).toBeGreaterThan(0);
    const item = catalog.items.find((i) => i.id === 'sa-01')!;
    expect(item.fields.subject?.origin.kind).toBe('local');
    expect(item.fields.name?.origin.kind).toBe('standard');
  });
});

describe('publish', () => {
  it('produces the files gk build writes, byte for byte, and writes nothing', async () => {
    const dir = tempCopy(county);
    const result = await publish(dir, { cwd: dir, date: '2026-01-02' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
    const out = path.join(dir, 'out');
    expect((await gk(['build', '--date', '2026-01-02', '-o', out, '.'], dir)).code).toBe(0);
    const written = fs.readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    const made = [...result.files.keys()].filter((f) => !f.startsWith('.'));
    expect(made.sort()).toEqual(written.filter((f) => !f.startsWith('.')).sort());
    for (const file of made) expect(Buffer.from(result.files.get(file)!)).toEqual(fs.readFileSync(path.join(out, file)));
  });

  it('refuses a catalog with errors, as gk build does', async () => {
    const result = await publish(path.join(fixtures, 'build', 'invalid'), { cwd: fixtures });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });
});

describe('report and format', () => {
  it('reports a workspace and renders its files', async () => {
    const { report: data } = await report(path.join(fixtures, 'workspace', 'city'), { cwd: fixtures, date: '2026-01-02', lang: 'en' });
    expect(data.governments.length).toBeGreaterThan(2);
    const files = await renderReport(data, ['json', 'md'], { lang: 'en' });
    expect([...files.keys()]).toEqual(['report.json', 'report.md']);
    expect(JSON.parse(String(files.get('report.json')))).toMatchObject({ date: '2026-01-02' });
  });

  it('formats a text as gk fmt would, without touching a file', () => {
    const result = format('domain: fiscal-budget\nitems:\n  - id: fb-01\n    channels: [政府网站 ,  政务服务中心]\n');
    expect(result.ok).toBe(true);
    expect(result.text).toContain('政府网站');
    expect(format('items: [').ok).toBe(false);
  });
});
