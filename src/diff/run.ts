// The diff stage as one call: which governments (and versions) to compare, what stops a comparison, and the results as
// plain data for the formatters. `gk diff` parses its options, calls diffAgainstEdition or diffBetweenVersions, prints.
import path from 'node:path';
import { pickWorseClass } from './compare.js';
import { folderSnapshot, gitSnapshot, governmentRootsIn, loadSnapshotGovernment, repositoryTop, type Snapshot } from './git.js';
import { classifyStandardDiff, diffAgainstStandard } from './standard.js';
import { WORKING_TREE, type ChangeClass, type StandardResult, type VersionResult } from './types.js';
import { diffVersions } from './versions.js';
import { usageError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { exists, isDirectory, relativeTo } from '../io/files.js';
import { createParentResolver, explainParentLink, type ParentResolver } from '../resolve/parent.js';
import { findGovernmentRoots, loadGovernment, type Government } from '../load/government.js';
import { loadChannelVocabulary } from '../load/channels.js';
import { partialNotice } from '../load/edition.js';
import { diskTree } from '../load/tree.js';
import type { Diagnostic, Edition, Lang, ResolvedCatalog } from '../model/types.js';
import { checkGovernment, domainsOf, resolveEdition } from '../check/validate.js';

/**
 * Codes of the load and schema stages, after which there is nothing sound to compare. Lint findings do not stop a diff:
 * reviewing an unfinished catalog is what a diff is for.
 */
const BLOCKING_CODES = new Set(['encoding', 'empty-file', 'yaml-syntax', 'yaml-alias', 'limit', 'unreadable-file', 'duplicate-key', 'fullwidth-colon', 'schema', 'unknown-edition']);

const M = {
  noEdition: { zh: '{file} 指定的标准目录版本“{ref}”找不到', en: '{file} names a standard edition "{ref}" that cannot be found' },
  mixed: { zh: '--from 与 --to 须同为 git 版本或同为文件夹', en: '--from and --to must both be git revisions or both be folders' },
  pathsWithFolders: { zh: '比较两个文件夹时不能再给出路径', en: 'no paths may be given when comparing two folders' },
  outside: { zh: '{path} 不在 git 仓库 {top} 中', en: '{path} is outside the git repository {top}' },
  nothing: { zh: '在 {where} 中找不到 gk.yaml', en: 'no gk.yaml found in {where}' },
} satisfies Record<string, Message>;

/** A government the diff will not compare, with the errors that stop it. */
export interface Refusal {
  government: Government;
  errors: Diagnostic[];
  /** The government's folder as shown. */
  dir: string;
  /** Comparing versions: which side has the errors, and that version's label. */
  side?: { which: 'older' | 'newer'; version: string };
}

export interface DiffOutcome<R> {
  results: R[];
  /** When any, there are no results: a diff that silently left out the catalogs it could not read would mislead. */
  refusals: Refusal[];
  /** Partial editions, and parent items that could not be found, one line each. */
  notices: string[];
  /** The worst class of difference found. */
  worst: ChangeClass | undefined;
}

function blockingErrors(government: Government, lang: Lang): Diagnostic[] {
  return checkGovernment(government, lang).diagnostics.filter((d) => d.severity === 'error' && BLOCKING_CODES.has(d.code));
}

/** The government resolved, village lists against their township's items; a `parent-item:` that lends nothing becomes a notice. */
function resolveOf(government: Government, resolver: ParentResolver, notices: Set<string>, lang: Lang): ResolvedCatalog {
  const { edition } = resolveEdition(government, lang);
  if (!edition) throw usageError(say(M.noEdition, lang, { file: government.manifestSource.display, ref: government.manifest.standard }));
  const { catalog, link } = resolver.resolve(government, edition);
  const notice = explainParentLink(government, link, lang);
  if (notice !== undefined) notices.add(notice);
  return catalog;
}

function worstOf(classes: Iterable<ChangeClass | undefined>): ChangeClass | undefined {
  let worst: ChangeClass | undefined;
  for (const c of classes) if (c !== undefined) worst = worst === undefined ? c : pickWorseClass(worst, c);
  return worst;
}

/** Every government below `paths` against the standard edition its gk.yaml names. */
export function diffAgainstEdition(paths: string[], cwd: string, lang: Lang): DiffOutcome<StandardResult> {
  const channels = loadChannelVocabulary();
  const results: StandardResult[] = [];
  const refusals: Refusal[] = [];
  const parentNotices = new Set<string>();
  const editions = new Map<string, Edition>();
  const resolver = createParentResolver(diskTree(cwd, lang), lang);
  for (const root of findGovernmentRoots(paths, cwd, lang)) {
    const government = loadGovernment(root, cwd, lang);
    if (government.manifest.workspace) continue;
    const errors = blockingErrors(government, lang);
    if (errors.length > 0) {
      refusals.push({ government, errors, dir: government.display });
      continue;
    }
    if (refusals.length > 0) continue;
    const resolved = resolveOf(government, resolver, parentNotices, lang);
    const diff = diffAgainstStandard(resolved, channels);
    // The partial-edition notice is about coverage: a village's diff has none to qualify.
    if (diff.measured) editions.set(resolved.edition.id, resolved.edition);
    results.push({ government: government.display, diff });
  }
  if (refusals.length > 0) return { results: [], refusals, notices: [], worst: undefined };
  const editionNotices = [...editions.values()].map((e) => partialNotice(e, lang)).filter((n): n is string => n !== undefined);
  return { results, refusals, notices: [...editionNotices, ...parentNotices], worst: worstOf(results.map((r) => classifyStandardDiff(r.diff))) };
}

interface VersionPlan {
  from: Snapshot;
  to: Snapshot;
  /** Government folders relative to each snapshot's base, the same in both. */
  roots: string[];
  /** How a government folder is named in the output. */
  show(rel: string): string;
}

function planVersions(paths: string[], fromArg: string, toArg: string | undefined, cwd: string, lang: Lang): VersionPlan {
  const fromDir = path.resolve(cwd, fromArg);
  const toDir = toArg === undefined ? undefined : path.resolve(cwd, toArg);
  if (isDirectory(fromDir)) {
    // Two folders: the same government layout in each, e.g. an unpacked release beside the current catalog.
    if (toDir !== undefined && paths.length > 0) throw usageError(say(M.pathsWithFolders, lang));
    const newer = toDir ?? path.resolve(cwd, paths[0] ?? '.');
    if (toDir !== undefined && !isDirectory(toDir)) throw usageError(say(M.mixed, lang));
    if (paths.length > 1) throw usageError(say(M.pathsWithFolders, lang));
    const from = folderSnapshot(fromDir, cwd, lang, fromArg);
    const to = folderSnapshot(newer, cwd, lang, toArg ?? relativeTo(cwd, newer));
    const before = governmentRootsIn(from, '');
    const after = governmentRootsIn(to, '');
    // A folder without any government is a wrong path, not a catalog that was emptied.
    for (const [side, found] of [[from, before], [to, after]] as const) if (found.length === 0) throw usageError(say(M.nothing, lang, { where: side.label }));
    return { from, to, roots: [...new Set([...before, ...after])].sort(), show: (rel) => (rel === '' ? '.' : rel) };
  }
  if (toDir !== undefined && isDirectory(toDir)) throw usageError(say(M.mixed, lang));
  const targets = (paths.length > 0 ? paths : ['.']).map((p) => path.resolve(cwd, p));
  const first = targets[0]!;
  // A path may exist only in the older revision: ask git from the nearest folder that exists now.
  let here = first;
  while (!isDirectory(here) && path.dirname(here) !== here) here = path.dirname(here);
  const top = repositoryTop(here, lang);
  const from = gitSnapshot(top, fromArg, lang);
  const to = toArg === undefined ? folderSnapshot(top, cwd, lang, WORKING_TREE) : gitSnapshot(top, toArg, lang);
  const roots = new Set<string>();
  for (const target of targets) {
    let rel = path.relative(top, target).split(path.sep).join('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw usageError(say(M.outside, lang, { path: relativeTo(cwd, target), top }));
    if (!isDirectory(target) && exists(target)) rel = path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel);
    for (const r of [...governmentRootsIn(from, rel), ...governmentRootsIn(to, rel)]) roots.add(r);
  }
  if (roots.size === 0) throw usageError(say(M.nothing, lang, { where: targets.map((t) => relativeTo(cwd, t)).join(', ') }));
  return { from, to, roots: [...roots].sort(), show: (rel) => relativeTo(cwd, path.join(top, rel)) };
}

/**
 * Two versions of the governments below `paths`: git revisions (`to` absent: the working tree), or two folders (`to`
 * absent: the first path, else the working directory).
 */
export function diffBetweenVersions(paths: string[], fromArg: string, toArg: string | undefined, cwd: string, lang: Lang): DiffOutcome<VersionResult> {
  const plan = planVersions(paths, fromArg, toArg, cwd, lang);
  const channels = loadChannelVocabulary();
  const results: VersionResult[] = [];
  const refusals: Refusal[] = [];
  const notices = new Set<string>();
  // Each side's villages draw on their township as it stood in that version.
  const older = createParentResolver(plan.from.tree, lang);
  const newer = createParentResolver(plan.to.tree, lang);
  for (const rel of plan.roots) {
    const loadedBefore = loadSnapshotGovernment(plan.from, rel, lang);
    const loadedAfter = loadSnapshotGovernment(plan.to, rel, lang);
    const either = loadedAfter ?? loadedBefore;
    if (!either) continue;
    // A government that exists on one side only is all added (or all removed).
    const before = loadedBefore ?? { ...either, catalogs: [] };
    const after = loadedAfter ?? { ...either, catalogs: [] };
    if (before.manifest.workspace || after.manifest.workspace) continue;
    // Only a side that exists is checked: the stand-in for a missing one would repeat the other side's errors.
    const sides = [
      [loadedBefore, plan.from, 'older'],
      [loadedAfter, plan.to, 'newer'],
    ] as const;
    for (const [government, snapshot, which] of sides) {
      const errors = government ? blockingErrors(government, lang) : [];
      if (!government || errors.length === 0) continue;
      refusals.push({ government, errors, dir: relativeTo(cwd, path.join(snapshot.base, rel)), side: { which, version: snapshot.label } });
    }
    if (refusals.length > 0) continue;
    const diff = diffVersions(resolveOf(before, older, notices, lang), resolveOf(after, newer, notices, lang), { from: plan.from.label, to: plan.to.label }, channels);
    const domains = Object.fromEntries([...domainsOf(before), ...domainsOf(after)]);
    results.push({ government: plan.show(rel), name: after.manifest.name || before.manifest.name, domains, diff });
  }
  if (refusals.length > 0) return { results: [], refusals, notices: [], worst: undefined };
  return { results, refusals, notices: [...notices], worst: worstOf(results.flatMap((r) => r.diff.changes.map((c) => c.class))) };
}
