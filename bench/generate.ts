// Deterministic synthetic catalogs for benchmarks: a county, a city of 100 governments, a province of 2,000.
import fs from 'node:fs';
import path from 'node:path';
import { DOMAIN_IDS, DOMAIN_NAMES } from '../dist/model/types.js';

const CHANNELS = ['政府网站', '政府公报', '两微一端', '发布会/听证会', '广播电视', '纸质媒体', '公开查阅点', '政务服务中心', '便民服务站', '入户/现场', '社区/企事业单位/村公示栏（电子屏）', '精准推送'];
const DEADLINES = ['信息形成或变更之日起20个工作日内', '本级人民代表大会或其常务委员会批准后20日内', '实时公开', '信息形成或变更之日起7个工作日内', '常年公开'];
const CONTENT = ['申请条件、办理程序、办理时限、申请材料', '审批结果、审批依据', '资金发放对象、标准、金额', '政策文件、解读材料'];
const BASIS = ['《中华人民共和国政府信息公开条例》', '《中华人民共和国预算法》', '《社会救助暂行办法》', '《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号）'];

const DEPARTMENTS = ['财政局', '民政局', '教育局', '人力资源和社会保障局', '自然资源局', '住房和城乡建设局', '生态环境分局', '卫生健康委员会', '文化和旅游局', '司法局', '农业农村局', '市场监督管理局', '应急管理局', '公安局', '税务局', '城市管理局', '乡村振兴局', '医疗保障局', '发展和改革局', '公共资源交易中心'];

/** A small, fast, seedable generator so every run writes the same files. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

function yamlString(s: string): string {
  return /^[\p{L}\p{N}（）《》〔〕、，。；/-]+$/u.test(s) && !/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) ? s : JSON.stringify(s);
}

/** `unknownChannel`: every item also names a channel gk does not know (one unknown-channel warning per item). */
export function catalogText(domain: string, items: number, county: string, seed: number, unknownChannel = false): string {
  const r = rng(seed);
  const lines = [`domain: ${domain}`, 'items:'];
  const name = DOMAIN_NAMES[domain as keyof typeof DOMAIN_NAMES] ?? domain;
  for (let i = 1; i <= items; i++) {
    const channels = [...new Set([pick(r, CHANNELS), pick(r, CHANNELS), '政府网站'])];
    if (unknownChannel) channels.push(`自设公开栏${1 + (i % 9)}号`);
    lines.push(
      `  - id: ${domain}-${String(i).padStart(3, '0')}`,
      `    category: ${name}事项${1 + Math.floor(i / 10)}`,
      `    name: ${name}公开事项${i}`,
      `    content: ${yamlString(pick(r, CONTENT))}`,
      `    basis: [${yamlString(pick(r, BASIS))}]`,
      `    deadline: ${yamlString(pick(r, DEADLINES))}`,
      `    subject: ${county}${DEPARTMENTS[(i + domain.length) % DEPARTMENTS.length]}`,
      `    channels: [${channels.map(yamlString).join(', ')}]`,
      `    audience: ${r() < 0.8 ? '全社会' : '特定群体'}`,
      `    mode: ${r() < 0.9 ? '主动' : '依申请'}`,
      `    levels: [县级]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const FIRST = '安宁平和永清长兴东阳西华南丰北川新昌泰康福宁广德明光';
const SECOND = '山水河源林溪江湖岭川原田丘坪桥城州阳';

/** Distinct, name-like county names (no digits: vague-subject rightly distrusts those). */
export function countyName(index: number): string {
  const a = FIRST[index % FIRST.length]!;
  const b = SECOND[Math.floor(index / FIRST.length) % SECOND.length]!;
  const c = FIRST[Math.floor(index / (FIRST.length * SECOND.length)) % FIRST.length]!;
  return index < FIRST.length * SECOND.length ? `${a}${b}县` : `${c}${a}${b}县`;
}

export function writeGovernment(dir: string, index: number, itemsPerDomain: number, unknownChannel = false): number {
  const county = countyName(index);
  fs.mkdirSync(path.join(dir, 'catalog'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'gk.yaml'), `name: ${county}人民政府\ncode: "${String(410100 + index).padStart(6, '0')}"\nlevel: county\nstandard: national-2020\n`);
  DOMAIN_IDS.forEach((domain, d) => {
    fs.writeFileSync(path.join(dir, 'catalog', `${domain}.yaml`), catalogText(domain, itemsPerDomain, county, index * 100 + d, unknownChannel));
  });
  return DOMAIN_IDS.length * itemsPerDomain;
}

/** Writes `governments` synthetic counties under dir (once: a marker file records what is there). */
export function generateScenario(dir: string, governments: number, itemsPerDomain = 30, unknownChannel = false): { files: number; items: number } {
  const marker = path.join(dir, '.generated');
  const tag = `${governments}x${itemsPerDomain}${unknownChannel ? '+unknown-channel' : ''}`;
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === tag) {
    return { files: governments * (DOMAIN_IDS.length + 1), items: governments * DOMAIN_IDS.length * itemsPerDomain };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  let items = 0;
  for (let g = 0; g < governments; g++) items += writeGovernment(path.join(dir, `gov-${String(g).padStart(4, '0')}`), g, itemsPerDomain, unknownChannel);
  fs.writeFileSync(marker, tag);
  return { files: governments * (DOMAIN_IDS.length + 1), items };
}

/** The city gk build is measured on: `generateScenario`'s clean counties under a workspace gk.yaml (a city's landing page on top). */
export function generateCityWorkspace(dir: string, governments: number, itemsPerDomain = 30): { files: number; items: number } {
  const made = generateScenario(dir, governments, itemsPerDomain);
  fs.writeFileSync(path.join(dir, 'gk.yaml'), 'workspace: true\nname: 示例市人民政府\ncode: "410000"\ncity: 示例市\n');
  return { files: made.files + 1, items: made.items };
}
