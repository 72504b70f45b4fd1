// gk build [path]: a valid catalog → a static site, CSV, JSON and XLSX, written at once into one folder.
import path from 'node:path';
import type { Command } from 'commander';
import { buildOutputs, OUTPUT_FORMATS, type OutputFiles, type OutputFormat } from '../publish/site.js';
import { relatedOf, renderWorkspacePages, workspaceSearchIndex, type WorkspaceEntry, type WorkspaceSite } from '../publish/workspace-index.js';
import { compileTemplates, loadTemplates } from '../publish/templates.js';
import { tabulateCatalog } from '../publish/rows.js';
import { usageError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { isDirectory, relativeTo } from '../io/files.js';
import { runGit } from '../io/git.js';
import type { Io } from '../io/io.js';
import { createParentResolver, diskTree, explainParentLink } from '../resolve/parent.js';
import { findGovernmentRoots, loadGovernment } from '../load/government.js';
import { loadChannelVocabulary } from '../load/channels.js';
import { partialNotice } from '../load/edition.js';
import { checkGovernment } from '../check/validate.js';
import type { Diagnostic, Lang } from '../model/types.js';
import { diskFiles, openWorkspace } from '../load/workspace.js';
import { sortDiagnostics } from '../model/diagnostic.js';
import type { CommandSpec } from './command.js';
import { checkOutDir, parseDateOption, parseFormatList, printErrors, writeOutDir, type OutDirPolicy } from './output.js';
import { VERSION } from '../model/version.js';

const GENERATOR = `gk ${VERSION}`;
/** Below this many items a build takes well under a second and a progress line would only flicker. */
const PROGRESS_THRESHOLD = 500;

const M = {
  refused: {
    zh: '未生成：{dir} 有 {errors} 个错误（{codes}），请先修正（gk validate {dir}）',
    en: 'nothing built: {dir} has {errors} errors ({codes}); fix them first (gk validate {dir})',
  },
  warnings: { zh: '目录有 {warnings} 个警告，运行 gk validate {dir} 查看', en: 'warnings in the catalog: {warnings}; run gk validate {dir} to see them' },
  built: { zh: '已生成 {out}（{files} 个文件）。', en: 'Built {out} ({files} files).' },
  open: { zh: '用浏览器打开 {index}', en: 'Open {index} in a browser.' },
  progress: { zh: '正在生成 {stage}（{done}/{total}）…', en: 'building {stage} ({done}/{total})…' },
  badBaseUrl: { zh: '--base-url：应为站内的绝对路径，如 /gk/，收到“{value}”', en: '--base-url: expected an absolute path such as /gk/, got "{value}"' },
  workspace: { zh: '{dir} 中没有政府目录（只有工作区清单）', en: '{dir} holds no catalog, only a workspace manifest' },
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
      .option('--date <YYYY-MM-DD>', '目录日期，默认为最近一次 git 提交的日期 · catalog date, default the last git commit date')
      .option('--watch', '生成后继续监视，目录文件改动时只重建该政府；有错误时不写出 · keep watching and rebuild the government whose files change; nothing with errors is written');
  },
  async action(args, options, io, global) {
    if (options.watch) return (await import('./serve.js')).watchBuild(buildCommand, args, options, io, global);
    const lang = global.lang;
    const formats = parseFormats(String(options.formats ?? OUTPUT_FORMATS.join(',')), lang);
    const explicitDate = options.date !== undefined ? parseDateOption(String(options.date), lang) : undefined;
    const baseUrl = options.baseUrl !== undefined ? parseBaseUrl(String(options.baseUrl), lang) : '';
    const target = typeof args[0] === 'string' ? args[0] : '.';
    const targetDir = path.resolve(io.cwd, target);
    // The same governments, workspace and checks as `gk validate <path>`: build refuses whatever validate calls an error.
    const roots = findGovernmentRoots([target], io.cwd, lang);
    const workspace = openWorkspace(diskFiles(roots, io.cwd, lang), lang);
    const loaded = roots.map((root) => {
      const member = workspace.memberAt(root);
      return member ? workspace.load(member) : loadGovernment(root, io.cwd, lang);
    });
    const governments = loaded.filter((g) => !g.manifest.workspace);
    const workspaceManifest = loaded.find((g) => g.manifest.workspace)?.manifest;
    if (governments.length === 0) throw usageError(say(M.workspace, lang, { dir: target }));
    const single = governments.length === 1;
    const base = single ? governments[0]!.root : isDirectory(targetDir) ? targetDir : path.dirname(targetDir);
    const out = options.out !== undefined ? path.resolve(io.cwd, String(options.out)) : path.join(base, 'dist');
    const outPolicy: OutDirPolicy = { option: '--out', sources: [base], sourceKind: single ? 'catalog' : 'workspace', tool: 'gk build' };
    checkOutDir(out, outPolicy, io, lang);
    // Templates first: a broken one is found before the catalog is checked.
    const templates = compileTemplates(loadTemplates(options.templates !== undefined ? path.resolve(io.cwd, String(options.templates)) : undefined, lang), lang);

    // Every government is checked before anything is written: one error anywhere, in a catalog or between the
    // governments of the workspace (duplicate-code, parent-cycle, parent-mismatch), stops the whole build.
    const channels = loadChannelVocabulary();
    const checks = loaded.map((government) => ({ government, check: checkGovernment(government, lang, channels, workspace) }));
    const checked = checks.filter(({ government }) => !government.manifest.workspace);
    const errors = sortDiagnostics([...workspace.diagnostics, ...checks.flatMap(({ check }) => check.diagnostics)].filter((d) => d.severity === 'error'));
    const withoutEdition = checked.filter(({ check }) => !check.edition);
    if (errors.length > 0 || withoutEdition.length > 0) {
      const files = loaded.flatMap((g) => [g.manifestSource, ...g.catalogs]);
      printErrors(io, errors, files, { lang, color: global.color });
      io.stderr(`${say(M.refused, lang, { dir: target, errors: errors.length, codes: blockingCodes(errors, lang) })}\n`);
      return 1;
    }
    const notices = new Set<string>();
    for (const { government, check } of checked) {
      const warnings = check.diagnostics.length;
      if (warnings > 0) io.stderr(`${say(M.warnings, lang, { warnings, dir: government.display })}\n`);
      const notice = partialNotice(check.edition!, lang);
      if (notice) notices.add(notice);
    }
    for (const notice of notices) io.stderr(`${notice}\n`);

    const output: OutputFiles = new Map();
    // The workspace's own government (a township above its villages) sits at the top of the output; its site is then
    // the first page, and there is no landing page of its own.
    const prefixOf = (root: string) => (single || root === base ? '' : `${relativeTo(base, root)}/`);
    const entries: WorkspaceEntry[] = checked.map(({ government }) => {
      const m = government.manifest;
      const prefix = prefixOf(government.root);
      const entry: WorkspaceEntry = { name: m.name, code: m.code, level: m.level, prefix, href: `${prefix}${formats.has('html') ? 'index.html' : ''}`, items: 0 };
      if (m.parent !== undefined) entry.parent = m.parent;
      return entry;
    });
    const landing = !single && formats.has('html') && !entries.some((e) => e.prefix === '');
    const site: WorkspaceSite = { landing, city: workspaceManifest?.city ?? workspaceManifest?.name ?? '', entries, baseUrl, ...(explicitDate !== undefined ? { date: explicitDate } : {}) };
    const searchable: Array<{ name: string; prefix: string; domains: ReturnType<typeof tabulateCatalog> }> = [];
    const parents = createParentResolver(diskTree(io.cwd, lang), lang);
    for (const [at, { government, check }] of checked.entries()) {
      const root = government.root;
      const entry = entries[at]!;
      const prefix = entry.prefix;
      const { catalog, link } = parents.resolve(government, check.edition!);
      entry.items = catalog.items.length;
      // Still built: the page shows what the village wrote, and the line says what it could not take from above.
      const unresolved = explainParentLink(government, link, lang);
      if (unresolved !== undefined) io.stderr(`${unresolved}\n`);
      const date = explicitDate ?? lastCommitDate(root);
      const progress = progressReporter(io, lang, catalog.items.length);
      // Values taken from the township point at its files: they are inputs of this catalog too.
      const lent = link.kind === 'found' ? [link.parent.manifestSource, ...link.parent.catalogs] : [];
      const files = [government.manifestSource, ...government.catalogs, ...lent];
      const built = await buildOutputs(catalog, {
        formats,
        baseUrl: baseUrl === '' ? '' : `${baseUrl}${prefix}`,
        templates,
        showCoverage: government.manifest.site?.coverage === true,
        ...(single ? {} : { related: relatedOf(site, entry) }),
        channels: loadChannelVocabulary(),
        catalogPath: (file) => relativeTo(root, path.resolve(io.cwd, file)),
        sources: files.map((f) => ({ file: relativeTo(root, f.path), text: f.text })),
        generator: GENERATOR,
        provenance: options.provenance === true,
        ...(date !== undefined ? { date } : {}),
        ...(progress.report ? { onProgress: progress.report } : {}),
      });
      progress.done();
      for (const [file, data] of built) output.set(`${prefix}${file}`, data);
      if (landing) searchable.push({ name: government.manifest.name, prefix, domains: tabulateCatalog(catalog) });
    }
    if (landing) {
      for (const [file, data] of renderWorkspacePages(site, workspaceSearchIndex(searchable, baseUrl), templates, lang)) output.set(file, data);
    }
    writeOutDir(out, output, 'build', outPolicy, lang);
    const rel = relativeTo(io.cwd, out);
    const shown = rel.startsWith('../') ? out : rel;
    let line = say(M.built, lang, { out: shown, files: output.size });
    if (formats.has('html')) line += (lang === 'zh' ? '' : ' ') + say(M.open, lang, { index: `${shown}/index.html` });
    io.stdout(`${line}\n`);
    return 0;
  },
};
