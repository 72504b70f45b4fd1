// What commands share: --formats lists, --date, the output folder policy of build, report and import --edition, and how a refusal shows its errors.
import os from 'node:os';
import path from 'node:path';
import { summarize } from '../model/diagnostic.js';
import { usageError } from '../model/errors.js';
import { formatters } from '../formatters/index.js';
import { say, type Message } from '../model/i18n.js';
import { exists } from '../io/files.js';
import { inspectOutputDir, looksLikeOldOutput, oldTempFolders, realPath, recoverOutputDir, replaceOutputDir, STAMP_FILE, type OutputDirWriter, type OutputKind, type ReplaceOptions } from '../io/output-dir.js';
import type { Io } from '../io/io.js';
import type { SourceFile } from '../load/source.js';
import type { Diagnostic, Lang } from '../model/types.js';

const M = {
  unknownFormat: { zh: '--formats：未知格式“{format}”（可选：{choices}）', en: '--formats: unknown format "{format}" (choose from {choices})' },
  noFormat: { zh: '--formats：至少写出一种格式：{choices}', en: '--formats: name at least one of {choices}' },
  badDate: { zh: '--date：日期应写成 YYYY-MM-DD，收到“{value}”', en: '--date: expected a date as YYYY-MM-DD, got "{value}"' },
  holdsSource: {
    zh: '{option} {out}：这会替换含有{what}的文件夹；请另选一个专用的文件夹',
    en: '{option} {out}: would replace a folder holding the {what}; choose a folder of its own',
  },
  holdsCwd: {
    zh: '{option} {out}：是当前工作目录或它的上级文件夹，{tool} 不会替换它；请另选一个专用的文件夹',
    en: '{option} {out}: is the working directory or a folder above it, which {tool} never replaces; choose a folder of its own',
  },
  holdsHome: {
    zh: '{option} {out}：是主目录或它的上级文件夹，{tool} 不会替换它；请另选一个专用的文件夹',
    en: '{option} {out}: is the home folder or a folder above it, which {tool} never replaces; choose a folder of its own',
  },
  notFolder: { zh: '{option} {out}：已存在，但不是文件夹', en: '{option} {out}: exists and is not a folder' },
  symlink: { zh: '{option} {out}：是符号链接；请给出它指向的实际文件夹', en: '{option} {out}: is a symbolic link; name the folder it points to' },
  holdsGit: {
    zh: '{option} {out}：是一个 git 仓库（含 .git），{tool} 不会替换它；请另选一个专用的文件夹',
    en: '{option} {out}: is a git repository (holds .git), which {tool} never replaces; choose a folder of its own',
  },
  isCatalog: {
    zh: '{option} {out}：是一个目录文件夹（含 {file}），{tool} 不会替换它；请另选一个专用的文件夹',
    en: '{option} {out}: is a catalog folder (holds {file}), which {tool} never replaces; choose a folder of its own',
  },
  foreign: {
    zh: '{option} {out}：含有不是 {tool} 写入的文件（{file}）；gk 只替换它自己写出的文件夹（记录在 {stamp} 中），请另选一个空的或新的文件夹',
    en: '{option} {out}: holds files {tool} did not write ({file}); gk replaces only folders it wrote itself (listed in {stamp}), so choose an empty or new folder',
  },
  changed: {
    zh: '{option} {out}：{file} 在 gk 写出后被改动过，替换会丢失改动；请先移走它，或另选一个文件夹',
    en: '{option} {out}: {file} was changed after gk wrote it, and replacing the folder would lose the change; move it away first, or choose another folder',
  },
  restored: {
    zh: '{out}：上次运行在替换途中被中断，已恢复之前的输出',
    en: '{out}: an earlier run was interrupted while replacing it; its previous output is back',
  },
  oldOutput: {
    zh: '{option} {out}：看起来是旧版 gk 写出的（其中没有 {stamp}），gk 只替换能证明由它写出的文件夹；请确认其中没有要保留的文件，删除或移走它后再运行',
    en: '{option} {out}: looks like the output of an earlier gk (it has no {stamp}), and gk replaces only folders it can prove it wrote; check that nothing in it needs keeping, delete or move it away, and run again',
  },
  oldTemp: {
    zh: '{path}：旧版 gk 运行中断时留下的临时文件夹，gk 不删除它；请确认其中没有要保留的文件后手动删除',
    en: '{path}: a temporary folder an earlier gk left when it was interrupted; gk does not remove it: check that nothing in it needs keeping, then delete it',
  },
  catalog: { zh: '目录', en: 'catalog' },
  workspace: { zh: '工作区', en: 'workspace' },
  inputs: { zh: '输入文件', en: 'input files' },
} satisfies Record<string, Message>;

/** A comma-separated --formats value → the named formats, in the order `known` lists them. */
export function parseFormatList<F extends string>(value: string, known: readonly F[], lang: Lang): F[] {
  const named = new Set<string>();
  for (const part of value.split(',').map((s) => s.trim().toLowerCase())) {
    if (part === '') continue;
    if (!(known as readonly string[]).includes(part)) throw usageError(say(M.unknownFormat, lang, { format: part, choices: known.join(', ') }));
    named.add(part);
  }
  if (named.size === 0) throw usageError(say(M.noFormat, lang, { choices: known.join(', ') }));
  return known.filter((f) => named.has(f));
}

