// The report as JSON (schemaVersion 1): the whole model, language-neutral, for other tools and for `--since` comparisons.
import { measuresCoverage } from '../../model/levels.js';
import type { RenderOptions, WorkspaceReport } from '../../report/types.js';

export function renderJson(report: WorkspaceReport, _options?: RenderOptions): string {
  // A village has no coverage (model/levels.ts measuresCoverage): null, as in gk diff's JSON, rather than a 0 % it never had.
  const governments = report.governments.map((g) => (measuresCoverage(g.level) ? g : { ...g, applicable: null, covered: null, missing: null, coverage: null }));
  return `${JSON.stringify({ ...report, governments }, null, 2)}\n`;
}
