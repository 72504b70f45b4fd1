// gk fmt obeys validate's configuration (rules: off, # gk-disable-next-line) and fmt --check names exactly the files
// where validate reports a fixable finding; a catalog keeping the statutory wording passes both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { fmtConfigOf, formatCatalogText } from '../../src/fmt/format.js';
import { fixtures, gk } from '../helpers.js';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

/** A copy of a fixture government in a temporary folder (fmt writes). */
function copyOf(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-fmt-config-'));
  temps.push(dir);
  fs.cpSync(path.join(fixtures, 'fmt', name), dir, { recursive: true });
  return dir;
}

const catalogText = (dir: string) => Object.fromEntries(fs.readdirSync(path.join(dir, 'catalog')).map((f) => [f, fs.readFileSync(path.join(dir, 'catalog', f), 'utf8')]));

async function fmtCheckFiles(dir: string): Promise<{ code: number; files: string[] }> {
  const r = await gk(['fmt', '--check'], dir);
  return { code: r.code, files: r.out.split('\n').filter(Boolean).map((l) => l.replace(/^需要格式化 /, '')).sort() };
}

interface Found {
  file: string;
  code: string;
  fixable?: boolean;
}

async function validateFindings(dir: string): Promise<Found[]> {
  const r = await gk(['validate', '-f', 'json', '-j', '1'], dir);
  return (JSON.parse(r.out) as { diagnostics: Found[] }).diagnostics;
}

const fixableFiles = (found: Found[]) => [...new Set(found.filter((d) => d.fixable).map((d) => d.file))].sort();

describe('fmt --check agrees with validate', () => {
  it('names exactly the files where validate reports a fixable finding', async () => {
    const dir = copyOf('agree');
    const check = await fmtCheckFiles(dir);
    const found = await validateFindings(dir);
    expect(check.code).toBe(1);
    expect(check.files).toEqual(fixableFiles(found));
    // one per kind of fix: a 公开方式 variant and a repeated 公开对象 (schema), a channel alias, 20工作日, a key's full-width colon
    expect(check.files).toEqual(['catalog/disaster-relief.yaml', 'catalog/elderly-care.yaml', 'catalog/employment.yaml', 'catalog/public-culture.yaml', 'catalog/social-assistance.yaml']);
    expect(found.filter((d) => d.fixable).map((d) => `${d.file} ${d.code}`)).toEqual([
      'catalog/disaster-relief.yaml schema',
      'catalog/elderly-care.yaml unknown-channel',
      'catalog/employment.yaml deadline-format',
      'catalog/public-culture.yaml fullwidth-colon',
      'catalog/social-assistance.yaml schema',
    ]);
  });

  it('passes the catalog that keeps the statutory wording, in both, and leaves it byte for byte', async () => {
    const dir = copyOf('agree');
    const before = catalogText(dir);
    const found = await validateFindings(dir);
    expect(found.filter((d) => d.file === 'catalog/fiscal-budget.yaml')).toEqual([]);
    expect((await fmtCheckFiles(dir)).files).not.toContain('catalog/fiscal-budget.yaml');
    expect((await gk(['fmt'], dir)).code).toBe(0);
    expect(catalogText(dir)['fiscal-budget.yaml']).toBe(before['fiscal-budget.yaml']);
  });

  it('after gk fmt, both are clean of fixable findings; what was suppressed in place stays as written', async () => {
    const dir = copyOf('agree');
    const before = catalogText(dir);
    expect((await gk(['fmt'], dir)).code).toBe(0);
    expect(await fmtCheckFiles(dir)).toEqual({ code: 0, files: [] });
    expect(fixableFiles(await validateFindings(dir))).toEqual([]);
    const after = catalogText(dir);
    expect(after['health-care.yaml']).toBe(before['health-care.yaml']);
    expect(after['health-care.yaml']).toContain('deadline: 信息形成或者变更之日起 20 个工作日内');
    expect(after['health-care.yaml']).toContain('channels: [政府门户网站]');
    expect(after['employment.yaml']).toContain('deadline: 20个工作日内\n');
    expect(after['elderly-care.yaml']).toContain('channels: [政府网站]\n');
    expect(after['disaster-relief.yaml']).toContain('mode: 主动\n');
    expect(after['public-culture.yaml']).toContain('subject: 示例县财政局\n');
    expect(after['social-assistance.yaml']).toContain('audience: 全社会\n');
  });
});

describe('fmt obeys rules: off in gk.yaml', () => {
  it('fixes nothing validate does not report, and fixes it again once the rules are on', async () => {
    const dir = copyOf('rules-off');
    const before = catalogText(dir);
    expect(fixableFiles(await validateFindings(dir))).toEqual([]);
    expect(await fmtCheckFiles(dir)).toEqual({ code: 0, files: [] });
    expect((await gk(['fmt'], dir)).code).toBe(0);
    expect(catalogText(dir)).toEqual(before);

    const manifest = path.join(dir, 'gk.yaml');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace(/rules:[\s\S]*$/, ''));
    const found = await validateFindings(dir);
    expect(found.filter((d) => d.fixable).map((d) => d.code).sort()).toEqual(['deadline-format', 'unknown-channel']);
    expect(await fmtCheckFiles(dir)).toEqual({ code: 1, files: ['catalog/employment.yaml'] });
  });
});

describe('fmtConfigOf (what gk fmt, validate --fix and the language server read from gk.yaml)', () => {
  const text = 'domain: x\nitems:\n  - id: a\n    deadline: 20工作日内\n    channels: [政府门户网站, 村务栏]\n';
  const data = (out: string) => (jsYaml.load(out) as { items: Array<Record<string, unknown>> }).items[0];

  it('turns off the fixes of rules that are off, and keeps local channels', () => {
    const options = fmtConfigOf({ channels: ['村务栏'], rules: { 'deadline-format': 'off', 'unknown-channel': 'warning' } });
    expect(options).toEqual({ localChannels: ['村务栏'], rulesOff: new Set(['deadline-format']) });
    expect(data(formatCatalogText(text, options))).toEqual({ id: 'a', deadline: '20工作日内', channels: ['政府网站', '村务栏'] });
    expect(data(formatCatalogText(text, fmtConfigOf({ rules: { 'unknown-channel': 'off' } })))).toEqual({ id: 'a', deadline: '20个工作日内', channels: ['政府门户网站', '村务栏'] });
  });

  it('takes a missing or malformed gk.yaml as every rule on and nothing local', () => {
    for (const manifest of [undefined, null, 'text', { rules: 'off', channels: '村务栏' }]) expect(fmtConfigOf(manifest)).toEqual({ localChannels: [], rulesOff: new Set() });
  });

  it('obeys # gk-disable-next-line for the one line below it only', () => {
    const suppressed = 'domain: x\nitems:\n  - id: a\n    # gk-disable-next-line deadline-format\n    deadline: 20工作日内\n  - id: b\n    deadline: 20工作日内\n';
    const items = (jsYaml.load(formatCatalogText(suppressed)) as { items: Array<Record<string, unknown>> }).items;
    expect(items.map((i) => i.deadline)).toEqual(['20工作日内', '20个工作日内']);
  });
});
