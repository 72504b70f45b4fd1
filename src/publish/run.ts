// gk build in functions that read top to bottom: find the governments, check them as gk validate does, and render
// each government whose inputs changed since the build in the output folder, its files written as soon as rendered.
import fs from 'node:fs';
import path from 'node:path';
import { usageError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { isDirectory, relativeTo } from '../io/files.js';
import { createParentResolver, explainParentLink } from '../resolve/parent.js';
import { diskTree } from '../load/tree.js';
import { findGovernmentRoots, loadGovernmentFrom, type Government } from '../load/government.js';
import type { SourceFile } from '../load/source.js';
import { loadChannelVocabulary } from '../load/channels.js';
import { partialNotice } from '../load/edition.js';
import { listFiles } from '../load/read.js';
import { bundledStandardDir } from '../io/files.js';
import { checkGovernment } from '../check/validate.js';
import { loadRunRules } from '../check/lint/local.js';
import type { Diagnostic, Edition, Lang } from '../model/types.js';
import { diskFiles, openWorkspace, type Workspace } from '../load/workspace.js';
import { sortDiagnostics } from '../model/diagnostic.js';
import { VERSION } from '../model/version.js';
import type { OutputDirWriter } from '../io/output-dir.js';
import { assetText, governmentInputs, SHARED_ASSETS, sharedAssets, type OutputFormat } from './site.js';
import { relatedOf, renderWorkspacePages, workspaceSiteOf } from './workspace-index.js';
import { RenderPool, renderGovernment, type Rendered, type RenderSpec } from './render.js';
import { compileTemplates, loadTemplates, type TemplateSet } from './templates.js';
import {
  foldersAbove,
  formatManifest,
  gkIdentity,
  hashFileNow,
  inputsNow,
  keyOf,
  lastCommitDates,
  MANIFEST_FILE,
  outputIntact,
  readManifest,
  sha256,
  hashOfRead,
  type BuildManifest,
  type GovernmentRecord,
} from './incremental.js';

const GENERATOR = `gk ${VERSION}`;

/** Below this many governments in a build, render workers' start-up costs more than they save. */
const MIN_GOVERNMENTS_PER_WORKER = 4;

function isFile(p: string): boolean {
  try {
    return fs.lstatSync(p).isFile();
  } catch {
    return false;
  }
}

const M = {
  warnings: { zh: '目录有 {warnings} 个警告，运行 gk validate {dir} 查看', en: 'warnings in the catalog: {warnings}; run gk validate {dir} to see them' },
  workspace: { zh: '{dir} 中没有政府目录（只有工作区清单）', en: '{dir} holds no catalog, only a workspace manifest' },
} satisfies Record<string, Message>;

export interface BuildRequest {
  /** the path as given (a folder, or a file inside a catalog) */
  target: string;
  cwd: string;
  lang: Lang;
  /** --out, resolved; default <catalog>/dist or <workspace>/dist */
  out?: string;
  formats: ReadonlySet<OutputFormat>;
  /** --templates, resolved */
  templates?: string;
  baseUrl: string;
  provenance: boolean;
  /** --domain-csv: csv/<domain>.csv besides catalog.csv */
  domainCsv?: boolean;
  /** --date; otherwise each government's last commit day */
  date?: string;
  /** each line for stderr (warnings, notices) as the build reaches it; they are in the result too */
  onMessage?(line: string): void;
  /** threads rendering governments (default 1: this thread alone) */
  jobs?: number;
  /** shown while a large government is rendered */
  progress?(items: number): { report?: (stage: OutputFormat, done: number, total: number) => void; done(): void };
}

/** What gk build works on, found before the output folder is looked at. */
export interface BuildPlan {
  request: BuildRequest;
  roots: string[];
  workspace: Workspace;
  /** a single government (its site at the top of the output) */
  single: boolean;
  /** the folder the output's paths are relative to: the government's, or the workspace's */
  base: string;
  out: string;
  templates: TemplateSet;
}

export function planBuild(request: BuildRequest): BuildPlan {
  const { target, cwd, lang } = request;
  const targetDir = path.resolve(cwd, target);
  const roots = findGovernmentRoots([target], cwd, lang);
  const workspace = openWorkspace(diskFiles(roots, cwd, lang), lang);
  if (workspace.members.length === 0) throw usageError(say(M.workspace, lang, { dir: target }));
  const single = workspace.members.length === 1;
  const base = single ? workspace.members[0]!.root : isDirectory(targetDir) ? targetDir : path.dirname(targetDir);
  const out = request.out ?? path.join(base, 'dist');
  // Templates first: a broken one is found before the catalog is checked.
  const templates = loadTemplates(request.templates, lang);
  return { request, roots, workspace, single, base, out, templates };
}

/** Everything but the input files that a build's bytes depend on. */
function settingsOf(plan: BuildPlan, dates: ReadonlyMap<string, string>) {
  const { request } = plan;
  const templates = [...plan.templates.files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, text]) => [name, sha256(text)]);
  return { gk: gkIdentity(), formats: [...request.formats].sort(), baseUrl: request.baseUrl, provenance: request.provenance, domainCsv: request.domainCsv === true, date: request.date ?? null, dates: [...dates].sort(), templates, single: plan.single };
}

