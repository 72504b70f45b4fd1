// The report in one function that reads top to bottom: load the workspace, date it from git, collect, rank, compare.
import { compiledWorker, defaultJobs, runWorker, scavengeInEachThread } from '../check/parallel.js';
import { findGovernmentRoots } from '../load/government.js';
import { loadEdition } from '../load/edition.js';
import type { Edition, Lang } from '../model/types.js';
import { diskFiles, openWorkspace, type Workspace } from '../load/workspace.js';
import { buildReport } from './build.js';
import { collectFacts, collectGovernments, describeWorkspace, folderOf, type Collected } from './collect.js';
import { compareReports } from './compare.js';
import { datesOfGovernments, readHistory, resolveRevision, workspaceAtRevision } from './git.js';
import type { GovernmentDates, GovernmentFacts, WorkspaceReport } from './types.js';

/** Below this many governments per worker, starting workers costs more than it saves. */
const MIN_GOVERNMENTS_PER_WORKER = 150;

export interface ReportOptions {
  cwd: string;
  lang: Lang;
  /** YYYY-MM-DD */
  date: string;
  /** a git revision to compare with */
  since?: string;
  /** worker threads for collecting (1: in this thread) */
  jobs?: number;
}

export interface ReportResult {
  report: WorkspaceReport;
  /** every edition the governments use, for the partial-edition notice */
  editions: Edition[];
}

function datesOf(workspace: Workspace, dir: string, rev?: string): Map<string, GovernmentDates> | undefined {
  const history = readHistory(dir, rev);
  if (!history) return undefined;
  return datesOfGovernments(history, workspace.members.map((m) => folderOf(dir, m.root)));
}

/**
 * The facts of every government on disk, spread over worker threads when there are enough governments. Shares are
 * runs of the workspace order, so a township's villages are mostly checked by the worker that loaded the township.
 */
async function collectOnDisk(roots: string[], workspace: Workspace, dir: string, lang: Lang, cwd: string, dates: Map<string, GovernmentDates> | undefined, jobs: number): Promise<Collected> {
  const options = { lang, base: dir, dates };
  const file = compiledWorker(new URL('./collect-worker.js', import.meta.url));
  const workers = Math.min(jobs, Math.floor(workspace.members.length / MIN_GOVERNMENTS_PER_WORKER));
  if (!file || workers < 2) return collectFacts(workspace, options);
  const size = Math.ceil(workspace.members.length / workers);
  const shares = Array.from({ length: workers }, (_, i) => workspace.members.slice(i * size, (i + 1) * size).map((m) => m.root)).filter((s) => s.length > 0);
  // This thread takes the first share itself while the workers do the others: it has the workspace open already, and
  // one thread fewer is one heap fewer (the province report's peak memory).
  scavengeInEachThread();
  const pending = shares.slice(1).map((share) => runWorker<{ governments: GovernmentFacts[]; editions: string[] }>(file, { roots, share, cwd, lang, base: dir, dates: dates ? [...dates] : undefined }));
  const own = collectGovernments(workspace, options, new Set(shares[0]));
  const parts = [{ governments: own.governments, editions: [] as string[] }, ...(await Promise.all(pending))];
  const editions = [...new Map([...own.editions, ...parts.flatMap((p) => p.editions.map((d) => loadEdition(d)))].map((e) => [e.dir, e])).values()];
  return describeWorkspace(workspace, parts.flatMap((p) => p.governments), editions, dates !== undefined);
}

export async function reportWorkspace(dir: string, options: ReportOptions): Promise<ReportResult> {
  const { cwd, lang } = options;
  const roots = findGovernmentRoots([dir], cwd, lang);
  const workspace = openWorkspace(diskFiles(roots, cwd, lang), lang);
  const current = await collectOnDisk(roots, workspace, dir, lang, cwd, datesOf(workspace, dir), options.jobs ?? defaultJobs());
  const report = buildReport(current.facts, options.date);
  const editions = new Map(current.editions.map((e) => [e.id, e]));
  if (options.since !== undefined) {
    const { commit, date } = resolveRevision(dir, options.since, lang);
    const before = workspaceAtRevision(dir, commit, cwd, lang);
    const previous = collectFacts(before, { lang, base: dir, dates: datesOf(before, dir, commit) });
    report.comparison = compareReports(buildReport(previous.facts, date), report, options.since);
    for (const e of previous.editions) if (!editions.has(e.id)) editions.set(e.id, e);
  }
  return { report, editions: [...editions.values()] };
}
