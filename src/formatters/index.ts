// The registry of output formats, keyed by the name `--format` takes.
import type { Formatter } from './types.js';
import { formatStylish } from './stylish.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatGithub } from './github.js';
import { formatJunit } from './junit.js';
import { formatGitlab } from './gitlab.js';
import { formatCheckstyle } from './checkstyle.js';

export const formatters = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  gitlab: formatGitlab,
  checkstyle: formatCheckstyle,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;

export function isFormatName(s: string): s is FormatName {
  return Object.hasOwn(formatters, s);
}

export type { FormatOptions, Formatter } from './types.js';
