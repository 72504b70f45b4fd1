// The report's output formats, keyed by the name `--formats` takes, and the file each one writes.
import type { RenderOptions, WorkspaceReport } from '../../report/types.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './md.js';
import { renderXlsx } from './xlsx.js';

export const REPORT_FORMATS = ['html', 'csv', 'xlsx', 'json', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_FILES: Record<ReportFormat, string> = {
  html: 'report.html',
  csv: 'report.csv',
  xlsx: 'report.xlsx',
  json: 'report.json',
  md: 'report.md',
};

const RENDERERS: Record<ReportFormat, (report: WorkspaceReport, options: RenderOptions) => string | Promise<Uint8Array>> = {
  html: renderHtml,
  csv: renderCsv,
  xlsx: renderXlsx,
  json: renderJson,
  md: renderMarkdown,
};

/**
 * The files of the formats asked for, one at a time in REPORT_FORMATS order, as file name and contents: a caller that
 * writes each before asking for the next holds one format's output at a time (a province's JSON alone is 20 MB).
 */
export async function* renderReportFiles(report: WorkspaceReport, formats: readonly ReportFormat[], options: RenderOptions): AsyncGenerator<[string, string | Uint8Array]> {
  for (const format of REPORT_FORMATS) {
    if (formats.includes(format)) yield [REPORT_FILES[format], await RENDERERS[format](report, options)];
  }
}

/** File name → contents, every format at once. */
export async function renderReport(report: WorkspaceReport, formats: readonly ReportFormat[], options: RenderOptions): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  for await (const [name, data] of renderReportFiles(report, formats, options)) files.set(name, data);
  return files;
}
