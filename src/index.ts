// gk's public API: the pipeline's verbs (load → check → resolve → diff | publish | report) over plain data, for
// scripts, portals and editors. Everything configurable is passed in; nothing here writes files.
import path from 'node:path';
import { sortDiagnostics, summarize, type Summary } from './model/diagnostic.js';
import { diffAgainstStandard } from './diff/standard.js';
import { diffVersions as compareVersions } from './diff/versions.js';
import type { StandardDiff, VersionDiff } from './diff/types.js';
import { buildOutputs, OUTPUT_FORMATS, type OutputFormat } from './publish/site.js';
import { compileTemplates, loadTemplates } from './publish/templates.js';
import { GkError } from './model/errors.js';
import { formatCatalog, type FormatResult } from './fmt/format.js';
import { relativeTo } from './io/files.js';
import { rules as bundledRules } from './check/lint/registry.js';
import type { Rule } from './check/lint/rule.js';
import { describeFailure, lintCase, ruleCaseChecks, type RuleCase, type RuleCases, type RuleCaseResult, type RuleFinding, type TesterOptions } from './check/lint/tester.js';
import { checkRootsParallel } from './check/parallel.js';
import { createParentResolver, explainParentLink } from './resolve/parent.js';
import { diskTree } from './load/tree.js';
import { findGovernmentRoots, loadGovernment, type Government } from './load/government.js';
import { renderReport as renderReportFiles, REPORT_FORMATS, type ReportFormat } from './formatters/report/index.js';
import { reportWorkspace } from './report/run.js';
import type { WorkspaceReport } from './report/types.js';
import { loadChannelVocabulary, type ChannelVocabulary } from './load/channels.js';
import { bundledEditionIds, editionDir, loadEdition as readEdition, partialNotice } from './load/edition.js';
import type { Diagnostic, Edition, Lang, ResolvedCatalog } from './model/types.js';
import { checkGovernment, checkRoots, resolveEdition, type CheckConfig } from './check/validate.js';
import { VERSION } from './model/version.js';
import { diskFiles, overlayFiles } from './load/workspace.js';

export { VERSION as version };

/** What every verb accepts. Absent values mean gk's bundled data and defaults. */
export interface Options {
  /** Language of messages: 'zh' (default) or 'en'. */
  lang?: Lang;
  /** Paths are resolved against it and shown relative to it; default `process.cwd()`. */
  cwd?: string;
  /** Use this standard edition instead of the one each gk.yaml names (see `loadEdition`). */
  edition?: Edition;
  /** The 公开渠道和载体 vocabulary (see `loadChannels`). */
  channels?: ChannelVocabulary;
}

export interface CheckOptions extends Options {
  /** The lint rules to run; default `rules`, every rule of gk. gk.yaml's `rules:` settings still apply. */
  rules?: readonly Rule[];
  /**
   * Texts to use instead of the files on disk (an editor's unsaved buffers), by path (absolute or relative to `cwd`).
   * A catalog file that does not exist yet counts when it lies in a government's `catalog/` folder.
   */
  files?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Worker threads (default 1, this thread). More are used only with the bundled edition, vocabulary, rules and no `files`. */
  jobs?: number;
}

export interface CheckResult {
  /** Sorted by file, line, column. */
  diagnostics: Diagnostic[];
  summary: Summary;
  /** Every file checked, as shown in diagnostics. */
  files: string[];
  /** Text of each file that has diagnostics, for formatters' source excerpts. */
  sources: Map<string, string>;
  /** Lines to show the user: the partial-edition notices. */
  notices: string[];
}

function settings(options: Options): { lang: Lang; cwd: string } {
  return { lang: options.lang ?? 'zh', cwd: path.resolve(options.cwd ?? process.cwd()) };
}

function textsOf(files: CheckOptions['files'], cwd: string): Map<string, string> {
  const entries = files instanceof Map ? [...files] : Object.entries(files ?? {});
  return new Map(entries.map(([file, text]) => [path.resolve(cwd, file), text]));
}

/** The folders holding a gk.yaml below the paths (a path may also be a file inside a government), sorted. */
export function findGovernments(paths: string | readonly string[], options: Options = {}): string[] {
  const { lang, cwd } = settings(options);
  return findGovernmentRoots(typeof paths === 'string' ? [paths] : [...paths], cwd, lang);
}

