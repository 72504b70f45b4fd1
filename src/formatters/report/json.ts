// The report as JSON (schemaVersion 1): the whole model, language-neutral, for other tools and for `--since` comparisons.
import type { RenderOptions, WorkspaceReport } from '../../report/types.js';

export function renderJson(report: WorkspaceReport, _options?: RenderOptions): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
