import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { diffFormatters, type DiffFormatOptions } from '../../src/formatters/diff/index.js';
import { formatPercent } from '../../src/formatters/diff/types.js';
import { diffVersions } from '../../src/diff/versions.js';
import { loadChannelVocabulary } from '../../src/load/channels.js';
import type { Lang } from '../../src/model/types.js';
import { repoRoot } from '../helpers.js';
import { countyDiff, resolveFixture } from './load.js';

const NOTICE = '标准目录 test-2020 为节选';

function options(lang: Lang, color = false): DiffFormatOptions {
  return { lang, color, notices: [`${NOTICE}（测试）`], channels: loadChannelVocabulary() };
}

function standard(lang: Lang = 'zh') {
  return [{ government: 'test/fixtures/diff/county', diff: countyDiff(lang).diff }];
}

function versions() {
  const before = resolveFixture('versions/v1').resolved;
  const after = resolveFixture('versions/v2').resolved;
  return [{ government: 'county', name: '测试县人民政府', domains: { 'fiscal-budget': '财政预决算', 'social-assistance': '社会救助', 'general-affairs': '综合政务' }, diff: diffVersions(before, after, { from: 'v1', to: 'working-tree' }) }];
}

describe('diff formats: against the standard', () => {
  it('text', async () => {
    const out = diffFormatters.text.standard(standard(), options('zh'));
    expect(out.startsWith(`${NOTICE}（测试）\n`)).toBe(true);
    expect(out).not.toContain('\u001b[');
    await expect(out).toMatchFileSnapshot('./__golden__/standard.zh.txt');
  });

  it('text in English', async () => {
    await expect(diffFormatters.text.standard(standard('en'), options('en'))).toMatchFileSnapshot('./__golden__/standard.en.txt');
  });

  it('text in colour', async () => {
    const out = diffFormatters.text.standard(standard(), options('zh', true));
    expect(out).toContain('\u001b[31m');
    await expect(out).toMatchFileSnapshot('./__golden__/standard.color.txt');
  });

  it('markdown begins with the notice, then the summary table', async () => {
    const out = diffFormatters.markdown.standard(standard(), options('zh'));
    const lines = out.split('\n');
    expect(lines[0]).toBe(`> ${NOTICE}（测试）`);
    expect(lines.findIndex((l) => l.startsWith('| 领域 |'))).toBeLessThan(lines.findIndex((l) => l.startsWith('#### ')));
    await expect(out).toMatchFileSnapshot('./__golden__/standard.md');
  });

  it('json', async () => {
    await expect(diffFormatters.json.standard(standard(), options('zh'))).toMatchFileSnapshot('./__golden__/standard.json');
  });

  it('csv: BOM, CRLF, RFC 4180 quoting, Chinese headers, one row per national item and status', async () => {
    const out = diffFormatters.csv.standard(standard(), { ...options('zh'), notices: [] });
    expect(out.startsWith('\ufeff目录,行政区划代码,领域,领域名称,国家标准事项,一级事项,二级事项,状态,')).toBe(true);
    expect(out.endsWith('\r\n')).toBe(true);
    // a cell holding a line break is quoted, and the break stays inside it
    expect(out).toMatch(/"公开内容（要素）：[^"]*\n公开时限：[^"]*"/);
    const records = out.split('\r\n').filter((l) => l !== '');
    expect(records).toHaveLength(1 + 9 + 2 + 1);
    await expect(out).toMatchFileSnapshot('./__golden__/standard.csv');
  });

  it('csv in English', () => {
    const out = diffFormatters.csv.standard(standard('en'), { ...options('en'), notices: [] });
    expect(out.split('\r\n')[0]).toBe('\ufeffcatalog,code,domain,domain name,national item,category,name,status,local items,adapted elements,undeclared weakenings,details');
    expect(out).toContain(',missing,');
  });
});

describe('diff formats: between versions', () => {
  it('text', async () => {
    await expect(diffFormatters.text.versions(versions(), { ...options('zh'), notices: [] })).toMatchFileSnapshot('./__golden__/versions.zh.txt');
  });

  it('text in English', async () => {
    await expect(diffFormatters.text.versions(versions(), { ...options('en'), notices: [] })).toMatchFileSnapshot('./__golden__/versions.en.txt');
  });

  it('markdown', async () => {
    await expect(diffFormatters.markdown.versions(versions(), { ...options('zh'), notices: [] })).toMatchFileSnapshot('./__golden__/versions.md');
  });

  it('json', async () => {
    await expect(diffFormatters.json.versions(versions(), { ...options('zh'), notices: [] })).toMatchFileSnapshot('./__golden__/versions.json');
  });

  it('csv: catalog text that starts with = + - @ cannot run as a spreadsheet formula', () => {
    const [result] = versions();
    const change = result!.diff.changes.find((c) => c.after !== undefined && c.before !== undefined)!;
    const after = { ...change.after!, fields: { ...change.after!.fields, name: { ...change.after!.fields.name!, value: '=HYPERLINK("http://x","点击")' } } };
    const hostile = { ...result!, diff: { ...result!.diff, changes: [{ ...change, after, changes: [{ field: 'name' as const, before: '-1+1', after: '@SUM(A1)', class: 'info' as const }] }] } };
    const out = diffFormatters.csv.versions([hostile], { ...options('zh'), notices: [] });
    const cells = out.split('\r\n')[1]!;
    expect(cells).toContain(`"'=HYPERLINK(""http://x"",""点击"")"`);
    expect(cells).toContain(",'-1+1,'@SUM(A1),");
    expect(cells).not.toMatch(/(^|,)[=+\-@]/);
  });

  it('csv', async () => {
    const out = diffFormatters.csv.versions(versions(), { ...options('zh'), notices: [] });
    expect(out.startsWith('\ufeff目录,比较自,比较到,')).toBe(true);
    await expect(out).toMatchFileSnapshot('./__golden__/versions.csv');
  });
});

describe('schemas/diff.schema.json', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'diff.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

  it('accepts both JSON outputs', () => {
    for (const text of [diffFormatters.json.standard(standard(), options('zh')), diffFormatters.json.versions(versions(), options('zh'))]) {
      const ok = validate(JSON.parse(text));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('rejects an output of another shape', () => {
    const doc = JSON.parse(diffFormatters.json.standard(standard(), options('zh')));
    expect(validate({ ...doc, schemaVersion: 2 })).toBe(false);
    doc.results[0].entries[0].status = 'borrowed';
    expect(validate(doc)).toBe(false);
  });
});

describe('formatPercent', () => {
  it('never rounds an incomplete catalog up to 100%', () => {
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0.9996)).toBe('99.9%');
    expect(formatPercent(7 / 9)).toBe('77.8%');
    expect(formatPercent(0)).toBe('0.0%');
  });
});
