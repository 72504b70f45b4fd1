// The report as one static HTML dashboard, rendered from the site's templates (report.hbs and its partials, with
// style.css and report.css inlined): heatmap, sortable tables and bar charts; no external scripts, fonts or URLs.
import { bundledTemplates, type SiteTemplates } from '../../publish/templates.js';
import type { Lang, Level } from '../../model/types.js';
import { RANKED_LEVELS, WARNINGS_FOR_ZERO } from '../../report/build.js';
import {
  COVERAGE_BANDS,
  STATUSES,
  column,
  coverageBand,
  describeChange,
  inParens,
  label,
  levelName,
  milestoneName,
  percent,
  reportTitle,
  statusName,
  verdictName,
} from '../../report/labels.js';
import type { RenderOptions, WorkspaceReport } from '../../report/types.js';

/** Score charts show the leading governments of a level; the table below them has all. */
const CHART_BARS = 30;
/** Beyond this many missing items the list would swamp the page; the spreadsheet and JSON have them all. */
const MISSING_LISTED = 2000;

function band(coverage: number): string {
  return coverageBand(coverage).cls;
}

interface Cell {
  text: string;
  sort?: string | number;
  num?: boolean;
  cls?: string;
  title?: string;
  header?: boolean;
  /** Break only between the words of the text (between 按期完成 and its date), never inside one. */
  words?: boolean;
}

/** Which way a column sorts on its first click: the best first (highest score, fewest errors), text A–Z. */
type Best = 'asc' | 'desc';

interface Head {
  text: string;
  best?: Best;
}

function cellView(c: Cell) {
  const cls = [c.num ? 'n' : '', c.cls ?? ''].filter(Boolean).join(' ');
  return {
    text: c.text,
    header: c.header === true,
    cls,
    hasSort: c.sort !== undefined,
    sort: c.sort === undefined ? '' : String(c.sort),
    title: c.title ?? '',
    words: c.words ? c.text.split(' ') : undefined,
  };
}

function tableView(id: string, caption: string, head: Array<string | Head>, rows: Cell[][], extraClass = '', initialSort?: number) {
  return {
    id,
    caption,
    cls: extraClass,
    head: head.map((h, i) => {
      const { text, best } = typeof h === 'string' ? { text: h, best: undefined } : h;
      return { text, best: best ?? 'asc', sorted: i === initialSort ? 'ascending' : '' };
    }),
    rows: rows.map((r) => r.map(cellView)),
  };
}

function num(n: number | undefined, digits = 0): Cell {
  return n === undefined ? { text: '', sort: '' } : { text: n.toFixed(digits), sort: n, num: true };
}

function pct(ratio: number): Cell {
  return { text: percent(ratio), sort: ratio, num: true };
}

/** Horizontal bars, one per entry, values 0..max: the label and the value are text, the bar a scalable shape. */
function barChart(id: string, title: string, entries: Array<{ label: string; value: number; shown: string }>, max: number) {
  return {
    id,
    title,
    bars: entries.map((en) => ({
      label: en.label,
      shown: en.shown,
      width: max > 0 ? Math.round((Math.min(max, Math.max(0, en.value)) / max) * 1000) / 10 : 0,
    })),
  };
}

function domainTotals(report: WorkspaceReport): Array<{ id: string; name: string; coverage: number }> {
  return report.domains.map((d) => {
    let applicable = 0;
    let covered = 0;
    for (const r of report.governments) {
      const c = r.domains.find((x) => x.domain === d.id);
      if (!c) continue;
      applicable += c.applicable;
      covered += c.covered;
    }
    return { id: d.id, name: d.name, coverage: applicable === 0 ? 1 : covered / applicable };
  });
}

