// The pages' white-space clean-up (normalizeHtml) against its definition: split into lines, trim each line's end, drop
// the empty ones, end with one newline. The fast form must agree with it on every input, and stay linear.
import { describe, expect, it } from 'vitest';
import { normalizeHtml } from '../../src/publish/templates.js';
import { rng } from '../../bench/generate.js';

function byDefinition(html: string): string {
  return `${html
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
    .join('\n')}\n`;
}

// Line breaks and the white space trimEnd knows (full-width space, no-break space, CR, U+2028) among text.
const ALPHABET = ['\n', '\n', ' ', ' ', '\t', '\r', '\v', '\u3000', '\u00a0', '\u1680', '\u2009', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\ufeff', '\u0085', 'a', '<', '事', 'b'];

describe('normalizeHtml', () => {
  it('agrees with its definition on fixed cases', () => {
    for (const html of ['', '\n', '   ', ' \n ', 'a', '\n\na\n\n', '  a  \n\n  b\t\n', 'a\r\nb\r\n', 'a\u3000\n\u3000b', '<p>\n\n</p>\n  \n']) {
      expect(normalizeHtml(html), JSON.stringify(html)).toBe(byDefinition(html));
    }
  });

  it('agrees with its definition on 5,000 random strings (seed 12)', () => {
    const next = rng(12);
    for (let n = 0; n < 5000; n++) {
      const length = Math.floor(next() * 40);
      let html = '';
      for (let i = 0; i < length; i++) html += ALPHABET[Math.floor(next() * ALPHABET.length)];
      expect(normalizeHtml(html), JSON.stringify(html)).toBe(byDefinition(html));
    }
  });

  it('takes a long run of spaces without a line break', () => {
    const html = `<p>${' '.repeat(200_000)}x</p>\n${' '.repeat(200_000)}`;
    expect(normalizeHtml(html)).toBe(byDefinition(html));
  });
});
