// Standard editions: a folder with edition.yaml and one file per domain, bundled or at a path a catalog names.
import path from 'node:path';
import { readCatalogFile } from './catalog.js';
import { GkError } from '../model/errors.js';
import { bundledEntries, bundledStandardDir, exists, isDirectory } from '../io/files.js';
import { decodeBytes } from './decode.js';
import { describeProblem, listFiles, readFileSafely, repositoryOf, type ReadProblem } from './read.js';
import { parseYaml } from './yaml.js';
import { readStandardYaml } from './prepared.js';
import type { Edition, EditionDomain, StandardItem } from '../model/types.js';

const cache = new Map<string, Edition>();

export function bundledEditionIds(): string[] {
  return bundledEntries(bundledStandardDir, 'dir')
    .filter((d) => exists(path.join(d, 'edition.yaml')))
    .map((d) => path.basename(d));
}

/** Where `standard:` in gk.yaml points: a bundled edition id, or a folder relative to the manifest. */
export function editionDir(ref: string, manifestDir: string): string | undefined {
  if (/^[a-z0-9][a-z0-9.-]*$/i.test(ref) && isDirectory(path.join(bundledStandardDir, ref))) return path.join(bundledStandardDir, ref);
  const local = path.resolve(manifestDir, ref);
  if (isDirectory(local) && exists(path.join(local, 'edition.yaml'))) return local;
  return undefined;
}

function refuse(file: string, reason: { zh: string; en: string }): GkError {
  // the reason is already in both languages; braces in it must not read as placeholders
  const safe = (t: string) => t.replace(/[{}]/g, '');
  return new GkError('usage', { zh: `标准目录文件 {file}：${safe(reason.zh)}`, en: `standard edition file {file}: ${safe(reason.en)}` }, { params: { file } });
}

function problem(file: string, p: ReadProblem): GkError {
  return refuse(file, { zh: describeProblem(p, 'zh'), en: describeProblem(p, 'en') });
}

/**
 * A local edition's file, read like a catalog: a regular file inside its repository, within the size, alias and
 * nesting limits (an alias bomb in edition.yaml is refused, not expanded).
 */
function loadLocal(file: string): unknown {
  const read = readFileSafely(file, { boundary: repositoryOf(file) });
  if (!read.ok) throw problem(file, read.problem);
  const text = decodeBytes(read.bytes).text;
  const parsed = parseYaml(text, file, 'en');
  if (parsed.data !== undefined) return parsed.data;
  const first = (lang: 'zh' | 'en') => {
    const d = (lang === 'en' ? parsed : parseYaml(text, file, lang)).diagnostics.find((x) => x.severity === 'error');
    return d ? `${d.range.start.line}:${d.range.start.column}: ${d.message}` : '';
  };
  throw refuse(file, { zh: first('zh'), en: first('en') });
}

function load(file: string, bundled = true): unknown {
  if (!bundled) return loadLocal(file);
  try {
    return readStandardYaml(file);
  } catch (err) {
    if (err instanceof GkError) throw err;
    throw new GkError('usage', { zh: '标准目录文件 {file} 不是有效的 YAML：{detail}', en: 'standard edition file {file} is not valid YAML: {detail}' }, { params: { file, detail: (err as Error).message.split('\n')[0] } });
  }
}

/** A local edition's domain files: its own *.yaml, no subfolders, no links out of its repository. */
function localFiles(dir: string): string[] {
  const listing = listFiles(dir, (name) => name.endsWith('.yaml') && name !== 'edition.yaml', repositoryOf(path.join(dir, 'edition.yaml')), () => true);
  const [first] = [...listing.problems].sort(([a], [b]) => (a < b ? -1 : 1));
  if (first) throw problem(first[0], first[1]);
  return listing.files;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function loadEdition(dir: string): Edition {
  const cached = cache.get(dir);
  if (cached) return cached;
  const bundled = path.dirname(dir) === bundledStandardDir;
  const meta = load(path.join(dir, 'edition.yaml'), bundled) as Record<string, unknown> | null;
  if (!meta || typeof meta !== 'object') throw new GkError('usage', { zh: '{dir}/edition.yaml 不是键值映射', en: '{dir}/edition.yaml is not a mapping' }, { params: { dir } });
  const domains: EditionDomain[] = [];
  const rawDomains = (meta.domains ?? {}) as Record<string, Record<string, unknown>>;
  for (const [id, d] of Object.entries(rawDomains)) {
    const ed: EditionDomain = {
      id,
      name: String(d?.name ?? id),
      documents: Array.isArray(d?.documents) ? d.documents.map(String) : [],
      rows: num(d?.rows) ?? 0,
      partial: d?.partial !== false,
      sources: Array.isArray(d?.sources) ? d.sources.map(String) : [],
    };
    if (typeof d?.issuer === 'string') ed.issuer = d.issuer;
    const official = num(d?.officialRows);
    if (official !== undefined) ed.officialRows = official;
    if (typeof d?.gaps === 'string') ed.gaps = d.gaps;
    domains.push(ed);
  }
  const items = new Map<string, StandardItem>();
  const files = bundled ? bundledEntries(dir, 'file').filter((f) => f.endsWith('.yaml')) : localFiles(dir);
  for (const file of files) {
    if (path.basename(file) === 'edition.yaml') continue;
    const catalog = readCatalogFile(load(file, bundled), file);
    catalog.items.forEach((item, index) => {
      items.set(item.id, { ...item, domain: catalog.domain, file, index });
    });
  }
  const edition: Edition = {
    id: String(meta.id ?? path.basename(dir)),
    title: String(meta.title ?? meta.id ?? path.basename(dir)),
    dir,
    partial: meta.partial !== false,
    rows: num(meta.rows) ?? items.size,
    domains,
    items,
  };
  if (typeof meta.note === 'string') edition.note = meta.note;
  const official = num(meta.officialRows);
  if (official !== undefined) edition.officialRows = official;
  cache.set(dir, edition);
  return edition;
}

/** The one line every command prints when it relies on a partial edition. */
export function partialNotice(edition: Edition, lang: 'zh' | 'en'): string | undefined {
  if (!edition.partial) return undefined;
  const held = edition.items.size;
  const partial = edition.domains.filter((d) => d.partial).length;
  const total = edition.domains.length;
  // A total is only stated when every domain's official row count is known; a sum over some would mislead.
  const official = edition.officialRows ?? (edition.domains.length > 0 && edition.domains.every((d) => d.officialRows !== undefined) ? edition.domains.reduce((n, d) => n + d.officialRows!, 0) : undefined);
  if (lang === 'en') {
    return `standard edition ${edition.id} is an excerpt: ${held}${official ? `/about ${official}` : ''} items; ${partial} of ${total} domains are incomplete, so coverage is measured against the excerpt`;
  }
  return `标准目录 ${edition.id} 为节选：${held}${official ? `/约${official}` : ''} 项，${total} 个领域中 ${partial} 个不完整，覆盖率只相对于节选计算`;
}
