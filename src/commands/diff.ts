// gk diff [path…] [--from <rev|dir> [--to <rev|dir>]]: a catalog against the national standard, or two versions of it.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { reaches, pickWorseClass } from '../diff/compare.js';
import { diffFormatters, isDiffFormatName, type DiffFormatOptions, type StandardResult, type VersionResult } from '../formatters/diff/index.js';
import { labelVersion, WORKING_TREE } from '../formatters/diff/types.js';
import { folderSnapshot, gitSnapshot, governmentRootsIn, loadSnapshotGovernment, repositoryTop, snapshotTree, type Snapshot } from '../diff/git.js';
import { diffAgainstStandard, classifyStandardDiff } from '../diff/standard.js';
import type { ChangeClass } from '../diff/types.js';
import { diffVersions } from '../diff/versions.js';
import { usageError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { exists, isDirectory, relativeTo } from '../io/files.js';
import type { Io } from '../io/io.js';
import { createParentResolver, diskTree, explainParentLink, type ParentResolver } from '../resolve/parent.js';
import { findGovernmentRoots, loadGovernment, type Government } from '../load/government.js';
import { loadChannelVocabulary } from '../load/channels.js';
import { partialNotice } from '../load/edition.js';
import type { Diagnostic, Edition, Lang, ResolvedCatalog } from '../model/types.js';
import { checkGovernment, domainsOf, resolveEdition } from '../check/validate.js';
import type { CommandSpec } from './command.js';
import { printErrors } from './output.js';

const FAIL_ON = ['breaking', 'notable', 'info'] as const;

/**
 * Codes of the load and schema stages, after which there is nothing sound to compare. Lint findings do not stop a diff:
 * reviewing an unfinished catalog is what a diff is for.
 */
const BLOCKING_CODES = new Set(['encoding', 'empty-file', 'yaml-syntax', 'yaml-alias', 'limit', 'unreadable-file', 'duplicate-key', 'fullwidth-colon', 'schema', 'unknown-edition']);

const M = {
  refused: {
    zh: '未比较：{dir} 有 {errors} 个错误，请先修正（gk validate {dir}）',
    en: 'nothing compared: {dir} has {errors} errors; fix them first (gk validate {dir})',
  },
  refusedVersion: {
    zh: '未比较：{dir} 有 {errors} 个错误（{side}的版本：{version}），请先修正',
    en: 'nothing compared: {dir} has {errors} errors ({side} version: {version}); fix them first',
  },
  older: { zh: '较早', en: 'older' },
  newer: { zh: '较新', en: 'newer' },
  noEdition: { zh: '{file} 指定的标准目录版本“{ref}”找不到', en: '{file} names a standard edition "{ref}" that cannot be found' },
  toWithoutFrom: { zh: '--to 须与 --from 一起使用', en: '--to needs --from' },
  mixed: { zh: '--from 与 --to 须同为 git 版本或同为文件夹', en: '--from and --to must both be git revisions or both be folders' },
  pathsWithFolders: { zh: '比较两个文件夹时不能再给出路径', en: 'no paths may be given when comparing two folders' },
  outside: { zh: '{path} 不在 git 仓库 {top} 中', en: '{path} is outside the git repository {top}' },
  nothing: { zh: '在 {where} 中找不到 gk.yaml', en: 'no gk.yaml found in {where}' },
  badFailOn: { zh: '--fail-on 只能是 {choices} 之一，而不是“{value}”', en: '--fail-on must be one of {choices}, not "{value}"' },
  badFormat: { zh: '未知的输出格式：{format}', en: 'unknown format: {format}' },
} satisfies Record<string, Message>;

/** A government the diff will not compare: the errors to show, and the line that says why nothing was compared. */
interface Refusal {
  government: Government;
  errors: Diagnostic[];
  line: string;
}

function blockingErrors(government: Government, lang: Lang): Diagnostic[] {
  return checkGovernment(government, lang).diagnostics.filter((d) => d.severity === 'error' && BLOCKING_CODES.has(d.code));
}

function printRefusals(io: Io, refusals: readonly Refusal[], lang: Lang, color: boolean): void {
  for (const r of refusals) {
    printErrors(io, r.errors, [r.government.manifestSource, ...r.government.catalogs], { lang, color });
    io.stderr(`${r.line}\n`);
  }
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

interface Outcome<R> {
  results: R[];
  /** When any, nothing is compared: a diff that silently left out the catalogs it could not read would mislead. */
  refusals: Refusal[];
  /** Parent items that could not be found, one line per government. */
  notices: Set<string>;
}

function standardResults(paths: string[], cwd: string, lang: Lang, editions: Map<string, Edition>): Outcome<StandardResult> {
  const channels = loadChannelVocabulary();
  const outcome: Outcome<StandardResult> = { results: [], refusals: [], notices: new Set() };
  const resolver = createParentResolver(diskTree(cwd, lang), lang);
  for (const root of findGovernmentRoots(paths, cwd, lang)) {
    const government = loadGovernment(root, cwd, lang);
    if (government.manifest.workspace) continue;
    const errors = blockingErrors(government, lang);
    if (errors.length > 0) {
      outcome.refusals.push({ government, errors, line: say(M.refused, lang, { dir: government.display, errors: errors.length }) });
      continue;
    }
    if (outcome.refusals.length > 0) continue;
    const resolved = resolveOf(government, resolver, outcome.notices, lang);
    editions.set(resolved.edition.id, resolved.edition);
    outcome.results.push({ government: government.display, diff: diffAgainstStandard(resolved, channels) });
  }
  return outcome;
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
    const from = folderSnapshot(fromDir, cwd, fromArg);
    const to = folderSnapshot(newer, cwd, toArg ?? relativeTo(cwd, newer));
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
  const to = toArg === undefined ? folderSnapshot(top, cwd, WORKING_TREE) : gitSnapshot(top, toArg, lang);
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

function versionResults(plan: VersionPlan, cwd: string, lang: Lang): Outcome<VersionResult> {
  const channels = loadChannelVocabulary();
  const outcome: Outcome<VersionResult> = { results: [], refusals: [], notices: new Set() };
  // Each side's villages draw on their township as it stood in that version.
  const older = createParentResolver(snapshotTree(plan.from, lang), lang);
  const newer = createParentResolver(snapshotTree(plan.to, lang), lang);
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
      [loadedBefore, plan.from, M.older],
      [loadedAfter, plan.to, M.newer],
    ] as const;
    for (const [government, snapshot, side] of sides) {
      const errors = government ? blockingErrors(government, lang) : [];
      if (!government || errors.length === 0) continue;
      const dir = relativeTo(cwd, path.join(snapshot.base, rel));
      const line = say(M.refusedVersion, lang, { dir, errors: errors.length, side: say(side, lang), version: labelVersion(snapshot.label, lang) });
      outcome.refusals.push({ government, errors, line });
    }
    if (outcome.refusals.length > 0) continue;
    const diff = diffVersions(resolveOf(before, older, outcome.notices, lang), resolveOf(after, newer, outcome.notices, lang), { from: plan.from.label, to: plan.to.label }, channels);
    const domains = Object.fromEntries([...domainsOf(before), ...domainsOf(after)]);
    outcome.results.push({ government: plan.show(rel), name: after.manifest.name || before.manifest.name, domains, diff });
  }
  return outcome;
}

function parseFailOn(value: unknown, lang: Lang): ChangeClass {
  const v = String(value ?? 'breaking');
  if (!(FAIL_ON as readonly string[]).includes(v)) throw usageError(say(M.badFailOn, lang, { choices: FAIL_ON.join(', '), value: v }));
  return v as ChangeClass;
}

function worstOf(classes: Array<ChangeClass | undefined>): ChangeClass | undefined {
  return classes.reduce<ChangeClass | undefined>((worst, c) => (c === undefined ? worst : worst === undefined ? c : pickWorseClass(worst, c)), undefined);
}

export const diffCommand: CommandSpec = {
  name: 'diff',
  configure(command: Command) {
    command
      .description('对照国家标准目录检查覆盖和调整，或比较目录的两个版本 · compare catalogs with the national standard, or two versions of a catalog')
      .argument('[paths...]', '政府目录文件夹（含 gk.yaml） · catalog folders', [])
      .option('--from <rev|dir>', '比较版本：起点（git 版本或文件夹） · compare versions: the older git revision or folder')
      .option('--to <rev|dir>', '比较版本：终点，默认为工作目录中的当前文件 · the newer revision or folder (default: the working tree)')
      .addOption(new Option('-f, --format <format>', '输出格式 output format').choices(Object.keys(diffFormatters)).default('text'))
      .addOption(new Option('--fail-on <class>', '出现该级别或更严重的差异时以 1 退出 · exit 1 on a difference of this class or worse').choices([...FAIL_ON]));
  },
  action(args, options, io, global) {
    const paths = (args[0] as string[] | undefined) ?? [];
    const lang = global.lang;
    const format = String(options.format ?? 'text');
    if (!isDiffFormatName(format)) throw usageError(say(M.badFormat, lang, { format }));
    const failOn = parseFailOn(options.failOn, lang);
    if (options.to !== undefined && options.from === undefined) throw usageError(say(M.toWithoutFrom, lang));
    const formatter = diffFormatters[format];
    const base: Omit<DiffFormatOptions, 'notices'> = { lang, color: global.color && format === 'text', channels: loadChannelVocabulary() };

    let worst: ChangeClass | undefined;
    if (options.from === undefined) {
      const editions = new Map<string, Edition>();
      const { results, refusals, notices: parentNotices } = standardResults(paths, io.cwd, lang, editions);
      if (refusals.length > 0) {
        printRefusals(io, refusals, lang, global.color);
        return 1;
      }
      const editionNotices = [...editions.values()].map((e) => partialNotice(e, lang)).filter((n): n is string => n !== undefined);
      const notices = [...editionNotices, ...parentNotices];
      // CSV has no place for a line above its header that spreadsheets would not read as a row.
      if (format === 'csv') for (const n of notices) io.stderr(`${n}\n`);
      io.stdout(formatter.standard(results, { ...base, notices: format === 'csv' ? [] : notices }));
      worst = worstOf(results.map((r) => classifyStandardDiff(r.diff)));
    } else {
      const plan = planVersions(paths, String(options.from), options.to === undefined ? undefined : String(options.to), io.cwd, lang);
      const { results, refusals, notices } = versionResults(plan, io.cwd, lang);
      if (refusals.length > 0) {
        printRefusals(io, refusals, lang, global.color);
        return 1;
      }
      if (format === 'csv') for (const n of notices) io.stderr(`${n}\n`);
      io.stdout(formatter.versions(results, { ...base, notices: format === 'csv' ? [] : [...notices] }));
      worst = worstOf(results.flatMap((r) => r.diff.changes.map((c) => c.class)));
    }
    return worst !== undefined && reaches(worst, failOn) ? 1 : 0;
  },
};
