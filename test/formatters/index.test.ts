import { describe, expect, it } from 'vitest';
import { formatters, isFormatName } from '../../src/formatters/index.js';

describe('formatters', () => {
  it('knows its names and nothing inherited', () => {
    expect(Object.keys(formatters).sort()).toEqual(['checkstyle', 'github', 'gitlab', 'json', 'junit', 'sarif', 'stylish']);
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('xml')).toBe(false);
    expect(isFormatName('toString')).toBe(false);
    expect(isFormatName('__proto__')).toBe(false);
  });
});