function datesOf(plan: BuildPlan): Map<string, string> {
  return plan.request.date !== undefined ? new Map() : lastCommitDates(plan.base, plan.workspace.members.map((m) => m.root));
}

/**
 * The earlier build in the output folder when nothing it was made from has changed (inputs, templates, options,
 * dates, gk) and its files are as it left them: then there is nothing to write.
 */
export function upToDate(plan: BuildPlan): BuildManifest | undefined {
  const previous = readManifest(plan.out);
  if (!previous) return undefined;
  const inputs = inputsNow(plan.base, plan.roots, Object.keys(previous.manifest.inputs));
  if (!inputs) return undefined;
  const key = keyOf({ settings: settingsOf(plan, datesOf(plan)), inputs });
  if (key !== previous.manifest.key || !outputIntact(plan.out, previous.manifest, previous.mtimeMs)) return undefined;
  return previous.manifest;
}

export type BuildResult =
  | { status: 'refused'; errors: Diagnostic[]; files: SourceFile[] }
  | {
      status: 'built';
      /** the files of the output (the stamp aside) */
      count: number;
      /** said on stderr, in order */
      messages: string[];
      /** governments rendered, and kept as they were */
      rendered: number;
      kept: number;
    };

/**
 * Checks every government as gk validate does (one error anywhere stops the whole build) and writes the output through
 * `writer`, each government's files as soon as they are rendered (nothing is written when the build is refused); the
 * caller commits the writer (the swap) or aborts it. `previous` is the earlier build's manifest when the output folder
 * holds gk's unchanged output: a government whose key (its files, its parents' files, edition, templates, options,
 * date, links, gk) is the same keeps its files, linked from there. The manifest is written last.
 */
