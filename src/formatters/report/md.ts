// The report as a Markdown summary in the shape of a quarterly 通报: ranking, lagging domains with 责任单位, milestones.
import type { Lang, Level } from '../../model/types.js';
import { RANKED_LEVELS, WARNINGS_FOR_ZERO } from '../../report/build.js';
import {
  STATUSES,
  column,
  describeChange,
  inParens,
  label,
  levelName,
  milestoneName,
  percent,
  reportTitle,
  statusMark,
  statusName,
  verdictName,
} from '../../report/labels.js';
import type { GovernmentRow, RenderOptions, WorkspaceReport } from '../../report/types.js';

const ZH_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** How many governments a lagging domain names before "and N more". */
const NAMED_BEHIND = 5;

/** Table cells cannot hold pipes or line breaks. */
function cell(s: string | number | undefined): string {
  return s === undefined ? '' : String(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(head: string[], align: Array<'l' | 'r'>, rows: Array<Array<string | number | undefined>>): string[] {
  return [`| ${head.map(cell).join(' | ')} |`, `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

function milestoneMarks(row: GovernmentRow, lang: Lang): string {
  return row.milestones.map((m) => `${milestoneName(m.id, lang, true)}${statusMark(m.status)}`).join(' ');
}

function rankingTable(rows: GovernmentRow[], level: Level, lang: Lang): string[] {
  const withParent = level !== 'county';
  const withMilestones = rows.some((r) => r.milestones.length > 0);
  const head = [column('rank', lang), column('government', lang), ...(withParent ? [column('parent', lang)] : []), column('score', lang), column('coverage', lang), column('missing', lang), column('errors', lang), column('warnings', lang)];
  const align: Array<'l' | 'r'> = ['r', 'l', ...(withParent ? (['l'] as const) : []), 'r', 'r', 'r', 'r', 'r'];
  if (withMilestones) {
    head.push(column('milestones', lang));
    align.push('l');
  }
  head.push(column('lastChanged', lang));
  align.push('l');
  return table(
    head,
    align,
    rows.map((r) => [
      r.rank,
      r.name,
      ...(withParent ? [r.parentName ?? r.parent ?? ''] : []),
      r.score?.toFixed(1),
      percent(r.coverage),
      r.missing,
      r.errors,
      r.warnings,
      ...(withMilestones ? [milestoneMarks(r, lang)] : []),
      r.lastChanged ?? '',
    ]),
  );
}

export function renderMarkdown(report: WorkspaceReport, options: RenderOptions): string {
  const { lang } = options;
  const out: string[] = [];
  let section = 0;
  const heading = (text: string) => {
    out.push('', lang === 'zh' ? `## ${ZH_NUMBERS[section] ?? section + 1}、${text}` : `## ${section + 1}. ${text}`, '');
    section++;
  };
  out.push(`# ${reportTitle(report, lang)}`, '');
  const editions = report.editions.map((e) => e.id).join(lang === 'zh' ? '、' : ', ');
  out.push(`${label('reportDate', lang)}${lang === 'zh' ? '：' : ': '}${report.date}${editions ? ` · ${label('edition', lang)}${lang === 'zh' ? '：' : ': '}${editions}` : ''}`);
  for (const notice of options.notices) out.push('', `> ${notice}`);

  heading(label('overview', lang));
  const t = report.totals;
  out.push(label('overviewText', lang, { total: t.governments, county: t.county, township: t.township, village: t.village, coverage: percent(t.coverage), errors: t.errors, warnings: t.warnings }));

  for (const level of RANKED_LEVELS) {
    const rows = report.governments.filter((r) => r.level === level);
    if (rows.length === 0) continue;
    heading(label('ranking', lang, { level: levelName(level, lang) }));
    out.push(...rankingTable(rows, level, lang));
    if (rows.some((r) => r.milestones.length > 0)) out.push('', label('legend', lang));
  }

  const villages = report.governments.filter((r) => r.level === 'village');
  if (villages.length > 0) {
    heading(label('villages', lang));
    out.push(
      ...table(
        [column('government', lang), column('parent', lang), column('items', lang), column('fromParent', lang), column('mismatches', lang), column('errors', lang), column('warnings', lang), column('lastChanged', lang)],
        ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l'],
        villages.map((r) => [r.name, r.parentName ?? r.parent ?? '', r.items, r.fromParent, r.mismatches, r.errors, r.warnings, r.lastChanged ?? '']),
      ),
    );
  }

  heading(label('lagging', lang));
  if (report.lagging.length === 0) out.push(label('laggingNone', lang));
  else {
    const sep = lang === 'zh' ? '、' : ', ';
    out.push(
      ...table(
        [column('domain', lang), column('department', lang), column('coverage', lang), column('missing', lang), column('behind', lang)],
        ['l', 'l', 'r', 'r', 'l'],
        report.lagging.map((d) => {
          const named = d.governments.slice(0, NAMED_BEHIND).map((g) => `${g.name}${inParens(percent(g.coverage), lang)}`);
          const rest = d.governments.length - named.length;
          const behind = named.join(sep) + (rest > 0 ? `${lang === 'zh' ? '' : ' '}${label('andMore', lang, { n: rest })}` : '');
          return [d.name, d.department ?? label('unassigned', lang), percent(d.coverage), d.applicable - d.covered, behind];
        }),
      ),
    );
  }

  heading(label('milestones', lang));
  if (report.milestones.length === 0) out.push(label('milestonesNone', lang));
  else {
    out.push(
      ...table(
        [column('milestone', lang), column('due', lang), ...STATUSES.map((s) => statusName(s, lang))],
        ['l', 'l', 'r', 'r', 'r', 'r', 'r'],
        report.milestones.map((m) => [milestoneName(m.id, lang), m.date, ...STATUSES.map((s) => m.counts[s])]),
      ),
    );
  }

  const cmp = report.comparison;
  if (cmp) {
    heading(label('comparison', lang));
    out.push(label('comparisonSince', lang, { rev: cmp.since, date: cmp.sinceDate }), '', label('comparisonCounts', lang, cmp.counts));
    const changed = cmp.governments.filter((g) => g.status !== 'present' || g.verdict !== 'unchanged');
    if (changed.length > 0) {
      const sep = lang === 'zh' ? '；' : '; ';
      out.push(
        '',
        ...table(
          [column('government', lang), label('changeCol', lang), column('score', lang), column('rank', lang), label('improvedCol', lang), label('regressedCol', lang)],
          ['l', 'l', 'r', 'r', 'l', 'l'],
          changed.map((g) => {
            const arrow = (a: number | undefined, b: number | undefined, digits: number) =>
              a === undefined && b === undefined ? '' : `${a === undefined ? '—' : a.toFixed(digits)} → ${b === undefined ? '—' : b.toFixed(digits)}`;
            const covered = g.covered.length > 0 ? [`${lang === 'zh' ? '新增覆盖' : 'now covered'} ${g.covered.join(lang === 'zh' ? '、' : ', ')}`] : [];
            const uncovered = g.uncovered.length > 0 ? [`${lang === 'zh' ? '新增缺失' : 'now missing'} ${g.uncovered.join(lang === 'zh' ? '、' : ', ')}`] : [];
            return [
              g.name,
              verdictName(g.status === 'present' ? g.verdict : g.status, lang),
              arrow(g.before?.score, g.after?.score, 1),
              arrow(g.before?.rank, g.after?.rank, 0),
              [...g.improved.map((c) => describeChange(c, report, lang)), ...covered].join(sep),
              [...g.regressed.map((c) => describeChange(c, report, lang)), ...uncovered].join(sep),
            ];
          }),
        ),
      );
    }
  }

  heading(label('method', lang));
  const w = report.weights;
  out.push(label('methodText', lang, { coverage: w.coverage, errorFree: w.errorFree, warnings: w.warnings, perWarning: w.warnings / WARNINGS_FOR_ZERO, milestones: w.milestones }), '', label('milestoneDefs', lang));
  return `${out.join('\n')}\n`;
}
