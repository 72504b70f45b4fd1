// The spreadsheet format: gk build's CSV conventions (BOM, RFC 4180, CRLF, formulas neutralised), one row per entry.
import { formatCsv } from '../../publish/csv.js';
import { say, type Message } from '../../model/i18n.js';
import type { Lang } from '../../model/types.js';
import { describeWeakening, isUndeclaredWeakening } from '../../diff/standard.js';
import type { FieldChange } from '../../diff/types.js';
import { CLASS, KIND, STATUS, WORDS, labelField, readItemName, flattenValue, labelVersion, type DiffFormatOptions, type DiffFormatter, type StandardResult, type VersionResult } from './types.js';

/** Catalog text reaches these cells, so a value starting with = + - @ must not run as a formula in Excel or WPS. */
function csv(header: readonly Message[], rows: Array<Array<string | number>>, lang: Lang): string {
  return formatCsv(
    header.map((h) => h[lang]),
    rows.map((r) => r.map(String)),
  );
}

const STANDARD_HEADER: Message[] = [
  { zh: '目录', en: 'catalog' },
  { zh: '行政区划代码', en: 'code' },
  { zh: '领域', en: 'domain' },
  { zh: '领域名称', en: 'domain name' },
  { zh: '国家标准事项', en: 'national item' },
  { zh: '一级事项', en: 'category' },
  { zh: '二级事项', en: 'name' },
  { zh: '状态', en: 'status' },
  { zh: '本地事项', en: 'local items' },
  { zh: '调整的要素', en: 'adapted elements' },
  { zh: '未声明的削弱', en: 'undeclared weakenings' },
  { zh: '说明', en: 'details' },
];

function changeCell(change: FieldChange, options: DiffFormatOptions): string {
  const { lang } = options;
  let s = `${labelField(change.field, lang)}${lang === 'zh' ? '：' : ': '}${flattenValue(change.before)} → ${flattenValue(change.after)}`;
  const aside = (t: string) => (lang === 'zh' ? `（${t}）` : ` (${t})`);
  if (change.weakens !== undefined) s += aside(describeWeakening(change, lang, options.channels));
  if (change.declared !== undefined) s += aside(say(WORDS.declared, lang, { reason: change.declared }));
  return s;
}

function formatStandard(results: readonly StandardResult[], options: DiffFormatOptions): string {
  const { lang } = options;
  const rows: Array<Array<string | number>> = [];
  for (const { government, diff } of results) {
    const names = new Map(diff.domains.map((d) => [d.domain, d.name]));
    const base = (domain: string) => [government, diff.government.code, domain, names.get(domain) ?? domain];
    for (const e of diff.entries) {
      const weak = e.changes.filter(isUndeclaredWeakening);
      rows.push([
        ...base(e.standard.domain),
        e.standard.id,
        e.standard.category ?? '',
        e.standard.name ?? '',
        STATUS[e.status][lang],
        e.items.map((i) => i.id).join('、'),
        e.changes.map((c) => changeCell(c, options)).join('\n'),
        weak.map((c) => describeWeakening(c, lang, options.channels)).join('\n'),
        e.reason ?? '',
      ]);
    }
    for (const item of diff.local) rows.push([...base(item.domain), '', item.fields.category?.value ?? '', readItemName(item), STATUS.local[lang], item.id, '', '', '']);
    for (const item of diff.unknown) rows.push([...base(item.domain), item.standard ?? '', item.fields.category?.value ?? '', readItemName(item), STATUS.unknown[lang], item.id, '', '', '']);
  }
  return csv(STANDARD_HEADER, rows, lang);
}

const VERSION_HEADER: Message[] = [
  { zh: '目录', en: 'catalog' },
  { zh: '比较自', en: 'from' },
  { zh: '比较到', en: 'to' },
  { zh: '领域', en: 'domain' },
  { zh: '事项', en: 'item' },
  { zh: '二级事项', en: 'name' },
  { zh: '变化', en: 'change' },
  { zh: '级别', en: 'class' },
  { zh: '原编号', en: 'previous id' },
  { zh: '原领域', en: 'previous domain' },
  { zh: '要素', en: 'element' },
  { zh: '修改前', en: 'before' },
  { zh: '修改后', en: 'after' },
  { zh: '削弱', en: 'weakening' },
];

function formatVersions(results: readonly VersionResult[], options: DiffFormatOptions): string {
  const { lang } = options;
  const rows: Array<Array<string | number>> = [];
  for (const r of results) {
    for (const c of r.diff.changes) {
      const base = [r.government, labelVersion(r.diff.from, lang), labelVersion(r.diff.to, lang), c.domain, c.id, readItemName(c.after ?? c.before), KIND[c.kind][lang]];
      const was = [c.previousId ?? '', c.previousDomain ?? ''];
      if (c.changes.length === 0) rows.push([...base, CLASS[c.class][lang], ...was, '', '', '', '']);
      for (const f of c.changes) {
        rows.push([...base, CLASS[f.class][lang], ...was, labelField(f.field, lang), flattenValue(f.before), flattenValue(f.after), describeWeakening(f, lang, options.channels)]);
      }
    }
  }
  return csv(VERSION_HEADER, rows, lang);
}

export const csvFormatter: DiffFormatter = { standard: formatStandard, versions: formatVersions };