export async function runBuild(plan: BuildPlan, previous: BuildManifest | undefined, stamp: ReadonlyMap<string, string> | undefined, writer: OutputDirWriter): Promise<BuildResult> {
  const { request, workspace, single, base } = plan;
  const { lang, cwd, formats, baseUrl } = request;
  const templates = compileTemplates(plan.templates, lang);
  const loaded = plan.roots.map((root) => {
    const member = workspace.memberAt(root);
    return member ? workspace.load(member) : loadGovernmentFrom(diskTree(cwd, lang), root, lang);
  });
  const channels = loadChannelVocabulary();
  // The local rules gk.yaml names run as in gk validate: their errors, and modules that cannot be loaded, stop the build.
  const local = await loadRunRules(plan.roots, cwd, lang);
  const checks = loaded.map((government) => ({ government, check: checkGovernment(government, lang, channels, workspace, local.rules ? { rules: local.rules } : {}) }));
  const checked = checks.filter(({ government }) => !government.manifest.workspace);
  const errors = sortDiagnostics([...workspace.diagnostics, ...local.diagnostics, ...checks.flatMap(({ check }) => check.diagnostics)].filter((d) => d.severity === 'error'));
  if (errors.length > 0 || checked.some(({ check }) => !check.edition)) {
    return { status: 'refused', errors, files: [...loaded.flatMap((g) => [g.manifestSource, ...g.catalogs]), ...local.homes.map((h) => h.manifest)] };
  }
  const messages: string[] = [];
  const tell = (line: string) => {
    messages.push(line);
    request.onMessage?.(line);
  };
  const notices = new Set<string>();
  for (const { government, check } of checked) {
    const warnings = check.diagnostics.length;
    if (warnings > 0) tell(say(M.warnings, lang, { warnings, dir: government.display }));
    const notice = partialNotice(check.edition!, lang);
    if (notice) notices.add(notice);
  }
  for (const notice of notices) tell(notice);

  // Every file read is an input: the governments', the parents' lent from outside, local editions, gk.yaml above.
  const rel = (abs: string) => relativeTo(base, abs);
  const inputs: Record<string, string | null> = {};
  const hashOf = new Map<string, string>();
  const record = (source: SourceFile) => {
    const hash = hashOfRead(source.path, source.encoding, source.text);
    hashOf.set(source.path, hash);
    inputs[rel(source.path)] = hash;
    return hash;
  };
  for (const g of loaded) for (const source of [g.manifestSource, ...g.catalogs]) record(source);
  for (const file of foldersAbove(base)) inputs[rel(file)] = hashFileNow(file);
  // A changed local rule may turn a clean catalog into one with errors: its module is an input too.
  for (const file of local.modules) inputs[rel(file)] = hashFileNow(file);
  const editionKeys = new Map<string, unknown>();
  const editionKey = (edition: Edition) => {
    let key = editionKeys.get(edition.dir);
    if (key === undefined) {
      if (path.dirname(edition.dir) === bundledStandardDir) key = edition.id;
      else {
        const files = listFiles(edition.dir, (name) => name.endsWith('.yaml'), edition.dir, () => true).files;
        key = files.map((f) => [rel(f), (inputs[rel(f)] = hashFileNow(f))]);
      }
      editionKeys.set(edition.dir, key);
    }
    return key;
  };

  const dates = datesOf(plan);
  const settings = settingsOf(plan, dates);
  const prefixOf = (root: string) => (single || root === base ? '' : `${relativeTo(base, root)}/`);
  const site = workspaceSiteOf(
    checked.map(({ government }) => government),
    { prefixOf, single, html: formats.has('html'), city: workspace.manifest?.city ?? workspace.manifest?.name ?? '', baseUrl, ...(request.date !== undefined ? { date: request.date } : {}) },
  );
  const { entries, landing } = site;

  const governments: Record<string, GovernmentRecord> = {};
  const parents = createParentResolver(diskTree(cwd, lang), lang);
  /** Each government's files and those of the parents it draws on, as hashes: part of its key. */
  const lineage = new Map<string, Array<[string, string]>>();
  let rendered = 0;
  let kept = 0;
  // Workers start with the second government to render (one alone is rendered here: an incremental build after one
  // edit pays no start-up), and only for a workspace big enough for them to pay.
  // Default one: measured on 2 cores, quiet, the workers took 1.45x the CPU for the same wall time (the main thread,
  // resolving, copying catalogs out and writing, is the bottleneck), so they are opt-in (--jobs) until that is cut.
  const jobs = request.jobs ?? 1;
  let pool: RenderPool | undefined;
  let poolTried = false;
  const inFlight = new Set<Promise<void>>();
  const written = (prefix: string, key: string, files: Rendered['files']) => {
    writer.write(files.map(([file, data, hash]) => [`${prefix}${file}`, data, hash]));
    governments[prefix] = { key, files: files.map(([f]) => `${prefix}${f}`).sort() };
  };
  try {
    for (const [at, { government, check }] of checked.entries()) {
      const root = government.root;
      const entry = entries[at]!;
      const prefix = entry.prefix;
      const { catalog, link } = parents.resolve(government, check.edition!);
      entry.items = catalog.items.length;
      // Still built: the page shows what the village wrote, and the line says what it could not take from above.
      const unresolved = explainParentLink(government, link, lang);
      if (unresolved !== undefined) tell(unresolved);
      const date = request.date ?? dates.get(root === base ? '' : relativeTo(base, root));
      const own: Array<[string, string]> = [government.manifestSource, ...government.catalogs].map((s) => [rel(s.path), hashOf.get(s.path) ?? record(s)]);
      const above = link.kind === 'found' ? (lineage.get(link.parent.root) ?? lineageOf(link.parent)) : [];
      lineage.set(root, [...own, ...above]);
      const related = single ? undefined : relatedOf(site, entry);
      // In a workspace the sites share one style.css and search.js at the top of the output.
      const assets = single ? undefined : sharedAssets(prefix, baseUrl);
      const key = keyOf({ settings, prefix, date: date ?? null, related: related ?? null, files: [...own, ...above], edition: editionKey(check.edition!) });
      const before = previous?.governments[prefix];
      if (before && before.key === key && stamp && before.files.every((f) => stamp.has(f) && isFile(path.join(plan.out, f)))) {
        writer.link(before.files.map((f) => [f, stamp.get(f)!]));
        governments[prefix] = before;
        kept++;
        continue;
      }
      const inputsOf = governmentInputs(government, link, cwd);
      const spec: RenderSpec = {
        formats: [...formats],
        baseUrl: baseUrl === '' ? '' : `${baseUrl}${prefix}`,
        root,
        cwd,
        // Values taken from the township point at its files: they are inputs of this catalog too.
        showCoverage: inputsOf.showCoverage === true,
        sources: [...inputsOf.sources],
        ...(related ? { related } : {}),
        ...(assets ? { assets } : {}),
        generator: GENERATOR,
        provenance: request.provenance,
        domainCsv: request.domainCsv === true,
        ...(date !== undefined ? { date } : {}),
      };
      rendered++;
      if (rendered === 2 && !poolTried) {
        poolTried = true;
        const size = Math.min(jobs, Math.floor(checked.length / MIN_GOVERNMENTS_PER_WORKER));
        if (size >= 2) pool = RenderPool.start(size, { templates: plan.templates, lang });
      }
      const take = ({ files }: Rendered) => written(prefix, key, files);
      if (pool) {
        // A few governments queued per worker keep them busy; more would only hold rendered files in memory.
        while (inFlight.size >= pool.size * 2) await Promise.race(inFlight);
        const task: Promise<void> = pool.render(catalog, spec).then(take);
        inFlight.add(task);
        void task.then(
          () => inFlight.delete(task),
          () => inFlight.delete(task),
        );
      } else {
        const progress = request.progress?.(catalog.items.length);
        take(await renderGovernment(catalog, spec, templates, channels, progress?.report));
        progress?.done();
      }
    }
    await Promise.all(inFlight);
  } finally {
    // A failed render: the others still running are left to finish into nothing; their workers end here.
    await Promise.allSettled(inFlight);
    await pool?.close();
  }
  if (landing) {
    writer.write(renderWorkspacePages(site, templates, lang));
  } else if (!single && formats.has('html') && !writer.has('style.css')) {
    // the government at the top was kept, but its shared assets must still be there
    writer.write(
      SHARED_ASSETS.flatMap((asset) => {
        const text = assetText(templates, asset);
        return text !== undefined ? [[asset, text] as const] : [];
      }),
    );
  }

  function lineageOf(g: Government): Array<[string, string]> {
    const files = [g.manifestSource, ...g.catalogs].map((s): [string, string] => [rel(s.path), hashOf.get(s.path) ?? record(s)]);
    const edition = checked.find((c) => c.government.root === g.root)?.check.edition;
    if (!edition) return files;
    const { link } = parents.resolve(g, edition);
    return link.kind === 'found' ? [...files, ...(lineage.get(link.parent.root) ?? lineageOf(link.parent))] : files;
  }

  const sizes: Record<string, number> = Object.fromEntries(writer.sizes);
  const sorted = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const manifest: BuildManifest = { key: keyOf({ settings, inputs }), inputs: sorted(inputs), governments: sorted(governments), sizes: sorted(sizes), messages };
  writer.write([[MANIFEST_FILE, formatManifest(manifest)]]);
  return { status: 'built', count: Object.keys(sizes).length + 1, messages, rendered, kept };
}
