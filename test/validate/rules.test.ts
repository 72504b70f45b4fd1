// Each fixture under test/fixtures/rules/<rule>/ is one broken catalog that must produce exactly its rule, at its line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, gk } from '../helpers.js';
import { rules } from '../../src/check/lint/registry.js';

interface Expected {
  code: string;
  file: string;
  line: number;
}

const dir = path.join(fixtures, 'rules');
const cases = fs
  .readdirSync(dir)
  .filter((name) => fs.existsSync(path.join(dir, name, 'expected.json')))
  .sort();

describe('one fixture per rule', () => {
  it('has a fixture for every lint rule and the stage codes', () => {
    const stageCodes = ['yaml-syntax', 'yaml-alias', 'limit', 'unreadable-file', 'encoding', 'duplicate-key', 'schema', 'empty-file', 'fullwidth-colon', 'unknown-edition'];
    for (const id of [...rules.map((r) => r.meta.id), ...stageCodes]) expect(cases, `fixture for ${id}`).toContain(id);
  });

  it.each(cases)('%s', async (name) => {
    const expected = JSON.parse(fs.readFileSync(path.join(dir, name, 'expected.json'), 'utf8')) as Expected[];
    const { code, out } = await gk(['validate', '--format', 'json', path.join(dir, name)], path.join(dir, name));
    const report = JSON.parse(out) as { diagnostics: Array<{ code: string; file: string; range: { start: { line: number } } }> };
    const got = report.diagnostics.map((d) => ({ code: d.code, file: d.file, line: d.range.start.line }));
    expect(got).toEqual(expected);
    const errors = report.diagnostics.some((d) => (d as unknown as { severity: string }).severity === 'error');
    expect(code).toBe(errors ? 1 : 0);
  });
});
