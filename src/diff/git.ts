// The version edge: a catalog as it stood in a git revision or a folder, read without a checkout, as source trees.
import path from 'node:path';
import { usageError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { runGit } from '../io/git.js';
import { relativeTo } from '../io/files.js';
import { loadGovernmentFrom, type Government } from '../load/government.js';
import { diskTree, governmentsAt, revisionTree, type SourceTree } from '../load/tree.js';
import type { Lang } from '../model/types.js';

/** One version of a tree of files: a git revision, or a folder on disk (the working tree is one). */
export interface Snapshot {
  /** What the user called this version: the revision or folder as given. */
  label: string;
  /** Absolute folder the snapshot's relative paths start from (the repository top for a revision); nothing above it is seen. */
  base: string;
  tree: SourceTree;
}

const M = {
  notRepository: {
    zh: '{dir} 不在 git 仓库中；--from 应为 git 版本（如 v1.0、HEAD~1）或含 gk.yaml 的文件夹',
    en: '{dir} is not inside a git repository; --from names a git revision (e.g. v1.0, HEAD~1) or a folder holding gk.yaml',
  },
  unknownRevision: { zh: '未知的 git 版本：{rev}', en: 'unknown git revision: {rev}' },
} satisfies Record<string, Message>;

/** The top folder of the git repository holding `dir`. */
export function repositoryTop(dir: string, lang: Lang): string {
  const r = runGit(dir, ['rev-parse', '--show-toplevel']);
  if (!r.ok) throw usageError(say(M.notRepository, lang, { dir }));
  return path.resolve(r.stdout.toString().trim());
}

export function gitSnapshot(top: string, rev: string, lang: Lang): Snapshot {
  // A revision starting with '-' would reach git as an option.
  const resolved = rev.startsWith('-') ? undefined : runGit(top, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  if (!resolved?.ok) throw usageError(say(M.unknownRevision, lang, { rev }));
  // The commit id, not the name: `rev:path` would misread a revision name holding a colon.
  const commit = resolved.stdout.toString('utf8').trim();
  return { label: rev, base: top, tree: revisionTree(top, commit, rev, lang) };
}

export function folderSnapshot(dir: string, cwd: string, lang: Lang, label = relativeTo(cwd, dir)): Snapshot {
  return { label, base: dir, tree: diskTree(cwd, lang, dir) };
}

function absolute(snapshot: Snapshot, rel: string): string {
  return rel === '' ? snapshot.base : path.join(snapshot.base, ...rel.split('/'));
}

/** Folders (relative to the snapshot's base) holding a gk.yaml at or below `prefix`, or the nearest one above it. */
export function governmentRootsIn(snapshot: Snapshot, prefix: string): string[] {
  return governmentsAt(snapshot.tree, absolute(snapshot, prefix)).map((abs) => path.relative(snapshot.base, abs).split(path.sep).join('/'));
}

/** A government as it stands in the snapshot; undefined when the snapshot has no gk.yaml there. */
export function loadSnapshotGovernment(snapshot: Snapshot, rootRel: string, lang: Lang): Government | undefined {
  const root = absolute(snapshot, rootRel);
  return snapshot.tree.hasManifest(root) ? loadGovernmentFrom(snapshot.tree, root, lang) : undefined;
}
