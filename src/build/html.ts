// The static site: view models of the index, domain, 五公开 and search pages, rendered with escaped handlebars templates.
import Handlebars from 'handlebars';
import { GkError } from '../errors.js';
import { say, type Message } from '../i18n.js';
import type { ChannelVocabulary } from '../standard/channels.js';
import { partialNotice } from '../standard/edition.js';
import { formatPercent } from '../diff/format/types.js';
import type { DomainCoverage, StandardDiff } from '../diff/types.js';
import type { Lang, LevelMark, PublicsClass, ResolvedCatalog } from '../types.js';
import { categorySpans, markChannels, type DomainRows } from './rows.js';
import { PAGE_TEMPLATES, type PageTemplate, type TemplateSet } from './templates.js';

export const PUBLICS_CLASSES: ReadonlyArray<{ name: PublicsClass | '未分类'; slug: string }> = [
  { name: '决策公开', slug: 'decision' },
  { name: '执行公开', slug: 'execution' },
  { name: '管理公开', slug: 'management' },
  { name: '服务公开', slug: 'service' },
  { name: '结果公开', slug: 'result' },
  { name: '未分类', slug: 'unclassified' },
];

const LEVEL_NAMES = { county: '县级', township: '乡级', village: '村级' } as const;

export interface Download {
  href: string;
  label: string;
  size: string;
}

export interface SiteInput {
  catalog: ResolvedCatalog;
  domains: readonly DomainRows[];
  diff: StandardDiff;
  channels: ChannelVocabulary;
  levelColumns: readonly LevelMark[];
  date?: string;
  /** '' for relative links (works from file://), or an absolute path such as /gk/ */
  root: string;
  downloads: readonly Download[];
}

