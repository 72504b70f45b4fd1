// GitLab Code Quality: a JSON array of Code Climate issues that merge requests show in their widget and diff.
import { createHash } from 'node:crypto';
import { formatPath, sortDiagnostics, type Summary } from '../model/diagnostic.js';
import type { Diagnostic } from '../model/types.js';
import { displayFile, type FormatOptions } from './types.js';
import { explainCommand } from '../check/lint/docs.js';

export function formatGitlab(diagnostics: readonly Diagnostic[], _summary: Summary, options: FormatOptions): string {
  const seen = new Map<string, number>();
  const issues = sortDiagnostics(diagnostics).map((d) => {
    const file = displayFile(d.file, options.cwd);
    // GitLab matches issues across pipelines by fingerprint: it leaves out the line (an edit above must not turn a
    // finding "new"), and counts repeats so two identical findings in one file stay two issues.
    const key = [file, d.code, formatPath(d.path), d.message].join('\u0000');
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const issue: Record<string, unknown> = {
      type: 'issue',
      check_name: d.code,
      description: d.hint === undefined ? d.message : `${d.message} ${d.hint}`,
      categories: ['Style'],
      fingerprint: createHash('md5').update(`${key}\u0000${n}`).digest('hex'),
      severity: d.severity === 'error' ? 'major' : 'minor',
      location: { path: file, lines: { begin: d.range.start.line, end: d.range.end.line } },
      content: { body: `\`${explainCommand(d.code)}\`` },
    };
    return issue;
  });
  return JSON.stringify(issues, null, 2) + '\n';
}
