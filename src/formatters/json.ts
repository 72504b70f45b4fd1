// The machine format: every diagnostic and the summary as JSON, keys in a fixed order so output diffs cleanly.
import { sortDiagnostics, type Summary } from '../model/diagnostic.js';
import type { Diagnostic, Range, RelatedLocation } from '../model/types.js';
import { explainCommand } from '../check/lint/docs.js';
import { displayFile, type FormatOptions } from './types.js';

export function formatJson(diagnostics: readonly Diagnostic[], summary: Summary, options: FormatOptions): string {
  const out = {
    diagnostics: sortDiagnostics(diagnostics).map((d) => orderDiagnostic(d, options.cwd)),
    summary: {
      files: summary.files,
      errors: summary.errors,
      warnings: summary.warnings,
      fixable: summary.fixable,
      ...(summary.elements ? { elements: { ...summary.elements } } : {}),
    },
  };
  return JSON.stringify(out, null, 2) + '\n';
}

// Objects are rebuilt rather than passed through so that key order never depends on how a stage built them.
function orderDiagnostic(d: Diagnostic, cwd: string | undefined): Record<string, unknown> {
  const o: Record<string, unknown> = {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: displayFile(d.file, cwd),
    path: [...d.path],
    range: orderRange(d.range),
  };
  if (d.hint !== undefined) o.hint = d.hint;
  if (d.related !== undefined) o.related = d.related.map((r) => orderRelated(r, cwd));
  if (d.fixable !== undefined) o.fixable = d.fixable;
  o.docs = explainCommand(d.code);
  return o;
}

function orderRelated(r: RelatedLocation, cwd: string | undefined): Record<string, unknown> {
  const o: Record<string, unknown> = { file: displayFile(r.file, cwd) };
  if (r.path !== undefined) o.path = [...r.path];
  if (r.range !== undefined) o.range = orderRange(r.range);
  o.message = r.message;
  return o;
}

function orderRange(r: Range): Range {
  return { start: { line: r.start.line, column: r.start.column }, end: { line: r.end.line, column: r.end.column } };
}