/** Only http(s) links become hrefs; anything else (javascript:, data:, relative paths) is shown as text. */
export function safeHttpUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed) || /[\s<>"'`\\]/.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** File names the site uses for itself; a local domain with one of these ids gets a prefixed page. */
const RESERVED_PAGES: ReadonlySet<string> = new Set(['index', 'publics', 'search', 'search-index', 'style', 'catalog']);

export function domainPageFile(domain: string): string {
  return RESERVED_PAGES.has(domain) ? `domain-${domain}.html` : `${domain}.html`;
}

export function itemAnchor(id: string): string {
  return `item-${id}`;
}

interface Mark {
  name: string;
  on: boolean;
}

function marks<T extends string>(columns: readonly T[], values: readonly T[]): Mark[] {
  return columns.map((name) => ({ name, on: values.includes(name) }));
}

function coverageView(c: DomainCoverage | undefined) {
  if (!c || c.applicable === 0) return undefined;
  return { applicable: c.applicable, carried: c.adopted + c.adapted, excluded: c.excluded, missing: c.missing, percent: formatPercent(c.coverage) };
}

function classesOf(domains: readonly DomainRows[], root: string) {
  return PUBLICS_CLASSES.map(({ name, slug }) => {
    const items = domains.flatMap((d) =>
      d.rows
        .filter((r) => (name === '未分类' ? r.publics.length === 0 : r.publics.includes(name)))
        .map((r) => ({ id: r.id, name: r.name || r.id, category: r.category, domainName: d.name, href: `${root}${domainPageFile(d.id)}#${itemAnchor(r.id)}` })),
    );
    return { name, slug, anchor: `class-${slug}`, href: `${root}publics.html#class-${slug}`, count: items.length, items };
  });
}

function commonView(input: SiteInput, title: string, current: PageTemplate) {
  const { catalog } = input;
  return {
    root: input.root,
    title,
    current,
    isIndex: current === 'index',
    isPublics: current === 'publics',
    isSearch: current === 'search',
    /** Domain pages use the whole window for the official table; the header and footer line up with it. */
    wide: current === 'domain',
    government: { name: catalog.manifest.name, code: catalog.manifest.code, level: LEVEL_NAMES[catalog.manifest.level] },
    edition: { id: catalog.edition.id, title: catalog.edition.title, partial: catalog.edition.partial, notice: partialNotice(catalog.edition, 'zh') ?? '' },
    date: input.date ?? '',
  };
}

/** Domains that get a page of their own: those with items or exclusions. */
export function publishedDomains(input: Pick<SiteInput, 'catalog' | 'domains'>): DomainRows[] {
  return input.domains.filter((d) => d.rows.length > 0 || input.catalog.exclusions.some((e) => e.domain === d.id));
}

function domainLinks(input: SiteInput) {
  const coverage = new Map(input.diff.domains.map((c) => [c.domain, c]));
  const published = new Set(publishedDomains(input).map((d) => d.id));
  return input.domains.map((d) => ({
    id: d.id,
    name: d.name,
    count: d.rows.length,
    href: published.has(d.id) ? `${input.root}${domainPageFile(d.id)}` : '',
    local: !d.standard,
    coverage: coverageView(coverage.get(d.id)),
  }));
}

export function indexView(input: SiteInput) {
  const total = input.diff.total;
  return {
    ...commonView(input, input.catalog.manifest.name, 'index'),
    totals: {
      items: input.catalog.items.length,
      domains: publishedDomains(input).length,
      coverage: coverageView(total),
    },
    domains: domainLinks(input),
    classes: classesOf(input.domains, input.root).map(({ items: _items, ...c }) => c),
    downloads: input.downloads,
  };
}

export function domainView(input: SiteInput, domain: DomainRows) {
  const spans = categorySpans(domain.rows);
  const pages = publishedDomains(input);
  const at = pages.findIndex((d) => d.id === domain.id);
  const link = (d: DomainRows | undefined) => (d ? { name: d.name, href: `${input.root}${domainPageFile(d.id)}` } : undefined);
  const editionDomain = input.catalog.edition.domains.find((d) => d.id === domain.id);
  const rows = domain.rows.map((row, i) => {
    const ch = markChannels(row.channels, input.channels);
    return {
      seq: row.seq,
      id: row.id,
      anchor: itemAnchor(row.id),
      categorySpan: spans[i] ?? 0,
      category: row.category,
      name: row.name,
      content: row.content,
      basis: row.basis,
      deadline: row.deadline,
      subject: row.subject,
      channels: ch.marks,
      otherChannels: ch.others,
      audience: marks(['全社会', '特定群体'] as const, row.audience),
      mode: marks(['主动', '依申请'] as const, row.mode),
      levels: marks(input.levelColumns, row.levels),
    };
  });
  const exclusions = input.catalog.exclusions
    .filter((e) => e.domain === domain.id)
    .map((e) => ({ standard: e.standard, name: input.catalog.edition.items.get(e.standard)?.name ?? '', reason: e.reason ?? '' }));
  return {
    ...commonView(input, `${domain.name} · ${input.catalog.manifest.name}`, 'domain'),
    domain: {
      id: domain.id,
      name: domain.name,
      count: domain.rows.length,
      local: !domain.standard,
      coverage: coverageView(input.diff.domains.find((c) => c.domain === domain.id)),
    },
    levelColumns: input.levelColumns,
    levelColumnCount: input.levelColumns.length,
    rows,
    exclusions,
    sources: (editionDomain?.sources ?? []).map((text) => ({ text, href: safeHttpUrl(text) ?? '' })),
    gaps: editionDomain?.gaps ?? '',
    prev: link(pages[at - 1]),
    next: link(pages[at + 1]),
  };
}

export function publicsView(input: SiteInput) {
  return { ...commonView(input, `按五公开分类 · ${input.catalog.manifest.name}`, 'publics'), classes: classesOf(input.domains, input.root) };
}

export function searchView(input: SiteInput) {
  return commonView(input, `搜索 · ${input.catalog.manifest.name}`, 'search');
}

export type SiteRenderer = (page: PageTemplate, view: object) => string;

/** The templates ready to render: the pages, and the other files (style.css, search.js) copied as they are. */
export interface SiteTemplates {
  render: SiteRenderer;
  files: ReadonlyMap<string, string>;
}

const M = {
  broken: { zh: '模板 {file} 有错：{detail}', en: 'template {file}: {detail}' },
  unknownPartial: {
    zh: '模板 {file} 引用了不存在的局部模板“{name}”（应有文件 {name}.hbs）',
    en: 'template {file} uses the partial "{name}", which does not exist (no {name}.hbs)',
  },
} satisfies Record<string, Message>;

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
  const compile = (name: string) => {
    const text = templates.files.get(name) ?? '';
    try {
      hb.precompile(text, { strict: false });
      return hb.compile(text, { strict: false, preventIndent: true });
    } catch (err) {
      throw new GkError('usage', say(M.broken, lang, { file: where(name), detail: templateProblem(err) }));
    }
  };
  for (const partial of [...partials].sort()) hb.registerPartial(partial, compile(`${partial}.hbs`));
  const pages = new Map(PAGE_TEMPLATES.map((p) => [p, compile(`${p}.hbs`)]));
  const render: SiteRenderer = (page, view) => {
    try {
      return normalizeHtml(pages.get(page)!(view));
    } catch (err) {
      throw new GkError('usage', say(M.broken, lang, { file: where(`${page}.hbs`), detail: templateProblem(err) }));
    }
  };
  return { render, files: templates.files };
}

/** Blank lines left by block helpers are dropped and the file ends with one newline, so diffs of the output stay readable. */
function normalizeHtml(html: string): string {
  return `${html
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
    .join('\n')}\n`;
}