function rankingSection(report: WorkspaceReport, level: Level, lang: Lang): Section | undefined {
  const rows = report.governments.filter((r) => r.level === level);
  if (rows.length === 0) return undefined;
  const withParent = level !== 'county';
  const milestoneIds = report.milestones.map((m) => m.id);
  const head: Array<string | Head> = [
    column('rank', lang),
    column('government', lang),
    column('code', lang),
    ...(withParent ? [column('parent', lang)] : []),
    { text: column('score', lang), best: 'desc' },
    { text: column('coverage', lang), best: 'desc' },
    column('missing', lang),
    column('errors', lang),
    column('warnings', lang),
    column('mismatches', lang),
    ...milestoneIds.map((id) => milestoneName(id, lang)),
    { text: column('lastChanged', lang), best: 'desc' },
  ];
  const body = rows.map((r): Cell[] => [
    num(r.rank),
    { text: r.name, header: true },
    { text: r.code },
    ...(withParent ? [{ text: r.parentName ?? r.parent ?? '', cls: 'nw' }] : []),
    num(r.score, 1),
    pct(r.coverage),
    num(r.missing),
    num(r.errors),
    num(r.warnings),
    num(r.mismatches),
    ...milestoneIds.map((id): Cell => {
      const m = r.milestones.find((x) => x.id === id);
      return m ? { text: `${statusName(m.status, lang)}${m.on !== undefined ? ` ${m.on}` : ''}`, sort: STATUSES.indexOf(m.status), words: true } : { text: '' };
    }),
    { text: r.lastChanged ?? '', cls: 'nw' },
  ]);
  const title = label('ranking', lang, { level: levelName(level, lang) });
  const shown = rows.slice(0, CHART_BARS);
  const chartTitle = label('scoreChart', lang, { level: levelName(level, lang) }) + (rows.length > shown.length ? inParens(lang === 'zh' ? `前 ${shown.length} 名` : `top ${shown.length}`, lang) : '');
  const chart = barChart(`chart-${level}`, chartTitle, shown.map((r) => ({ label: r.name, value: r.score ?? 0, shown: (r.score ?? 0).toFixed(1) })), 100);
  return { id: level, title, chart, hint: label('sortHint', lang), table: tableView(`t-${level}`, title, head, body, '', 0) };
}

function heatmapSection(report: WorkspaceReport, lang: Lang): Section | undefined {
  const rows = report.governments.filter((r) => RANKED_LEVELS.includes(r.level));
  if (rows.length === 0 || report.domains.length === 0) return undefined;
  const head: Array<string | Head> = [column('government', lang), column('level', lang), { text: column('coverage', lang), best: 'desc' }, ...report.domains.map((d): Head => ({ text: d.name, best: 'desc' }))];
  const body = rows.map((r): Cell[] => [
    { text: r.name, header: true },
    { text: levelName(r.level, lang) },
    { ...pct(r.coverage), cls: `heat-total ${band(r.coverage)}` },
    ...report.domains.map((d): Cell => {
      const c = r.domains.find((x) => x.domain === d.id);
      if (!c) return { text: label('notApplicable', lang), sort: '', cls: 'heat na', title: `${r.name} · ${d.name}` };
      return { text: percent(c.coverage), sort: c.coverage, cls: `heat ${band(c.coverage)}`, title: `${r.name} · ${d.name}: ${c.covered}/${c.applicable}` };
    }),
  ]);
  const legend = {
    label: lang === 'zh' ? '图例：单元格颜色表示覆盖率区间' : 'Legend: the colour of a cell shows its coverage band',
    bands: [
      ...COVERAGE_BANDS.map((b) => ({ cls: b.cls, text: b.label })),
      { cls: 'na', text: `${label('notApplicable', lang)} ${lang === 'zh' ? '无适用事项' : 'nothing applies'}` },
    ],
  };
  return { id: 'heatmap', title: label('heatmap', lang), legend, table: tableView('t-heatmap', label('heatmapCaption', lang), head, body, 'heatmap') };
}

