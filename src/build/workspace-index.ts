// The landing page of a workspace build: one link per government, each to its own built site.
import Handlebars from 'handlebars';
import type { Lang } from '../types.js';

export interface WorkspaceEntry {
  name: string;
  code: string;
  level: string;
  href: string;
}

const LEVEL_NAMES: Record<string, { zh: string; en: string }> = {
  county: { zh: '县级', en: 'county' },
  township: { zh: '乡级', en: 'township' },
  village: { zh: '村级', en: 'village' },
};

const esc = (s: string): string => Handlebars.Utils.escapeExpression(s);

export function renderWorkspaceIndex(entries: readonly WorkspaceEntry[], lang: Lang): string {
  const sorted = [...entries].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.href < b.href ? -1 : 1));
  const title = lang === 'zh' ? '基层政务公开标准目录' : 'Disclosure catalogs';
  const rows = sorted
    .map((e) => {
      const depth = e.level === 'township' ? 1 : e.level === 'village' ? 2 : 0;
      const level = LEVEL_NAMES[e.level]?.[lang] ?? e.level;
      return `<li class="d${depth}"><a href="${esc(e.href)}">${esc(e.name)}</a> <span>${esc(e.code)} · ${esc(level)}</span></li>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'unsafe-inline'">
<title>${esc(title)}</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.6}
header{background:#9b1c1c;color:#fff;padding:1rem 1.5rem}
h1{margin:0;font-size:1.4rem}
main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}
ul{list-style:none;padding:0}
li{padding:.4rem 0;border-bottom:1px solid #ddd}
li.d1{padding-left:1.5rem}
li.d2{padding-left:3rem}
a{color:#0b4f9c}
a:focus{outline:3px solid #f2a900;outline-offset:2px}
span{color:#555;font-size:.9rem}
</style>
</head>
<body>
<header><h1>${esc(title)}</h1></header>
<main>
<p>${lang === 'zh' ? `共 ${sorted.length} 个政府的目录：` : `Catalogs of ${sorted.length} governments:`}</p>
<ul>
${rows}
</ul>
</main>
</body>
</html>
`;
}