/** One government: its gk.yaml and catalog files, read, decoded and parsed. Problems become diagnostics of `check`. */
export function load(dir: string, options: Options = {}): Government {
  const { lang, cwd } = settings(options);
  return loadGovernment(path.resolve(cwd, dir), cwd, lang);
}

/** A standard edition: a bundled id (`national-2020`, see `bundledEditions`) or a folder holding edition.yaml. */
export function loadEdition(ref: string, options: Pick<Options, 'cwd'> = {}): Edition {
  const dir = editionDir(ref, settings(options).cwd);
  if (dir === undefined) throw new GkError('usage', { zh: '找不到标准目录版本“{ref}”', en: 'standard edition "{ref}" not found' }, { params: { ref } });
  return readEdition(dir);
}

export function bundledEditions(): string[] {
  return bundledEditionIds();
}

/** The channel vocabulary: the bundled one, or a channels.yaml of the same shape. */
export function loadChannels(file?: string): ChannelVocabulary {
  return file === undefined ? loadChannelVocabulary() : loadChannelVocabulary(path.resolve(file));
}

/**
 * `gk validate`: every problem of every government below the paths — YAML, schema, lint rules, workspace links —
 * as diagnostics. Paths that do not exist, or hold no gk.yaml, throw a GkError (kind 'usage').
 */
export async function check(paths: string | readonly string[] = '.', options: CheckOptions = {}): Promise<CheckResult> {
  const { lang, cwd } = settings(options);
  const texts = options.files === undefined ? undefined : textsOf(options.files, cwd);
  const roots = findGovernments(paths, options);
  const config: CheckConfig = {};
  if (options.edition) config.edition = options.edition;
  if (options.channels) config.channels = options.channels;
  if (options.rules) config.rules = options.rules;
  if (texts) config.files = (all) => overlayFiles(diskFiles(all, cwd, lang), texts, lang);
  const bundled = Object.keys(config).length === 0;
  const found = bundled ? await checkRootsParallel(roots, cwd, lang, options.jobs ?? 1) : checkRoots(roots, cwd, lang, roots, config);
  const diagnostics = sortDiagnostics(found.diagnostics);
  const notices = [...found.editions.values()].map((e) => partialNotice(e, lang)).filter((n): n is string => n !== undefined);
  return { diagnostics, summary: summarize(diagnostics, found.files.length), files: [...found.files].sort(), sources: found.sources, notices };
}

/** The same verb under the CLI's name. */
export const validate = check;

/** Checks one government already loaded (e.g. built in memory), without the workspace around it. */
export function checkLoaded(government: Government, options: Omit<CheckOptions, 'files' | 'jobs' | 'cwd'> = {}): Diagnostic[] {
  const lang = options.lang ?? 'zh';
  const config: CheckConfig = {};
  if (options.edition) config.edition = options.edition;
  if (options.rules) config.rules = options.rules;
  return checkGovernment(government, lang, options.channels ?? loadChannelVocabulary(), undefined, config).diagnostics;
}

export interface Resolution {
  catalog: ResolvedCatalog;
  /** Why some `parent-item:` references lend nothing, when they do not. */
  notices: string[];
}

/**
 * A government merged with the standard items it implements and, for village lists, its township's items: each value
 * knows where it came from. Throws a GkError when the edition gk.yaml names cannot be found and none is passed.
 */
export function resolve(government: Government, options: Options = {}): Resolution {
  const { lang, cwd } = settings(options);
  const edition = options.edition ?? resolveEdition(government, lang).edition;
  if (!edition) throw new GkError('usage', { zh: '找不到标准目录版本“{ref}”', en: 'standard edition "{ref}" not found' }, { params: { ref: government.manifest.standard } });
  const { catalog, link } = createParentResolver(diskTree(cwd, lang), lang).resolve(government, edition);
  const notice = explainParentLink(government, link, lang);
  return { catalog, notices: notice === undefined ? [] : [notice] };
}

/** `gk diff`: a resolved catalog against the national standard — adopted, adapted, excluded, missing, coverage. */
export function diffStandard(catalog: ResolvedCatalog, options: Pick<Options, 'channels'> = {}): StandardDiff {
  return diffAgainstStandard(catalog, options.channels ?? loadChannelVocabulary());
}

/** `gk diff --from`: two resolved versions of one catalog, each change classed breaking, notable or info. */
export function diffVersions(before: ResolvedCatalog, after: ResolvedCatalog, labels: { from: string; to: string }, options: Pick<Options, 'channels'> = {}): VersionDiff {
  return compareVersions(before, after, labels, options.channels ?? loadChannelVocabulary());
}

