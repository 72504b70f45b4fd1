// gk serve [path]: a live preview on 127.0.0.1 that rebuilds the government whose files changed and reloads open pages;
// also the loop behind `gk build --watch`.
import path from 'node:path';
import type { Command } from 'commander';
import { Preview, type RebuildReport } from '../publish/preview.js';
import { startPreviewServer, type PreviewServer } from '../publish/serve.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../publish/site.js';
import { compileTemplates, loadTemplates } from '../publish/templates.js';
import { usageError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import type { Io } from '../io/io.js';
import { watchCatalogs, type CatalogChange } from '../load/watch.js';
import type { Lang } from '../model/types.js';
import { VERSION } from '../model/version.js';
import { lastCommitDate } from './build.js';
import type { CommandSpec, GlobalOptions } from './command.js';
import { parseDateOption, parseFormatList, printErrors, writeOutDir } from './output.js';

const M = {
  serving: { zh: '预览：{url}（Ctrl+C 结束）', en: 'Preview: {url} (Ctrl+C to stop)' },
  watching: { zh: '正在监视 {dir} 的目录文件（Ctrl+C 结束）', en: 'Watching the catalog files of {dir} (Ctrl+C to stop)' },
  built: { zh: '已更新：{dirs}', en: 'Rebuilt: {dirs}' },
  written: { zh: '已写入 {out}', en: 'Wrote {out}' },
  refused: { zh: '未更新 {dir}：有 {errors} 个错误，仍显示上次没有错误的版本', en: '{dir} not rebuilt: {errors} errors; the last good version stays' },
  notWritten: { zh: '未写入 {out}：有错误的目录不发布', en: '{out} not written: a catalog with errors is never published' },
  warnings: { zh: '另有 {warnings} 个警告，运行 gk validate 查看', en: '{warnings} warnings; run gk validate to see them' },
  badPort: { zh: '--port 需要 0（任选空闲端口）到 65535 之间的整数，而不是 {value}', en: '--port needs a whole number from 0 (any free port) to 65535, got {value}' },
  portBusy: { zh: '端口 {port} 已被占用；用 --port 0 任选一个空闲端口', en: 'port {port} is in use; --port 0 picks a free one' },
  noStop: { zh: '此环境无法等待 Ctrl+C', en: 'this environment cannot wait for Ctrl+C' },
} satisfies Record<string, Message>;

export const DEFAULT_PORT = 4173;

export interface LiveOptions {
  target: string;
  formats: ReadonlySet<OutputFormat>;
  templates?: string;
  dateOf?(root: string): string | undefined;
  /** Where to write the site after each good rebuild (`gk build --watch`), given the folder the site mirrors. */
  out?(base: string): string;
  /** Serve the site on this port (`gk serve`); 0 picks a free one. */
  port?: number;
}

/** Builds, then rebuilds on every change until interrupted; resolves once the watcher and server are closed. */
export async function runLive(options: LiveOptions, io: Io, global: GlobalOptions): Promise<number> {
  const lang = global.lang;
  if (!io.interrupted) throw usageError(say(M.noStop, lang));
  const templates = compileTemplates(loadTemplates(options.templates !== undefined ? path.resolve(io.cwd, options.templates) : undefined, lang), lang);
  const preview = new Preview({ target: options.target, cwd: io.cwd, lang, formats: options.formats, templates, generator: `gk ${VERSION}`, ...(options.dateOf ? { dateOf: options.dateOf } : {}) });
  const first = await preview.buildAll();
  // `gk build --watch` has just written the first build itself, with every check of the output folder.
  const out = options.out?.(preview.base);
  show(first, io, global);

  let server: PreviewServer | undefined;
  if (options.port !== undefined) {
    server = await startPreviewServer(() => preview.files(), options.port).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') throw usageError(say(M.portBusy, lang, { port: options.port }));
      throw err;
    });
    io.stdout(`${say(M.serving, lang, { url: server.url })}\n`);
  } else {
    io.stdout(`${say(M.watching, lang, { dir: preview.base })}\n`);
  }

  // One rebuild at a time; changes that arrive meanwhile are merged into the next.
  let queued: CatalogChange | undefined;
  let running: Promise<void> | undefined;
  const next = async (): Promise<void> => {
    while (queued) {
      const change = queued;
      queued = undefined;
      const report = change.manifests ? await preview.buildAll() : await preview.rebuild([...change.roots].filter((r) => preview.owns(r)).sort());
      show(report, io, global);
      if (out !== undefined) publish(report, preview, out, io, lang);
      if (report.built.length > 0) server?.reload();
    }
    running = undefined;
  };
  const watcher = watchCatalogs(preview.base, (change) => {
    if (queued) {
      for (const r of change.roots) queued.roots.add(r);
      queued.manifests ||= change.manifests;
    } else queued = change;
    running ??= next().catch((err: unknown) => {
      io.stderr(`gk: ${(err as Error)?.message ?? String(err)}\n`);
      running = undefined;
    });
  });

  await io.interrupted();
  watcher.close();
  await running;
  await server?.close();
  return 0;
}

