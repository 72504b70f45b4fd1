// gk import <file…>: the tables offices already have (xlsx, CSV, HTML) → catalog files or a standard edition, with a report.
import path from 'node:path';
import type { Command } from 'commander';
import { readCatalogFile, readManifest } from '../load/catalog.js';
import { summarize } from '../model/diagnostic.js';
import { usageError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { formatters } from '../formatters/index.js';
import { chooseDomain } from '../import/domain.js';
import { containedPath } from '../io/output-dir.js';
import { isDomainId } from '../check/schema/generate.js';
import { schemaDiagnostics } from '../check/schema/validate.js';
import { describeDomain, planImport, type DomainOutput, type InputFile } from '../import/plan.js';
import { renderImportReport, countSkipped, type WrittenFile } from '../import/report.js';
import { renderCatalogFile, renderEditionDomain, renderEditionMeta } from '../import/write.js';
import { exists, fileSize, isDirectory, packageRoot, readBytes, relativeTo, writeFileAtomic } from '../io/files.js';
import { MAX_FILE_BYTES, findManifestAbove, loadSource, parseSource, type Government } from '../load/government.js';
import { loadChannelVocabulary } from '../load/channels.js';
import { editionDir, loadEdition } from '../load/edition.js';
import { checkGovernment, defaultEdition, schemaValidators } from '../check/validate.js';
import { DOMAIN_IDS, DOMAIN_NAMES, type Diagnostic, type Edition, type Lang, type Manifest } from '../model/types.js';
import type { CommandSpec } from './command.js';
import { checkOutDir, printErrors, writeOutDir, type OutDirPolicy } from './output.js';

/** The schema the modeline points at: a schemas/ folder above the output (a repo keeping its own copy), else gk's. */
function schemaPathFrom(dir: string): string {
  let schema = path.join(packageRoot, 'schemas', 'catalog.schema.json');
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, 'schemas', 'catalog.schema.json');
    if (exists(candidate)) {
      schema = candidate;
      break;
    }
    if (path.dirname(d) === d) break;
  }
  return relativeTo(dir, schema);
}

const SYNTHETIC_MANIFEST = 'name: 本县人民政府\nlevel: county\nstandard: national-2020\nrules:\n  level-mismatch: off\n';

/** The government the written files belong to: the gk.yaml above them, or a stand-in that uses the default edition. */
function governmentAround(out: string, root: string | undefined, written: Array<{ abs: string; display: string; text: string }>, cwd: string, lang: Lang): Government {
  const manifestSource = root
    ? loadSource(path.join(root, 'gk.yaml'), cwd, lang)
    : parseSource(path.join(out, 'gk.yaml'), '(gk import)', new TextEncoder().encode(SYNTHETIC_MANIFEST), lang);
  const manifest: Manifest = readManifest(manifestSource.data, manifestSource.display);
  const catalogs = written.map((w) => {
    const src = parseSource(w.abs, w.display, new TextEncoder().encode(w.text), lang);
    return { ...src, catalog: readCatalogFile(src.data, w.display) };
  });
  return { root: root ?? out, display: relativeTo(cwd, root ?? out), manifestSource, manifest, catalogs };
}

const VALIDATION: Record<string, Message> = {
  heading: { zh: '校验写入的文件：', en: 'validating the written files:' },
  clean: { zh: '✔ 写入的文件校验通过', en: '✔ the written files validate' },
  standalone: {
    zh: '（{out} 之上没有 gk.yaml，按县级目录、标准目录 national-2020 校验）',
    en: '({out} has no gk.yaml above it; checked as a county catalog against national-2020)',
  },
  edition: { zh: '标准目录已写入 {out}（{n} 项）；在 gk.yaml 中写 standard: {ref} 即可使用', en: 'edition written to {out} ({n} items); use it with standard: {ref} in gk.yaml' },
};

