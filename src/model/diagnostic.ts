// Building, ordering and counting Diagnostics: the one problem type of every stage.
import { REQUIRED_ELEMENTS } from './elements.js';
import type { DataPath, Diagnostic, ItemField, Range, Severity } from './types.js';

export const FILE_START: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

export function pointRange(line: number, column: number, length = 1): Range {
  return { start: { line, column }, end: { line, column: column + length } };
}

export interface DiagnosticInit {
  code: string;
  severity: Severity;
  message: string;
  file: string;
  path?: DataPath;
  range?: Range;
  hint?: string;
  related?: Diagnostic['related'];
  fixable?: boolean;
  elements?: ItemField[];
}

/** `target.push(...items)` for lists of any length: a spread of 130,000 arguments overflows the call stack. */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}

export function makeDiagnostic(init: DiagnosticInit): Diagnostic {
  const d: Diagnostic = {
    code: init.code,
    severity: init.severity,
    message: init.message,
    file: init.file,
    path: init.path ?? [],
    range: init.range ?? FILE_START,
  };
  if (init.hint !== undefined) d.hint = init.hint;
  if (init.related !== undefined && init.related.length > 0) d.related = init.related;
  if (init.fixable) d.fixable = true;
  if (init.elements !== undefined && init.elements.length > 0) d.elements = [...init.elements];
  return d;
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file, b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    cmp(a.code, b.code) ||
    cmp(a.message, b.message)
  );
}

export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(compareDiagnostics);
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  fixable: number;
  /** How many items must supply each element (from missing-element), in element order; absent when none. */
  elements?: Partial<Record<ItemField, number>>;
}

export function summarize(diagnostics: readonly Diagnostic[], files: number): Summary {
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  const counts = new Map<ItemField, number>();
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
    if (d.fixable) fixable++;
    if (d.elements) for (const e of d.elements) counts.set(e, (counts.get(e) ?? 0) + 1);
  }
  const summary: Summary = { files, errors, warnings, fixable };
  if (counts.size > 0) summary.elements = Object.fromEntries(REQUIRED_ELEMENTS.filter((e) => counts.has(e)).map((e) => [e, counts.get(e)!]));
  return summary;
}

export function formatPath(path: DataPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out;
}
