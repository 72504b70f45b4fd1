// Planning a new catalog: gk.yaml and one file per domain carrying every applicable national item, as text by path.
import { appliesTo, groupNationalItems } from '../diff/standard.js';
import { say, type Message } from '../model/i18n.js';
import { ELEMENT_NAMES, REQUIRED_ELEMENTS } from '../model/elements.js';
import { present } from '../resolve/standard.js';
import type { Edition, ItemField, Lang, Level, StandardItem } from '../model/types.js';

/** What `subject:` says until the user names the local body; vague-subject flags it as a placeholder. */
export const SUBJECT_PLACEHOLDER = '待填写';

export interface InitPlan {
  name: string;
  code: string;
  level: Level;
  edition: Edition;
  /** Domain ids to write; every domain of the edition when undefined. */
  domains?: readonly string[];
  /** Relative paths for the yaml-language-server modelines: from catalog/ to catalog.schema.json, from the root to gk.schema.json. */
  catalogSchema: string;
  manifestSchema: string;
  lang: Lang;
}

const M = {
  manifestHead: { zh: '# 由 gk init 生成。字段说明见 gk 的 docs/init.md。', en: '# Written by gk init. See gk’s docs/init.md for the fields.' },
  catalogHead: {
    zh: '# {name}：由 gk init 根据国家标准目录 {edition} 生成。每项引用一个国家标准事项，未写的要素从标准继承。\n# 请把 subject（公开主体）改为本地单位全称；本级不承担的事项移到 exclusions 并写明理由。',
    en: '# {name}: written by gk init from the national standard {edition}. Each item carries one national item and inherits the elements it does not write.\n# Replace subject (公开主体) with the local body’s full name; move items this government does not carry to exclusions, with a reason.',
  },
  incomplete: { zh: '国家标准未提供，须本地补充：{elements}', en: 'not in the national standard; supply locally: {elements}' },
  none: { zh: '# 本级没有适用的国家标准事项', en: '# no national item applies at this level' },
} satisfies Record<string, Message>;

/** A YAML scalar: plain when it cannot be misread, double-quoted (JSON is valid YAML) otherwise. */
function scalar(s: string): string {
  const plain = /^[\p{L}][\p{L}\p{N}（）·\-]*$/u.test(s) || /^[A-Za-z][A-Za-z0-9._/-]*$/.test(s);
  return plain && !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(s) ? s : JSON.stringify(s);
}

/** Elements a partial national row lacks; the catalog must supply them, and gk will not guess them. */
export function findLackingElements(item: StandardItem): ItemField[] {
  return REQUIRED_ELEMENTS.filter((f) => f !== 'subject' && !present(item[f]));
}

function catalogText(domain: string, name: string, items: StandardItem[], plan: InitPlan): string {
  const width = Math.max(2, String(items.length).length);
  let out = `# yaml-language-server: $schema=${plan.catalogSchema}\n${say(M.catalogHead, plan.lang, { name, edition: plan.edition.id })}\n`;
  out += `domain: ${domain}\n`;
  if (items.length === 0) return `${out}${say(M.none, plan.lang)}\nitems: []\n`;
  out += 'items:\n';
  items.forEach((item, i) => {
    out += `  - id: ${domain}-${String(i + 1).padStart(width, '0')}\n`;
    out += `    standard: ${scalar(item.id)}`;
    const lacking = findLackingElements(item);
    if (lacking.length > 0) out += `  # ${say(M.incomplete, plan.lang, { elements: lacking.map((f) => ELEMENT_NAMES[f][plan.lang]).join(plan.lang === 'zh' ? '、' : ', ') })}`;
    out += `\n    subject: ${SUBJECT_PLACEHOLDER}\n`;
  });
  return out;
}

/** The files `gk init` writes, by path relative to the new catalog's folder. */
export function planInit(plan: InitPlan): Map<string, string> {
  const files = new Map<string, string>();
  files.set(
    'gk.yaml',
    `# yaml-language-server: $schema=${plan.manifestSchema}\n${say(M.manifestHead, plan.lang)}\nname: ${scalar(plan.name)}\ncode: ${JSON.stringify(plan.code)}\nlevel: ${plan.level}\nstandard: ${plan.edition.id}\n`,
  );
  const wanted = plan.domains === undefined ? undefined : new Set(plan.domains);
  const names = new Map(plan.edition.domains.map((d) => [d.id, d.name]));
  for (const [domain, items] of groupNationalItems(plan)) {
    if (wanted && !wanted.has(domain)) continue;
    const applicable = items.filter((item) => appliesTo(item, plan.level));
    files.set(`catalog/${domain}.yaml`, catalogText(domain, names.get(domain) ?? domain, applicable, plan));
  }
  return files;
}
