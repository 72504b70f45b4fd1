// The site's templates: the bundled set under templates/site, with any file replaced by one of the same name from --templates.
import path from 'node:path';
import Handlebars from 'handlebars';
import { GkError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { exists, globFiles, isDirectory, packageRoot, readText } from '../io/files.js';
import type { Lang } from '../model/types.js';

export const DEFAULT_TEMPLATE_DIR = path.join(packageRoot, 'templates', 'site');

/**
 * Pages: a government's site (index, search, publics, one per domain), a workspace's landing page (workspace) and
 * search across its governments (workspace-search), and gk report's dashboard (report), and the maintainers' page of --provenance (provenance). Every other .hbs file is a partial.
 */
export const PAGE_TEMPLATES = ['index', 'domain', 'publics', 'search', 'workspace', 'workspace-search', 'report', 'provenance'] as const;
export type PageTemplate = (typeof PAGE_TEMPLATES)[number];

export interface TemplateSet {
  /** file name → text, e.g. header.hbs, style.css, search.js */
  files: Map<string, string>;
  /** file name → where it was read from, for error messages */
  origins: Map<string, string>;
}

const M = {
  broken: { zh: '模板 {file} 有错：{detail}', en: 'template {file}: {detail}' },
  unknownPartial: {
    zh: '模板 {file} 引用了不存在的局部模板“{name}”（应有文件 {name}.hbs）',
    en: 'template {file} uses the partial "{name}", which does not exist (no {name}.hbs)',
  },
  notFolder: { zh: '--templates：不是文件夹：{dir}', en: '--templates: not a folder: {dir}' },
} satisfies Record<string, Message>;

export function loadTemplates(overrideDir: string | undefined, lang: Lang): TemplateSet {
  const files = new Map<string, string>();
  const origins = new Map<string, string>();
  const take = (dir: string) => {
    for (const file of globFiles(['*.hbs', '*.css', '*.js'], dir)) {
      files.set(path.basename(file), readText(file));
      origins.set(path.basename(file), file);
    }
  };
  take(DEFAULT_TEMPLATE_DIR);
  if (overrideDir !== undefined) {
    if (!exists(overrideDir) || !isDirectory(overrideDir)) throw new GkError('usage', say(M.notFolder, lang, { dir: overrideDir }));
    take(overrideDir);
  }
  for (const page of PAGE_TEMPLATES) if (!files.has(`${page}.hbs`)) throw new GkError('internal', `template ${page}.hbs not found in ${DEFAULT_TEMPLATE_DIR}`);
  return { files, origins };
}

export type SiteRenderer = (page: PageTemplate, view: object) => string;

/** The templates ready to render: the pages, and the other files (style.css, search.js) copied as they are. */
export interface SiteTemplates {
  render: SiteRenderer;
  files: ReadonlyMap<string, string>;
}

/** Handlebars' parse errors span several lines (the source, a caret); the first and the last say what and where. */
function templateProblem(err: unknown): string {
  const lines = String((err as Error)?.message ?? err)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.length > 1 ? `${lines[0]} ${lines[lines.length - 1]}` : (lines[0] ?? '');
}

/** Partials named outright by `{{> name}}`; a `{{#> name}}` block brings its own fallback and may name a missing one. */
function partialsNamed(ast: hbs.AST.Program): string[] {
  const names: string[] = [];
  class Partials extends Handlebars.Visitor {
    override PartialStatement(partial: hbs.AST.PartialStatement): void {
      if (partial.name.type === 'PathExpression') names.push((partial.name as hbs.AST.PathExpression).original);
      super.PartialStatement(partial);
    }
  }
  new Partials().accept(ast);
  return names;
}

/** What a template reads of Handlebars' @-data (@index, @first, @root, @partial-block …), and which partials it calls. */
function dataUse(ast: hbs.AST.Program): { data: boolean; partials: string[] } {
  const use = { data: false, partials: [] as string[] };
  class Uses extends Handlebars.Visitor {
    override PathExpression(p: hbs.AST.PathExpression): void {
      if (p.data) use.data = true;
      super.PathExpression(p);
    }
    private partial(name: hbs.AST.PathExpression | hbs.AST.SubExpression): void {
      // a partial chosen at run time could be any of them: it is read as using @-data
      if (name.type === 'PathExpression') use.partials.push((name as hbs.AST.PathExpression).original);
      else use.data = true;
    }
    override PartialStatement(partial: hbs.AST.PartialStatement): void {
      this.partial(partial.name);
      super.PartialStatement(partial);
    }
    override PartialBlockStatement(partial: hbs.AST.PartialBlockStatement): void {
      this.partial(partial.name);
      super.PartialBlockStatement(partial);
    }
  }
  new Uses().accept(ast);
  return use;
}

/**
 * Compiles the templates in an isolated handlebars environment. A broken template, or one naming a partial that does
 * not exist, is a usage error naming its file, found here rather than halfway through writing the pages.
 */
export function compileTemplates(templates: TemplateSet, lang: Lang): SiteTemplates {
  const hb = Handlebars.create();
  const where = (name: string) => templates.origins.get(name) ?? name;
  const parsed = new Map<string, hbs.AST.Program>();
  for (const name of [...templates.files.keys()].sort()) {
    if (!name.endsWith('.hbs')) continue;
    try {
      parsed.set(name, hb.parse(templates.files.get(name)!));
    } catch (err) {
      throw new GkError('usage', say(M.broken, lang, { file: where(name), detail: templateProblem(err) }));
    }
  }
  const pageNames = new Set<string>(PAGE_TEMPLATES.map((p) => `${p}.hbs`));
  const partials = new Set([...parsed.keys()].filter((n) => !pageNames.has(n)).map((n) => n.slice(0, -4)));
  for (const [name, ast] of parsed) {
    const missing = partialsNamed(ast).find((p) => !partials.has(p));
    if (missing !== undefined) throw new GkError('usage', say(M.unknownPartial, lang, { file: where(name), name: missing }));
  }
  const lean = Handlebars.create();
  /** `check`: compile now, so a broken template is found here rather than halfway through writing the pages. */
  const compile = (name: string, env: typeof Handlebars, data: boolean, check = true) => {
    const text = templates.files.get(name) ?? '';
    try {
      if (check) env.precompile(text, { strict: false });
      return env.compile(text, { strict: false, preventIndent: true, ...(data ? {} : { data: false }) });
    } catch (err) {
      throw new GkError('usage', say(M.broken, lang, { file: where(name), detail: templateProblem(err) }));
    }
  };
  // A page that reads no @-data, nor do the partials it calls, is compiled without it: Handlebars then makes no data
  // frame for every {{#each}} iteration (a city's domain pages have a million), about a sixth of their rendering.
  // Partials are registered in two environments, one for each kind of page; each compiles only when first used.
  const uses = new Map([...parsed].map(([name, ast]) => [name.slice(0, -4), dataUse(ast)]));
  const needsData = (name: string, seen = new Set<string>()): boolean => {
    if (seen.has(name)) return false;
    seen.add(name);
    const use = uses.get(name);
    return use === undefined || use.data || use.partials.some((p) => needsData(p, seen));
  };
  for (const partial of [...partials].sort()) {
    hb.registerPartial(partial, compile(`${partial}.hbs`, hb, true));
    lean.registerPartial(partial, compile(`${partial}.hbs`, lean, false, false));
  }
  const pages = new Map(PAGE_TEMPLATES.map((p) => [p, needsData(p) ? compile(`${p}.hbs`, hb, true) : compile(`${p}.hbs`, lean, false)]));
  const render: SiteRenderer = (page, view) => {
    try {
      return normalizeHtml(pages.get(page)!(view));
    } catch (err) {
      throw new GkError('usage', say(M.broken, lang, { file: where(`${page}.hbs`), detail: templateProblem(err) }));
    }
  };
  return { render, files: templates.files };
}

/**
 * Blank lines left by block helpers are dropped, spaces at line ends trimmed, and the file ends with one newline, so
 * diffs of the output stay readable: what splitting into lines, trimming their ends and dropping the empty ones gives
 * (test/publish/normalize.test.ts holds it to that), in one scan that keeps only the lines left.
 */
export function normalizeHtml(html: string): string {
  const lines: string[] = [];
  const n = html.length;
  for (let start = 0; start <= n; ) {
    let nl = html.indexOf('\n', start);
    if (nl < 0) nl = n;
    const line = html.slice(start, nl).trimEnd();
    if (line !== '') lines.push(line);
    start = nl + 1;
  }
  lines.push('');
  return lines.length === 1 ? '\n' : lines.join('\n');
}

let bundled: SiteTemplates | undefined;

/** The bundled templates, compiled once per process (for callers without --templates, such as the report renderers). */
export function bundledTemplates(): SiteTemplates {
  bundled ??= compileTemplates(loadTemplates(undefined, 'en'), 'en');
  return bundled;
}

/** The one HTML escaper: handlebars' own, which every template uses for {{value}}. */
export function escapeHtml(text: string): string {
  return Handlebars.Utils.escapeExpression(text);
}
