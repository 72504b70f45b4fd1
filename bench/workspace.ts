// Deterministic synthetic workspaces (a city's or a province's counties, townships and villages) and the gk report benchmark.
import fs from 'node:fs';
import path from 'node:path';
import { appliesTo } from '../dist/diff/standard.js';
import { REQUIRED_ELEMENTS } from '../dist/model/elements.js';
import { renderReport, REPORT_FORMATS } from '../dist/formatters/report/index.js';
import { reportWorkspace } from '../dist/report/run.js';
import { loadEdition, partialNotice } from '../dist/load/edition.js';
import { bundledStandardDir } from '../dist/io/files.js';
import { rng } from './generate.js';
import { DOMAIN_IDS, DOMAIN_NAMES, type ItemField, type Level, type StandardDomainId, type StandardItem } from '../dist/model/types.js';

export interface WorkspaceShape {
  governments: number;
  /** national items (then local ones) per domain and government */
  itemsPerDomain: number;
  /** how many of the 26 domains (in standard order), or which */
  domains: number | readonly string[];
  /** No findings at all (gk build writes it): no township shortens a deadline, every village names its own committee. */
  clean?: boolean;
}

/** The county department that usually answers for each domain. */
const DEPARTMENTS: Record<StandardDomainId, string> = {
  'urban-rural-planning': '自然资源和规划局',
  'land-expropriation': '自然资源和规划局',
  'major-construction-projects': '发展和改革局',
  'public-resource-trading': '公共资源交易中心',
  'fiscal-budget': '财政局',
  'work-safety': '应急管理局',
  'disaster-relief': '应急管理局',
  'tax-administration': '税务局',
  'housing-expropriation': '住房和城乡建设局',
  'affordable-housing': '住房和城乡建设局',
  'rural-dilapidated-housing': '住房和城乡建设局',
  'urban-law-enforcement': '城市管理综合执法局',
  'municipal-services': '城市管理局',
  'environmental-protection': '生态环境分局',
  'public-culture': '文化和旅游局',
  'public-legal-services': '司法局',
  'poverty-alleviation': '乡村振兴局',
  'social-assistance': '民政局',
  'elderly-care': '民政局',
  'food-drug-regulation': '市场监督管理局',
  employment: '人力资源和社会保障局',
  'social-insurance': '人力资源和社会保障局',
  'household-registration': '公安局',
  'agricultural-subsidies': '农业农村局',
  'compulsory-education': '教育局',
  'health-care': '卫生健康局',
};

const FIRST = ['安', '北', '西', '东', '南', '青', '白', '金', '龙', '凤', '永', '长', '平', '新', '宁', '清', '太', '黄', '丰', '广'];
const SECOND = ['平', '山', '河', '湖', '岭', '石', '水', '川', '泉', '阳', '安', '乐', '丰', '源', '宁', '城', '溪', '林', '桥', '田'];
const TOWN_SUFFIX = ['镇', '乡', '街道'];
const VILLAGE_SUFFIX = ['村', '社区'];
const DEADLINES = ['信息形成或变更之日起20个工作日内', '信息形成或变更之日起10个工作日内', '实时公开', '常年公开'];
const CONTENTS = ['办理依据、办理条件、办理程序、办理时限、申请材料', '审批结果、审批依据、审批时间', '补助对象、补助标准、补助金额、发放时间', '政策文件名称、文号、发布日期、政策解读'];
const BASES = ['《中华人民共和国政府信息公开条例》', '《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号）'];
const CHANNELS = ['政府网站', '政务服务中心', '两微一端', '社区/企事业单位/村公示栏（电子屏）', '便民服务站'];


function placeName(index: number): string {
  const a = FIRST[index % FIRST.length]!;
  const b = SECOND[Math.floor(index / FIRST.length) % SECOND.length]!;
  const round = Math.floor(index / (FIRST.length * SECOND.length));
  return round === 0 ? `${a}${b}` : `${a}${b}${round + 1}`;
}

/** FNV-1a, to seed the values a national item's local elements take: the same in every government that carries it. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A village's own body: 安平县北山镇西河村 → 西河村民委员会, …社区 → …社区居民委员会. */
function committeeOf(village: string): string {
  const own = village.replace(/^.*?(镇|乡|街道)/, '');
  return own.endsWith('村') ? `${own}民委员会` : `${own}居民委员会`;
}

function quote(s: string): string {
  return JSON.stringify(s);
}

/** The element a synthetic local item writes for a field the national row lacks. */
function localValue(field: ItemField, r: () => number, level: Level): string | undefined {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  switch (field) {
    case 'content':
      return `    content: ${quote(pick(CONTENTS))}`;
    case 'basis':
      return `    basis: [${quote(pick(BASES))}]`;
    case 'deadline':
      return `    deadline: ${quote(pick(DEADLINES))}`;
    case 'channels':
      return `    channels: [${quote('政府网站')}, ${quote(pick(CHANNELS))}]`;
    case 'audience':
      return '    audience: 全社会';
    case 'mode':
      return '    mode: 主动';
    case 'levels':
      return `    levels: [${level === 'county' ? '县级' : '乡级'}]`;
    default:
      return undefined;
  }
}

