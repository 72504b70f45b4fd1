import { describe, expect, it } from 'vitest';
import { makeDiagnostic, summarize } from '../../src/model/diagnostic.js';
import { formatCheckstyle } from '../../src/formatters/checkstyle.js';
import { FISCAL, SOCIAL, sampleDiagnostics, sampleOptions, sampleSummary } from './sample.js';

describe('checkstyle', () => {
  const files = [SOCIAL, 'catalog/employment.yaml', FISCAL];
  const out = formatCheckstyle(sampleDiagnostics('en'), sampleSummary('en'), sampleOptions('en', { files }));

  it('matches the golden file', async () => {
    await expect(out).toMatchFileSnapshot('./__golden__/checkstyle.xml');
  });

  it('has one <file> per file checked and one <error> per diagnostic with line, column, severity and source', () => {
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n')).toBe(true);
    expect(out.match(/<file /g)).toHaveLength(3);
    expect(out).toContain('<file name="catalog/employment.yaml"/>');
    expect(out.match(/<error /g)).toHaveLength(4);
    expect(out).toContain('<error line="5" column="22" severity="error" message="channel &quot;政府网占&quot; is not in the vocabulary (hint: did you mean &quot;政府网站&quot;?) (about this rule: gk explain unknown-channel)" source="gk.unknown-channel"/>');
    expect(out).toContain('severity="warning" message="subject &quot;有关部门&quot; is vague; name the office (about this rule: gk explain vague-subject)" source="gk.vague-subject"/>');
    expect(out.indexOf(FISCAL)).toBeLessThan(out.indexOf(SOCIAL));
  });

  it('escapes markup, keeps newlines and drops characters XML cannot hold', () => {
    const d = [makeDiagnostic({ code: 'yaml-syntax', severity: 'error', message: '<b>&"\n\u0001', file: 'x&y.yaml' })];
    const xml = formatCheckstyle(d, summarize(d, 1), { lang: 'zh', color: false });
    expect(xml).toContain('<file name="x&amp;y.yaml">');
    expect(xml).toContain('message="&lt;b&gt;&amp;&quot;&#10;（规则说明：gk explain yaml-syntax）"');
    expect(xml).not.toContain('<b>');
  });

  it('is a bare document when nothing was checked', () => {
    expect(formatCheckstyle([], summarize([], 0), { lang: 'zh', color: false })).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n</checkstyle>\n');
  });
});
