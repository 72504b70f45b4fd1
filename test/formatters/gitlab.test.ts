import { describe, expect, it } from 'vitest';
import { makeDiagnostic, summarize } from '../../src/model/diagnostic.js';
import { formatGitlab } from '../../src/formatters/gitlab.js';
import { FISCAL, SOCIAL, sampleDiagnostics, sampleOptions, sampleSummary } from './sample.js';

interface Issue {
  type: string;
  check_name: string;
  description: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

describe('gitlab code quality', () => {
  const out = formatGitlab(sampleDiagnostics('zh'), sampleSummary('zh'), sampleOptions('zh'));
  const issues = JSON.parse(out) as Issue[];

  it('matches the golden file', async () => {
    await expect(out).toMatchFileSnapshot('./__golden__/gl-code-quality.json');
  });

  it('is an array of issues with the fields GitLab requires', () => {
    expect(issues).toHaveLength(4);
    for (const issue of issues) {
      expect(Object.keys(issue)).toEqual(expect.arrayContaining(['description', 'check_name', 'fingerprint', 'severity', 'location']));
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
    }
    expect(issues.map((i) => [i.location.path, i.location.lines.begin, i.check_name, i.severity])).toEqual([
      [FISCAL, 5, 'yaml-syntax', 'major'],
      [SOCIAL, 5, 'unknown-channel', 'major'],
      [SOCIAL, 6, 'deadline-format', 'minor'],
      [SOCIAL, 12, 'vague-subject', 'minor'],
    ]);
    expect(issues[1]!.description).toBe('公开渠道“政府网占”不在词表中 是否想写“政府网站”？');
  });

  it('gives stable fingerprints that survive a line shift and stay unique for repeated findings', () => {
    const at = (line: number) =>
      makeDiagnostic({ code: 'vague-subject', severity: 'warning', message: '笼统', file: 'a.yaml', path: ['items', 0, 'subject'], range: { start: { line, column: 3 }, end: { line, column: 5 } } });
    const fp = (list: ReturnType<typeof at>[]) => (JSON.parse(formatGitlab(list, summarize(list, 1), { lang: 'zh', color: false })) as Issue[]).map((i) => i.fingerprint);
    expect(fp([at(3)])).toEqual(fp([at(9)]));
    const twice = fp([at(3), at(3)]);
    expect(new Set(twice).size).toBe(2);
    expect(twice[0]).toMatch(/^[0-9a-f]{32}$/);
    const other = makeDiagnostic({ code: 'vague-subject', severity: 'warning', message: '笼统', file: 'b.yaml', path: ['items', 0, 'subject'] });
    expect(fp([other])[0]).not.toBe(fp([at(3)])[0]);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });

  it('writes an empty array when there is nothing to report', () => {
    expect(formatGitlab([], summarize([], 2), { lang: 'en', color: false })).toBe('[]\n');
  });
});
