import { describe, expect, it } from 'vitest';
import { makeDiagnostic, pointRange, summarize } from '../../src/model/diagnostic.js';
import { formatGithub } from '../../src/formatters/github.js';
import { sampleDiagnostics, sampleOptions, sampleSummary } from './sample.js';

describe('github', () => {
  it('matches the golden file', async () => {
    await expect(formatGithub(sampleDiagnostics('zh'), sampleSummary('zh'), sampleOptions('zh'))).toMatchFileSnapshot('./__golden__/github.txt');
  });

  it('prints one command per diagnostic', () => {
    const lines = formatGithub(sampleDiagnostics('zh'), sampleSummary('zh'), sampleOptions('zh')).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    expect(lines[1]).toBe(
      '::error file=catalog/social-assistance.yaml,line=5,col=22,endLine=5,endColumn=26,title=unknown-channel::公开渠道“政府网占”不在词表中%0A提示：是否想写“政府网站”？%0A规则说明：gk explain unknown-channel',
    );
  });

  it('escapes messages and property values per the Actions rules', () => {
    const d = [
      makeDiagnostic({
        code: 'yaml-syntax',
        severity: 'warning',
        message: '第一行\r\n100% 第二行: a, b',
        file: 'catalog/a,b:c.yaml',
        range: pointRange(3, 5, 4),
      }),
    ];
    expect(formatGithub(d, summarize(d, 1), { lang: 'zh', color: false })).toBe(
      '::warning file=catalog/a%2Cb%3Ac.yaml,line=3,col=5,endLine=3,endColumn=9,title=yaml-syntax::第一行%0D%0A100%25 第二行: a, b%0A规则说明：gk explain yaml-syntax\n',
    );
  });

  it('prints nothing when clean', () => {
    expect(formatGithub([], summarize([], 1), sampleOptions('zh'))).toBe('');
  });
});