function show(report: RebuildReport, io: Io, global: GlobalOptions): void {
  const lang = global.lang;
  for (const { government, errors } of report.refused) {
    printErrors(io, errors, [government.manifestSource, ...government.catalogs], { lang, color: global.color });
    io.stderr(`${say(M.refused, lang, { dir: government.display, errors: errors.length })}\n`);
  }
  if (report.built.length > 0) io.stderr(`${say(M.built, lang, { dirs: report.built.join(lang === 'zh' ? '、' : ', ') })}\n`);
  if (report.warnings > 0) io.stderr(`${say(M.warnings, lang, { warnings: report.warnings })}\n`);
}

/** `gk build --watch` writes the whole site only when no government has errors, as `gk build` does. */
function publish(report: RebuildReport, preview: Preview, out: string, io: Io, lang: Lang): void {
  if (report.refused.length > 0) {
    io.stderr(`${say(M.notWritten, lang, { out })}\n`);
    return;
  }
  if (report.built.length === 0) return;
  // The same folder policy as gk build: gk replaces only a folder it wrote itself.
  writeOutDir(out, preview.files(), 'build', { option: '--out', sources: [preview.base], sourceKind: preview.single ? 'catalog' : 'workspace', tool: 'gk build' }, lang);
  io.stderr(`${say(M.written, lang, { out })}\n`);
}

/** `gk build --watch`: the ordinary build first (it checks and writes the output folder), then rebuilds on change. */
export async function watchBuild(build: CommandSpec, args: unknown[], options: Record<string, unknown>, io: Io, global: GlobalOptions): Promise<number> {
  await build.action(args, { ...options, watch: false }, io, global);
  const formats = new Set(parseFormatList(String(options.formats ?? OUTPUT_FORMATS.join(',')), OUTPUT_FORMATS, global.lang));
  const date = options.date === undefined ? undefined : parseDateOption(String(options.date), global.lang);
  const dateOf = (root: string) => date ?? lastCommitDate(root);
  const out = (base: string) => (options.out !== undefined ? path.resolve(io.cwd, String(options.out)) : path.join(base, 'dist'));
  return runLive({ target: typeof args[0] === 'string' ? args[0] : '.', formats, out, dateOf, ...(options.templates !== undefined ? { templates: String(options.templates) } : {}) }, io, global);
}

export function parsePort(value: unknown, lang: Lang): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError(say(M.badPort, lang, { value: String(value) }));
  return port;
}

export const serveCommand: CommandSpec = {
  name: 'serve',
  configure(command: Command) {
    command
      .description('本机预览网站（127.0.0.1），目录文件改动后只重建该政府并刷新页面 · preview the site on 127.0.0.1, rebuilt and reloaded as catalogs change')
      .argument('[path]', '政府目录文件夹或工作区 · the catalog folder or a workspace', '.')
      .option('-p, --port <n>', `端口，0 为任选空闲端口（默认 ${DEFAULT_PORT}）· port, 0 for any free one (default ${DEFAULT_PORT})`)
      .option('--templates <dir>', '用此文件夹中的同名文件替换内置模板 · files here replace the bundled templates of the same name')
      .option('--date <YYYY-MM-DD>', '页面上的目录日期 · the catalog date shown on the pages');
  },
  async action(args, options, io, global) {
    const port = options.port === undefined ? DEFAULT_PORT : parsePort(options.port, global.lang);
    const date = options.date === undefined ? undefined : parseDateOption(String(options.date), global.lang);
    const formats = new Set(parseFormatList(OUTPUT_FORMATS.join(','), OUTPUT_FORMATS, global.lang));
    return runLive({ target: typeof args[0] === 'string' ? args[0] : '.', formats, port, dateOf: (root) => date ?? lastCommitDate(root), ...(options.templates !== undefined ? { templates: String(options.templates) } : {}) }, io, global);
  },
};
