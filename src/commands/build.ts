// gk build [path]: a valid catalog → a static site, CSV, JSON and XLSX, written at once into one folder. The work is
// src/publish/run.ts; this reads the options, keeps the output folder policy and prints.
import path from 'node:path';
import type { Command } from 'commander';
import { OUTPUT_FORMATS, type OutputFormat } from '../publish/site.js';
import { planBuild, runBuild, upToDate, type BuildRequest } from '../publish/run.js';
import { readManifest } from '../publish/incremental.js';
import { usageError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { relativeTo } from '../io/files.js';
import { runGit } from '../io/git.js';
import { OutputDirWriter, readStamp } from '../io/output-dir.js';
import type { Io } from '../io/io.js';
import type { Diagnostic, Lang } from '../model/types.js';
import type { CommandSpec } from './command.js';
import { checkOutDirContents, checkOutDirPlace, commitOutDir, parseDateOption, parseFormatList, printErrors, type OutDirPolicy } from './output.js';

/** Below this many items a build takes well under a second and a progress line would only flicker. */
const PROGRESS_THRESHOLD = 500;

const M = {
  refused: {
    zh: '未生成：{dir} 有 {errors} 个错误（{codes}），请先修正（gk validate {dir}）',
    en: 'nothing built: {dir} has {errors} errors ({codes}); fix them first (gk validate {dir})',
  },
  built: { zh: '已生成 {out}（{files} 个文件）。', en: 'Built {out} ({files} files).' },
  open: { zh: '用浏览器打开 {index}', en: 'Open {index} in a browser.' },
  progress: { zh: '正在生成 {stage}（{done}/{total}）…', en: 'building {stage} ({done}/{total})…' },
  badBaseUrl: { zh: '--base-url：应为站内的绝对路径，如 /gk/，收到“{value}”', en: '--base-url: expected an absolute path such as /gk/, got "{value}"' },
  badJobs: { zh: '--jobs：应为 1 到 64 之间的整数，收到“{value}”', en: '--jobs: expected a whole number from 1 to 64, got "{value}"' },
} satisfies Record<string, Message>;

export function parseFormats(value: string, lang: Lang): Set<OutputFormat> {
  return new Set(parseFormatList(value, OUTPUT_FORMATS, lang));
}

/** --jobs: how many threads render governments. */
export function parseJobs(value: string, lang: Lang): number {
  if (!/^\d{1,2}$/.test(value) || Number(value) < 1 || Number(value) > 64) throw usageError(say(M.badJobs, lang, { value }));
  return Number(value);
}

/** Only a path on the same site: no scheme, no host (`//cdn…`), so pages never point at another server. */
export function parseBaseUrl(value: string, lang: Lang): string {
  if (!value.startsWith('/') || value.startsWith('//') || /[\s:"'<>\\?#]/.test(value)) throw usageError(say(M.badBaseUrl, lang, { value }));
  return value.endsWith('/') ? value : `${value}/`;
}

/** The day of the last commit touching the catalog folder; none outside git, or when git is missing. */
export function lastCommitDate(dir: string): string | undefined {
  const r = runGit(dir, ['log', '-1', '--format=%cs', '--', '.']);
  const out = r.ok ? r.stdout.toString('utf8').trim() : '';
  return /^\d{4}-\d{2}-\d{2}$/.test(out) ? out : undefined;
}

/** The rules whose errors block the build, most frequent first: `parent-mismatch ×2、workspace/duplicate-code ×1`. */
function blockingCodes(errors: readonly Diagnostic[], lang: Lang): string {
  const counts = new Map<string, number>();
  for (const d of errors) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([code, n]) => `${code} ×${n}`)
    .join(lang === 'zh' ? '、' : ', ');
}

function progressReporter(io: Io, lang: 'zh' | 'en', items: number) {
  if (!io.isTTY || io.env.CI === 'true' || items < PROGRESS_THRESHOLD) return { report: undefined, done() {} };
  let shown = false;
  return {
    report(stage: OutputFormat, done: number, total: number) {
      shown = true;
      io.stderr(`\r\u001b[2K${say(M.progress, lang, { stage: stage.toUpperCase(), done: done + 1, total })}`);
    },
    done() {
      if (shown) io.stderr('\r\u001b[2K');
    },
  };
}

export const buildCommand: CommandSpec = {
  name: 'build',
  configure(command: Command) {
    command
      .description('生成可发布的网页、CSV、JSON 和 Excel 文件 · build the publishable site, CSV, JSON and XLSX')
      .argument('[path]', '政府目录文件夹（含 gk.yaml）· the catalog folder', '.')
      .option('-o, --out <dir>', '输出文件夹，默认 <目录>/dist · output folder, default <catalog>/dist')
      .option('--formats <list>', `输出格式，逗号分隔 · formats, comma-separated (${OUTPUT_FORMATS.join(',')})`, OUTPUT_FORMATS.join(','))
      .option('--templates <dir>', '用此文件夹中的同名文件替换内置模板 · files here replace the bundled templates of the same name')
      .option('--base-url <path>', '页面间链接的绝对路径前缀，如 /gk/；默认为相对链接 · absolute path prefix of links, e.g. /gk/; default relative')
      .option('--provenance', 'catalog.json 为每个要素写明来源（国家标准事项或本地文件位置）· catalog.json gives every element its origin')
      .option('--domain-csv', '另为每个领域写一个 CSV（csv/<领域>.csv），由领域页链接 · also one CSV per domain (csv/<domain>.csv), linked from its page')
      .option('--date <YYYY-MM-DD>', '目录日期，默认为最近一次 git 提交的日期 · catalog date, default the last git commit date')
      .option('--jobs <n>', '并行生成政府页面的工作线程数，默认 1（不用工作线程）· threads rendering governments, default 1 (no worker threads)')
      .option('--watch', '生成后继续监视，目录文件改动时只重建该政府；有错误时不写出 · keep watching and rebuild the government whose files change; nothing with errors is written');
  },
  async action(args, options, io, global) {
    if (options.watch) return (await import('./serve.js')).watchBuild(buildCommand, args, options, io, global);
    const lang = global.lang;
    const date = options.date !== undefined ? parseDateOption(String(options.date), lang) : undefined;
    const request: BuildRequest = {
      target: typeof args[0] === 'string' ? args[0] : '.',
      cwd: io.cwd,
      lang,
      formats: parseFormats(String(options.formats ?? OUTPUT_FORMATS.join(',')), lang),
      baseUrl: options.baseUrl !== undefined ? parseBaseUrl(String(options.baseUrl), lang) : '',
      provenance: options.provenance === true,
      domainCsv: options.domainCsv === true,
      progress: (items) => progressReporter(io, lang, items),
      onMessage: (line) => io.stderr(`${line}\n`),
      ...(options.out !== undefined ? { out: path.resolve(io.cwd, String(options.out)) } : {}),
      ...(options.templates !== undefined ? { templates: path.resolve(io.cwd, String(options.templates)) } : {}),
      ...(date !== undefined ? { date } : {}),
      ...(options.jobs !== undefined ? { jobs: parseJobs(String(options.jobs), lang) } : {}),
    };
    const plan = planBuild(request);
    const outPolicy: OutDirPolicy = { option: '--out', sources: [plan.base], sourceKind: plan.single ? 'catalog' : 'workspace', tool: 'gk build' };
    checkOutDirPlace(plan.out, outPolicy, io, lang);
    const shown = relativeTo(io.cwd, plan.out).startsWith('../') ? plan.out : relativeTo(io.cwd, plan.out);
    const done = (files: number) => {
      let line = say(M.built, lang, { out: shown, files });
      if (request.formats.has('html')) line += (lang === 'zh' ? '' : ' ') + say(M.open, lang, { index: `${shown}/index.html` });
      io.stdout(`${line}\n`);
      return 0;
    };
    // Nothing changed since the build in the output folder: nothing to check, render or write.
    const same = upToDate(plan);
    if (same) {
      for (const message of same.messages) io.stderr(`${message}\n`);
      return done(Object.keys(same.sizes).length + 1);
    }
    const state = checkOutDirContents(plan.out, outPolicy, lang);
    const previous = state === 'ours' ? readManifest(plan.out)?.manifest : undefined;
    const writer = new OutputDirWriter(plan.out, 'build');
    let result;
    try {
      result = await runBuild(plan, previous, previous ? readStamp(plan.out)?.files : undefined, writer);
    } catch (err) {
      writer.abort();
      throw err;
    }
    if (result.status === 'refused') {
      writer.abort();
      printErrors(io, result.errors, result.files, { lang, color: global.color });
      io.stderr(`${say(M.refused, lang, { dir: request.target, errors: result.errors.length, codes: blockingCodes(result.errors, lang) })}\n`);
      return 1;
    }
    commitOutDir(writer, outPolicy, lang);
    return done(result.count);
  },
};
