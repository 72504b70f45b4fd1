// The registry of diff output formats, keyed by the name `gk diff --format` takes.
import { csvFormatter } from './csv.js';
import { jsonFormatter } from './json.js';
import { markdownFormatter } from './markdown.js';
import { textFormatter } from './text.js';
import type { DiffFormatter } from './types.js';

export const diffFormatters = {
  text: textFormatter,
  markdown: markdownFormatter,
  json: jsonFormatter,
  csv: csvFormatter,
} satisfies Record<string, DiffFormatter>;

export type DiffFormatName = keyof typeof diffFormatters;

export function isDiffFormatName(s: string): s is DiffFormatName {
  return Object.hasOwn(diffFormatters, s);
}

export type { DiffFormatOptions, DiffFormatter, StandardResult, VersionResult } from './types.js';
