// gk import <file…>: the tables offices already have (xlsx, CSV, HTML) → catalog files or a standard edition, with a report.
import path from 'node:path';
import type { Command } from 'commander';
import { readCatalogFile, readManifest } from '../catalog.js';
import { summarize } from '../diagnostic.js';
import { usageError } from '../errors.js';
import { say, type Message } from '../i18n.js';
import { formatters } from '../format/index.js';
import { parseDomain } from '../import/domain.js';
import { describeDomain, planImport, type DomainOutput, type InputFile } from '../import/plan.js';
import { renderImportReport, countSkipped, type WrittenFile } from '../import/report.js';
import { renderCatalogFile, renderEditionDomain, renderEditionMeta } from '../import/write.js';
import { exists, fileSize, globFiles, isDirectory, packageRoot, readBytes, relativeTo, writeDirAtomic, writeFileAtomic } from '../io/files.js';
import { MAX_FILE_BYTES, loadSource, parseSource, type Government } from '../project.js';
import { loadChannelVocabulary } from '../standard/channels.js';
import { editionDir, loadEdition } from '../standard/edition.js';
import { checkGovernment, defaultEdition } from '../validate.js';
import type { Diagnostic, Edition, Lang, Manifest } from '../types.js';
import type { CommandSpec } from './command.js';

function manifestAbove(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (exists(path.join(d, 'gk.yaml'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

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
    if (names.length === 0) throw usageError('gk import needs at least one file');
    if (options.complete && options.edition === undefined) throw usageError('--complete goes with --edition');
    const editionMode = options.edition !== undefined;
    const out = path.resolve(io.cwd, String(editionMode ? options.edition : (options.out ?? 'catalog')));
    const root = editionMode ? undefined : manifestAbove(out);
    let edition: Edition = defaultEdition();
    let manifest: Manifest | undefined;
    if (root) {
      manifest = readManifest(loadSource(path.join(root, 'gk.yaml'), io.cwd, lang).data, 'gk.yaml');
      const dir = editionDir(manifest.standard, root);
      if (dir) edition = loadEdition(dir);
    }
    let domain: string | undefined;
    if (options.domain !== undefined) {
      domain = parseDomain(String(options.domain), manifest?.domains);
      if (domain === undefined) throw usageError(`--domain: "${String(options.domain)}" is neither a domain id (e.g. social-assistance) nor a domain's Chinese name (e.g. 社会救助)`);
    }

    const inputs: InputFile[] = names.map((name) => {
      const abs = path.resolve(io.cwd, name);
      if (!exists(abs) || isDirectory(abs)) throw usageError(`file not found: ${name}`);
      if (fileSize(abs) > MAX_FILE_BYTES) throw usageError(`${name}: larger than ${MAX_FILE_BYTES / 1048576} MB`);
      return { display: relativeTo(io.cwd, abs), bytes: readBytes(abs) };
    });

    const plan = await planImport(inputs, {
      mode: editionMode ? 'edition' : 'catalog',
      ...(domain !== undefined ? { domain } : {}),
      ...(options.sheet !== undefined ? { sheet: String(options.sheet) } : {}),
      edition,
      vocab: loadChannelVocabulary(),
      ...(manifest ? { localDomains: manifest.domains } : {}),
    });
    const label = (id: string) => manifest?.domains[id] ?? describeDomain(id);

    const written: WrittenFile[] = [];
    const texts: Array<{ abs: string; display: string; text: string }> = [];
    if (editionMode) {
      if (isDirectory(out) && globFiles(['*'], out).length > 0 && !options.force) {
        throw usageError(`${relativeTo(io.cwd, out)} already exists and is not empty; pass --force to replace it`);
      }
      const id = path.basename(out);
      const files = new Map<string, string>();
      for (const o of plan.outputs) {
        files.set(`${o.domain}.yaml`, renderEditionDomain(o, id, label(o.domain)));
        written.push({ display: relativeTo(io.cwd, path.join(out, `${o.domain}.yaml`)), output: o });
      }
      const title = plan.outputs.map((o) => o.title).find((t) => t !== undefined) ?? id;
      files.set('edition.yaml', renderEditionMeta({ id, title, complete: Boolean(options.complete), domains: plan.outputs.map((o) => ({ output: o, name: label(o.domain) })) }));
      if (plan.outputs.length > 0) writeDirAtomic(out, files);
    } else {
      const targets = plan.outputs.map((o: DomainOutput) => ({ o, abs: path.join(out, `${o.domain}.yaml`) }));
      const existing = targets.filter((t) => exists(t.abs)).map((t) => relativeTo(io.cwd, t.abs));
      if (existing.length > 0 && !options.force) throw usageError(`${existing.join(', ')} already exists; pass --force to overwrite`);
      const schema = schemaPathFrom(out);
      for (const { o, abs } of targets) {
        const text = renderCatalogFile(o, schema, label(o.domain));
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
