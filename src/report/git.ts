// The report's git edge: when files were first and last committed, and a workspace as it was at a revision (no checkout).
import path from 'node:path';
import { usageError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { relativeTo } from '../io/files.js';
import { readBlobs, runGit, type FileDates } from '../io/git.js';
import { parseSource } from '../load/government.js';
import type { Lang } from '../model/types.js';
import { openWorkspace, type Workspace, type WorkspaceFiles } from '../load/workspace.js';
import type { GovernmentDates } from './types.js';

const M = {
  notRepository: { zh: '--since：{dir} 不在 git 仓库中，无法与以前的版本比较', en: '--since: {dir} is not in a git repository, so there is no earlier version to compare with' },
  notCommit: { zh: '--since：“{rev}”不是 {dir} 所在 git 仓库中的提交', en: '--since: "{rev}" is not a commit of the git repository at {dir}' },
  gitFailed: { zh: 'git 读取 {rev} 失败：{detail}', en: 'git could not read {rev}: {detail}' },
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

/** Every YAML file below `dir` at a commit, by path relative to `dir`, read with one `git ls-tree` and one `git cat-file --batch`. */
export function readRevisionFiles(dir: string, commit: string, lang: Lang): Map<string, Uint8Array> {
  const failed = (detail: string) => usageError(say(M.gitFailed, lang, { rev: commit, detail }));
  const must = (args: string[]): Buffer => {
    const r = runGit(dir, ['-c', 'core.quotePath=false', ...args]);
    if (!r.ok) throw failed(r.stderr);
    return r.stdout;
  };
  const prefix = must(['rev-parse', '--show-prefix']).toString('utf8').trim();
  const listed = must(['ls-tree', '-r', '-z', '--full-name', '--name-only', commit, '--', '.'])
    .toString('utf8')
    .split('\0')
    .filter((f) => /\.ya?ml$/.test(f));
  const read = readBlobs(dir, commit, listed);
  if (!read.ok) throw failed(read.stderr);
  return new Map([...read.blobs].map(([full, bytes]) => [full.slice(prefix.length), bytes]));
}

/** The workspace at `dir` as it was at `commit`: the same shape as on disk, so the same report can be built from it. */
export function workspaceAtRevision(dir: string, commit: string, cwd: string, lang: Lang): Workspace {
  const files = readRevisionFiles(dir, commit, lang);
  const rels = [...files.keys()].sort();
  const roots = rels.filter((f) => path.posix.basename(f) === 'gk.yaml').map((f) => path.posix.dirname(f));
  const rootSet = new Set(roots);
  const abs = (rel: string) => path.join(dir, ...(rel === '.' ? [] : rel.split('/')));
  const catalogs = new Map<string, string[]>(roots.map((r) => [r, []]));
  for (const f of rels) {
    if (!/\.ya?ml$/.test(f)) continue;
    // The catalog/ folder of the deepest government holding the file.
    const parts = f.split('/');
    const at = parts.lastIndexOf('catalog');
    if (at < 0) continue;
    const root = at === 0 ? '.' : parts.slice(0, at).join('/');
    if (!rootSet.has(root)) continue;
    let nested = false;
    for (let i = at + 1; i < parts.length - 1 && !nested; i++) nested = rootSet.has(parts.slice(0, i + 1).join('/'));
    if (!nested) catalogs.get(root)!.push(abs(f));
  }
  const relOf = new Map<string, string>(rels.map((r) => [abs(r), r]));
  const source: WorkspaceFiles = {
    roots: roots.map(abs).sort(),
    catalogFiles: (root) => [...(catalogs.get(relativeTo(dir, root)) ?? [])].sort(),
    load: (file) => parseSource(file, relativeTo(cwd, file), files.get(relOf.get(file) ?? '') ?? new Uint8Array(), lang),
    display: (file) => relativeTo(cwd, file),
  };
  return openWorkspace(source, lang);
}
