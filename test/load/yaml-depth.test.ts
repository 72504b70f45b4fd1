// The nesting limit holds on the fast path without a walk of the parsed data: whatever parseYaml returns nests at
// most MAX_NESTING lists and mappings deep, and one level more is the limit finding, in every style of nesting.
import { describe, expect, it } from 'vitest';
import { deeperThan, MAX_NESTING, parseYaml } from '../../src/load/yaml.js';

/** `levels` lists and mappings nested under `items:` (which is the first level), ending in `leaf`. */
function nested(levels: number, style: 'flow' | 'block' | 'mapping', leaf: 'empty' | 'scalar'): string {
  const inner = levels - 1;
  if (style === 'flow') return `items: ${'['.repeat(inner)}${leaf === 'scalar' ? 'x' : ''}${']'.repeat(inner)}\n`;
  if (style === 'mapping') {
    const lines = Array.from({ length: inner }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`);
    return `items:\n${lines.join('\n')}${leaf === 'scalar' ? ' x' : ' {}'}\n`;
  }
  const lines = Array.from({ length: inner }, (_, i) => `${'  '.repeat(i)}-`);
  return `items:\n${lines.join('\n')} ${leaf === 'scalar' ? 'x' : '[]'}\n`;
}

describe('YAML nesting limit', () => {
  for (const style of ['flow', 'block', 'mapping'] as const) {
    for (const leaf of ['empty', 'scalar'] as const) {
      it(`${style} nesting ending in ${leaf === 'empty' ? 'an empty collection' : 'a scalar'}: data within the limit, or the limit finding`, () => {
        const verdicts: string[] = [];
        for (let levels = MAX_NESTING - 3; levels <= MAX_NESTING + 3; levels++) {
          const parsed = parseYaml(nested(levels, style, leaf), 'deep.yaml', 'en');
          const codes = parsed.diagnostics.map((d) => d.code);
          if (parsed.data === undefined) {
            expect(codes).toEqual(['limit']);
            verdicts.push(`${levels}:limit`);
          } else {
            expect(codes).toEqual([]);
            expect(deeperThan(parsed.data, MAX_NESTING)).toBe(false);
            expect(deeperThan(parsed.data, levels - 1)).toBe(true);
            verdicts.push(`${levels}:ok`);
          }
        }
        // Well under the limit parses, well over it does not.
        expect(verdicts[0]).toBe(`${MAX_NESTING - 3}:ok`);
        expect(verdicts.at(-1)).toBe(`${MAX_NESTING + 3}:limit`);
      });
    }
  }
});
