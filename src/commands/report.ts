// gk report [workspace]: the city office's quarterly report over every government of a workspace, in five formats at once.
import path from 'node:path';
import type { Command } from 'commander';
import { usageError } from '../errors.js';
import { say, type Message } from '../i18n.js';
import { exists, globFiles, isDirectory, relativeTo, writeDirAtomic } from '../io/files.js';
import { REPORT_FILES, REPORT_FORMATS, isReportFormat, renderReport, type ReportFormat } from '../report/format/index.js';
import { inParens, percent, reportTitle } from '../report/labels.js';
import { reportWorkspace } from '../report/run.js';
import { partialNotice } from '../standard/edition.js';
import type { CommandSpec } from './command.js';

const M = {
  summary: {
    zh: '县级 {county} 个、乡级 {township} 个、村级（社区）{village} 个；县乡两级覆盖率 {coverage}；错误 {errors} 个、警告 {warnings} 个',
    en: '{county} counties, {township} townships, {village} villages; coverage {coverage}; {errors} errors, {warnings} warnings',
  },
  top: { zh: '县级第一名：{name}（{score} 分）', en: 'first county: {name} ({score} points)' },
  written: { zh: '已写入 {out}/：{files}', en: 'Wrote {out}/: {files}' },
} satisfies Record<string, Message>;

export function parseReportFormats(value: string): ReportFormat[] {
  const formats = new Set<ReportFormat>();
  for (const part of value.split(',').map((s) => s.trim().toLowerCase())) {
    if (part === '') continue;
    if (!isReportFormat(part)) throw usageError(`--formats: unknown format "${part}" (choose from ${REPORT_FORMATS.join(', ')})`);
    formats.add(part);
  }
  if (formats.size === 0) throw usageError(`--formats: name at least one of ${REPORT_FORMATS.join(', ')}`);
  return REPORT_FORMATS.filter((f) => formats.has(f));
}

export function parseReportDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) throw usageError(`--date: expected a date as YYYY-MM-DD, got "${value}"`);
  return value;
}

/** SOURCE_DATE_EPOCH (reproducible builds) when set, else today on the local calendar. */
function defaultDate(env: Record<string, string | undefined>): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The output folder is replaced as a whole: refuse one that holds the workspace, the working directory or other files. */
function checkOutDir(out: string, workspace: string, cwd: string): void {
  if (isInside(workspace, out) || isInside(cwd, out)) throw usageError(`--out ${out}: would replace a folder holding the workspace or the working directory; choose a folder of its own`);
  if (!exists(out)) return;
  if (!isDirectory(out)) throw usageError(`--out ${out}: exists and is not a folder`);
  const ours = new Set(Object.values(REPORT_FILES));
  const others = globFiles(['**/*'], out).filter((f) => !ours.has(path.relative(out, f)));
  if (others.length > 0 || exists(path.join(out, '.git'))) {
    throw usageError(`--out ${out}: holds files other than an earlier gk report (${relativeTo(out, others[0] ?? path.join(out, '.git'))}); a report replaces the whole folder, so choose another one`);
  }
}

export const reportCommand: CommandSpec = {
  name: 'report',
  configure(command: Command) {
    command
      .description('工作区进展报告：覆盖率、排名、时间节点、滞后领域 · workspace progress report: coverage, ranking, milestones, lagging domains')
      .argument('[workspace]', '工作区文件夹（根目录 gk.yaml 含 workspace: true）· the workspace folder', '.')
      .option('-o, --out <dir>', '输出文件夹（整体替换）· output folder (replaced as a whole)', 'gk-report')
      .option('--formats <list>', `输出格式，逗号分隔 · formats, comma-separated (${REPORT_FORMATS.join(',')})`, REPORT_FORMATS.join(','))
      .option('--since <rev>', '与该 git 版本时的工作区比较 · compare with the workspace at this git revision')
      .option('--date <YYYY-MM-DD>', '报告日期，默认今天 · report date, default today');
  },
  async action(args, options, io, global) {
    const lang = global.lang;
    const dir = path.resolve(io.cwd, String(args[0] ?? '.'));
    if (!isDirectory(dir)) throw usageError(`not a folder: ${String(args[0])}`);
    const formats = parseReportFormats(String(options.formats ?? REPORT_FORMATS.join(',')));
    const date = options.date !== undefined ? parseReportDate(String(options.date)) : defaultDate(io.env);
    const out = path.resolve(io.cwd, String(options.out ?? 'gk-report'));
    checkOutDir(out, dir, io.cwd);
    const since = options.since !== undefined ? String(options.since) : undefined;

    const { report, editions } = await reportWorkspace(dir, { cwd: io.cwd, lang, date, since });
    const notices = editions.map((e) => partialNotice(e, lang)).filter((n): n is string => n !== undefined);
    const files = await renderReport(report, formats, { lang, notices });
    writeDirAtomic(out, files);

    for (const notice of notices) io.stderr(`${notice}\n`);
    const t = report.totals;
    const lines = [`${reportTitle(report, lang)}${inParens(report.date, lang)}`, say(M.summary, lang, { ...t, coverage: percent(t.coverage) })];
    const first = report.governments.find((g) => g.level === 'county' && g.rank === 1);
    if (first) lines.push(say(M.top, lang, { name: first.name, score: first.score?.toFixed(1) }));
    lines.push(say(M.written, lang, { out: relativeTo(io.cwd, out), files: [...files.keys()].join(lang === 'zh' ? '、' : ', ') }));
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};