export interface PublishOptions extends Options {
  /** Default all: html, csv, json, xlsx. */
  formats?: readonly OutputFormat[];
  /** Printed on the pages and stamped in the workbook (YYYY-MM-DD). No date, no timestamps. */
  date?: string;
  /** Absolute path prefix of links between pages, e.g. '/gk/'; default relative links. */
  baseUrl?: string;
  /** A folder whose files replace the bundled templates of the same name. */
  templates?: string;
}

export type PublishResult =
  /** File path (relative to the output folder) → contents; the warnings found on the way. */
  | { ok: true; files: Map<string, string | Uint8Array>; diagnostics: Diagnostic[]; notices: string[] }
  /** Nothing built: the catalog has errors (`gk build` refuses them too). */
  | { ok: false; diagnostics: Diagnostic[] };

/** `gk build` for one government, in memory: the site, CSV, JSON and XLSX it would write. Writing them is the caller's. */
export async function publish(dir: string, options: PublishOptions = {}): Promise<PublishResult> {
  const { lang, cwd } = settings(options);
  const templates = compileTemplates(loadTemplates(options.templates === undefined ? undefined : path.resolve(cwd, options.templates), lang), lang);
  const government = load(dir, options);
  const channels = options.channels ?? loadChannelVocabulary();
  const config: CheckConfig = options.edition ? { edition: options.edition } : {};
  const checked = checkGovernment(government, lang, channels, undefined, config);
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !checked.edition) return { ok: false, diagnostics: errors };
  const { catalog, notices } = resolve(government, { ...options, edition: checked.edition });
  const root = government.root;
  const baseUrl = options.baseUrl ?? '';
  const files = await buildOutputs(catalog, {
    formats: new Set(options.formats ?? OUTPUT_FORMATS),
    baseUrl: baseUrl === '' || baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`,
    templates,
    showCoverage: government.manifest.site?.coverage === true,
    channels,
    catalogPath: (file) => relativeTo(root, path.resolve(cwd, file)),
    sources: [government.manifestSource, ...government.catalogs].map((f) => ({ file: relativeTo(root, f.path), text: f.text })),
    generator: `gk ${VERSION}`,
    ...(options.date !== undefined ? { date: options.date } : {}),
  });
  const partial = partialNotice(checked.edition, lang);
  return { ok: true, files, diagnostics: checked.diagnostics, notices: [...(partial === undefined ? [] : [partial]), ...notices] };
}

export interface ReportOptions extends Pick<Options, 'cwd' | 'lang'> {
  /** YYYY-MM-DD; default today (UTC). */
  date?: string;
  /** A git revision to compare with. */
  since?: string;
}

/** `gk report`: coverage, ranking, milestones and lagging domains over every government of a workspace. */
export async function report(dir: string, options: ReportOptions = {}): Promise<{ report: WorkspaceReport; notices: string[] }> {
  const { lang, cwd } = settings(options);
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const result = await reportWorkspace(path.resolve(cwd, dir), { cwd, lang, date, jobs: 1, ...(options.since !== undefined ? { since: options.since } : {}) });
  const notices = result.editions.map((e) => partialNotice(e, lang)).filter((n): n is string => n !== undefined);
  return { report: result.report, notices };
}

/** A report's files (report.html, report.csv, …) by file name. */
export function renderReport(data: WorkspaceReport, formats: readonly ReportFormat[] = REPORT_FORMATS, options: { lang?: Lang; notices?: string[] } = {}): Promise<Map<string, string | Uint8Array>> {
  return renderReportFiles(data, formats, { lang: options.lang ?? 'zh', notices: options.notices ?? [] });
}

/** `gk fmt` on one text: the canonical form, or why it cannot be formatted. Never changes a value's meaning. */
export function format(text: string, options: { channels?: ChannelVocabulary; localChannels?: readonly string[] } = {}): FormatResult {
  return formatCatalog(text, { ...(options.channels ? { vocab: options.channels } : {}), ...(options.localChannels ? { localChannels: options.localChannels } : {}) });
}

/** Every lint rule of gk, in alphabetical order of id. */
export const rules: readonly Rule[] = bundledRules;

/** A test runner's way to declare one test (node:test's `test`, vitest's or jest's `it`, mocha's `it`). */
export type TestFunction = (name: string, fn: () => void) => unknown;

export interface RuleTestOptions {
  /** Language of the expected messages and hints (default 'zh'); every invalid case is also run in the other one. */
  lang?: Lang;
  channels?: ChannelVocabulary;
  /** Declare one test per case with this function instead of running them all now. */
  test?: TestFunction;
}

/** gk fmt with every fix of gk's rules off but this rule's (a local rule has none: fmt's layout only). */
function fixWithOnly(rule: Rule, code: string): string {
  const rulesOff = new Set(bundledRules.filter((r) => r.meta.id !== rule.meta.id).map((r) => r.meta.id));
  return formatCatalog(code, { rulesOff }).text;
}

/**
 * The rule tester gk's own rules are tested with, for local rules: inline YAML cases the rule must accept (`valid`)
 * and flag (`invalid`, with each finding's messageId, line, column and optionally severity, message, hint and the text
 * gk fmt makes of it). Each case is a catalog file (and optionally its gk.yaml and the government above) held in memory.
 *
 * With `options.test`, declares one test per case that throws on failure; otherwise runs every case now, throws an
 * Error describing every failed case, and returns the results when all passed.
 */
export function testRule(rule: Rule, cases: RuleCases, options: RuleTestOptions = {}): RuleCaseResult[] {
  const tester: TesterOptions = { fix: fixWithOnly, ...(options.lang ? { lang: options.lang } : {}), ...(options.channels ? { channels: options.channels } : {}) };
  const checks = ruleCaseChecks(rule, cases, tester);
  if (options.test) {
    for (const check of checks) {
      options.test(check.kind === 'rule' ? check.name : `${rule.meta?.id ?? '?'} ${check.kind}: ${check.name}`, () => {
        const problems = check.run();
        if (problems.length > 0) throw new Error(describeFailure(rule, { kind: check.kind, name: check.name, problems }));
      });
    }
    return [];
  }
  const results = checks.map((c) => ({ kind: c.kind, name: c.name, problems: c.run() }));
  const failed = results.filter((r) => r.problems.length > 0);
  if (failed.length > 0) throw new Error(`${failed.length} of ${results.length} rule tester checks failed\n${failed.map((r) => describeFailure(rule, r)).join('\n')}`);
  return results;
}

/** One rule over one in-memory case: its findings, each with the messageId it was reported with (for assertions of your own). */
export function lintRule(rule: Rule, c: RuleCase, options: Pick<RuleTestOptions, 'lang' | 'channels'> = {}): RuleFinding[] {
  return lintCase(rule, c, options);
}

export type { RuleCase, InvalidRuleCase, ExpectedFinding, RuleCases, RuleCaseResult, RuleFinding } from './check/lint/tester.js';
export { formatters, isFormatName, type FormatName, type Formatter, type FormatOptions } from './formatters/index.js';
export { diffFormatters, type DiffFormatName, type DiffFormatter, type DiffFormatOptions, type StandardResult, type VersionResult } from './formatters/diff/index.js';
export { REPORT_FORMATS, type ReportFormat } from './formatters/report/index.js';
export { OUTPUT_FORMATS, type OutputFormat } from './publish/site.js';
export { GkError, type GkErrorKind } from './model/errors.js';
export type { Summary } from './model/diagnostic.js';
export type { Rule, RuleMeta, RuleContext, ItemAt, Report as RuleReport, WorkspaceView } from './check/lint/rule.js';
export type { Government } from './load/government.js';
export type { SourceFile, CatalogSource } from './load/source.js';
export type { ChannelVocabulary, ChannelEntry } from './load/channels.js';
export type { StandardDiff, VersionDiff, ItemChange, ChangeClass, FieldChange, StandardEntry, DomainCoverage } from './diff/types.js';
export type { WorkspaceReport } from './report/types.js';
export type { FormatResult, FormatFailure } from './fmt/format.js';
export type {
  Audience,
  CatalogFile,
  DataPath,
  Deviation,
  Diagnostic,
  Edition,
  EditionDomain,
  Exclusion,
  ItemField,
  ItemSpec,
  Lang,
  Level,
  LevelMark,
  Manifest,
  Mode,
  Origin,
  Position,
  PublicsClass,
  Range,
  RelatedLocation,
  ResolvedCatalog,
  ResolvedItem,
  ResolvedValue,
  Severity,
  StandardItem,
} from './model/types.js';
