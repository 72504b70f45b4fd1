// GitHub Actions workflow commands: one annotation per diagnostic, shown inline on the pull request's diff.
import { sortDiagnostics, type Summary } from '../model/diagnostic.js';
import { say, type Message } from '../model/i18n.js';
import type { Diagnostic } from '../model/types.js';
import { displayFile, type FormatOptions } from './types.js';
import { SEE_EXPLAIN } from '../check/lint/docs.js';

const HINT: Message = { zh: '提示：{text}', en: 'hint: {text}' };

export function formatGithub(diagnostics: readonly Diagnostic[], _summary: Summary, options: FormatOptions): string {
  let out = '';
  for (const d of sortDiagnostics(diagnostics)) {
    const { start, end } = d.range;
    const props = [
      `file=${escapeProperty(displayFile(d.file, options.cwd))}`,
      `line=${start.line}`,
      `col=${start.column}`,
      `endLine=${end.line}`,
      `endColumn=${end.column}`,
      `title=${escapeProperty(d.code)}`,
    ].join(',');
    // The annotation is all a reviewer sees, so the hint travels with the message on its own line.
    let message = d.hint === undefined ? d.message : `${d.message}\n${say(HINT, options.lang, { text: d.hint })}`;
    message += `\n${say(SEE_EXPLAIN, options.lang, { code: d.code })}`;
    out += `::${d.severity} ${props}::${escapeData(message)}\n`;
  }
  return out;
}

/** Per @actions/core: data may not hold raw newlines, and `%` must be escaped first since it is the escape. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values are also split on `,` and ended by `::`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
