// What commands share: --formats lists, --date, the output folder build and report replace as a whole, and how a refusal shows its errors.
import path from 'node:path';
import { summarize } from '../diagnostic.js';
import { usageError } from '../errors.js';
import { formatters } from '../format/index.js';
import { say, type Message } from '../i18n.js';
import { exists, isDirectory } from '../io/files.js';
import type { Io } from '../io/io.js';
import type { SourceFile } from '../project.js';
import type { Diagnostic, Lang } from '../types.js';

const M = {
  unknownFormat: { zh: '--formats：未知格式“{format}”（可选：{choices}）', en: '--formats: unknown format "{format}" (choose from {choices})' },
  noFormat: { zh: '--formats：至少写出一种格式：{choices}', en: '--formats: name at least one of {choices}' },
  badDate: { zh: '--date：日期应写成 YYYY-MM-DD，收到“{value}”', en: '--date: expected a date as YYYY-MM-DD, got "{value}"' },
  holdsSource: {
    zh: '--out {out}：这会替换含有{what}或当前工作目录的文件夹；请另选一个专用的文件夹',
    en: '--out {out}: would replace a folder holding the {what} or the working directory; choose a folder of its own',
  },
  notFolder: { zh: '--out {out}：已存在，但不是文件夹', en: '--out {out}: exists and is not a folder' },
  holdsGit: {
    zh: '--out {out}：含有 .git 文件夹，整体替换时会被删除；请另选一个专用的文件夹',
    en: '--out {out}: holds a .git folder, which replacing the folder would delete; choose a folder of its own',
  },
  foreign: {
    zh: '--out {out}：含有不是 {tool} 生成的文件（{file}）；输出会整体替换该文件夹，请另选一个',
    en: '--out {out}: holds files {tool} did not write ({file}); the output replaces the whole folder, so choose another one',
  },
  catalog: { zh: '目录', en: 'catalog' },
  workspace: { zh: '工作区', en: 'workspace' },
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

export interface OutDirPolicy {
  /** the folder the output is made from, which the output must never replace */
  source: string;
  sourceKind: 'catalog' | 'workspace';
  cwd: string;
  /** gk build or gk report, for the message */
  tool: string;
  /** A file (absolute) in the existing folder showing that an earlier run of the tool did not write it; undefined if none. */
  foreignFile(out: string): string | undefined;
}

/**
 * The output folder is replaced as a whole, so it must not hold the source, the working directory, a repository or
 * anyone else's files.
 */
export function checkOutDir(out: string, policy: OutDirPolicy, lang: Lang): void {
  const shown = { out, tool: policy.tool };
  if (isInside(policy.source, out) || isInside(policy.cwd, out)) throw usageError(say(M.holdsSource, lang, { ...shown, what: say(M[policy.sourceKind], lang) }));
  if (!exists(out)) return;
  if (!isDirectory(out)) throw usageError(say(M.notFolder, lang, shown));
  if (exists(path.join(out, '.git'))) throw usageError(say(M.holdsGit, lang, shown));
  const foreign = policy.foreignFile(out);
  if (foreign !== undefined) throw usageError(say(M.foreign, lang, { ...shown, file: path.relative(out, foreign).split(path.sep).join('/') }));
}

/** Errors that stop a command, on stderr as gk validate shows them, with excerpts from the files' text. */
export function printErrors(io: Io, errors: readonly Diagnostic[], files: readonly SourceFile[], options: { lang: Lang; color: boolean }): void {
  const sources = new Map(files.map((s) => [s.display, s.text]));
  io.stderr(formatters.stylish(errors, summarize(errors, files.length), { ...options, cwd: io.cwd, sources, files: files.map((f) => f.display) }));
}
