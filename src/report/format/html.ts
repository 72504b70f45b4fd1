// The report as one static HTML dashboard: heatmap, sortable tables and SVG bar charts; no external scripts, fonts or URLs.
import type { Lang, Level } from '../../types.js';
import { RANKED_LEVELS, WARNINGS_FOR_ZERO } from '../build.js';
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
} from '../labels.js';
import type { RenderOptions, WorkspaceReport } from '../types.js';

/** Score charts show the leading governments of a level; the table below them has all. */
const CHART_BARS = 30;
/** Beyond this many missing items the list would swamp the page; the spreadsheet and JSON have them all. */
const MISSING_LISTED = 2000;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const e = escapeHtml;

function band(coverage: number): string {
  return coverageBand(coverage).cls;
}

const CSS = `
:root{color-scheme:light;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--accent:#0a5ccf}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:var(--fg);background:#fff;line-height:1.5}
header,main,footer{max-width:1400px;margin:0 auto;padding:0 16px}
h1{font-size:1.6rem;margin:24px 0 8px}h2{font-size:1.25rem;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.meta,.hint,footer{color:var(--muted);font-size:.9rem}
.notice{background:#fff8c5;border:1px solid #d4a72c;padding:8px 12px;border-radius:6px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;margin:8px 0;font-size:.9rem}
caption{text-align:left;color:var(--muted);padding:4px 0;caption-side:top}
th,td{border:1px solid var(--line);padding:4px 6px;vertical-align:top}
thead th{background:#f6f8fa;white-space:nowrap}
tbody th[scope=row],td.n,.nw{white-space:nowrap}
tbody th{text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
td.long{min-width:16em}
th button{all:inherit;cursor:pointer;border:0;padding:0;display:inline}
th button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
.heatmap td{text-align:center;min-width:4.5em;font-variant-numeric:tabular-nums}
.heatmap th[scope=col]{writing-mode:horizontal-tb;font-weight:600}
${COVERAGE_BANDS.map((b) => `.${b.cls}{background:#${b.fill};color:#${b.ink}}`).join('')}.na{background:#f0f0f0;color:#57606a}
.legend{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0;margin:8px 0}
.legend li{padding:2px 8px;border-radius:4px;font-size:.85rem}
figure{margin:12px 0}figcaption{color:var(--muted);font-size:.9rem}svg{display:block}
svg text{font-family:inherit;font-size:12px;fill:#1b1f24}
.bar{fill:#2f6fdb}.bar-bg{fill:#eef2f7}
details{margin:4px 0}summary{cursor:pointer}
@media print{th button::after{content:""}.scroll{overflow:visible}}
`;

/** Progressive enhancement: headers become buttons that sort by the cells' data-sort (numbers) or text. */
const SCRIPT = `
(function(){
  function key(td){var v=td.getAttribute('data-sort');if(v===null)v=td.textContent.trim();var n=Number(v);return v!==''&&!isNaN(n)?{n:n}:{s:v};}
  function cmp(a,b){if(a.n!==undefined&&b.n!==undefined)return a.n-b.n;if(a.n!==undefined)return -1;if(b.n!==undefined)return 1;if(a.s===''&&b.s!=='')return 1;if(b.s===''&&a.s!=='')return -1;return a.s.localeCompare(b.s,document.documentElement.lang);}
  document.querySelectorAll('table.sortable').forEach(function(table){
    var heads=table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads,function(th,col){
      var b=document.createElement('button');b.type='button';
      while(th.firstChild)b.appendChild(th.firstChild);th.appendChild(b);
      b.addEventListener('click',function(){
        var dir=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';
        Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
        th.setAttribute('aria-sort',dir);
        var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
        rows.sort(function(x,y){var r=cmp(key(x.cells[col]),key(y.cells[col]));return dir==='ascending'?r:-r;});
        rows.forEach(function(r){body.appendChild(r);});
      });
    });
  });
})();
`;

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

function td(c: Cell): string {
  const attrs: string[] = [];
  const cls = [c.num ? 'n' : '', c.cls ?? ''].filter(Boolean).join(' ');
  if (cls) attrs.push(`class="${cls}"`);
  if (c.sort !== undefined) attrs.push(`data-sort="${e(String(c.sort))}"`);
  if (c.title !== undefined) attrs.push(`title="${e(c.title)}"`);
  if (c.header) attrs.push('scope="row"');
  const tag = c.header ? 'th' : 'td';
  const content = c.words ? c.text.split(' ').map((w) => `<span class="nw">${e(w)}</span>`).join(' ') : e(c.text);
  return `<${tag}${attrs.length ? ` ${attrs.join(' ')}` : ''}>${content}</${tag}>`;
}

function tableHtml(id: string, caption: string, head: string[], rows: Cell[][], extraClass = '', initialSort?: number): string {
  const ths = head.map((h, i) => `<th scope="col"${i === initialSort ? ' aria-sort="ascending"' : ''}>${e(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table id="${id}" class="sortable${extraClass ? ` ${extraClass}` : ''}">\n<caption>${e(caption)}</caption>\n<thead><tr>${ths}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

function num(n: number | undefined, digits = 0): Cell {
  return n === undefined ? { text: '', sort: '' } : { text: n.toFixed(digits), sort: n, num: true };
}

function pct(ratio: number): Cell {
  return { text: percent(ratio), sort: ratio, num: true };
}

/** Horizontal bars, one per entry, values 0..max; labels and values are text in the SVG as well. */
function barChart(id: string, title: string, entries: Array<{ label: string; value: number; shown: string }>, max: number): string {
  const row = 24;
  const labelWidth = 220;
  const barWidth = 380;
  const width = labelWidth + barWidth + 80;
  const height = entries.length * row + 8;
  const bars = entries
    .map((en, i) => {
      const y = 4 + i * row;
      const w = max > 0 ? Math.round((Math.max(0, en.value) / max) * barWidth * 10) / 10 : 0;
      return (
        `<g><text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${e(en.label)}</text>` +
        `<rect class="bar-bg" x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="${row - 8}"/>` +
        `<rect class="bar" x="${labelWidth}" y="${y + 3}" width="${w}" height="${row - 8}"/>` +
        `<text x="${labelWidth + barWidth + 8}" y="${y + 16}">${e(en.shown)}</text></g>`
      );
    })
    .join('\n');
  // In a scroll box of its own: on a phone the chart keeps its size (and its labels readable) instead of widening the page.
  return `<figure><div class="scroll"><svg id="${id}" role="img" aria-labelledby="${id}-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title id="${id}-title">${e(title)}</title>\n${bars}\n</svg></div><figcaption>${e(title)}</figcaption></figure>`;
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

function rankingSection(report: WorkspaceReport, level: Level, lang: Lang): string {
  const rows = report.governments.filter((r) => r.level === level);
  if (rows.length === 0) return '';
  const withParent = level !== 'county';
  const milestoneIds = report.milestones.map((m) => m.id);
  const head = [
    column('rank', lang),
    column('government', lang),
    column('code', lang),
    ...(withParent ? [column('parent', lang)] : []),
    column('score', lang),
    column('coverage', lang),
    column('missing', lang),
    column('errors', lang),
    column('warnings', lang),
    column('mismatches', lang),
    ...milestoneIds.map((id) => milestoneName(id, lang)),
    column('lastChanged', lang),
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
  return `<section aria-labelledby="h-${level}"><h2 id="h-${level}">${e(title)}</h2>\n${chart}\n<p class="hint">${e(label('sortHint', lang))}</p>\n${tableHtml(`t-${level}`, title, head, body, '', 0)}</section>`;
}

function heatmapSection(report: WorkspaceReport, lang: Lang): string {
  const rows = report.governments.filter((r) => RANKED_LEVELS.includes(r.level));
  if (rows.length === 0 || report.domains.length === 0) return '';
  const head = [column('government', lang), column('level', lang), column('coverage', lang), ...report.domains.map((d) => d.name)];
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
  const legend = `<ul class="legend" aria-label="${e(lang === 'zh' ? '图例' : 'Legend')}">${COVERAGE_BANDS.map((b) => `<li class="${b.cls}">${e(b.label)}</li>`).join('')}<li class="na">${e(label('notApplicable', lang))} ${e(lang === 'zh' ? '无适用事项' : 'nothing applies')}</li></ul>`;
  return `<section aria-labelledby="h-heatmap"><h2 id="h-heatmap">${e(label('heatmap', lang))}</h2>\n${legend}\n${tableHtml('t-heatmap', label('heatmapCaption', lang), head, body, 'heatmap')}</section>`;
}

function villagesSection(report: WorkspaceReport, lang: Lang): string {
  const rows = report.governments.filter((r) => r.level === 'village');
  if (rows.length === 0) return '';
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
  return `<section aria-labelledby="h-village"><h2 id="h-village">${e(label('villages', lang))}</h2>\n${tableHtml('t-village', label('villages', lang), head, body)}</section>`;
}

function laggingSection(report: WorkspaceReport, lang: Lang): string {
  const title = label('lagging', lang);
  if (report.lagging.length === 0) return `<section aria-labelledby="h-lagging"><h2 id="h-lagging">${e(title)}</h2><p>${e(label('laggingNone', lang))}</p></section>`;
  const sep = lang === 'zh' ? '、' : ', ';
  const head = [column('domain', lang), column('department', lang), column('coverage', lang), column('missing', lang), column('behind', lang)];
  const body = report.lagging.map((d): Cell[] => [
    { text: d.name, header: true },
    { text: d.department ?? label('unassigned', lang) },
    pct(d.coverage),
    num(d.applicable - d.covered),
    { text: d.governments.map((g) => `${g.name}${inParens(percent(g.coverage), lang)}`).join(sep), sort: d.governments.length, cls: 'long' },
  ]);
  return `<section aria-labelledby="h-lagging"><h2 id="h-lagging">${e(title)}</h2>\n${tableHtml('t-lagging', title, head, body)}</section>`;
}

function milestonesSection(report: WorkspaceReport, lang: Lang): string {
  const title = label('milestones', lang);
  if (report.milestones.length === 0) return `<section aria-labelledby="h-milestones"><h2 id="h-milestones">${e(title)}</h2><p>${e(label('milestonesNone', lang))}</p></section>`;
  const head = [column('milestone', lang), column('due', lang), ...STATUSES.map((s) => statusName(s, lang))];
  const body = report.milestones.map((m): Cell[] => [{ text: milestoneName(m.id, lang), header: true }, { text: m.date, cls: 'nw' }, ...STATUSES.map((s) => num(m.counts[s]))]);
  return `<section aria-labelledby="h-milestones"><h2 id="h-milestones">${e(title)}</h2>\n${tableHtml('t-milestones', title, head, body)}\n<p class="hint">${e(label('milestoneDefs', lang))}</p></section>`;
}

function comparisonSection(report: WorkspaceReport, lang: Lang): string {
  const cmp = report.comparison;
  if (!cmp) return '';
  const title = label('comparison', lang);
  const sep = lang === 'zh' ? '；' : '; ';
  const head = [column('government', lang), label('changeCol', lang), column('score', lang), column('rank', lang), label('improvedCol', lang), label('regressedCol', lang)];
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
  return `<section aria-labelledby="h-comparison"><h2 id="h-comparison">${e(title)}</h2>\n<p>${e(label('comparisonSince', lang, { rev: cmp.since, date: cmp.sinceDate }))}</p>\n<p>${e(label('comparisonCounts', lang, cmp.counts))}</p>\n${body.length > 0 ? tableHtml('t-comparison', title, head, body) : ''}</section>`;
}

function missingSection(report: WorkspaceReport, lang: Lang): string {
  const rows = report.governments.filter((r) => r.missingItems.length > 0);
  if (rows.length === 0) return '';
  const title = label('missingItems', lang);
  const total = rows.reduce((n, r) => n + r.missingItems.length, 0);
  if (total > MISSING_LISTED) {
    return `<section aria-labelledby="h-missing"><h2 id="h-missing">${e(title)}</h2><p>${e(lang === 'zh' ? `共 ${total} 项，完整清单见 report.xlsx 或 report.json。` : `${total} in all; report.xlsx and report.json list them.`)}</p></section>`;
  }
  const blocks = rows.map((r) => {
    const items = r.missingItems.map((m) => `<li><code>${e(m.standard)}</code> ${e(m.name)}</li>`).join('');
    return `<details><summary>${e(r.name)}${e(inParens(String(r.missingItems.length), lang))}</summary><ul>${items}</ul></details>`;
  });
  return `<section aria-labelledby="h-missing"><h2 id="h-missing">${e(title)}</h2>\n${blocks.join('\n')}</section>`;
}

export function renderHtml(report: WorkspaceReport, options: RenderOptions): string {
  const { lang } = options;
  const title = reportTitle(report, lang);
  const t = report.totals;
  const editions = report.editions.map((ed) => ed.id).join(lang === 'zh' ? '、' : ', ');
  const w = report.weights;
  const colon = lang === 'zh' ? '：' : ': ';
  const domainChart = report.domains.length
    ? barChart('chart-domains', label('domainChart', lang), domainTotals(report).map((d) => ({ label: d.name, value: d.coverage, shown: percent(d.coverage) })), 1)
    : '';
  const parts = [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}${e(inParens(report.date, lang))}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${e(title)}</h1><p class="meta">${e(label('reportDate', lang))}${colon}${e(report.date)}${editions ? ` · ${e(label('edition', lang))}${colon}${e(editions)}` : ''}</p>`,
    ...options.notices.map((n) => `<p class="notice" role="note">${e(n)}</p>`),
    '</header>',
    '<main>',
    `<section aria-labelledby="h-overview"><h2 id="h-overview">${e(label('overview', lang))}</h2><p>${e(label('overviewText', lang, { total: t.governments, county: t.county, township: t.township, village: t.village, coverage: percent(t.coverage), errors: t.errors, warnings: t.warnings }))}</p>\n${domainChart}</section>`,
    ...RANKED_LEVELS.map((level) => rankingSection(report, level, lang)),
    heatmapSection(report, lang),
    villagesSection(report, lang),
    laggingSection(report, lang),
    milestonesSection(report, lang),
    comparisonSection(report, lang),
    missingSection(report, lang),
    `<section aria-labelledby="h-method"><h2 id="h-method">${e(label('method', lang))}</h2><p>${e(label('methodText', lang, { coverage: w.coverage, errorFree: w.errorFree, warnings: w.warnings, perWarning: w.warnings / WARNINGS_FOR_ZERO, milestones: w.milestones }))}</p></section>`,
    '</main>',
    `<footer><p>${e(label('generated', lang))} · ${e(report.date)}</p></footer>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
  ];
  return `${parts.filter((p) => p !== '').join('\n')}\n`;
}