const REFUSALS = {
  noFiles: { zh: 'gk import 至少需要一个文件', en: 'gk import needs at least one file' },
  completeAlone: { zh: '--complete 须与 --edition 一起使用', en: '--complete goes with --edition' },
  badDomain: {
    zh: '--domain：“{value}”既不是已知领域的编号（如 social-assistance），也不是其中文名（如 社会救助）；本地领域请先在 gk.yaml 的 domains 中声明',
    en: '--domain: "{value}" is neither the id of a known domain (e.g. social-assistance) nor its Chinese name (e.g. 社会救助); declare a local domain in gk.yaml under domains first',
  },
  didYouMean: { zh: '--domain：未知领域“{value}”；是否指 {id}（{name}）？', en: '--domain: unknown domain "{value}"; did you mean {id} ({name})?' },
  badManifest: { zh: '未导入：{file} 有错误，请先修正（gk validate）', en: 'nothing imported: {file} has errors; fix them first (gk validate)' },
  notFound: { zh: '找不到文件：{file}', en: 'file not found: {file}' },
  isFolder: { zh: '{file} 是文件夹，请给出表格文件', en: '{file} is a folder; name a table file' },
  tooLarge: { zh: '{file}：文件超过 {max} MB', en: '{file}: larger than {max} MB' },
  outIsFile: { zh: '{out} 是一个文件，不是文件夹', en: '{out} is a file, not a folder' },
  editionNotEmpty: { zh: '{out} 已存在且不为空；如需替换请加 --force', en: '{out} already exists and is not empty; pass --force to replace it' },
  exists: { zh: '{files} 已存在；如需覆盖请加 --force', en: '{files} already exists; pass --force to overwrite' },
} satisfies Record<string, Message>;

