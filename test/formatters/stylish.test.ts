import { describe, expect, it } from 'vitest';
import { makeDiagnostic, summarize } from '../../src/model/diagnostic.js';
import { charWidth, formatStylish } from '../../src/formatters/stylish.js';
import { SOCIAL, sampleDiagnostics, sampleOptions, sampleSummary } from './sample.js';

describe('stylish', () => {
  it('matches the Chinese golden file', async () => {
    await expect(formatStylish(sampleDiagnostics('zh'), sampleSummary('zh'), sampleOptions('zh'))).toMatchFileSnapshot('./__golden__/stylish.zh.txt');
  });

  it('matches the English golden file', async () => {
    await expect(formatStylish(sampleDiagnostics('en'), sampleSummary('en'), sampleOptions('en'))).toMatchFileSnapshot('./__golden__/stylish.en.txt');
  });

  it('matches the coloured golden file', async () => {
    const out = formatStylish(sampleDiagnostics('zh'), sampleSummary('zh'), sampleOptions('zh', { color: true }));
    expect(out).toContain('\u001b[31m');
    await expect(out).toMatchFileSnapshot('./__golden__/stylish.color.txt');
  });

  it('prints nothing when there is nothing to report', () => {
    expect(formatStylish([], summarize([], 3), sampleOptions('zh'))).toBe('');
  });

  it('puts the caret under the range in terminal columns, CJK counting two', () => {
    const lines = formatStylish(sampleDiagnostics('zh'), sampleSummary('zh'), sampleOptions('zh')).split('\n');
    const source = lines.findIndex((l) => l === '    5 |     channels: [政府网站, 政府网占, 公开栏]');
    expect(source).toBeGreaterThan(-1);
    // "    channels: [" is 15 columns, "政府网站, " 4×2 + 2 = 10 more; "政府网占" is 8 columns wide.
    expect(lines[source + 1]).toBe(`      | ${' '.repeat(25)}${'^'.repeat(8)}`);
  });

  it('shows a tab as spaces with the caret under them', () => {
    const out = formatStylish(sampleDiagnostics('zh'), sampleSummary('zh'), sampleOptions('zh'));
    expect(out).toContain('    5 |     deadline: 批准后20日内\n      | ^^^^\n');
  });

  it('aligns the code column by display width', () => {
    const lines = formatStylish(sampleDiagnostics('zh'), sampleSummary('zh'), sampleOptions('zh')).split('\n');
    const rows = lines.filter((l) => /^ {2,3}\d+:\d+ /.test(l) && l.includes('catalog') === false && /(unknown-channel|deadline-format|vague-subject)$/.test(l));
    expect(rows).toHaveLength(3);
    const ends = rows.map((r) => {
      const code = r.split('  ').at(-1)!;
      const before = r.slice(0, r.length - code.length);
      return [...before].reduce((w, ch) => w + charWidth(ch), 0);
    });
    expect(new Set(ends).size).toBe(1);
    expect(rows[0]).toMatch(/^ {3}5:22 {2}错误 {2}公开渠道/);
  });

  it('uses English singular and plural', () => {
    const one = [makeDiagnostic({ code: 'unknown-channel', severity: 'error', message: 'x', file: SOCIAL })];
    expect(formatStylish(one, summarize(one, 1), sampleOptions('en'))).toContain('✖ 1 problem (1 error, 0 warnings)\n');
    const three = sampleDiagnostics('en').slice(0, 3);
    expect(formatStylish(three, summarize(three, 2), sampleOptions('en'))).toContain('✖ 3 problems (2 errors, 1 warning), 1 fixable with gk fmt\n');
    expect(formatStylish(three, summarize(three, 2), sampleOptions('zh'))).toContain('✖ 共 3 个问题（2 个错误，1 个警告），其中 1 个可用 gk fmt 自动修复\n');
  });

  it('leaves out the fixable clause when nothing is fixable', () => {
    const one = [makeDiagnostic({ code: 'vague-subject', severity: 'warning', message: 'x', file: SOCIAL })];
    const lines = formatStylish(one, summarize(one, 1), sampleOptions('en')).trimEnd().split('\n');
    expect(lines.at(-2)).toBe('✖ 1 problem (0 errors, 1 warning)');
    expect(lines.at(-1)).toBe('run gk explain <rule> to see what a rule means and how to fix it, e.g. gk explain vague-subject');
  });

  it('windows a long line around the range and keeps the caret aligned', () => {
    const text = `note: ${'一'.repeat(80)}错字${'二'.repeat(60)}`;
    const column = text.indexOf('错字') + 1;
    const d = makeDiagnostic({
      code: 'typo',
      severity: 'warning',
      message: 'x',
      file: 'long.yaml',
      range: { start: { line: 1, column }, end: { line: 1, column: column + 2 } },
    });
    const lines = formatStylish([d], summarize([d], 1), { lang: 'en', color: false, sources: new Map([['long.yaml', text]]) }).split('\n');
    const source = lines[2]!;
    const caret = lines[3]!;
    expect(source.startsWith('    1 | ...一')).toBe(true);
    expect(source.endsWith('...')).toBe(true);
    const width = (s: string) => [...s].reduce((w, ch) => w + charWidth(ch), 0);
    expect(width(caret.slice(0, caret.indexOf('^')))).toBe(width(source.slice(0, source.indexOf('错字'))));
    expect(caret.endsWith('^^^^')).toBe(true);
  });

  it('keeps terminal escape sequences in catalog text from reaching the terminal', () => {
    const d = makeDiagnostic({ code: 'unknown-channel', severity: 'error', message: '渠道“\u001b[2J”不在词表中', file: SOCIAL });
    const out = formatStylish([d], summarize([d], 1), sampleOptions('zh'));
    expect(out).not.toContain('\u001b');
    expect(out).toContain('渠道“\uFFFD[2J”不在词表中');
  });

  it('skips the excerpt for a whole-file problem and when the source is unknown', () => {
    const d = makeDiagnostic({ code: 'empty-file', severity: 'error', message: '文件为空', file: SOCIAL });
    expect(formatStylish([d], summarize([d], 1), sampleOptions('zh'))).not.toContain(' | ');
    const e = sampleDiagnostics('zh')[2]!;
    expect(formatStylish([e], summarize([e], 1), { lang: 'zh', color: false })).not.toContain(' | ');
  });

  it('counts display widths', () => {
    expect(['a', '中', '，', 'Ａ', '😀', '\u0301', '“'].map(charWidth)).toEqual([1, 2, 2, 2, 2, 0, 1]);
  });

  it('lists at most maxRepeats findings of one rule per file, then counts the rest (counts and other rules untouched)', () => {
    // 300 unknown channels on one long flow-list line, plus one finding of another rule in the same file
    const names = Array.from({ length: 300 }, (_, i) => `渠道${i}`);
    const line = `    channels: [${names.join(', ')}]`;
    const text = ['items:', '  - id: x', line, '    subject: 有关部门', ''].join('\n');
    const file = 'catalog/x.yaml';
    const diagnostics = names.map((n) => {
      const column = line.indexOf(n) + 1;
      return makeDiagnostic({ code: 'unknown-channel', severity: 'warning', message: `公开渠道“${n}”不在渠道词表中`, file, path: ['items', 0, 'channels'], range: { start: { line: 3, column }, end: { line: 3, column: column + n.length } } });
    });
    diagnostics.push(makeDiagnostic({ code: 'vague-subject', severity: 'warning', message: '公开主体过于笼统', file, path: ['items', 0, 'subject'], range: { start: { line: 4, column: 14 }, end: { line: 4, column: 18 } } }));
    const summary = summarize(diagnostics, 1);
    const options = { ...sampleOptions('zh'), sources: new Map([[file, text]]) };
    const capped = formatStylish(diagnostics, summary, { ...options, maxRepeats: 5 });
    expect(capped.match(/  unknown-channel$/gm)).toHaveLength(5);
    expect(capped).toContain('本文件另有 295 个 unknown-channel 问题未列出');
    expect(capped).toContain('vague-subject');
    expect(capped).toContain('共 301 个问题');
    const en = formatStylish(diagnostics, summary, { ...sampleOptions('en'), sources: options.sources, maxRepeats: 5 });
    expect(en).toContain('295 more unknown-channel findings in this file not listed');
    const all = formatStylish(diagnostics, summary, { ...options, maxRepeats: 0 });
    expect(all.match(/  unknown-channel$/gm)).toHaveLength(300);
    expect(all).not.toContain('未列出');
    // the last one's excerpt is windowed around its own column, with the caret under it
    const lines = all.split('\n');
    const last = lines.findIndex((l) => l.includes('“渠道299”'));
    expect(lines[last + 1]).toMatch(/渠道298, 渠道299\]$/);
    const caret = lines[last + 2]!;
    const before = [...lines[last + 1]!.slice(0, lines[last + 1]!.indexOf('渠道299'))].reduce((w, ch) => w + charWidth(ch), 0);
    expect(caret.indexOf('^')).toBe(before);
  });
});
