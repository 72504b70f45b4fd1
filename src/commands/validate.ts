// gk validate [path…]: every problem in every catalog below the paths, in one run.
import { Option, type Command } from 'commander';
import { sortDiagnostics, summarize } from '../diagnostic.js';
import { usageError } from '../errors.js';
import { formatters, isFormatName } from '../format/index.js';
import { findGovernmentRoots } from '../project.js';
import { partialNotice } from '../standard/edition.js';
import { checkRootsParallel, defaultJobs } from '../parallel.js';
import type { CommandSpec } from './command.js';
import { VERSION } from '../version.js';

/** The human format lists this many findings of one rule in one file, then how many more there are. */
export const MAX_REPEATS = 20;

export const validateCommand: CommandSpec = {
  name: 'validate',
  configure(command: Command) {
    command
      .description('检查目录：YAML、结构（JSON Schema）和规则 · check catalogs against the schema and the lint rules')
      .argument('[paths...]', '政府目录文件夹（含 gk.yaml）或工作区 · catalog folders or a workspace', [])
      .addOption(new Option('-f, --format <format>', '输出格式 output format').choices(Object.keys(formatters)).default('stylish'))
      .option('--max-warnings <n>', '警告超过 N 个时以 1 退出 · exit 1 when warnings exceed N')
      .option('--quiet', '只报告错误 · report errors only')
      .option('--max-repeats <n>', `每个文件每条规则最多列出 N 个问题，其余只计数（默认 ${MAX_REPEATS}；0 列出全部）· list at most N findings of one rule per file, count the rest (default ${MAX_REPEATS}; 0 lists all)`)
      .option('--fix', '检查前先按 gk fmt 改写目录文件 · first rewrite the catalog files as gk fmt does')
      .option('-j, --jobs <n>', '并行线程数（默认为 CPU 核数）· worker threads (default: CPU cores)');
  },
  async action(args, options, io, global) {
    const paths = (args[0] as string[] | undefined) ?? [];
    const format = String(options.format ?? 'stylish');
    if (!isFormatName(format)) throw usageError({ zh: '未知的输出格式：{format}', en: 'unknown format: {format}' }, { format });
    let maxWarnings = -1;
    if (options.maxWarnings !== undefined) {
      maxWarnings = Number(options.maxWarnings);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw usageError({ zh: '--max-warnings 需要一个非负整数，而不是 {value}', en: '--max-warnings needs a whole number, got {value}' }, { value: String(options.maxWarnings) });
    }
    const maxRepeats = options.maxRepeats === undefined ? MAX_REPEATS : Number(options.maxRepeats);
    if (!Number.isInteger(maxRepeats) || maxRepeats < 0) throw usageError({ zh: '--max-repeats 需要一个非负整数，而不是 {value}', en: '--max-repeats needs a whole number, got {value}' }, { value: String(options.maxRepeats) });
    const roots = findGovernmentRoots(paths, io.cwd, global.lang);
    // fmt (and the `yaml` library it rests on) is loaded only for --fix.
    if (options.fix) for (const file of (await import('../fmt/files.js')).fixGovernmentCatalogs(roots, io.cwd)) io.stderr(global.lang === 'zh' ? `已修正 ${file}\n` : `fixed ${file}\n`);
    const jobs = options.jobs === undefined ? defaultJobs() : Number(options.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw usageError({ zh: '--jobs 需要一个不小于 1 的整数，而不是 {value}', en: '--jobs needs a whole number of at least 1, got {value}' }, { value: String(options.jobs) });
    const { diagnostics: found, files, sources, editions } = await checkRootsParallel(roots, io.cwd, global.lang, jobs);
    let diagnostics = found;
    if (options.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
    diagnostics = sortDiagnostics(diagnostics);
    const summary = summarize(diagnostics, files.length);
    const output = formatters[format](diagnostics, summary, { lang: global.lang, color: global.color, cwd: io.cwd, sources, files, tool: { name: 'gk', version: VERSION }, maxRepeats });
    io.stdout(output);
    if (format === 'stylish') {
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
