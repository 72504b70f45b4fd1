// The formatter contract: the options every formatter takes, and how a diagnostic's file is named in output.
import path from 'node:path';
import type { Summary } from '../diagnostic.js';
import type { Diagnostic, Lang } from '../types.js';

export interface FormatOptions {
  lang: Lang;
  color: boolean;
  /** Absolute files under it are shown relative to it. */
  cwd?: string;
  /** File (as in Diagnostic.file) → its text, for source excerpts. */
  sources?: Map<string, string>;
  tool?: { name: string; version: string };
  /** Every file checked, so formatters that list files (junit) can show the clean ones too. */
  files?: string[];
}

export type Formatter = (diagnostics: readonly Diagnostic[], summary: Summary, options: FormatOptions) => string;

/** CI annotations and editors resolve paths against the checkout with forward slashes, whatever the OS. */
export function displayFile(file: string, cwd: string | undefined): string {
  let shown = file;
  if (cwd !== undefined && path.isAbsolute(file)) {
    const rel = path.relative(cwd, file);
    if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) shown = rel;
  }
  return shown.replace(/\\/g, '/');
}
