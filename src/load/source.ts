// One file as gk reads it: decoded (UTF-8, or GB18030 and UTF-16 with a finding), parsed as YAML, every problem a diagnostic.
import { append, makeDiagnostic } from '../model/diagnostic.js';
import { say, type Message } from '../model/i18n.js';
import { relativeTo } from '../io/files.js';
import { decodeBytes, type Encoding } from './decode.js';
import { describeProblem, readFileSafely, repositoryOf, type ReadProblem } from './read.js';
import { readCatalogFile } from './catalog.js';
import { parseYaml, Locator } from './yaml.js';
import type { CatalogFile, Diagnostic, Lang } from '../model/types.js';

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
  return parseText(abs, display, decoded.text, decoded.encoding, diagnostics, lang);
}

/** A text already decoded (a file held in memory as a string) parsed as parseSource parses bytes decoded as UTF-8. */
export function parseSourceText(abs: string, display: string, text: string, lang: Lang): SourceFile {
  return parseText(abs, display, text, 'utf-8', [], lang);
}

function parseText(abs: string, display: string, text: string, encoding: Encoding, diagnostics: Diagnostic[], lang: Lang): SourceFile {
  const parsed = parseYaml(text, display, lang);
  append(diagnostics, parsed.diagnostics);
  return { path: abs, display, text, encoding, data: parsed.data, locator: parsed.locator, diagnostics };
}

/** A catalog file's source with the catalog read from it. */
export function catalogSource(src: SourceFile): CatalogSource {
  return { ...src, catalog: readCatalogFile(src.data, src.display) };
}
