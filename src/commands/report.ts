// gk report [workspace]: the city office's quarterly report over every government of a workspace, in five formats at once.
import path from 'node:path';
import type { Command } from 'commander';
import { compileTemplates, loadTemplates } from '../publish/templates.js';
import { usageError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { isDirectory, relativeTo } from '../io/files.js';
import { REPORT_FORMATS, renderReportFiles, type ReportFormat } from '../formatters/report/index.js';
import { inParens, percent, reportTitle } from '../report/labels.js';
import { reportWorkspace } from '../report/run.js';
import { partialNotice } from '../load/edition.js';
import type { Lang } from '../model/types.js';
import type { CommandSpec } from './command.js';
import { checkOutDir, commitOutDir, parseDateOption, parseFormatList, type OutDirPolicy } from './output.js';
import { OutputDirWriter } from '../io/output-dir.js';

const M = {
  summary: {
    zh: '县级 {county} 个、乡级 {township} 个、村级（社区）{village} 个；县乡两级覆盖率 {coverage}；错误 {errors} 个、警告 {warnings} 个',
    en: 'counties: {county}, townships: {township}, villages: {village}; coverage {coverage}; errors: {errors}, warnings: {warnings}',
  },
  top: { zh: '县级第一名：{name}（{score} 分）', en: 'first county: {name} ({score} points)' },
  written: { zh: '已写入 {out}/：{files}', en: 'Wrote {out}/: {files}' },
  notFolder: { zh: '不是文件夹：{path}', en: 'not a folder: {path}' },
} satisfies Record<string, Message>;

export function parseReportFormats(value: string, lang: Lang): ReportFormat[] {
  return parseFormatList(value, REPORT_FORMATS, lang);
}

/** SOURCE_DATE_EPOCH (reproducible builds) when set, else today on the local calendar. */
function defaultDate(env: Record<string, string | undefined>): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const reportCommand: CommandSpec = {
  name: 'report',
  configure(command: Command) {
    command
      .description('工作区进展报告：覆盖率、排名、时间节点、滞后领域 · workspace progress report: coverage, ranking, milestones, lagging domains')
      .argument('[workspace]', '工作区文件夹（根目录 gk.yaml 含 workspace: true）· the workspace folder', '.')
      .option('-o, --out <dir>', '输出文件夹（整体替换）· output folder (replaced as a whole)', 'gk-report')
      .option('--formats <list>', `输出格式，逗号分隔 · formats, comma-separated (${REPORT_FORMATS.join(',')})`, REPORT_FORMATS.join(','))
      .option('--templates <dir>', '用此文件夹中的同名文件替换内置模板（report.hbs、report.css 等）· files here replace the bundled templates of the same name')
      .option('--since <rev>', '与该 git 版本时的工作区比较 · compare with the workspace at this git revision')
      .option('--date <YYYY-MM-DD>', '报告日期，默认今天 · report date, default today');
  },
  async action(args, options, io, global) {
    const lang = global.lang;
    const given = String(args[0] ?? '.');
    const dir = path.resolve(io.cwd, given);
    if (!isDirectory(dir)) throw usageError(say(M.notFolder, lang, { path: given }));
    const formats = parseReportFormats(String(options.formats ?? REPORT_FORMATS.join(',')), lang);
    const date = options.date !== undefined ? parseDateOption(String(options.date), lang) : defaultDate(io.env);
    const out = path.resolve(io.cwd, String(options.out ?? 'gk-report'));
    const outPolicy: OutDirPolicy = { option: '--out', sources: [dir], sourceKind: 'workspace', tool: 'gk report' };
    checkOutDir(out, outPolicy, io, lang);
    const since = options.since !== undefined ? String(options.since) : undefined;
    // Templates first: a broken one is found before the workspace is read.
    const templates = formats.includes('html') ? compileTemplates(loadTemplates(options.templates !== undefined ? path.resolve(io.cwd, String(options.templates)) : undefined, lang), lang) : undefined;

    const { report, editions } = await reportWorkspace(dir, { cwd: io.cwd, lang, date, since });
    const notices = editions.map((e) => partialNotice(e, lang)).filter((n): n is string => n !== undefined);
    // Each format is written into the new folder as soon as it is rendered, so memory holds one of them at a time.
    const writer = new OutputDirWriter(out, 'report');
    const written: string[] = [];
    try {
      for await (const [name, data] of renderReportFiles(report, formats, { lang, notices, ...(templates !== undefined ? { templates } : {}) })) {
        writer.write([[name, data]]);
        written.push(name);
      }
      commitOutDir(writer, outPolicy, lang);
    } catch (err) {
      writer.abort();
      throw err;
    }

    for (const notice of notices) io.stderr(`${notice}\n`);
    const t = report.totals;
    const lines = [`${reportTitle(report, lang)}${inParens(report.date, lang)}`, say(M.summary, lang, { ...t, coverage: percent(t.coverage) })];
    const first = report.governments.find((g) => g.level === 'county' && g.rank === 1);
    if (first) lines.push(say(M.top, lang, { name: first.name, score: first.score?.toFixed(1) }));
    lines.push(say(M.written, lang, { out: relativeTo(io.cwd, out), files: written.join(lang === 'zh' ? '、' : ', ') }));
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};
