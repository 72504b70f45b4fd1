// gk build's core: a resolved catalog in, every output file (HTML, CSV, JSON, XLSX) out, composed in memory.
import path from 'node:path';
import { diffAgainstStandard } from '../diff/standard.js';
import { relativeTo } from '../io/files.js';
import type { Government } from '../load/government.js';
import type { ParentLink } from '../resolve/parent.js';
import type { ChannelVocabulary } from '../load/channels.js';
import type { ResolvedCatalog } from '../model/types.js';
import { formatCatalogCsv } from './csv.js';
import { domainPageFile, domainView, indexView, publicsView, publishedDomains, searchView, type Download, type SiteInput, type SiteTemplates } from './html.js';
import { formatCatalogJson } from './json.js';
import { levelColumns, tabulateCatalog } from './rows.js';
import { PROVENANCE_PAGE, provenanceView } from './provenance.js';
import { buildSearchIndex, formatSearchIndex, SEARCH_INDEX_FILE } from './search.js';
import { buildWorkbook } from './xlsx.js';
import type { Related } from './workspace-index.js';

export const OUTPUT_FORMATS = ['html', 'csv', 'json', 'xlsx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export type OutputFiles = Map<string, string | Uint8Array>;

export interface BuildOptions {
  formats: ReadonlySet<OutputFormat>;
  /** YYYY-MM-DD; printed on the pages and stamped in the workbook. No date, no timestamps. */
  date?: string;
  /** Prefix of every link between pages: '' (relative, works from file://) or an absolute path ending in '/'. */
  baseUrl: string;
  templates: SiteTemplates;
  /** gk.yaml `site.coverage`: coverage on the public pages (default off). */
  showCoverage?: boolean;
  /** In a workspace build: links to the landing page, the parent and the children. */
  related?: Related;
  channels: ChannelVocabulary;
  /** A file as the catalog names it → relative to the catalog folder. */
  catalogPath(file: string): string;
  /** The catalog's own files, relative to its folder, for provenance in catalog.json. */
  sources: ReadonlyArray<{ file: string; text: string }>;
  generator: string;
  /** catalog.json gives every element's origin (gk build --provenance) */
  provenance?: boolean;
  /** one CSV per domain besides catalog.csv (gk build --domain-csv), each linked from its domain page */
  domainCsv?: boolean;
  onProgress?(stage: OutputFormat, done: number, total: number): void;
  /**
   * Where the pages find style.css and search.js (a link prefix like baseUrl), and whether this site writes them: in a
   * workspace build every government's pages share one copy at the top of the output. Default: its own, at baseUrl.
   */
  assets?: { href: string; write: boolean };
}

/** The files every site of a build shares. */
export const SHARED_ASSETS = ['style.css', 'search.js'] as const;

/** In a workspace build, where a site at `prefix` finds the shared assets at the top of the output. */
export function sharedAssets(prefix: string, baseUrl: string): { href: string; write: boolean } {
  return { href: baseUrl !== '' ? baseUrl : prefix.replace(/[^/]+\//g, '../'), write: prefix === '' };
}

/**
 * What buildOutputs takes from the government itself: its coverage setting, and its files — with those of the parent
 * it takes items from, whose values its pages show — as the catalog's sources, named from its folder.
 */
export function governmentInputs(government: Government, link: ParentLink, cwd: string): Pick<BuildOptions, 'showCoverage' | 'catalogPath' | 'sources'> {
  const { root } = government;
  const lent = link.kind === 'found' ? [link.parent.manifestSource, ...link.parent.catalogs] : [];
  return {
    showCoverage: government.manifest.site?.coverage === true,
    catalogPath: (file) => relativeTo(root, path.resolve(cwd, file)),
    sources: [government.manifestSource, ...government.catalogs, ...lent].map((f) => ({ file: relativeTo(root, f.path), text: f.text })),
  };
}

/** A shared asset's text as written. */
export function assetText(templates: SiteTemplates, asset: string): string | undefined {
  const text = templates.files.get(asset);
  return text === undefined ? undefined : text.endsWith('\n') ? text : `${text}\n`;
}

function byteLength(data: string | Uint8Array): number {
  return typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength;
}

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

export function csvFileOf(domain: string): string {
  return `csv/${domain}.csv`;
}

export async function buildOutputs(catalog: ResolvedCatalog, options: BuildOptions): Promise<OutputFiles> {
  const files: OutputFiles = new Map();
  const domains = tabulateCatalog(catalog);
  const columns = levelColumns(catalog, domains);
  const diff = diffAgainstStandard(catalog, options.channels);
  // Every item names its file: each file's path is worked out once, not once per item (and per element with --provenance).
  const paths = new Map<string, string>();
  const catalogPath = (file: string) => {
    let p = paths.get(file);
    if (p === undefined) paths.set(file, (p = options.catalogPath(file)));
    return p;
  };
  let done = 0;
  const progress = (stage: OutputFormat) => options.onProgress?.(stage, done++, options.formats.size);
  const downloads: Download[] = [];
  // A download is encoded once, here: the index page shows its size, and these are the bytes written.
  const offer = (file: string, label: string) => {
    const data = files.get(file)!;
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    files.set(file, bytes);
    downloads.push({ href: `${options.baseUrl}${file}`, label, size: size(bytes.byteLength) });
  };

  if (options.formats.has('csv')) {
    progress('csv');
    files.set('catalog.csv', formatCatalogCsv(domains.flatMap((d) => d.rows)));
    // Off by default: catalog.csv holds the same rows with their 领域 (a city's 26 MB twice over).
    if (options.domainCsv === true) for (const d of domains) if (d.rows.length > 0) files.set(csvFileOf(d.id), formatCatalogCsv(d.rows));
    offer('catalog.csv', '全部事项（CSV）');
  }
  if (options.formats.has('xlsx')) {
    progress('xlsx');
    const workbook = await buildWorkbook({ domains, levelColumns: columns, channels: options.channels, title: catalog.manifest.name, ...(options.date !== undefined ? { date: options.date } : {}) });
    files.set('catalog.xlsx', workbook);
    offer('catalog.xlsx', 'Excel 工作簿（XLSX，每个领域一个工作表）');
  }
  if (options.formats.has('json')) {
    progress('json');
    files.set(
      'catalog.json',
      formatCatalogJson({ catalog, diff, catalogPath, sources: options.sources, generator: options.generator, provenance: options.provenance === true, ...(options.date !== undefined ? { date: options.date } : {}) }),
    );
    offer('catalog.json', options.provenance === true ? '结构化数据（JSON，含每项要素的来源）' : '结构化数据（JSON）');
  }
  if (options.formats.has('html')) {
    progress('html');
    const input: SiteInput = { catalog, domains, diff, channels: options.channels, levelColumns: columns, root: options.baseUrl, assets: options.assets?.href ?? options.baseUrl, downloads, showCoverage: options.showCoverage === true };
    if (options.date !== undefined) input.date = options.date;
    if (options.related !== undefined) input.related = options.related;
    const { render } = options.templates;
    files.set('index.html', render('index', indexView(input)));
    for (const d of publishedDomains(input)) {
      const csv = files.has(csvFileOf(d.id)) ? { href: `${options.baseUrl}${csvFileOf(d.id)}`, size: size(byteLength(files.get(csvFileOf(d.id))!)) } : undefined;
      files.set(domainPageFile(d.id), render('domain', { ...domainView(input, d), csv }));
    }
    files.set('publics.html', render('publics', publicsView(input)));
    files.set('search.html', render('search', searchView(input)));
    files.set(SEARCH_INDEX_FILE, formatSearchIndex(buildSearchIndex(domains, options.baseUrl)));
    // The maintainers' page: the edition's transcription sources and every element's origin, linked from no public page.
    if (options.provenance === true) {
      files.set(PROVENANCE_PAGE, render('provenance', provenanceView({ catalog, domains, catalogPath, root: options.baseUrl, assets: input.assets ?? options.baseUrl, ...(options.date !== undefined ? { date: options.date } : {}) })));
    }
    if (options.assets?.write !== false) {
      for (const asset of SHARED_ASSETS) {
        const text = assetText(options.templates, asset);
        if (text !== undefined) files.set(asset, text);
      }
    }
  }
  return files;
}