function villagesSection(report: WorkspaceReport, lang: Lang): Section | undefined {
  const rows = report.governments.filter((r) => r.level === 'village');
  if (rows.length === 0) return undefined;
  const head = [column('government', lang), column('code', lang), column('parent', lang), column('items', lang), column('fromParent', lang), column('mismatches', lang), column('errors', lang), column('warnings', lang), column('lastChanged', lang)];
  const body = rows.map((r): Cell[] => [
    { text: r.name, header: true },
    { text: r.code },
    { text: r.parentName ?? r.parent ?? '', cls: 'nw' },
    num(r.items),
    num(r.fromParent),
    num(r.mismatches),
    num(r.errors),
    num(r.warnings),
    { text: r.lastChanged ?? '', cls: 'nw' },
  ]);
  return { id: 'village', title: label('villages', lang), table: tableView('t-village', label('villages', lang), head, body) };
}

function laggingSection(report: WorkspaceReport, lang: Lang): Section {
  const title = label('lagging', lang);
  if (report.lagging.length === 0) return { id: 'lagging', title, paragraphs: [label('laggingNone', lang)] };
  const sep = lang === 'zh' ? '、' : ', ';
  const head: Array<string | Head> = [column('domain', lang), column('department', lang), { text: column('coverage', lang), best: 'desc' }, column('missing', lang), column('behind', lang)];
  const body = report.lagging.map((d): Cell[] => [
    { text: d.name, header: true },
    { text: d.department ?? label('unassigned', lang) },
    pct(d.coverage),
    num(d.applicable - d.covered),
    { text: d.governments.map((g) => `${g.name}${inParens(percent(g.coverage), lang)}`).join(sep), sort: d.governments.length, cls: 'long' },
  ]);
  return { id: 'lagging', title, table: tableView('t-lagging', title, head, body) };
}

function milestonesSection(report: WorkspaceReport, lang: Lang): Section {
  const title = label('milestones', lang);
  if (report.milestones.length === 0) return { id: 'milestones', title, paragraphs: [label('milestonesNone', lang)] };
  const head = [column('milestone', lang), column('due', lang), ...STATUSES.map((s) => statusName(s, lang))];
  const body = report.milestones.map((m): Cell[] => [{ text: milestoneName(m.id, lang), header: true }, { text: m.date, cls: 'nw' }, ...STATUSES.map((s) => num(m.counts[s]))]);
  return { id: 'milestones', title, table: tableView('t-milestones', title, head, body), note: label('milestoneDefs', lang) };
}

function comparisonSection(report: WorkspaceReport, lang: Lang): Section | undefined {
  const cmp = report.comparison;
  if (!cmp) return undefined;
  const title = label('comparison', lang);
  const sep = lang === 'zh' ? '；' : '; ';
  const head: Array<string | Head> = [column('government', lang), label('changeCol', lang), { text: column('score', lang), best: 'desc' }, { text: column('rank', lang), best: 'desc' }, label('improvedCol', lang), label('regressedCol', lang)];
  const arrow = (a: number | undefined, b: number | undefined, digits: number): Cell =>
    a === undefined && b === undefined ? { text: '' } : { text: `${a === undefined ? '—' : a.toFixed(digits)} → ${b === undefined ? '—' : b.toFixed(digits)}`, sort: (b ?? 0) - (a ?? 0), num: true };
  const body = cmp.governments
    .filter((g) => g.status !== 'present' || g.verdict !== 'unchanged')
    .map((g): Cell[] => [
      { text: g.name, header: true },
      { text: verdictName(g.status === 'present' ? g.verdict : g.status, lang) },
      arrow(g.before?.score, g.after?.score, 1),
      arrow(g.before?.rank, g.after?.rank, 0),
      { text: [...g.improved.map((c) => describeChange(c, report, lang)), ...(g.covered.length ? [`${lang === 'zh' ? '新增覆盖' : 'now covered'} ${g.covered.join(', ')}`] : [])].join(sep), cls: 'long' },
      { text: [...g.regressed.map((c) => describeChange(c, report, lang)), ...(g.uncovered.length ? [`${lang === 'zh' ? '新增缺失' : 'now missing'} ${g.uncovered.join(', ')}`] : [])].join(sep), cls: 'long' },
    ]);
  const section: Section = { id: 'comparison', title, paragraphs: [label('comparisonSince', lang, { rev: cmp.since, date: cmp.sinceDate }), label('comparisonCounts', lang, cmp.counts)] };
  if (body.length > 0) section.table = tableView('t-comparison', title, head, body);
  return section;
}

