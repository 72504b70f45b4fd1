// JUnit XML: one test suite per file and one failing test case per diagnostic, for CI test-report views.
import type { Summary } from '../model/diagnostic.js';
import { say, type Message } from '../model/i18n.js';
import type { Diagnostic } from '../model/types.js';
import { displayFile, groupByFile, type FormatOptions } from './types.js';
import { SEE_EXPLAIN } from '../check/lint/docs.js';

const M = {
  hint: { zh: '提示：{text}', en: 'hint: {text}' },
  related: { zh: '相关位置：{where} {text}', en: 'related: {where} {text}' },
} satisfies Record<string, Message>;

export function formatJunit(diagnostics: readonly Diagnostic[], _summary: Summary, options: FormatOptions): string {
  const groups = groupByFile(diagnostics, options);
  const name = options.tool?.name ?? 'gk';
  // A clean file still counts as one passing test, so CI shows what was checked.
  const tests = groups.reduce((n, [, list]) => n + Math.max(list.length, 1), 0);
  const failures = diagnostics.length;

  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out += `<testsuites name="${attr(name)}" tests="${tests}" failures="${failures}" errors="0">\n`;
  for (const [file, list] of groups) {
    out += `  <testsuite name="${attr(file)}" tests="${Math.max(list.length, 1)}" failures="${list.length}" errors="0">\n`;
    if (list.length === 0) out += `    <testcase name="${attr(file)}" classname="${attr(file)}"/>\n`;
    for (const d of list) {
      const { line, column } = d.range.start;
      out += `    <testcase name="${attr(`${line}:${column} ${d.code}`)}" classname="${attr(file)}">\n`;
      out += `      <failure message="${attr(d.message)}" type="${attr(d.code)}">${escapeXml(failureBody(d, file, options))}</failure>\n`;
      out += '    </testcase>\n';
    }
    out += '  </testsuite>\n';
  }
  out += '</testsuites>\n';
  return out;
}

function failureBody(d: Diagnostic, file: string, options: FormatOptions): string {
  const lines = [`${file}:${d.range.start.line}:${d.range.start.column}: ${d.severity}: ${d.message}`];
  if (d.hint !== undefined) lines.push(say(M.hint, options.lang, { text: d.hint }));
  for (const r of d.related ?? []) {
    const where = r.range === undefined ? displayFile(r.file, options.cwd) : `${displayFile(r.file, options.cwd)}:${r.range.start.line}:${r.range.start.column}`;
    lines.push(say(M.related, options.lang, { where, text: r.message }));
  }
  lines.push(say(SEE_EXPLAIN, options.lang, { code: d.code }));
  return lines.join('\n');
}

/** Characters XML 1.0 cannot carry at all, escaped or not (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F). */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(s: string): string {
  return s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Parsers fold raw whitespace in attribute values to spaces; character references keep multi-line messages intact. */
export function attr(s: string): string {
  return escapeXml(s).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
