// `gk lsp`: a language server over stdio. gk's diagnostics for catalog files and gk.yaml as they are edited (unsaved
// text included, checked within their workspace), gk fmt's fixes as quick fixes, hovers on `standard:` and
// `parent-item:` references, and completion of domains, standard refs and channel names.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diffLines } from 'diff';
import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  MarkupKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type TextEdit,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { GkError } from '../model/errors.js';
import { fmtConfigOf, formatCatalog } from '../fmt/format.js';
import { exists } from '../io/files.js';
import { ELEMENT_NAMES } from '../model/elements.js';
import { findGovernmentRoots, findManifestAbove, type Government } from '../load/government.js';
import { resolveCatalog } from '../resolve/standard.js';
import { loadChannelVocabulary } from '../load/channels.js';
import { bundledEditionIds } from '../load/edition.js';
import { DOMAIN_IDS, DOMAIN_NAMES, ITEM_FIELDS, type Diagnostic, type Edition, type ItemSpec, type Lang } from '../model/types.js';
import { checkRoots, domainsOf, resolveEdition } from '../check/validate.js';
import { diskFiles, openWorkspace, overlayFiles, type Workspace } from '../load/workspace.js';

/** Typing pauses this long before a check runs, so a burst of keystrokes costs one check. */
const DEBOUNCE_MS = 150;

