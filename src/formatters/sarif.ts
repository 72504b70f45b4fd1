// SARIF 2.1.0, the static-analysis interchange format that code-scanning dashboards ingest.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sortDiagnostics, type Summary } from '../model/diagnostic.js';
import type { Diagnostic, Range, RelatedLocation } from '../model/types.js';
import { checkDocs, explainCommand } from '../check/lint/docs.js';
import { displayFile, type FormatOptions } from './types.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function formatSarif(diagnostics: readonly Diagnostic[], _summary: Summary, options: FormatOptions): string {
  const sorted = sortDiagnostics(diagnostics);
  const codes = [...new Set(sorted.map((d) => d.code))].sort();
  const ruleIndex = new Map(codes.map((code, i) => [code, i]));
  const driver: Record<string, unknown> = { name: options.tool?.name ?? 'gk' };
  if (options.tool !== undefined) driver.version = options.tool.version;
  driver.rules = codes.map((code) => {
    const docs = Object.hasOwn(checkDocs, code) ? checkDocs[code] : undefined;
    const command = explainCommand(code);
    const rule: Record<string, unknown> = { id: code, shortDescription: { text: docs?.summary[options.lang] ?? code } };
    // No page to link to (gk runs offline), so the help points at the command that prints the rule's documentation.
    rule.help = { text: docs ? `${docs.fix[options.lang]} ${command}` : command, markdown: docs ? `${docs.fix[options.lang]}\n\n\`${command}\`` : `\`${command}\`` };
    return rule;
  });

  const results = sorted.map((d) => {
    const result: Record<string, unknown> = {
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code),
      level: d.severity,
      message: { text: d.message },
      locations: [{ physicalLocation: physicalLocation(d.file, d.range, options.cwd) }],
    };
    if (d.related !== undefined && d.related.length > 0) {
      result.relatedLocations = d.related.map((r, id) => relatedLocation(r, id, options.cwd));
    }
    return result;
  });

  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    // Columns count UTF-16 code units, as Diagnostic columns do; said explicitly so no consumer guesses.
    runs: [{ tool: { driver }, columnKind: 'utf16CodeUnits', results }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function relatedLocation(r: RelatedLocation, id: number, cwd: string | undefined): Record<string, unknown> {
  return { id, physicalLocation: physicalLocation(r.file, r.range, cwd), message: { text: r.message } };
}

function physicalLocation(file: string, range: Range | undefined, cwd: string | undefined): Record<string, unknown> {
  const location: Record<string, unknown> = { artifactLocation: { uri: fileUri(displayFile(file, cwd)) } };
  if (range !== undefined) {
    location.region = {
      startLine: range.start.line,
      startColumn: range.start.column,
      endLine: range.end.line,
      endColumn: range.end.column,
    };
  }
  return location;
}

/** artifactLocation.uri must be a URI reference: relative paths percent-encoded per segment, absolute ones as file: URLs. */
function fileUri(file: string): string {
  if (path.isAbsolute(file) || /^[A-Za-z]:\//.test(file)) return pathToFileURL(file).href;
  return file.split('/').map(encodeURIComponent).join('/');
}