/** A calendar date written YYYY-MM-DD that exists (no 2024-02-30). */
export function parseDateOption(value: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) throw usageError(say(M.badDate, lang, { value }));
  return value;
}

export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Like isInside, also when either path reaches the folder through a symbolic link. */
function isInsideReal(child: string, parent: string): boolean {
  return isInside(child, parent) || isInside(realPath(child), realPath(parent));
}

export interface OutDirPolicy {
  /** the option naming the folder, for the message (--out, --edition) */
  option: string;
  /** the folders or files the output is made from, which replacing the output must never remove */
  sources: readonly string[];
  sourceKind: 'catalog' | 'workspace' | 'inputs';
  /** gk build, gk report or gk import, for the message */
  tool: string;
}

/** Home folders as the environment names them and as the OS knows them: a folder holding one is never replaced. */
function homeFolders(io: Io): string[] {
  const homes = [io.env.HOME, io.env.USERPROFILE, os.homedir()].filter((h): h is string => typeof h === 'string' && h !== '');
  return homes.map((h) => path.resolve(h));
}

/** The first name in `dir` that makes it a catalog folder, if any. */
function catalogMark(dir: string): string | undefined {
  return ['gk.yaml', 'catalog'].find((name) => exists(path.join(dir, name)));
}

/**
 * The output folder policy of build, report and import --edition: gk replaces a folder only if it wrote it (its stamp
 * lists every entry, hidden ones included, with unchanged bytes), or if it is empty or missing. Never the working
 * directory or a folder above it, the home folder or one above it, a git repository, a catalog, or a folder holding the
 * sources. Leftovers of killed runs next to it are repaired first. Returns whether the folder holds an earlier output.
 */
export function checkOutDir(out: string, policy: OutDirPolicy, io: Io, lang: Lang): 'absent' | 'empty' | 'ours' {
  checkOutDirPlace(out, policy, io, lang);
  return checkOutDirContents(out, policy, lang);
}

/**
 * The part of the policy about where the folder is, and the repair of killed runs, without reading what the folder
 * holds: enough for a build that finds nothing to write (gk build with nothing changed).
 */
export function checkOutDirPlace(out: string, policy: OutDirPolicy, io: Io, lang: Lang): void {
  const shown = { out, tool: policy.tool, option: policy.option, stamp: STAMP_FILE };
  if (isInsideReal(io.cwd, out)) throw usageError(say(M.holdsCwd, lang, shown));
  if (homeFolders(io).some((home) => isInsideReal(home, out))) throw usageError(say(M.holdsHome, lang, shown));
  if (policy.sources.some((source) => isInsideReal(source, out))) throw usageError(say(M.holdsSource, lang, { ...shown, what: say(M[policy.sourceKind], lang) }));
  const recovery = recoverOutputDir(out);
  if (recovery.restored !== undefined) io.stderr(`${say(M.restored, lang, shown)}\n`);
  for (const name of oldTempFolders(path.dirname(out), path.basename(out))) io.stderr(`${say(M.oldTemp, lang, { path: path.join(path.dirname(out), name) })}\n`);
}

/** The part of the policy that looks inside the folder; run again just before the swap, in case it changed meanwhile. */
export function checkOutDirContents(out: string, policy: OutDirPolicy, lang: Lang): 'absent' | 'empty' | 'ours' {
  const shown = { out, tool: policy.tool, option: policy.option, stamp: STAMP_FILE };
  const state = inspectOutputDir(out);
  switch (state.state) {
    case 'absent':
    case 'empty':
    case 'ours':
      return state.state;
    case 'symlink':
      throw usageError(say(M.symlink, lang, shown));
    case 'not-folder':
      throw usageError(say(M.notFolder, lang, shown));
    case 'foreign': {
      if (exists(path.join(out, '.git'))) throw usageError(say(M.holdsGit, lang, shown));
      const mark = catalogMark(out);
      if (mark !== undefined) throw usageError(say(M.isCatalog, lang, { ...shown, file: mark }));
      if (looksLikeOldOutput(out)) throw usageError(say(M.oldOutput, lang, shown));
      throw usageError(say(state.reason === 'changed' ? M.changed : M.foreign, lang, { ...shown, file: state.file }));
    }
  }
}

/** Replaces `out` with `files` (and their stamp), checking once more, just before the swap, that it may. */
export function writeOutDir(out: string, files: ReadonlyMap<string, string | Uint8Array>, kind: OutputKind, policy: OutDirPolicy, lang: Lang, options: ReplaceOptions = {}): void {
  replaceOutputDir(out, files, kind, () => void checkOutDirContents(out, policy, lang), options);
}

/** Puts what `writer` wrote in place of its folder, checking once more, just before the swap, that it may. */
export function commitOutDir(writer: OutputDirWriter, policy: OutDirPolicy, lang: Lang): void {
  writer.commit(() => void checkOutDirContents(writer.dir, policy, lang));
}

/** Errors that stop a command, on stderr as gk validate shows them, with excerpts from the files' text. */
export function printErrors(io: Io, errors: readonly Diagnostic[], files: readonly SourceFile[], options: { lang: Lang; color: boolean }): void {
  const sources = new Map(files.map((s) => [s.display, s.text]));
  io.stderr(formatters.stylish(errors, summarize(errors, files.length), { ...options, cwd: io.cwd, sources, files: files.map((f) => f.display) }));
}
