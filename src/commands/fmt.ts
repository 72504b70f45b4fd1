// gk fmt [path…] [--check]: catalog files rewritten in canonical form (values, key order, list styles), comments kept.
import path from 'node:path';
import type { Command } from 'commander';
import { catalogFilesUnder, formatFiles, type FileFailure, type FileOutcome } from '../fmt/files.js';
import { say, type Message } from '../model/i18n.js';
import type { FmtLimit } from '../fmt/format.js';
import type { Encoding } from '../load/decode.js';
import { yamlErrorMessage } from '../load/yaml-messages.js';
import { describeProblem } from '../load/read.js';
import type { Lang } from '../model/types.js';
import { relativeTo } from '../io/files.js';
import { oldTempFiles } from '../io/output-dir.js';
import type { CommandSpec } from './command.js';

const M = {
  formatted: { zh: '已格式化 {file}', en: 'formatted {file}' },
  wouldFormat: { zh: '需要格式化 {file}', en: 'would reformat {file}' },
  converted: { zh: '（由 {encoding} 转为 UTF-8）', en: ' (converted from {encoding} to UTF-8)' },
  summary: { zh: '{n} 个文件，{changed} 个已格式化', en: '{n} {files}, {changed} reformatted' },
  checkSummary: { zh: '{n} 个文件，{changed} 个需要格式化（运行 gk fmt）', en: '{n} {files}, {changed} would be reformatted (run gk fmt)' },
  none: { zh: '没有找到目录文件', en: 'no catalog files found' },
  oldTemp: {
    zh: '{file}：旧版 gk 改写文件时被中断留下的临时文件，gk 不删除它；请确认无用后手动删除',
    en: '{file}: a temporary file an earlier gk left when it was interrupted while rewriting a file; gk does not remove it: check it is not needed, then delete it',
  },
} satisfies Record<string, Message>;

const FAILURES: Record<FileFailure['reason'], Message> = {
  binary: { zh: '{file}：不是文本文件，未处理', en: '{file}: not a text file; left alone' },
  syntax: { zh: '{file}{at}：YAML 有语法错误，未处理（{detail}）；请先运行 gk validate', en: '{file}{at}: YAML syntax error, left alone ({detail}); run gk validate' },
  alias: {
    zh: '{file}：使用了 YAML 别名（*名称），gk fmt 不改写这类文件；请把别名展开为实际的值',
    en: '{file}: uses YAML aliases (*name), which gk fmt does not rewrite; write the values out in full',
  },
  unsafe: {
    zh: '{file}：gk fmt 无法在不改变取值的前提下改写此文件，未处理',
    en: '{file}: gk fmt cannot rewrite this file without changing a value; left alone',
  },
  'quoted-length': {
    zh: '{file}：双引号写法的值合计超过上限 {max} 个字符，gk fmt 不改写此文件；请把长文本改为块写法（|）',
    en: '{file}: its double-quoted values hold more than {max} characters together, the limit; gk fmt leaves it alone: write long text as a block (|)',
  },
  'too-large': {
    zh: '{file}：{what}超过 gk fmt 的上限 {max}，未处理（gk validate 仍会检查它）',
    en: '{file}: more {what} than {max}, the limit of gk fmt; left alone (gk validate still checks it)',
  },
  'read-only': { zh: '{file}：文件只读，未改写', en: '{file}: the file is read-only; left alone' },
  unreadable: { zh: '{file}：无法读取（{detail}）', en: '{file}: cannot read it ({detail})' },
  'not-read': { zh: '{file}：{detail}', en: '{file}: {detail}' },
  unwritable: { zh: '{file}：无法写入（{detail}），文件未改动', en: '{file}: cannot write it ({detail}); the file is unchanged' },
};

const LIMIT_NAMES: Record<FmtLimit, Message> = {
  characters: { zh: '字符数', en: 'characters' },
  values: { zh: '值（列表项和键）的个数', en: 'values (list entries and keys)' },
};

const ENCODINGS: Partial<Record<Encoding, string>> = { 'utf-8-bom': 'UTF-8 BOM', gb18030: 'GBK/GB18030', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' };

function failureLine(o: Extract<FileOutcome, { status: 'error' }>, lang: Lang): string {
  const params: Record<string, string> = { file: o.display, at: '' };
  if ('detail' in o) params.detail = o.detail;
  // The parser speaks English; say its complaint in the user's language, as gk validate does.
  if (o.reason === 'syntax') params.detail = yamlErrorMessage(o.code ?? '', o.detail, lang).message;
  if ('problem' in o) params.detail = describeProblem(o.problem, lang);
  if (o.reason === 'quoted-length' || o.reason === 'too-large') params.max = o.max.toLocaleString('en-US');
  if (o.reason === 'too-large') params.what = say(LIMIT_NAMES[o.limit], lang);
  if (o.reason === 'syntax' && o.line !== undefined) params.at = `:${o.line}:${o.column ?? 1}`;
  return say(FAILURES[o.reason], lang, params);
}

export const fmtCommand: CommandSpec = {
  name: 'fmt',
  configure(command: Command) {
    command
      .description('把目录文件改写为规范格式（保留注释）· rewrite catalog files in canonical form, keeping comments')
      .argument('[paths...]', '目录文件或文件夹（默认当前文件夹）· catalog files or folders (default: here)', [])
      .option('--check', '只检查，不修改；有文件需要格式化时以 1 退出 · change nothing; exit 1 if a file would change');
  },
  action(args, options, io, global) {
    const lang = global.lang;
    const files = catalogFilesUnder((args[0] as string[] | undefined) ?? [], io.cwd, lang);
    if (files.length === 0) {
      io.stderr(`${say(M.none, lang)}\n`);
      return 0;
    }
    const check = Boolean(options.check);
    const outcomes = formatFiles(files, io.cwd, { check });
    let changed = 0;
    let failed = 0;
    for (const o of outcomes) {
      if (o.status === 'changed') {
        changed++;
        const from = o.from === undefined ? undefined : ENCODINGS[o.from];
        io.stdout(`${say(check ? M.wouldFormat : M.formatted, lang, { file: o.display })}${from === undefined ? '' : say(M.converted, lang, { encoding: from })}\n`);
      } else if (o.status === 'error') {
        failed++;
        io.stderr(`${failureLine(o, lang)}\n`);
      }
    }
    // What an earlier gk left in these folders: named, never removed (gk cannot prove it wrote them).
    for (const dir of [...new Set(files.map((f) => path.dirname(f)))].sort()) {
      for (const name of oldTempFiles(dir)) io.stderr(`${say(M.oldTemp, lang, { file: relativeTo(io.cwd, path.join(dir, name)) })}\n`);
    }
    io.stderr(`${say(check ? M.checkSummary : M.summary, lang, { n: outcomes.length, files: outcomes.length === 1 ? 'file' : 'files', changed })}\n`);
    return failed > 0 || (check && changed > 0) ? 1 : 0;
  },
};