const REFERENCE = /^(\s*(?:-\s+)?)(standard|parent-item)(\s*:\s*)(["']?)([^"'#\s,\]]*)/;

interface Place {
  file: string;
  /** the government folder (holding gk.yaml) the file belongs to */
  root: string;
  /** the outermost folder with a gk.yaml above it: the workspace the file is checked in */
  scope: string;
  manifest: boolean;
}

/** Where a document sits in gk's world, or undefined when it is neither a gk.yaml nor a file under a government's catalog/. */
export function placeOf(file: string): Place | undefined {
  if (!/\.ya?ml$/.test(file)) return undefined;
  const manifest = path.basename(file) === 'gk.yaml';
  const root = manifest ? path.dirname(file) : findManifestAbove(path.dirname(file));
  if (root === undefined) return undefined;
  if (!manifest && !file.startsWith(`${path.join(root, 'catalog')}${path.sep}`)) return undefined;
  let scope = root;
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    if (exists(path.join(dir, 'gk.yaml'))) scope = dir;
    if (path.dirname(dir) === dir) break;
  }
  return { file, root, scope, manifest };
}

function fileOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

export function toLspDiagnostic(d: Diagnostic, cwd: string): LspDiagnostic {
  const out: LspDiagnostic = {
    range: { start: { line: d.range.start.line - 1, character: d.range.start.column - 1 }, end: { line: d.range.end.line - 1, character: d.range.end.column - 1 } },
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: 'gk',
    message: d.hint === undefined ? d.message : `${d.message}\n${d.hint}`,
    data: { fixable: d.fixable === true },
  };
  if (d.related) {
    out.relatedInformation = d.related.map((r) => ({
      location: { uri: uriOf(path.resolve(cwd, r.file)), range: r.range ? { start: { line: r.range.start.line - 1, character: r.range.start.column - 1 }, end: { line: r.range.end.line - 1, character: r.range.end.column - 1 } } : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
      message: r.message,
    }));
  }
  return out;
}

/** Old-text line spans that the new text replaces: [start, end) with the lines to put there. */
interface Hunk {
  start: number;
  end: number;
  text: string;
}

export function lineHunks(before: string, after: string): Hunk[] {
  const hunks: Hunk[] = [];
  let line = 0;
  let open: Hunk | undefined;
  for (const part of diffLines(before, after)) {
    const count = part.count ?? part.value.split('\n').length - (part.value.endsWith('\n') ? 1 : 0);
    if (!part.added && !part.removed) {
      if (open) hunks.push(open);
      open = undefined;
      line += count;
      continue;
    }
    open ??= { start: line, end: line, text: '' };
    if (part.removed) {
      line += count;
      open.end = line;
    } else open.text += part.value;
  }
  if (open) hunks.push(open);
  return hunks;
}

function label(field: (typeof ITEM_FIELDS)[number], lang: Lang): string {
  return ELEMENT_NAMES[field][lang];
}

/** An item's elements as Markdown, the way the tables print them. */
export function describeItem(id: string, item: Partial<ItemSpec>, lang: Lang, heading: string): string {
  const lines = [`**${id}** · ${heading}`, ''];
  for (const field of ITEM_FIELDS) {
    const value = item[field];
    if (value === undefined || (Array.isArray(value) && value.length === 0) || value === '') continue;
    const text = Array.isArray(value) ? value.join(lang === 'zh' ? '、' : ', ') : String(value);
    lines.push(`- ${label(field, lang)}${lang === 'zh' ? '：' : ': '}${text.replace(/\n/g, ' ')}`);
  }
  return lines.join('\n');
}

interface Context {
  place: Place;
  workspace: Workspace;
  government: Government;
  edition: Edition | undefined;
}

export function serveLanguageServer(lang: Lang, connection: Connection = createConnection(process.stdin, process.stdout)): Promise<number> {
  const documents = new TextDocuments(TextDocument);
  const channels = loadChannelVocabulary();
  /** Governments below each scope; read again when a gk.yaml is opened, edited or closed. */
  const rootsOfScope = new Map<string, string[]>();
  /** What was published for each government, so files whose problems are gone are cleared. */
  const published = new Map<string, Set<string>>();
  const timers = new Map<string, NodeJS.Timeout>();

  const texts = (): Map<string, string> => {
    const map = new Map<string, string>();
    for (const doc of documents.all()) {
      const file = fileOf(doc.uri);
      if (file !== undefined) map.set(file, doc.getText());
    }
    return map;
  };

  const rootsIn = (place: Place): string[] => {
    let roots = rootsOfScope.get(place.scope);
    if (!roots) rootsOfScope.set(place.scope, (roots = findGovernmentRoots([place.scope], place.scope, lang)));
    return roots.includes(place.root) ? roots : [...roots, place.root].sort();
  };

  const contextOf = (place: Place): Context | undefined => {
    const held = texts();
    const workspace = openWorkspace(overlayFiles(diskFiles(rootsIn(place), place.scope, lang), held, lang), lang);
    const member = workspace.memberAt(place.root);
    if (!member) return undefined;
    const government = workspace.load(member);
    return { place, workspace, government, edition: resolveEdition(government, lang).edition };
  };

  const check = (place: Place): void => {
    const held = texts();
    const all = rootsIn(place);
    const result = checkRoots([place.root], place.scope, lang, all, { files: (roots) => overlayFiles(diskFiles(roots, place.scope, lang), held, lang) });
    const byFile = new Map<string, LspDiagnostic[]>();
    for (const file of result.files) byFile.set(path.resolve(place.scope, file), []);
    for (const d of result.diagnostics) {
      const file = path.resolve(place.scope, d.file);
      const list = byFile.get(file) ?? [];
      list.push(toLspDiagnostic(d, place.scope));
      byFile.set(file, list);
    }
    const before = published.get(place.root) ?? new Set<string>();
    for (const file of before) if (!byFile.has(file)) void connection.sendDiagnostics({ uri: uriOf(file), diagnostics: [] });
    for (const [file, diagnostics] of byFile) void connection.sendDiagnostics({ uri: uriOf(file), diagnostics });
    published.set(place.root, new Set(byFile.keys()));
  };

  const schedule = (uri: string): void => {
    const file = fileOf(uri);
    const place = file === undefined ? undefined : placeOf(file);
    if (!place) return;
    if (place.manifest) rootsOfScope.delete(place.scope);
    clearTimeout(timers.get(place.root));
    timers.set(
      place.root,
      setTimeout(() => {
        timers.delete(place.root);
        try {
          check(place);
        } catch (err) {
          // A usage problem (an unreadable folder) is the editor's log, never a crash of the server.
          connection.console.error(err instanceof GkError ? err.text(lang) : String((err as Error)?.stack ?? err));
        }
      }, DEBOUNCE_MS),
    );
  };

  connection.onInitialize((params) => {
    const options = params.initializationOptions as { lang?: unknown } | undefined;
    if (options?.lang === 'en' || options?.lang === 'zh') lang = options.lang;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.gk`] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '[', ',', '/'] },
      },
      serverInfo: { name: 'gk' },
    };
  });

  documents.onDidOpen((e) => schedule(e.document.uri));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => schedule(e.document.uri));
  connection.onDidChangeWatchedFiles((e) => {
    rootsOfScope.clear();
    for (const change of e.changes) schedule(change.uri);
  });

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    const file = fileOf(params.textDocument.uri);
    const place = file === undefined ? undefined : placeOf(file);
    if (!doc || !place || place.manifest) return [];
    const text = doc.getText();
    // the same local channels and rules: off as gk fmt, so a quick fix is offered only for what validate reports
    const fixed = formatCatalog(text, { vocab: channels, ...fmtConfigOf(contextOf(place)?.government.manifestSource.data) });
    if (!fixed.ok || fixed.text === text) return [];
    const actions: CodeAction[] = [];
    const hunks = text.includes('\r') ? [] : lineHunks(text, fixed.text);
    const edit = (h: Hunk): TextEdit => ({ range: { start: { line: h.start, character: 0 }, end: doc.positionAt(doc.offsetAt({ line: h.end, character: 0 })) }, newText: h.text });
    for (const d of params.context.diagnostics) {
      if (d.source !== 'gk' || (d.data as { fixable?: boolean } | undefined)?.fixable !== true) continue;
      const line = d.range.start.line;
      const covering = hunks.filter((h) => h.start <= line && line < Math.max(h.end, h.start + 1));
      if (covering.length === 0) continue;
      actions.push({
        title: `${lang === 'zh' ? '修正：' : 'Fix: '}${d.message.split('\n')[0]}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [doc.uri]: covering.map(edit) } },
      });
    }
    const whole = { changes: { [doc.uri]: [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) }, newText: fixed.text }] } };
    const title = lang === 'zh' ? '按 gk fmt 修正本文件的全部问题' : 'Fix everything gk fmt can in this file';
    actions.push({ title, kind: CodeActionKind.QuickFix, edit: whole });
    actions.push({ title, kind: `${CodeActionKind.SourceFixAll}.gk`, edit: whole });
    const only = params.context.only;
    return only ? actions.filter((a) => only.some((k) => a.kind === k || a.kind?.startsWith(`${k}.`))) : actions;
  });

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    const file = fileOf(params.textDocument.uri);
    const place = file === undefined ? undefined : placeOf(file);
    if (!doc || !place) return null;
    const line = doc.getText({ start: { line: params.position.line, character: 0 }, end: { line: params.position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
    const m = REFERENCE.exec(line);
    if (!m || m[5] === '') return null;
    const from = m[1]!.length + m[2]!.length + m[3]!.length + m[4]!.length;
    const range = { start: { line: params.position.line, character: from }, end: { line: params.position.line, character: from + m[5]!.length } };
    const ref = m[5]!;
    const context = contextOf(place);
    if (!context) return null;
    const markdown = (value: string) => ({ contents: { kind: MarkupKind.Markdown, value }, range });
    if (m[2] === 'standard') {
      if (place.manifest) return context.edition ? markdown(`**${context.edition.id}** · ${context.edition.title}`) : null;
      const item = context.edition?.items.get(ref);
      if (!item) return null;
      return markdown(describeItem(ref, item, lang, `${lang === 'zh' ? '国家标准事项' : 'national standard item'}（${context.edition!.id}）`));
    }
    const parent = context.workspace.parentOf(context.government);
    if (!parent) return null;
    const edition = resolveEdition(parent, lang).edition ?? context.edition;
    if (!edition) return null;
    const item = resolveCatalog(parent, edition).items.find((i) => i.id === ref);
    if (!item) return null;
    const values: Partial<ItemSpec> = {};
    for (const field of ITEM_FIELDS) if (item.fields[field]) (values as Record<string, unknown>)[field] = item.fields[field]!.value;
    return markdown(describeItem(ref, values, lang, `${parent.manifest.name || parent.display}`));
  });

  connection.onCompletion((params) => {
    const doc = documents.get(params.textDocument.uri);
    const file = fileOf(params.textDocument.uri);
    const place = file === undefined ? undefined : placeOf(file);
    if (!doc || !place) return [];
    const before = doc.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
    const items: CompletionItem[] = [];
    if (/^\s*domain\s*:\s*[\w-]*$/.test(before) && !place.manifest) {
      const context = contextOf(place);
      const domains = context ? domainsOf(context.government) : new Map<string, string>(DOMAIN_IDS.map((id) => [id, DOMAIN_NAMES[id]]));
      for (const [id, name] of domains) items.push({ label: id, kind: CompletionItemKind.EnumMember, detail: name });
      return items;
    }
    if (/^\s*(?:-\s+)?standard\s*:\s*[\w./-]*$/.test(before)) {
      if (place.manifest) return bundledEditionIds().map((id) => ({ label: id, kind: CompletionItemKind.Module }));
      const edition = contextOf(place)?.edition;
      if (!edition) return [];
      const domain = /^domain\s*:\s*["']?([\w-]+)/m.exec(doc.getText())?.[1];
      for (const item of edition.items.values()) {
        items.push({
          label: item.id,
          kind: CompletionItemKind.Reference,
          detail: [item.category, item.name].filter(Boolean).join(' / '),
          documentation: { kind: MarkupKind.Markdown, value: describeItem(item.id, item, lang, edition.id) },
          sortText: `${item.domain === domain ? '0' : '1'}${item.domain}/${item.index.toString().padStart(5, '0')}`,
        });
      }
      return items;
    }
    if (/^\s*(?:-\s+)?parent-item\s*:\s*[\w.-]*$/.test(before) && !place.manifest) {
      const context = contextOf(place);
      const parent = context ? context.workspace.parentOf(context.government) : undefined;
      for (const source of parent?.catalogs ?? []) {
        for (const item of source.catalog.items) if (item.id !== '') items.push({ label: item.id, kind: CompletionItemKind.Reference, detail: item.name ?? item.standard ?? '' });
      }
      return items;
    }
    if (inChannels(doc, params.position.line, before)) {
      for (const entry of channels.entries) items.push({ label: entry.name, kind: CompletionItemKind.Value, ...(entry.aliases.length > 0 ? { detail: entry.aliases.slice(0, 4).join('、') } : {}) });
    }
    return items;
  });

  documents.listen(connection);
  return new Promise<number>((resolve) => {
    connection.onShutdown(() => {
      for (const t of timers.values()) clearTimeout(t);
    });
    connection.onExit(() => resolve(0));
    connection.listen();
  });
}

/** Whether the cursor is inside a `channels:` list: `channels: [a, b` on the line, or a `- ` entry below `channels:`. */
function inChannels(doc: TextDocument, line: number, before: string): boolean {
  if (/^\s*(?:-\s+)?channels\s*:\s*(?:\[[^\]]*)?$/.test(before)) return true;
  const entry = /^(\s*)-\s*[^:#]*$/.exec(before);
  if (!entry) return false;
  const indent = entry[1]!.length;
  for (let i = line - 1; i >= 0; i--) {
    const text = doc.getText({ start: { line: i, character: 0 }, end: { line: i + 1, character: 0 } }).replace(/\r?\n$/, '');
    if (/^\s*(#.*)?$/.test(text)) continue;
    const own = /^(\s*)/.exec(text)![1]!.length;
    if (own < indent || (own === indent && !/^\s*-/.test(text))) return /^\s*(?:-\s+)?channels\s*:\s*$/.test(text);
  }
  return false;
}
