// gk import <file…>: the tables offices already have (xlsx, CSV, HTML) → catalog files or a standard edition, with a
// report. Parses its options, runs the import stage (src/import/run.ts, plan.ts), writes through the output policy, prints.
import path from 'node:path';
import type { Command } from 'commander';
import { usageError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { formatters } from '../formatters/index.js';
import { describeDomain, planImport, type ImportPlan } from '../import/plan.js';
import { renderImportReport, countSkipped } from '../import/report.js';
import { catalogTexts, checkWritten, domainOption, editionTexts, importTarget, readInputs, type WrittenText } from '../import/run.js';
import { exists, isDirectory, relativeTo, writeFileAtomic } from '../io/files.js';
import { loadChannelVocabulary } from '../load/channels.js';
import { loadEdition } from '../load/edition.js';
import type { Io } from '../io/io.js';
import type { Lang } from '../model/types.js';
import type { CommandSpec } from './command.js';
import { checkOutDir, printErrors, writeOutDir, type OutDirPolicy } from './output.js';

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
  badManifest: { zh: '未导入：{file} 有错误，请先修正（gk validate）', en: 'nothing imported: {file} has errors; fix them first (gk validate)' },
  outIsFile: { zh: '{out} 是一个文件，不是文件夹', en: '{out} is a file, not a folder' },
  editionNotEmpty: { zh: '{out} 已存在且不为空；如需替换请加 --force', en: '{out} already exists and is not empty; pass --force to replace it' },
  exists: { zh: '{files} 已存在；如需覆盖请加 --force', en: '{files} already exists; pass --force to overwrite' },
} satisfies Record<string, Message>;

/**
 * The plan made, its catalog files written and the report printed. Only the written texts come back: the plan (every
 * row read, every item, every remark) is no longer reachable once this returns, so checking what was written does
 * not hold both at once (a 100,000-row table: some 250 MB less at the peak). The plan is made in here, not awaited
 * by the caller: a suspended async function keeps every value it awaited.
 */
async function writeCatalogs(makePlan: () => Promise<ImportPlan>, out: string, label: (id: string) => string, force: boolean, io: Io, lang: Lang): Promise<{ files: WrittenText[]; skipped: number }> {
  const plan = await makePlan();
  const planned = catalogTexts(plan, out, label, lang);
  const existing = planned.filter((p) => exists(p.abs)).map((p) => relativeTo(io.cwd, p.abs));
  if (existing.length > 0 && !force) throw usageError(say(REFUSALS.exists, lang, { files: existing.join(', ') }));
  for (const p of planned) writeFileAtomic(p.abs, p.text);
  io.stdout(renderImportReport(plan, planned.map((p) => ({ display: relativeTo(io.cwd, p.abs), output: p.output })), label, lang));
  return { files: planned.map(({ abs, text }) => ({ abs, text })), skipped: countSkipped(plan) };
}

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
    const target = importTarget(out, editionMode, io.cwd, lang);
    if (target.refused) {
      printErrors(io, target.refused.errors, [target.refused.source], { lang, color: global.color });
      io.stderr(`${say(REFUSALS.badManifest, lang, { file: target.refused.source.display })}\n`);
      return 1;
    }
    const domain = options.domain === undefined ? undefined : domainOption(String(options.domain), target, editionMode, lang);
    const { manifest } = target;
    // Made where it is used, and held by nothing else: neither the input bytes nor the plan outlive their use.
    const makePlan = () => planImport(readInputs(names, io.cwd, lang), {
      mode: editionMode ? 'edition' : 'catalog',
      ...(domain !== undefined ? { domain } : {}),
      ...(options.sheet !== undefined ? { sheet: String(options.sheet) } : {}),
      edition: target.edition,
      vocab: loadChannelVocabulary(),
      ...(manifest ? { localDomains: manifest.domains } : {}),
      lang,
    });
    const label = (id: string) => manifest?.domains[id] ?? describeDomain(id);

    if (editionMode) {
      const plan = await makePlan();
      // An earlier edition gk wrote is replaced only with --force; anything else there is never replaced.
      if (checkOutDir(out, editionPolicy, io, lang) === 'ours' && !options.force) {
        throw usageError(say(REFUSALS.editionNotEmpty, lang, { out: relativeTo(io.cwd, out) }));
      }
      const { files, planned } = editionTexts(plan, out, Boolean(options.complete), label);
      if (plan.outputs.length > 0) writeOutDir(out, files, 'edition', editionPolicy, lang);
      io.stdout(renderImportReport(plan, planned.map((p) => ({ display: relativeTo(io.cwd, p.abs), output: p.output })), label, lang));
      if (plan.outputs.length > 0) {
        const ref = relativeTo(io.cwd, out);
        io.stdout(`${say(VALIDATION.edition!, lang, { out: ref, n: loadEdition(out).items.size, ref })}\n`);
      }
      return countSkipped(plan) > 0 || plan.outputs.length === 0 ? 1 : 0;
    }

    const written = await writeCatalogs(makePlan, out, label, Boolean(options.force), io, lang);
    let errors = 0;
    if (written.files.length > 0) {
      io.stdout(`\n${say(VALIDATION.heading!, lang)}\n`);
      if (!target.root) io.stdout(`${say(VALIDATION.standalone!, lang, { out: relativeTo(io.cwd, out) })}\n`);
      const { diagnostics, summary, sources } = checkWritten(written.files, out, target.root, io.cwd, lang);
      errors = summary.errors;
      if (diagnostics.length === 0) io.stdout(`${say(VALIDATION.clean!, lang)}\n`);
      else io.stdout(formatters.stylish(diagnostics, summary, { lang, color: global.color, cwd: io.cwd, sources, files: [...sources.keys()] }));
    }
    return written.skipped > 0 || errors > 0 || written.files.length === 0 ? 1 : 0;
  },
};
