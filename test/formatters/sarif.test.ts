import { describe, expect, it } from 'vitest';
import { makeDiagnostic, summarize } from '../../src/model/diagnostic.js';
import { formatSarif } from '../../src/formatters/sarif.js';
import { checkDocs } from '../../src/check/lint/docs.js';
import { sampleDiagnostics, sampleOptions, sampleSummary } from './sample.js';

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version?: string; rules: Array<{ id: string; shortDescription: { text: string } }> } };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: Record<string, number> } }>;
      relatedLocations?: unknown[];
    }>;
  }>;
}

describe('sarif', () => {
  const out = formatSarif(sampleDiagnostics('zh'), sampleSummary('zh'), sampleOptions('zh'));

  it('matches the golden file', async () => {
    await expect(out).toMatchFileSnapshot('./__golden__/results.sarif');
  });

  it('is SARIF 2.1.0 with one result per diagnostic and one rule per code', () => {
    const log = JSON.parse(out) as SarifLog;
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'gk', version: '0.1.0' });
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['deadline-format', 'unknown-channel', 'vague-subject', 'yaml-syntax']);
    expect(run.results).toHaveLength(4);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(run.results.map((r) => r.level)).toEqual(['error', 'error', 'warning', 'warning']);
    expect(run.results[1]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 5, startColumn: 22, endLine: 5, endColumn: 26 });
    expect(run.results[3]!.relatedLocations).toHaveLength(1);
  });

  it('describes each rule from gk explain’s data and points to the command', () => {
    const rules = (JSON.parse(out) as SarifLog).runs[0]!.tool.driver.rules as Array<{ id: string; shortDescription: { text: string }; help: { text: string; markdown: string } }>;
    const channel = rules.find((r) => r.id === 'unknown-channel')!;
    expect(channel.shortDescription.text).toBe(checkDocs['unknown-channel']!.summary.zh);
    expect(channel.help.text).toContain('gk explain unknown-channel');
    expect(channel.help.markdown).toContain('`gk explain unknown-channel`');
    const unknown = JSON.parse(formatSarif([makeDiagnostic({ code: 'custom/x', severity: 'error', message: 'm', file: 'a.yaml' })], summarize([], 1), { lang: 'en', color: false }));
    expect(unknown.runs[0].tool.driver.rules[0]).toMatchObject({ shortDescription: { text: 'custom/x' }, help: { text: 'gk explain custom/x' } });
  });

  it('writes artifact URIs with forward slashes, relative to cwd', () => {
    const d = [
      makeDiagnostic({ code: 'schema', severity: 'error', message: 'x', file: 'catalog\\a.yaml' }),
      makeDiagnostic({ code: 'schema', severity: 'error', message: 'y', file: '/repo/catalog/b c.yaml' }),
    ];
    const log = JSON.parse(formatSarif(d, summarize(d, 2), { lang: 'zh', color: false, cwd: '/repo' })) as SarifLog;
    expect(log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(['catalog/b%20c.yaml', 'catalog/a.yaml']);
  });

  it('is valid with no diagnostics', () => {
    const log = JSON.parse(formatSarif([], summarize([], 0), sampleOptions('zh'))) as SarifLog;
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules).toEqual([]);
  });
});
