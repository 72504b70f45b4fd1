import { describe, expect, it } from 'vitest';
import { makeDiagnostic, summarize } from '../../src/model/diagnostic.js';
import { formatJson } from '../../src/formatters/json.js';
import { sampleDiagnostics, sampleOptions, sampleSummary } from './sample.js';

describe('json', () => {
  const out = formatJson(sampleDiagnostics('zh'), sampleSummary('zh'), sampleOptions('zh'));

  it('matches the golden file', async () => {
    await expect(out).toMatchFileSnapshot('./__golden__/diagnostics.json');
  });

  it('is sorted, keyed in a fixed order, and ends with a newline', () => {
    expect(out.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(out) as { diagnostics: Array<Record<string, unknown>>; summary: Record<string, unknown> };
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['yaml-syntax', 'unknown-channel', 'deadline-format', 'vague-subject']);
    expect(Object.keys(parsed.diagnostics[1]!)).toEqual(['code', 'severity', 'message', 'file', 'path', 'range', 'hint', 'fixable', 'docs']);
    expect(Object.keys(parsed.diagnostics[3]!)).toEqual(['code', 'severity', 'message', 'file', 'path', 'range', 'related', 'docs']);
    expect(parsed.diagnostics[1]!.docs).toBe('gk explain unknown-channel');
    expect(parsed.summary).toEqual({ files: 3, errors: 2, warnings: 2, fixable: 2 });
  });

  it('still prints an empty list and the summary when clean', () => {
    expect(JSON.parse(formatJson([], summarize([], 3), sampleOptions('zh')))).toEqual({
      diagnostics: [],
      summary: { files: 3, errors: 0, warnings: 0, fixable: 0 },
    });
  });

  it('counts the elements items must supply, by element and in element order', () => {
    const missing = (elements: Array<'subject' | 'mode' | 'audience' | 'levels'>) =>
      makeDiagnostic({ code: 'missing-element', severity: 'error', message: 'm', file: 'catalog/a.yaml', elements });
    const diagnostics = [missing(['levels', 'mode']), missing(['subject']), missing(['audience', 'mode', 'levels']), missing([])];
    const parsed = JSON.parse(formatJson(diagnostics, summarize(diagnostics, 1), sampleOptions('en'))) as { summary: Record<string, unknown> };
    expect(parsed.summary).toEqual({ files: 1, errors: 4, warnings: 0, fixable: 0, elements: { subject: 1, audience: 1, mode: 2, levels: 2 } });
    expect(Object.keys(parsed.summary.elements as object)).toEqual(['subject', 'audience', 'mode', 'levels']);
  });
});
