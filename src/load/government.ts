// Finding and loading governments: gk.yaml manifests and their catalog files, as decoded, parsed sources.
import path from 'node:path';
import { readCatalogFile, readManifest } from './catalog.js';
import { append, makeDiagnostic } from '../model/diagnostic.js';
import { GkError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { exists, isDirectory, relativeTo } from '../io/files.js';
import { decodeBytes, type Encoding } from './decode.js';
import { describeProblem, listFiles, MAX_FILE_BYTES, readFileSafely, repositoryOf, type Listing, type ReadProblem } from './read.js';
import { parseYaml, Locator } from './yaml.js';
import type { CatalogFile, Diagnostic, Lang, Manifest } from '../model/types.js';

export { MAX_FILE_BYTES };

export interface SourceFile {
  /** absolute path */
  path: string;
  /** path as shown to the user (relative to the working directory, forward slashes) */
  display: string;
  text: string;
  encoding: Encoding;
  /** parsed data; undefined when the file could not be parsed */
  data: unknown;
  locator: Locator;
  /** problems found while loading and parsing */
  diagnostics: Diagnostic[];
}

export interface CatalogSource extends SourceFile {
  catalog: CatalogFile;
}

export interface Government {
  /** absolute folder holding gk.yaml */
  root: string;
  display: string;
  manifestSource: SourceFile;
  manifest: Manifest;
  catalogs: CatalogSource[];
}

const M: Record<string, Message> = {
  gbk: {
    zh: '文件不是 UTF-8 编码，看起来是 GBK/GB18030（Excel 和记事本在中文 Windows 上的默认编码）；已按 GB18030 读取',
    en: 'file is not UTF-8; it looks like GBK/GB18030 (what Excel and Notepad write on Chinese Windows); read as GB18030',
  },
  gbkHint: {
    zh: '请转换为 UTF-8 保存，例如：iconv -f GB18030 -t UTF-8 原文件 > 新文件，或在记事本“另存为”中选择 UTF-8',
    en: 'save it as UTF-8, e.g. iconv -f GB18030 -t UTF-8 old > new, or choose UTF-8 in Notepad’s "Save as"',
  },
  utf16: { zh: '文件是 UTF-16 编码；gk 只接受 UTF-8', en: 'file is UTF-16; gk accepts UTF-8 only' },
  utf16Hint: { zh: '请另存为 UTF-8', en: 'save it as UTF-8' },
  binary: { zh: '文件不是文本（含二进制内容或无法识别的编码），无法读取', en: 'file is not text (binary content or an unknown encoding); cannot read it' },
  pathNotFound: { zh: '找不到路径：{path}', en: 'path not found: {path}' },
  noManifestFor: { zh: '找不到 {path} 所属的 gk.yaml', en: 'no gk.yaml found for {path}' },
  noManifestIn: { zh: '在 {path} 及其上级文件夹中找不到 gk.yaml', en: 'no gk.yaml found in or above {path}' },
};

/** Read, decode and parse one YAML file; every problem becomes a diagnostic. */
export function loadSource(abs: string, cwd: string, lang: Lang): SourceFile {
  const display = relativeTo(cwd, abs);
  const read = readFileSafely(abs, { boundary: repositoryOf(abs) });
  if (!read.ok) return unreadSource(abs, display, read.problem, lang);
  return parseSource(abs, display, read.bytes, lang);
}

/** A file gk did not read, with the reason as its one diagnostic (too large: `limit`; a folder loop: a warning). */
export function unreadSource(abs: string, display: string, problem: ReadProblem, lang: Lang): SourceFile {
  const d = makeDiagnostic({
    code: problem.kind === 'too-large' ? 'limit' : 'unreadable-file',
    severity: problem.kind === 'loop' ? 'warning' : 'error',
    message: describeProblem(problem, lang),
    file: display,
  });
  return { path: abs, display, text: '', encoding: 'binary', data: undefined, locator: new Locator(''), diagnostics: [d] };
}

export function parseSource(abs: string, display: string, bytes: Uint8Array, lang: Lang): SourceFile {
  const decoded = decodeBytes(bytes);
  const diagnostics: Diagnostic[] = [];
  if (decoded.encoding === 'binary') {
    diagnostics.push(makeDiagnostic({ code: 'encoding', severity: 'error', message: say(M.binary!, lang), file: display }));
    return { path: abs, display, text: '', encoding: 'binary', data: undefined, locator: new Locator(''), diagnostics };
  }
  if (decoded.encoding === 'gb18030') {
    diagnostics.push(makeDiagnostic({ code: 'encoding', severity: 'error', message: say(M.gbk!, lang), hint: say(M.gbkHint!, lang), file: display, fixable: true }));
  } else if (decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be') {
    diagnostics.push(makeDiagnostic({ code: 'encoding', severity: 'error', message: say(M.utf16!, lang), hint: say(M.utf16Hint!, lang), file: display, fixable: true }));
  }
  const text = decoded.text;
  const parsed = parseYaml(text, display, lang);
  append(diagnostics, parsed.diagnostics);
  return { path: abs, display, text, encoding: decoded.encoding, data: parsed.data, locator: parsed.locator, diagnostics };
}

/** Folders (below the given paths) that hold a gk.yaml, sorted. A path may also be a gk.yaml itself. */
export function findGovernmentRoots(paths: string[], cwd: string, lang: Lang = 'en'): string[] {
  const roots = new Set<string>();
  for (const p of paths.length > 0 ? paths : ['.']) {
    const abs = path.resolve(cwd, p);
    if (!exists(abs)) throw new GkError('usage', say(M.pathNotFound!, lang, { path: p }));
    if (!isDirectory(abs)) {
      if (path.basename(abs) === 'gk.yaml') roots.add(path.dirname(abs));
      else {
        const up = findManifestAbove(path.dirname(abs));
        if (!up) throw new GkError('usage', say(M.noManifestFor!, lang, { path: p }));
        roots.add(up);
      }
      continue;
    }
    const found = listFiles(abs, (name) => name === 'gk.yaml', repositoryOf(path.join(abs, 'gk.yaml'))).files.map((f) => path.dirname(f));
    if (found.length === 0) {
      const up = findManifestAbove(abs);
      if (!up) throw new GkError('usage', say(M.noManifestIn!, lang, { path: p }));
      roots.add(up);
    }
    for (const f of found) roots.add(f);
  }
  return [...roots].sort();
}

/** The nearest folder at or above `dir` that holds a gk.yaml. */
export function findManifestAbove(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (exists(path.join(d, 'gk.yaml'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/**
 * Catalog files of a government: catalog/**\/*.yaml (and .yml), not descending into nested governments, not following
 * links out of the repository; what cannot be listed or read is in `problems`.
 */
export function catalogListing(root: string): Listing {
  return listFiles(path.join(root, 'catalog'), (name) => name.endsWith('.yaml') || name.endsWith('.yml'), repositoryOf(path.join(root, 'gk.yaml')), (d) => exists(path.join(d, 'gk.yaml')));
}

/** The catalog files that can be read (see catalogListing for the others). */
export function catalogFilesOf(root: string): string[] {
  return catalogListing(root).files;
}

/** A government's catalog files loaded, with a source for each entry that could not be read, in path order. */
export function loadCatalogs(listing: Listing, load: (abs: string) => SourceFile, display: (abs: string) => string, lang: Lang): CatalogSource[] {
  const paths = [...listing.files, ...listing.problems.keys()].sort();
  return paths.map((f) => {
    const problem = listing.problems.get(f);
    const src = problem ? unreadSource(f, display(f), problem, lang) : load(f);
    return { ...src, catalog: readCatalogFile(src.data, src.display) };
  });
}

export function loadGovernment(root: string, cwd: string, lang: Lang): Government {
  const manifestSource = loadSource(path.join(root, 'gk.yaml'), cwd, lang);
  const manifest = readManifest(manifestSource.data, manifestSource.display);
  const catalogs = loadCatalogs(catalogListing(root), (f) => loadSource(f, cwd, lang), (f) => relativeTo(cwd, f), lang);
  return { root, display: relativeTo(cwd, root), manifestSource, manifest, catalogs };
}
