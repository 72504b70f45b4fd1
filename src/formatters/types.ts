// The formatter contract: the options every formatter takes, and how a diagnostic's file is named in output.
import path from 'node:path';
import { sortDiagnostics, type Summary } from '../model/diagnostic.js';
import type { Diagnostic, Lang } from '../model/types.js';

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
  /** Human formats list at most this many findings of one rule in one file, then a count of the rest; 0 or absent: all. */
  maxRepeats?: number;
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

/** Diagnostics grouped by displayed file, sorted, with every checked file present (clean ones with an empty list). */
export function groupByFile(diagnostics: readonly Diagnostic[], options: FormatOptions): Array<[string, Diagnostic[]]> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const file of options.files ?? []) byFile.set(displayFile(file, options.cwd), []);
  for (const d of sortDiagnostics(diagnostics)) {
    const file = displayFile(d.file, options.cwd);
    const list = byFile.get(file);
    if (list) list.push(d);
    else byFile.set(file, [d]);
  }
  return [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
