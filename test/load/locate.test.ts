// The fast locator (js-yaml parse events) must agree with `yaml`'s positional document on every path.
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { Locator } from '../../src/load/yaml.js';
import type { DataPath } from '../../src/model/types.js';
import { repoRoot } from '../helpers.js';

function paths(value: unknown, prefix: DataPath = []): DataPath[] {
  const out: DataPath[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

const files = fg.sync(['catalogs/examples/**/*.yaml', 'catalogs/standard/national-2020/social-assistance.yaml', 'test/fixtures/rules/*/catalog/*.yaml'], { cwd: repoRoot, absolute: true }).sort();

// Files the comparison cannot cover: anchors and aliases are always located with yaml, and broken fixtures by the yaml engine only.
function uncovered(text: string): string | undefined {
  if (/[&*]\w/.test(text) && text.includes('*')) return 'alias';
  try {
    jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return 'broken';
  }
  return undefined;
}
const skipped = files.filter((f) => uncovered(fs.readFileSync(f, 'utf8')) !== undefined);
const compared = files.filter((f) => !skipped.includes(f));

describe('Locator', () => {
  it('compares every example and standard file, leaving out only the broken and aliasing rule fixtures', () => {
    expect(compared.filter((f) => path.relative(repoRoot, f).startsWith('catalogs/examples/')).length).toBeGreaterThan(20);
    expect(compared.map((f) => path.relative(repoRoot, f))).toContain('catalogs/standard/national-2020/social-assistance.yaml');
    expect(skipped.map((f) => path.relative(repoRoot, f))).toEqual([
      'test/fixtures/rules/duplicate-key/catalog/fiscal-budget.yaml',
      'test/fixtures/rules/fullwidth-colon/catalog/fiscal-budget.yaml',
      'test/fixtures/rules/yaml-alias/catalog/fiscal-budget.yaml',
      'test/fixtures/rules/yaml-syntax/catalog/fiscal-budget.yaml',
    ]);
  });

  it.each(compared.map((f) => [path.relative(repoRoot, f), f]))('%s: fast and yaml locators agree', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8');
    const data: unknown = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
    const fast = new Locator(text);
    const slow = new Locator(text, { engine: 'yaml' });
    for (const p of paths(data)) {
      expect(fast.locate(p).start, JSON.stringify(p)).toEqual(slow.locate(p).start);
      expect(fast.locate(p, { key: true }).start, `key ${JSON.stringify(p)}`).toEqual(slow.locate(p, { key: true }).start);
    }
    // a path that does not exist falls back to its nearest ancestor
    expect(fast.locate(['items', 0, 'no-such-key']).start).toEqual(slow.locate(['items', 0, 'no-such-key']).start);
  });

  it('points at the value of a key, with 1-based columns counted in UTF-16 units', () => {
    const loc = new Locator('domain: fiscal-budget\nitems:\n  - id: a\n    channels: [政府网站, 政府网占]\n');
    expect(loc.locate(['items', 0, 'channels', 1])).toEqual({ start: { line: 4, column: 22 }, end: { line: 4, column: 26 } });
    expect(loc.locate(['items', 0, 'channels'], { key: true }).start).toEqual({ line: 4, column: 5 });
  });
});

describe('Locator on files too large for a position tree', () => {
  const item = (i: number) => `  - id: item-${i}\n    name: 事项${i}\n    channels: [政府网站]\n`;
  const body = (n: number, each: (i: number) => string) => Array.from({ length: n }, (_, i) => each(i)).join('');
  const n = Math.ceil((9 * 1024 * 1024) / item(99999).length);

  it('finds an entry of an indented items list by its dash', () => {
    const text = `domain: fiscal-budget\n# 注释\nitems:\n${body(n, item)}exclusions: []\n`;
    const loc = new Locator(text);
    expect(loc.locate(['items', 0, 'id']).start).toEqual({ line: 4, column: 3 });
    expect(loc.locate(['items', n - 1, 'name']).start).toEqual({ line: 4 + 3 * (n - 1), column: 3 });
    expect(loc.locate(['items', n]).start).toEqual({ line: 1, column: 1 });
  });

  it('finds an entry of a list written at column 0', () => {
    const text = `domain: fiscal-budget\nitems:\n${body(n, (i) => item(i).replace(/^ {2}/gm, ''))}exclusions: []\n`;
    const loc = new Locator(text);
    expect(loc.locate(['items', 2]).start).toEqual({ line: 3 + 3 * 2, column: 1 });
  });
});
