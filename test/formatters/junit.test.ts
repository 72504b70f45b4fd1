import { describe, expect, it } from 'vitest';
import { makeDiagnostic, summarize } from '../../src/model/diagnostic.js';
import { escapeXml, formatJunit } from '../../src/formatters/junit.js';
import { FISCAL, SOCIAL, sampleDiagnostics, sampleOptions, sampleSummary } from './sample.js';

describe('junit', () => {
  const files = [SOCIAL, 'catalog/employment.yaml', FISCAL];
  const out = formatJunit(sampleDiagnostics('zh'), sampleSummary('zh'), sampleOptions('zh', { files }));

  it('matches the golden file', async () => {
    await expect(out).toMatchFileSnapshot('./__golden__/junit.xml');
  });

  it('has one suite per file, a failing case per diagnostic and a passing case for a clean file', () => {
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(out).toContain('<testsuites name="gk" tests="5" failures="4" errors="0">');
    expect(out.match(/<testsuite /g)).toHaveLength(3);
    expect(out).toContain('<testsuite name="catalog/social-assistance.yaml" tests="3" failures="3" errors="0">');
    expect(out).toContain('<testcase name="catalog/employment.yaml" classname="catalog/employment.yaml"/>');
    expect(out).toContain('<testcase name="5:22 unknown-channel" classname="catalog/social-assistance.yaml">');
    expect(out.match(/<failure /g)).toHaveLength(4);
  });

  it('escapes markup and drops characters XML 1.0 cannot hold', () => {
    expect(escapeXml(`<script>&"'`)).toBe('&lt;script&gt;&amp;&quot;&apos;');
    const d = [makeDiagnostic({ code: 'unknown-channel', severity: 'error', message: `渠道“<script>&"'\u0001\uFFFF”不在词表中`, file: 'a&b.yaml' })];
    const xml = formatJunit(d, summarize(d, 1), { lang: 'zh', color: false });
    expect(xml).toContain('<failure message="渠道“&lt;script&gt;&amp;&quot;&apos;”不在词表中" type="unknown-channel">');
    expect(xml).toContain('<testsuite name="a&amp;b.yaml"');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toMatch(/[\u0001\uFFFF]/);
  });

  it('keeps newlines in attributes as character references', () => {
    const d = [makeDiagnostic({ code: 'yaml-syntax', severity: 'error', message: '第一行\n第二行', file: 'a.yaml' })];
    expect(formatJunit(d, summarize(d, 1), { lang: 'zh', color: false })).toContain('message="第一行&#10;第二行"');
  });

  it('lists only clean files when there are no diagnostics', () => {
    const xml = formatJunit([], summarize([], 1), { lang: 'zh', color: false, files: ['a.yaml'] });
    expect(xml).toContain('<testsuites name="gk" tests="1" failures="0" errors="0">');
    expect(xml).toContain('<testcase name="a.yaml" classname="a.yaml"/>');
  });
});
