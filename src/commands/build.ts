// gk build [path]: a valid catalog → a static site, CSV, JSON and XLSX, written at once into one folder.
import path from 'node:path';
import type { Command } from 'commander';
import { buildOutputs, OUTPUT_FORMATS, type OutputFormat } from '../build/site.js';
import { compileTemplates } from '../build/html.js';
import { loadTemplates } from '../build/templates.js';
import { summarize } from '../diagnostic.js';
import { usageError } from '../errors.js';
import { formatters } from '../format/index.js';
import { say, type Message } from '../i18n.js';
import { exists, globFiles, relativeTo, writeDirAtomic } from '../io/files.js';
import { runGit } from '../io/git.js';
import type { Io } from '../io/io.js';
import { findGovernmentRoots, loadGovernment } from '../project.js';
import { resolveCatalog } from '../resolve.js';
import { loadChannelVocabulary } from '../standard/channels.js';
import { partialNotice } from '../standard/edition.js';
import { checkGovernment } from '../validate.js';
import type { Lang } from '../types.js';
import type { CommandSpec } from './command.js';
import { checkOutDir, parseDateOption, parseFormatList } from './output.js';
import { VERSION } from '../version.js';

const GENERATOR = `gk ${VERSION}`;
/** Below this many items a build takes well under a second and a progress line would only flicker. */
const PROGRESS_THRESHOLD = 500;
/** What an earlier `gk build` leaves in its folder; a non-empty folder with none of these is not ours to replace. */
const BUILD_MARKERS = ['index.html', 'catalog.json', 'catalog.csv', 'catalog.xlsx'];

const M = {
  refused: {
    zh: '未生成：{dir} 有 {errors} 个错误，请先修正（gk validate {dir}）',
    en: 'nothing built: {dir} has {errors} errors; fix them first (gk validate {dir})',
  },
  warnings: { zh: '目录有 {warnings} 个警告，运行 gk validate {dir} 查看', en: 'warnings in the catalog: {warnings}; run gk validate {dir} to see them' },
  built: { zh: '已生成 {out}（{files} 个文件）。', en: 'Built {out} ({files} files).' },
  open: { zh: '用浏览器打开 {index}', en: 'Open {index} in a browser.' },
  progress: { zh: '正在生成 {stage}（{done}/{total}）…', en: 'building {stage} ({done}/{total})…' },
  badBaseUrl: { zh: '--base-url：应为站内的绝对路径，如 /gk/，收到“{value}”', en: '--base-url: expected an absolute path such as /gk/, got "{value}"' },
  several: { zh: '{target} 中有 {count} 个目录（{list}）；请一次生成一个', en: '{target} holds {count} catalogs ({list}); build one at a time' },
  workspace: { zh: '{dir} 是工作区；请生成其中的某个政府目录', en: '{dir} is a workspace; build one of its catalogs' },
} satisfies Record<string, Message>;

export function parseFormats(value: string, lang: Lang): Set<OutputFormat> {
  return new Set(parseFormatList(value, OUTPUT_FORMATS, lang));
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

/** A folder an earlier `gk build` wrote holds one of its marker files; anything else there is someone else's. */
function foreignToBuild(out: string): string | undefined {
  if (BUILD_MARKERS.some((m) => exists(path.join(out, m)))) return undefined;
  return globFiles(['*', '*/**'], out)[0];
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
      .option('--date <YYYY-MM-DD>', '目录日期，默认为最近一次 git 提交的日期 · catalog date, default the last git commit date');
  },
  async action(args, options, io, global) {
    const lang = global.lang;
    const formats = parseFormats(String(options.formats ?? OUTPUT_FORMATS.join(',')), lang);
    const explicitDate = options.date !== undefined ? parseDateOption(String(options.date), lang) : undefined;
    const baseUrl = options.baseUrl !== undefined ? parseBaseUrl(String(options.baseUrl), lang) : '';
    const target = typeof args[0] === 'string' ? args[0] : '.';
    const roots = findGovernmentRoots([target], io.cwd, lang);
    if (roots.length !== 1) throw usageError(say(M.several, lang, { target, count: roots.length, list: roots.map((r) => relativeTo(io.cwd, r)).join(', ') }));
    const root = roots[0]!;
    const government = loadGovernment(root, io.cwd, lang);
    if (government.manifest.workspace) throw usageError(say(M.workspace, lang, { dir: government.display }));
    const out = options.out !== undefined ? path.resolve(io.cwd, String(options.out)) : path.join(root, 'dist');
    checkOutDir(out, { source: root, sourceKind: 'catalog', cwd: io.cwd, tool: 'gk build', foreignFile: foreignToBuild }, lang);
    // Templates first: a broken one is found before the catalog is checked.
    const templates = compileTemplates(loadTemplates(options.templates !== undefined ? path.resolve(io.cwd, String(options.templates)) : undefined, lang), lang);

    const check = checkGovernment(government, lang);
    const errors = check.diagnostics.filter((d) => d.severity === 'error');
    const files = [government.manifestSource, ...government.catalogs];
    if (errors.length > 0 || !check.edition) {
      const sources = new Map(files.map((s) => [s.display, s.text]));
      io.stderr(formatters.stylish(errors, summarize(errors, files.length), { lang, color: global.color, cwd: io.cwd, sources, files: files.map((f) => f.display) }));
      io.stderr(`${say(M.refused, lang, { dir: government.display, errors: errors.length })}\n`);
      return 1;
    }
    const warnings = check.diagnostics.length - errors.length;
    if (warnings > 0) io.stderr(`${say(M.warnings, lang, { warnings, dir: government.display })}\n`);
    const notice = partialNotice(check.edition, lang);
    if (notice) io.stderr(`${notice}\n`);

    const catalog = resolveCatalog(government, check.edition);
    const date = explicitDate ?? lastCommitDate(root);
    const progress = progressReporter(io, lang, catalog.items.length);
    const output = await buildOutputs(catalog, {
      formats,
      baseUrl,
      templates,
      channels: loadChannelVocabulary(),
      catalogPath: (file) => relativeTo(root, path.resolve(io.cwd, file)),
      sources: files.map((s) => ({ file: relativeTo(root, s.path), text: s.text })),
      generator: GENERATOR,
      ...(date !== undefined ? { date } : {}),
      ...(progress.report ? { onProgress: progress.report } : {}),
    });
    writeDirAtomic(out, output);
    progress.done();
    const rel = relativeTo(io.cwd, out);
    const shown = rel.startsWith('../') ? out : rel;
    let line = say(M.built, lang, { out: shown, files: output.size });
    if (formats.has('html')) line += (lang === 'zh' ? '' : ' ') + say(M.open, lang, { index: `${shown}/index.html` });
    io.stdout(`${line}\n`);
    return 0;
  },
};
