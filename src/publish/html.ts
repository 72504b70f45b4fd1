// The static site: view models of the index, domain, 五公开 and search pages, rendered with escaped handlebars templates.
import type { ChannelVocabulary } from '../load/channels.js';
import { partialNotice } from '../load/edition.js';
import { formatPercent } from '../model/labels.js';
import { levelName } from '../model/levels.js';
import type { DomainCoverage, StandardDiff } from '../diff/types.js';
import type { LevelMark, PublicsClass, ResolvedCatalog } from '../model/types.js';
import { categorySpans, itemTitle, markChannels, type DomainRows } from './rows.js';
import type { Related } from './workspace-index.js';
import type { PageTemplate } from './templates.js';
export type { SiteTemplates } from './templates.js';

export const PUBLICS_CLASSES: ReadonlyArray<{ name: PublicsClass | '未分类'; slug: string }> = [
  { name: '决策公开', slug: 'decision' },
  { name: '执行公开', slug: 'execution' },
  { name: '管理公开', slug: 'management' },
  { name: '服务公开', slug: 'service' },
  { name: '结果公开', slug: 'result' },
  { name: '未分类', slug: 'unclassified' },
];

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
  /** where style.css and search.js are: root, or in a workspace build the top of the output they share */
  assets?: string;
  downloads: readonly Download[];
  /** gk.yaml `site.coverage: true`: the public pages show coverage of the national items (a management figure, off by default). */
  showCoverage: boolean;
  /** In a workspace build: the landing page, the parent and the children. */
  related?: Related;
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
const RESERVED_PAGES: ReadonlySet<string> = new Set(['index', 'publics', 'search', 'search-index', 'style', 'catalog', 'provenance']);

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

/**
 * Coverage as gk diff and gk report define it: (carried + excluded with a reason) ÷ the national items of this level.
 * Shown only when gk.yaml asks for it, and never where the diff measures none (a village: model/levels.ts
 * measuresCoverage), as gk diff and gk report show none.
 */
function coverageView(input: Pick<SiteInput, 'showCoverage' | 'diff'>, c: DomainCoverage | undefined) {
  if (!input.showCoverage || !input.diff.measured || !c || c.applicable === 0) return undefined;
  return { applicable: c.applicable, carried: c.adopted + c.adapted, excluded: c.excluded, missing: c.missing, percent: formatPercent(c.coverage) };
}

function classesOf(domains: readonly DomainRows[], root: string) {
  return PUBLICS_CLASSES.map(({ name, slug }) => {
    const items = domains.flatMap((d) =>
      d.rows
        .filter((r) => (name === '未分类' ? r.publics.length === 0 : r.publics.includes(name)))
        .map((r) => ({ id: r.id, name: itemTitle(r), category: itemTitle(r) === r.category ? '' : r.category, domainName: d.name, href: `${root}${domainPageFile(d.id)}#${itemAnchor(r.id)}` })),
    );
    return { name, slug, anchor: `class-${slug}`, href: `${root}publics.html#class-${slug}`, count: items.length, items };
  });
}

function commonView(input: SiteInput, title: string, current: PageTemplate) {
  const { catalog } = input;
  return {
    root: input.root,
    assets: input.assets ?? input.root,
    title,
    current,
    isIndex: current === 'index',
    isPublics: current === 'publics',
    isSearch: current === 'search',
    /** Domain pages use the whole window for the official table; the header and footer line up with it. */
    wide: current === 'domain',
    government: { name: catalog.manifest.name, code: catalog.manifest.code, level: levelName(catalog.manifest.level, 'zh') },
    edition: { id: catalog.edition.id, title: catalog.edition.title, partial: catalog.edition.partial, notice: partialNotice(catalog.edition, 'zh') ?? '' },
    date: input.date ?? '',
    related: input.related,
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
    coverage: coverageView(input, coverage.get(d.id)),
  }));
}

export function indexView(input: SiteInput) {
  const total = input.diff.total;
  return {
    ...commonView(input, input.catalog.manifest.name, 'index'),
    totals: {
      items: input.catalog.items.length,
      domains: publishedDomains(input).length,
      coverage: coverageView(input, total),
    },
    showCoverage: coverageView(input, total) !== undefined,
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
  const rows = domain.rows.map((row, i) => {
    const ch = markChannels(row.channels, input.channels);
    return {
      seq: row.seq,
      id: row.id,
      anchor: itemAnchor(row.id),
      categorySpan: spans[i] ?? 0,
      category: row.category,
      name: itemTitle(row) === row.name ? row.name : '',
      title: itemTitle(row),
      content: row.content,
      basis: row.basis,
      deadline: row.deadline,
      subject: row.subject,
      channels: ch.marks,
      ticked: [...ch.marks.filter((m) => m.on).map((m) => m.name), ...ch.others],
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
      coverage: coverageView(input, input.diff.domains.find((c) => c.domain === domain.id)),
    },
    levelColumns: input.levelColumns,
    levelColumnCount: input.levelColumns.length,
    rows,
    exclusions,
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
