// gk fmt [path…] [--check]: catalog files rewritten in canonical form (values, key order, list styles), comments kept.
import type { Command } from 'commander';
import { catalogFilesUnder, formatFiles } from '../fmt/files.js';
import { say, type Message } from '../i18n.js';
import type { CommandSpec } from './command.js';

const M: Record<string, Message> = {
  formatted: { zh: '已格式化 {file}', en: 'formatted {file}' },
  wouldFormat: { zh: '需要格式化 {file}', en: 'would reformat {file}' },
  binary: { zh: '{file}：不是文本文件，未处理', en: '{file}: not a text file; left alone' },
  error: { zh: '{file}：YAML 有语法错误，未处理（{error}）；请先运行 gk validate', en: '{file}: YAML syntax error, left alone ({error}); run gk validate' },
  summary: { zh: '{n} 个文件，{changed} 个已格式化', en: '{n} files, {changed} reformatted' },
  checkSummary: { zh: '{n} 个文件，{changed} 个需要格式化（运行 gk fmt）', en: '{n} files, {changed} would be reformatted (run gk fmt)' },
  none: { zh: '没有找到目录文件', en: 'no catalog files found' },
};

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
    const files = catalogFilesUnder((args[0] as string[] | undefined) ?? [], io.cwd);
    if (files.length === 0) {
      io.stderr(`${say(M.none!, lang)}\n`);
      return 0;
    }
    const check = Boolean(options.check);
    const outcomes = formatFiles(files, io.cwd, { check });
    let changed = 0;
    let failed = 0;
    for (const o of outcomes) {
      if (o.status === 'changed') {
        changed++;
        io.stdout(`${say(check ? M.wouldFormat! : M.formatted!, lang, { file: o.display })}\n`);
      } else if (o.status === 'error') {
        failed++;
        io.stderr(`${say(o.error === 'binary' ? M.binary! : M.error!, lang, { file: o.display, error: o.error })}\n`);
      }
    }
    io.stderr(`${say(check ? M.checkSummary! : M.summary!, lang, { n: outcomes.length, changed })}\n`);
    return failed > 0 || (check && changed > 0) ? 1 : 0;
  },
};