interface Planned {
  folder: string;
  name: string;
  code: string;
  level: Level;
  parent: string;
  /** index of the parent in the plan, -1 for counties */
  parentIndex: number;
}

/** Counties (one in twenty), then townships and villages: three in five of the rest are townships. */
function plan(total: number): Planned[] {
  const counties = Math.max(1, Math.ceil(total / 20));
  const townships = total > counties ? Math.max(1, Math.round((total - counties) * 0.6)) : 0;
  const villages = Math.max(0, total - counties - townships);
  const out: Planned[] = [];
  for (let c = 0; c < counties; c++) {
    out.push({ folder: `county-${String(c + 1).padStart(3, '0')}`, name: `${placeName(c)}县人民政府`, code: String(900000 + c + 1), level: 'county', parent: '900000', parentIndex: -1 });
  }
  const townStart = out.length;
  for (let t = 0; t < townships; t++) {
    const ci = t % counties;
    const county = out[ci]!;
    const n = Math.floor(t / counties);
    const town = `${placeName(t + 7)}${TOWN_SUFFIX[t % TOWN_SUFFIX.length]}`;
    out.push({ folder: `${county.folder}/town-${String(n + 1).padStart(3, '0')}`, name: `${county.name.replace('人民政府', '')}${town}人民政府`, code: `${county.code}${String(n + 1).padStart(3, '0')}`, level: 'township', parent: county.code, parentIndex: ci });
  }
  for (let v = 0; v < villages && townships > 0; v++) {
    const ti = townStart + (v % townships);
    const town = out[ti]!;
    const n = Math.floor(v / townships);
    out.push({
      folder: `${town.folder}/village-${String(n + 1).padStart(3, '0')}`,
      name: `${town.name.replace('人民政府', '')}${placeName(v + 13)}${VILLAGE_SUFFIX[v % VILLAGE_SUFFIX.length]}`,
      code: `${town.code}${String(n + 1).padStart(3, '0')}`,
      level: 'village',
      parent: town.code,
      parentIndex: ti,
    });
  }
  return out;
}

function domainsOf(shape: WorkspaceShape): StandardDomainId[] {
  if (typeof shape.domains === 'number') return DOMAIN_IDS.slice(0, Math.max(1, Math.min(DOMAIN_IDS.length, shape.domains)));
  return DOMAIN_IDS.filter((d) => (shape.domains as readonly string[]).includes(d));
}

/** One catalog file of a county or township: national items it carries (a few left out), then local ones. */
function governmentCatalog(g: Planned, domain: StandardDomainId, national: readonly StandardItem[], shape: WorkspaceShape, seed: number, mismatch: boolean): { text: string; ids: string[] } {
  const r = rng(seed);
  let shortens = mismatch;
  const place = g.name.replace('人民政府', '');
  const subject = g.level === 'county' ? `${place}${DEPARTMENTS[domain]}` : `${place}人民政府`;
  const lines = [`domain: ${domain}`, 'items:'];
  const ids: string[] = [];
  const applicable = national.filter((n) => appliesTo(n, g.level));
  for (let i = 0; i < shape.itemsPerDomain; i++) {
    const n = applicable[i];
    const id = `${domain}-${String(i + 1).padStart(2, '0')}`;
    // About one national item in eight is not carried yet: coverage differs from government to government.
    if (n && r() < 0.12) continue;
    ids.push(id);
    lines.push(`  - id: ${id}`);
    if (n) {
      lines.push(`    standard: ${n.id}`, `    subject: ${quote(subject)}`);
      // What the national row lacks is filled the same way everywhere, as a county's townships copy it.
      const same = rng(hash(n.id));
      for (const field of REQUIRED_ELEMENTS) {
        if (field === 'subject') continue;
        const has = n[field];
        if (has === undefined || (Array.isArray(has) && has.length === 0) || (typeof has === 'string' && has.trim() === '')) {
          const v = field === 'name' ? `    name: ${quote(`${DOMAIN_NAMES[domain]}公开事项${n.seq ?? i + 1}`)}` : localValue(field, same, g.level);
          if (v) lines.push(v);
        }
      }
      // One township in seven shortens the first deadline it copies from the county: a parent-mismatch to find.
      if (shortens && n.deadline) {
        lines.push(`    deadline: ${quote('信息形成或变更之日起5个工作日内')}`);
        shortens = false;
      }
    } else {
      lines.push(
        `    category: ${quote(`${DOMAIN_NAMES[domain]}其他事项`)}`,
        `    name: ${quote(`${DOMAIN_NAMES[domain]}本地公开事项${i + 1}`)}`,
        localValue('content', r, g.level)!,
        localValue('basis', r, g.level)!,
        localValue('deadline', r, g.level)!,
        `    subject: ${quote(subject)}`,
        localValue('channels', r, g.level)!,
        '    audience: 全社会',
        '    mode: 主动',
        localValue('levels', r, g.level)!,
      );
    }
  }
  if (ids.length === 0) lines[1] = 'items: []';
  return { text: `${lines.join('\n')}\n`, ids };
}

