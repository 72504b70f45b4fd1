// gk validate [path…]: every problem in every catalog below the paths, in one run.
import path from 'node:path';
import type { Command } from 'commander';
import { sortDiagnostics, summarize } from '../model/diagnostic.js';
import { usageError } from '../model/errors.js';
import { formatters } from '../formatters/index.js';
import { collect, parseFormatTargets } from '../formatters/targets.js';
import { writeFileAtomic } from '../io/files.js';
import { findGovernmentRoots, MAX_FILE_BYTES } from '../load/government.js';
import { partialNotice } from '../load/edition.js';
import { defaultJobs } from '../check/parallel.js';
import type { CommandSpec } from './command.js';
import type { Io } from '../io/io.js';
import { VERSION } from '../model/version.js';

/** The human format lists this many findings of one rule in one file, then how many more there are. */
export const MAX_REPEATS = 20;

export const validateCommand: CommandSpec = {
  name: 'validate',
  configure(command: Command) {
    command
      .description('检查目录：YAML、结构（JSON Schema）和规则 · check catalogs against the schema and the lint rules')
      .argument('[paths...]', '政府目录文件夹（含 gk.yaml）或工作区 · catalog folders or a workspace', [])
      .option('-f, --format <format[:file]>', `输出格式，可重复；“格式:文件”写入文件 · output format, repeatable; format:FILE writes a file (${Object.keys(formatters).join('|')})`, collect, [])
      .option('-o, --output <file>', '把（最后一个未指定文件的）格式写入文件 · write the (last file-less) format to FILE')
      .option('--stdin-filepath <path>', '从标准输入读取目录文件，按该路径报告并查找 gk.yaml · read a catalog file from standard input, reported as PATH')
      .option('--max-warnings <n>', '警告超过 N 个时以 1 退出 · exit 1 when warnings exceed N')
      .option('--quiet', '只报告错误 · report errors only')
      .option('--max-repeats <n>', `每个文件每条规则最多列出 N 个问题，其余只计数（默认 ${MAX_REPEATS}；0 列出全部）· list at most N findings of one rule per file, count the rest (default ${MAX_REPEATS}; 0 lists all)`)
      .option('--fix', '检查前先按 gk fmt 改写目录文件 · first rewrite the catalog files as gk fmt does')
      .option('-j, --jobs <n>', '并行线程数（默认为 CPU 核数）· worker threads (default: CPU cores)');
  },
  async action(args, options, io, global) {
    const paths = (args[0] as string[] | undefined) ?? [];
    const targets = parseFormatTargets((options.format as string[] | undefined) ?? [], options.output as string | undefined);
    let maxWarnings = -1;
    if (options.maxWarnings !== undefined) {
      maxWarnings = Number(options.maxWarnings);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw usageError({ zh: '--max-warnings 需要一个非负整数，而不是 {value}', en: '--max-warnings needs a whole number, got {value}' }, { value: String(options.maxWarnings) });
    }
    const maxRepeats = options.maxRepeats === undefined ? MAX_REPEATS : Number(options.maxRepeats);
    if (!Number.isInteger(maxRepeats) || maxRepeats < 0) throw usageError({ zh: '--max-repeats 需要一个非负整数，而不是 {value}', en: '--max-repeats needs a whole number, got {value}' }, { value: String(options.maxRepeats) });
    const stdinPath = options.stdinFilepath as string | undefined;
    if (stdinPath !== undefined && (paths.length > 0 || options.fix)) throw usageError({ zh: '--stdin-filepath 不能与路径或 --fix 同用', en: '--stdin-filepath takes no paths and no --fix' });
    const roots = stdinPath === undefined ? findGovernmentRoots(paths, io.cwd, global.lang) : [];
    // fmt (and the `yaml` library it rests on) is loaded only for --fix.
    if (options.fix) for (const file of (await import('../fmt/files.js')).fixGovernmentCatalogs(roots, io.cwd)) io.stderr(global.lang === 'zh' ? `已修正 ${file}\n` : `fixed ${file}\n`);
    const jobs = options.jobs === undefined ? defaultJobs() : Number(options.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw usageError({ zh: '--jobs 需要一个不小于 1 的整数，而不是 {value}', en: '--jobs needs a whole number of at least 1, got {value}' }, { value: String(options.jobs) });
    const stdin = stdinPath === undefined ? undefined : { file: stdinPath, bytes: await readStdin(io) };
    const { diagnostics: found, files, sources, editions } = await (await import('../check/run.js')).checkRun({ roots, stdin, cwd: io.cwd, lang: global.lang, jobs });
    let diagnostics = found;
    if (options.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
    diagnostics = sortDiagnostics(diagnostics);
    const summary = summarize(diagnostics, files.length);
    for (const target of targets) {
      // Colour is for the terminal, never for a file.
      const color = global.color && target.file === undefined;
      const output = formatters[target.format](diagnostics, summary, { lang: global.lang, color, cwd: io.cwd, sources, files, tool: { name: 'gk', version: VERSION }, maxRepeats });
      if (target.file === undefined) io.stdout(output);
      else writeFileAtomic(path.resolve(io.cwd, target.file), output);
    }
    if (targets.some((t) => t.format === 'stylish' && t.file === undefined)) {
      for (const edition of editions.values()) {
        const notice = partialNotice(edition, global.lang);
        if (notice) io.stderr(`${notice}\n`);
      }
      if (diagnostics.length === 0) io.stderr(global.lang === 'zh' ? `✔ ${files.length} 个文件检查通过\n` : `✔ ${files.length} files checked, no problems\n`);
    }
    if (summary.errors > 0) return 1;
    if (maxWarnings >= 0 && summary.warnings > maxWarnings) return 1;
    return 0;
  },
};

async function readStdin(io: Io): Promise<Uint8Array> {
  if (!io.stdin) throw usageError({ zh: '无法读取标准输入', en: 'standard input cannot be read' });
  return io.stdin(MAX_FILE_BYTES).catch((err: unknown) => {
    if (err instanceof RangeError) throw usageError({ zh: '标准输入超过 {max} MB', en: 'standard input exceeds {max} MB' }, { max: MAX_FILE_BYTES / 1048576 });
    throw err;
  });
}