function missingSection(report: WorkspaceReport, lang: Lang): Section | undefined {
  const rows = report.governments.filter((r) => r.missingItems.length > 0);
  if (rows.length === 0) return undefined;
  const title = label('missingItems', lang);
  const total = rows.reduce((n, r) => n + r.missingItems.length, 0);
  if (total > MISSING_LISTED) {
    return { id: 'missing', title, paragraphs: [lang === 'zh' ? `共 ${total} 项，完整清单见 report.xlsx 或 report.json。` : `${total} in all; report.xlsx and report.json list them.`] };
  }
  const missing = rows.map((r) => ({
    summary: `${r.name}${inParens(String(r.missingItems.length), lang)}`,
    items: r.missingItems.map((m) => ({ standard: m.standard, name: m.name })),
  }));
  return { id: 'missing', title, missing };
}

/** One section of the dashboard; report.hbs lays out whichever parts it has. */
interface Section {
  id: string;
  title: string;
  paragraphs?: string[];
  chart?: ReturnType<typeof barChart>;
  legend?: { label: string; bands: Array<{ cls: string; text: string }> };
  hint?: string;
  table?: ReturnType<typeof tableView>;
  note?: string;
  missing?: Array<{ summary: string; items: Array<{ standard: string; name: string }> }>;
}

/** The dashboard's view: what report.hbs renders. */
export function reportView(report: WorkspaceReport, options: Pick<RenderOptions, 'lang' | 'notices'>, templates: SiteTemplates) {
  const { lang } = options;
  const title = reportTitle(report, lang);
  const t = report.totals;
  const editions = report.editions.map((ed) => ed.id).join(lang === 'zh' ? '、' : ', ');
  const w = report.weights;
  const colon = lang === 'zh' ? '：' : ': ';
  const overview: Section = {
    id: 'overview',
    title: label('overview', lang),
    paragraphs: [label('overviewText', lang, { total: t.governments, county: t.county, township: t.township, village: t.village, coverage: percent(t.coverage), errors: t.errors, warnings: t.warnings })],
  };
  if (report.domains.length > 0) {
    overview.chart = barChart('chart-domains', label('domainChart', lang), domainTotals(report).map((d) => ({ label: d.name, value: d.coverage, shown: percent(d.coverage) })), 1);
  }
  const sections = [
    overview,
    ...RANKED_LEVELS.map((level) => rankingSection(report, level, lang)),
    heatmapSection(report, lang),
    villagesSection(report, lang),
    laggingSection(report, lang),
    milestonesSection(report, lang),
    comparisonSection(report, lang),
    missingSection(report, lang),
    { id: 'method', title: label('method', lang), paragraphs: [label('methodText', lang, { coverage: w.coverage, errorFree: w.errorFree, warnings: w.warnings, perWarning: w.warnings / WARNINGS_FOR_ZERO, milestones: w.milestones })] },
  ].filter((s): s is Section => s !== undefined);
  const asset = (name: string) => (templates.files.get(name) ?? '').trim();
  return {
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    title: `${title}${inParens(report.date, lang)}`,
    heading: title,
    meta: `${label('reportDate', lang)}${colon}${report.date}${editions ? ` · ${label('edition', lang)}${colon}${editions}` : ''}`,
    notices: options.notices,
    skip: lang === 'zh' ? '跳到正文' : 'Skip to the report',
    sections,
    bands: COVERAGE_BANDS,
    footer: `${label('generated', lang)} · ${report.date}`,
    // The dashboard is one file: the site's stylesheet and the dashboard's own are inlined, as is its script.
    css: `${asset('style.css')}\n${asset('report.css')}`,
    script: asset('report.js'),
  };
}

export function renderHtml(report: WorkspaceReport, options: RenderOptions): string {
  const templates = options.templates ?? bundledTemplates();
  return templates.render('report', reportView(report, options, templates));
}
