// The report's git edge: when files were first and last committed, and a workspace as it was at a revision (no checkout).
import path from 'node:path';
import { usageError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { relativeTo } from '../io/files.js';
import { runGit, type FileDates } from '../io/git.js';
import { revisionTree } from '../load/tree.js';
import type { Lang } from '../model/types.js';
import { openWorkspace, type Workspace } from '../load/workspace.js';
import type { GovernmentDates } from './types.js';

const M = {
  notRepository: { zh: '--since：{dir} 不在 git 仓库中，无法与以前的版本比较', en: '--since: {dir} is not in a git repository, so there is no earlier version to compare with' },
  notCommit: { zh: '--since：“{rev}”不是 {dir} 所在 git 仓库中的提交', en: '--since: "{rev}" is not a commit of the git repository at {dir}' },
} satisfies Record<string, Message>;

/** git's output, or undefined when git fails (not a repository, no commits, no git). */
function git(dir: string, args: string[]): Buffer | undefined {
  const r = runGit(dir, ['-c', 'core.quotePath=false', ...args]);
  return r.ok ? r.stdout : undefined;
}

export { readHistory, type FileDates } from '../io/git.js';

/**
 * Dates per government folder (relative to the workspace, '' for the workspace folder itself): a file belongs to the
 * deepest government folder holding it, and only gk.yaml and catalog/ count.
 */
export function datesOfGovernments(history: ReadonlyMap<string, FileDates>, folders: readonly string[]): Map<string, GovernmentDates> {
  const known = new Set(folders);
  const out = new Map<string, GovernmentDates>(folders.map((f) => [f, {}]));
  for (const [file, dates] of history) {
    let dir = path.posix.dirname(file);
    let folder: string | undefined;
    for (;;) {
      const candidate = dir === '.' ? '' : dir;
      if (known.has(candidate)) {
        folder = candidate;
        break;
      }
      if (dir === '.' || dir === '/') break;
      dir = path.posix.dirname(dir);
    }
    if (folder === undefined) continue;
    const own = folder === '' ? file : file.slice(folder.length + 1);
    const isManifest = own === 'gk.yaml';
    if (!isManifest && !own.startsWith('catalog/')) continue;
    const d = out.get(folder)!;
    if (isManifest && (d.listed === undefined || dates.first < d.listed)) d.listed = dates.first;
    if (!isManifest && (d.published === undefined || dates.first < d.published)) d.published = dates.first;
    if (d.lastChanged === undefined || dates.last > d.lastChanged) d.lastChanged = dates.last;
  }
  return out;
}

/** The commit a revision names, checked, and its committer date. */
export function resolveRevision(dir: string, rev: string, lang: Lang): { commit: string; date: string } {
  if (git(dir, ['rev-parse', '--git-dir']) === undefined) throw usageError(say(M.notRepository, lang, { dir }));
  // A revision starting with '-' would reach git as an option.
  const commit = rev.startsWith('-') ? undefined : git(dir, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])?.toString('utf8').trim();
  const date = commit ? git(dir, ['log', '-1', '--format=%cs', commit])?.toString('utf8').trim() : undefined;
  if (!commit || !date) throw usageError(say(M.notCommit, lang, { rev, dir }));
  return { commit, date };
}

/** The workspace at `dir` as it was at `commit`: the same shape as on disk, so the same report can be built from it. */
export function workspaceAtRevision(dir: string, commit: string, cwd: string, lang: Lang): Workspace {
  const tree = revisionTree(dir, commit, commit, lang, (file) => relativeTo(cwd, file));
  return openWorkspace({ tree, roots: tree.governmentsBelow(dir) }, lang);
}
