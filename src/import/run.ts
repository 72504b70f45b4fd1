// gk import as stage functions returning plain data: the government the files go to (its level, edition and local
// domains), the domain asked for, the input files, the texts to write, and the check of what was written. `gk import`
// parses its options, calls these, writes through the output policy and prints.
import path from 'node:path';
import { readManifest } from '../load/catalog.js';
import { summarize, type Summary } from '../model/diagnostic.js';
import { usageError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { containedPath } from '../io/output-dir.js';
import { exists, fileSize, isDirectory, packageRoot, readBytes, relativeTo } from '../io/files.js';
import { loadGovernmentFrom, MAX_FILE_BYTES } from '../load/government.js';
import type { SourceFile } from '../load/source.js';
import { diskTree, findManifestAbove, foldersUp, memoryTree, type HeldFile } from '../load/tree.js';
import { editionDir, loadEdition } from '../load/edition.js';
import { isDomainId } from '../check/schema/generate.js';
import { schemaDiagnostics } from '../check/schema/validate.js';
import { checkGovernment, defaultEdition, schemaValidators } from '../check/validate.js';
import { DOMAIN_IDS, DOMAIN_NAMES, type Diagnostic, type Edition, type Lang, type Manifest } from '../model/types.js';
import { chooseDomain } from './domain.js';
import type { DomainOutput, ImportPlan, InputFile } from './plan.js';
import { renderCatalogFile, renderEditionDomain, renderEditionMeta } from './write.js';

const M = {
  badDomain: {
    zh: '--domain：“{value}”既不是已知领域的编号（如 social-assistance），也不是其中文名（如 社会救助）；本地领域请先在 gk.yaml 的 domains 中声明',
    en: '--domain: "{value}" is neither the id of a known domain (e.g. social-assistance) nor its Chinese name (e.g. 社会救助); declare a local domain in gk.yaml under domains first',
  },
  didYouMean: { zh: '--domain：未知领域“{value}”；是否指 {id}（{name}）？', en: '--domain: unknown domain "{value}"; did you mean {id} ({name})?' },
  notFound: { zh: '找不到文件：{file}', en: 'file not found: {file}' },
  isFolder: { zh: '{file} 是文件夹，请给出表格文件', en: '{file} is a folder; name a table file' },
  tooLarge: { zh: '{file}：文件超过 {max} MB', en: '{file}: larger than {max} MB' },
} satisfies Record<string, Message>;

/** Where imported files go and what decides their content. */
export interface ImportTarget {
  /** The folder of the gk.yaml above the output (catalogs only; an edition stands alone). */
  root: string | undefined;
  manifest: Manifest | undefined;
  /** The edition the manifest names, else the bundled one. */
  edition: Edition;
  /** Errors of that gk.yaml: when any, nothing is imported. */
  refused?: { source: SourceFile; errors: Diagnostic[] };
}

/** The gk.yaml above `out` and the edition it names: a gk.yaml the schema refuses is reported, not used. */
export function importTarget(out: string, editionMode: boolean, cwd: string, lang: Lang): ImportTarget {
  const root = editionMode ? undefined : findManifestAbove(out);
  if (!root) return { root, manifest: undefined, edition: defaultEdition() };
  const source = diskTree(cwd, lang).load(path.join(root, 'gk.yaml'));
  const errors = [...source.diagnostics, ...schemaDiagnostics(schemaValidators().manifest, source, lang)].filter((d) => d.severity === 'error');
  if (errors.length > 0) return { root, manifest: undefined, edition: defaultEdition(), refused: { source, errors } };
  const manifest = readManifest(source.data, 'gk.yaml');
  const dir = editionDir(manifest.standard, root);
  return { root, manifest, edition: dir ? loadEdition(dir) : defaultEdition() };
}

/** The domain `--domain` names: a known id or Chinese name, the edition's, or the gk.yaml's own; a new id only for an edition. */
export function domainOption(value: string, target: ImportTarget, editionMode: boolean, lang: Lang): string {
  const known = new Map<string, string>(DOMAIN_IDS.map((id) => [id, DOMAIN_NAMES[id]]));
  for (const d of target.edition.domains) if (isDomainId(d.id) && !known.has(d.id)) known.set(d.id, d.name);
  for (const [id, name] of Object.entries(target.manifest?.domains ?? {})) known.set(id, name);
  const choice = chooseDomain(value, known, editionMode);
  if (choice.ok) return choice.domain;
  if (choice.suggestion !== undefined) throw usageError(say(M.didYouMean, lang, { value, id: choice.suggestion, name: known.get(choice.suggestion) }));
  throw usageError(say(M.badDomain, lang, { value }));
}

/** The input tables, read: each must be a file no larger than gk reads. */
export function readInputs(names: readonly string[], cwd: string, lang: Lang): InputFile[] {
  return names.map((name) => {
    const abs = path.resolve(cwd, name);
    if (!exists(abs)) throw usageError(say(M.notFound, lang, { file: name }));
    if (isDirectory(abs)) throw usageError(say(M.isFolder, lang, { file: name }));
    if (fileSize(abs) > MAX_FILE_BYTES) throw usageError(say(M.tooLarge, lang, { file: name, max: MAX_FILE_BYTES / 1048576 }));
    return { display: relativeTo(cwd, abs), bytes: readBytes(abs) };
  });
}

/** The schema the modeline points at: a schemas/ folder above the output (a repo keeping its own copy), else gk's. */
function schemaPathFrom(dir: string): string {
  const own = foldersUp(dir).map((d) => path.join(d, 'schemas', 'catalog.schema.json')).find(exists);
  return relativeTo(dir, own ?? path.join(packageRoot, 'schemas', 'catalog.schema.json'));
}

/** A file gk import writes: where, and its text. */
export interface WrittenText {
  abs: string;
  text: string;
}

export interface PlannedFile extends WrittenText {
  output: DomainOutput;
}

/** A catalog file per domain in `out`, named by its domain id. */
export function catalogTexts(plan: ImportPlan, out: string, label: (id: string) => string, lang: Lang): PlannedFile[] {
  const schema = schemaPathFrom(out);
  // containedPath: a domain id always makes a file name inside `out`; anything else is a bug, never a write.
  return plan.outputs.map((o) => ({ abs: containedPath(out, `${o.domain}.yaml`), text: renderCatalogFile(o, schema, label(o.domain), lang), output: o }));
}

/** An edition folder's files by name: a file per domain and edition.yaml. */
export function editionTexts(plan: ImportPlan, out: string, complete: boolean, label: (id: string) => string): { files: Map<string, string>; planned: PlannedFile[] } {
  const id = path.basename(out);
  const files = new Map<string, string>();
  const planned: PlannedFile[] = [];
  for (const o of plan.outputs) {
    const text = renderEditionDomain(o, id, label(o.domain));
    files.set(`${o.domain}.yaml`, text);
    planned.push({ abs: path.join(out, `${o.domain}.yaml`), text, output: o });
  }
  const title = plan.outputs.map((o) => o.title).find((t) => t !== undefined) ?? id;
  files.set('edition.yaml', renderEditionMeta({ id, title, complete, domains: plan.outputs.map((o) => ({ output: o, name: label(o.domain) })) }));
  return { files, planned };
}

/** Without a gk.yaml above the output, written files are checked as a county catalog against the bundled edition. */
const STAND_IN_MANIFEST = 'name: 本县人民政府\nlevel: county\nstandard: national-2020\nrules:\n  level-mismatch: off\n';

export interface WrittenCheck {
  /** Findings in the written files only. */
  diagnostics: Diagnostic[];
  summary: Summary;
  /** The files as shown, and their texts (for excerpts). */
  sources: Map<string, string>;
}

/**
 * The written catalog files checked as part of the government they belong to: the gk.yaml above them, or a stand-in.
 * Only they are checked, as written, whatever else the government holds.
 */
export function checkWritten(written: readonly WrittenText[], out: string, root: string | undefined, cwd: string, lang: Lang): WrittenCheck {
  const held = new Map<string, HeldFile>(written.map((w) => [w.abs, { text: w.text }]));
  if (!root) held.set(path.join(out, 'gk.yaml'), { text: STAND_IN_MANIFEST, display: '(gk import)' });
  const tree = memoryTree(held, diskTree(cwd, lang), lang, { only: true });
  const government = loadGovernmentFrom(tree, root ?? out, lang, { catalogs: written.map((w) => w.abs) });
  const sources = new Map(written.map((w) => [tree.display(w.abs), w.text]));
  const diagnostics = checkGovernment(government, lang).diagnostics.filter((d) => sources.has(d.file));
  return { diagnostics, summary: summarize(diagnostics, written.length), sources };
}