/**
 * Writes a workspace of `governments` governments under `dir` (replacing it): a city root gk.yaml with departments
 * and milestones, counties, their townships and villages, each with catalogs that carry the bundled standard's items.
 * Same shape in, same bytes out; a folder already generated with the same shape is left as it is.
 * Returns the number of files and items.
 */
export function generateWorkspace(dir: string, shape: WorkspaceShape): { files: number; items: number } {
  const edition = loadEdition(path.join(bundledStandardDir, 'national-2020'));
  const domains = domainsOf(shape);
  const byDomain = new Map<string, StandardItem[]>();
  for (const item of edition.items.values()) byDomain.set(item.domain, [...(byDomain.get(item.domain) ?? []), item]);
  for (const list of byDomain.values()) list.sort((a, b) => a.index - b.index);

  // A marker records what the folder holds, so a second run of the benchmark does not write it again.
  const marker = path.join(dir, '.generated');
  const tag = `${shape.governments}x${shape.itemsPerDomain}x${domains.join(',')}${shape.clean ? 'xclean' : ''}`;
  const seen = fs.existsSync(marker) ? /^(\S+) (\d+) (\d+)$/.exec(fs.readFileSync(marker, 'utf8').trim()) : null;
  if (seen && seen[1] === tag) return { files: Number(seen[2]), items: Number(seen[3]) };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const departments = domains.map((d) => `  ${d}: ${quote(`示例市${DEPARTMENTS[d]}`)}`).join('\n');
  fs.writeFileSync(
    path.join(dir, 'gk.yaml'),
    `workspace: true\nname: 示例市人民政府\ncode: "900000"\ncity: 示例市\ndepartments:\n${departments}\nmilestones:\n  list: 2020-07-31\n  published: 2020-12-31\n  complete: 2023-12-31\n`,
  );
  let files = 1;
  let items = 0;
  const planned = plan(shape.governments);
  const idsOf = new Map<number, Map<string, string[]>>();
  planned.forEach((g, index) => {
    const root = path.join(dir, g.folder);
    fs.mkdirSync(path.join(root, 'catalog'), { recursive: true });
    fs.writeFileSync(path.join(root, 'gk.yaml'), `name: ${g.name}\ncode: "${g.code}"\nlevel: ${g.level}\nparent: "${g.parent}"\nstandard: national-2020\n`);
    files++;
    if (g.level === 'village') {
      // A village carries a few items of its township's first domains, word for word.
      const parentIds = idsOf.get(g.parentIndex);
      const r = rng(index * 7919 + 1);
      for (const domain of domains.slice(0, 3)) {
        const ids = parentIds?.get(domain) ?? [];
        const carried = ids.filter(() => r() < 0.6);
        if (carried.length === 0) continue;
        const subject = shape.clean ? [`    subject: ${quote(committeeOf(g.name))}`] : [];
        const lines = [`domain: ${domain}`, 'items:', ...carried.flatMap((id, i) => [`  - id: v-${domain}-${String(i + 1).padStart(2, '0')}`, `    parent-item: ${id}`, ...subject])];
        fs.writeFileSync(path.join(root, 'catalog', `${domain}.yaml`), `${lines.join('\n')}\n`);
        files++;
        items += carried.length;
      }
      return;
    }
    const own = new Map<string, string[]>();
    domains.forEach((domain, d) => {
      const { text, ids } = governmentCatalog(g, domain, byDomain.get(domain) ?? [], shape, index * 100 + d + 1, !shape.clean && g.level === 'township' && index % 7 === 3 && d === 0);
      fs.writeFileSync(path.join(root, 'catalog', `${domain}.yaml`), text);
      files++;
      items += ids.length;
      own.set(domain, ids);
    });
    if (g.level === 'township') idsOf.set(index, own);
  });
  fs.writeFileSync(marker, `${tag} ${files} ${items}\n`);
  return { files, items };
}

export interface ReportTiming {
  governments: number;
  seconds: number;
  /** peak resident memory of this process so far */
  rssMb: number;
  bytes: number;
}

/** Loads, checks, ranks and renders every format for the workspace at `dir`, in this process. */
export async function benchReport(dir: string): Promise<ReportTiming> {
  const start = process.hrtime.bigint();
  const { report, editions } = await reportWorkspace(dir, { cwd: dir, lang: 'zh', date: '2024-03-31' });
  const notices = editions.map((e) => partialNotice(e, 'zh')).filter((n): n is string => n !== undefined);
  const files = await renderReport(report, REPORT_FORMATS, { lang: 'zh', notices });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let bytes = 0;
  for (const f of files.values()) bytes += typeof f === 'string' ? Buffer.byteLength(f) : f.byteLength;
  return { governments: report.totals.governments, seconds, rssMb: process.resourceUsage().maxRSS / 1024, bytes };
}