export const importCommand: CommandSpec = {
  name: 'import',
  configure(command: Command) {
    command
      .description('从现有表格（Excel、CSV、网页表格）导入目录 · import catalogs from the tables offices already have (xlsx, CSV, HTML)')
      .argument('<files...>', '.xlsx、.csv/.tsv/.txt 或 .html 文件 · .xlsx, .csv/.tsv/.txt or .html files')
      .option('--domain <id>', '领域编号或中文名（默认从标题、文件名推测）· domain id or Chinese name (default: guessed from the title or file name)')
      .option('-o, --out <dir>', '目录文件夹 · catalog folder', 'catalog')
      .option('--sheet <name>', '只导入这个工作表（名称或序号）· import only this sheet (name or number)')
      .option('--force', '覆盖已有文件 · overwrite existing files')
      .option('--edition <dir>', '写成标准目录版本而不是目录 · write a standard edition instead of a catalog')
      .option('--complete', '与 --edition 同用：声明各表完整 · with --edition: the tables are complete');
  },
  async action(args, options, io, global) {
    const lang = global.lang;
    const names = (args[0] as string[] | undefined) ?? [];
    if (names.length === 0) throw usageError(say(REFUSALS.noFiles, lang));
    if (options.complete && options.edition === undefined) throw usageError(say(REFUSALS.completeAlone, lang));
    const editionMode = options.edition !== undefined;
    const out = path.resolve(io.cwd, String(editionMode ? options.edition : (options.out ?? 'catalog')));
    if (exists(out) && !isDirectory(out)) throw usageError(say(REFUSALS.outIsFile, lang, { out: relativeTo(io.cwd, out) }));
    const editionPolicy: OutDirPolicy = { option: '--edition', sources: names.map((n) => path.resolve(io.cwd, n)), sourceKind: 'inputs', tool: 'gk import' };
    // Checked before the tables are read, so a refused folder costs nothing; checked again just before the swap.
    if (editionMode) checkOutDir(out, editionPolicy, io, lang);
    const root = editionMode ? undefined : findManifestAbove(out);
    let edition: Edition = defaultEdition();
    let manifest: Manifest | undefined;
    if (root) {
      // Its level, edition and local domains decide what is written where: a gk.yaml the schema refuses is reported, not used.
      const source = loadSource(path.join(root, 'gk.yaml'), io.cwd, lang);
      const problems = [...source.diagnostics, ...schemaDiagnostics(schemaValidators().manifest, source, lang)].filter((d) => d.severity === 'error');
      if (problems.length > 0) {
        printErrors(io, problems, [source], { lang, color: global.color });
        io.stderr(`${say(REFUSALS.badManifest, lang, { file: source.display })}\n`);
        return 1;
      }
      manifest = readManifest(source.data, 'gk.yaml');
      const dir = editionDir(manifest.standard, root);
      if (dir) edition = loadEdition(dir);
    }
    let domain: string | undefined;
    if (options.domain !== undefined) {
      const value = String(options.domain);
      const known = new Map<string, string>(DOMAIN_IDS.map((id) => [id, DOMAIN_NAMES[id]]));
      for (const d of edition.domains) if (isDomainId(d.id) && !known.has(d.id)) known.set(d.id, d.name);
      for (const [id, name] of Object.entries(manifest?.domains ?? {})) known.set(id, name);
      const choice = chooseDomain(value, known, editionMode);
      if (!choice.ok) {
        const suggestion = choice.suggestion;
        if (suggestion !== undefined) throw usageError(say(REFUSALS.didYouMean, lang, { value, id: suggestion, name: known.get(suggestion) }));
        throw usageError(say(REFUSALS.badDomain, lang, { value }));
      }
      domain = choice.domain;
    }

    const inputs: InputFile[] = names.map((name) => {
      const abs = path.resolve(io.cwd, name);
      if (!exists(abs)) throw usageError(say(REFUSALS.notFound, lang, { file: name }));
      if (isDirectory(abs)) throw usageError(say(REFUSALS.isFolder, lang, { file: name }));
      if (fileSize(abs) > MAX_FILE_BYTES) throw usageError(say(REFUSALS.tooLarge, lang, { file: name, max: MAX_FILE_BYTES / 1048576 }));
      return { display: relativeTo(io.cwd, abs), bytes: readBytes(abs) };
    });

    const plan = await planImport(inputs, {
      mode: editionMode ? 'edition' : 'catalog',
      ...(domain !== undefined ? { domain } : {}),
      ...(options.sheet !== undefined ? { sheet: String(options.sheet) } : {}),
      edition,
      vocab: loadChannelVocabulary(),
      ...(manifest ? { localDomains: manifest.domains } : {}),
      lang,
    });
    const label = (id: string) => manifest?.domains[id] ?? describeDomain(id);

    const written: WrittenFile[] = [];
    const texts: Array<{ abs: string; display: string; text: string }> = [];
    if (editionMode) {
      // An earlier edition gk wrote is replaced only with --force; anything else there is never replaced.
      if (checkOutDir(out, editionPolicy, io, lang) === 'ours' && !options.force) {
        throw usageError(say(REFUSALS.editionNotEmpty, lang, { out: relativeTo(io.cwd, out) }));
      }
      const id = path.basename(out);
      const files = new Map<string, string>();
      for (const o of plan.outputs) {
        files.set(`${o.domain}.yaml`, renderEditionDomain(o, id, label(o.domain)));
        written.push({ display: relativeTo(io.cwd, path.join(out, `${o.domain}.yaml`)), output: o });
      }
      const title = plan.outputs.map((o) => o.title).find((t) => t !== undefined) ?? id;
      files.set('edition.yaml', renderEditionMeta({ id, title, complete: Boolean(options.complete), domains: plan.outputs.map((o) => ({ output: o, name: label(o.domain) })) }));
      if (plan.outputs.length > 0) writeOutDir(out, files, 'edition', editionPolicy, lang);
    } else {
      // containedPath: a domain id always makes a file name inside --out; anything else is a bug, never a write.
      const targets = plan.outputs.map((o: DomainOutput) => ({ o, abs: containedPath(out, `${o.domain}.yaml`) }));
      const existing = targets.filter((t) => exists(t.abs)).map((t) => relativeTo(io.cwd, t.abs));
      if (existing.length > 0 && !options.force) throw usageError(say(REFUSALS.exists, lang, { files: existing.join(', ') }));
      const schema = schemaPathFrom(out);
      for (const { o, abs } of targets) {
        const text = renderCatalogFile(o, schema, label(o.domain), lang);
        texts.push({ abs, display: relativeTo(io.cwd, abs), text });
        written.push({ display: relativeTo(io.cwd, abs), output: o });
      }
      for (const t of texts) writeFileAtomic(t.abs, t.text);
    }
    io.stdout(renderImportReport(plan, written, label, lang));

    let errors = 0;
    if (editionMode) {
      if (plan.outputs.length > 0) {
        const loaded = loadEdition(out);
        const ref = relativeTo(io.cwd, out);
        io.stdout(`${say(VALIDATION.edition!, lang, { out: ref, n: loaded.items.size, ref })}\n`);
      }
    } else if (texts.length > 0) {
      io.stdout(`\n${say(VALIDATION.heading!, lang)}\n`);
      if (!root) io.stdout(`${say(VALIDATION.standalone!, lang, { out: relativeTo(io.cwd, out) })}\n`);
      const government = governmentAround(out, root, texts, io.cwd, lang);
      const shown = new Set(texts.map((t) => t.display));
      const diagnostics: Diagnostic[] = checkGovernment(government, lang).diagnostics.filter((d) => shown.has(d.file));
      const summary = summarize(diagnostics, texts.length);
      errors = summary.errors;
      if (diagnostics.length === 0) io.stdout(`${say(VALIDATION.clean!, lang)}\n`);
      else {
        const sources = new Map(texts.map((t) => [t.display, t.text]));
        io.stdout(formatters.stylish(diagnostics, summary, { lang, color: global.color, cwd: io.cwd, sources, files: [...shown] }));
      }
    }
    return countSkipped(plan) > 0 || errors > 0 || plan.outputs.length === 0 ? 1 : 0;
  },
};
