// What gk import tells the user: per table, the header it found, the domain, the rows it skipped and every guess it made.
import { append } from '../model/diagnostic.js';
import { say, type Message } from '../model/i18n.js';
import { ELEMENT_NAMES } from '../model/elements.js';
import type { Encoding } from '../load/decode.js';
import type { Lang } from '../model/types.js';
import type { Column } from './header.js';
import type { DomainOutput, ImportPlan, TablePlan } from './plan.js';
import type { Remark } from './rows.js';
import { locateCell, spellColumn, locateRows, describeTable } from './table.js';

const M = {
  sheet: { zh: '工作表 {name}', en: 'sheet {name}' },
  encoding: { zh: '编码：{encoding}', en: 'encoding: {encoding}' },
  delimiter: { zh: '分隔符：{delimiter}', en: 'separator: {delimiter}' },
  title: { zh: '标题：{title}', en: 'title: {title}' },
  noHeader: { zh: '未找到表头（二级事项/事项名称、公开内容、公开依据等），未导入', en: 'no header found (二级事项/事项名称, 公开内容, 公开依据 …); not imported' },
  header: { zh: '表头在 {at}：', en: 'header at {at}:' },
  fromBuild: {
    zh: '表格由 gk build 生成（有事项编号、对应标准事项列）：按原样读取，不推测国家标准事项',
    en: 'written by gk build (事项编号 and 对应标准事项 columns): values read as written, no national items guessed',
  },
  domainOption: { zh: '领域：{name}（{id}），由 --domain 指定', en: 'domain: {name} ({id}), from --domain' },
  domainColumn: { zh: '领域：按“领域”列，首行为 {name}（{id}）', en: 'domain: from the 领域 column, first row {name} ({id})' },
  domainTitle: { zh: '领域：{name}（{id}），依据标题“{from}”', en: 'domain: {name} ({id}), guessed from the title "{from}"' },
  domainSheet: { zh: '领域：{name}（{id}），依据工作表名“{from}”', en: 'domain: {name} ({id}), guessed from the sheet name "{from}"' },
  domainFile: { zh: '领域：{name}（{id}），依据文件名“{from}”', en: 'domain: {name} ({id}), guessed from the file name "{from}"' },
  domainNames: {
    zh: '领域：{name}（{id}），依据事项名称（{matched}/{of} 行与该领域国家标准事项相符）',
    en: 'domain: {name} ({id}), guessed from the item names ({matched} of {of} rows match its national items)',
  },
  counts: { zh: '读取 {read} 行：导入 {written} 项，跳过 {skipped} 行，略过 {ignored} 行', en: 'read {read} rows: {written} items imported, {skipped} skipped, {ignored} set aside' },
  skipped: { zh: '跳过（未导入，请核对）：', en: 'skipped (not imported; please check):' },
  ignored: { zh: '略过（不是事项）：', en: 'set aside (not items):' },
  guesses: { zh: '推测：', en: 'guesses:' },
  wrote: { zh: '写入：', en: 'written:' },
  wroteFile: { zh: '{file}  {n} 项', en: '{file}  {n} items' },
  total: { zh: '合计：读取 {read} 行，写入 {written} 项，跳过 {skipped} 行', en: 'total: {read} rows read, {written} items written, {skipped} rows skipped' },
} satisfies Record<string, Message>;

const ENCODINGS: Record<Encoding, Message> = {
  'utf-8': { zh: 'UTF-8', en: 'UTF-8' },
  'utf-8-bom': { zh: 'UTF-8（带 BOM）', en: 'UTF-8 (with BOM)' },
  gb18030: {
    zh: 'GBK/GB18030（中文 Windows 上 Excel、记事本的默认编码），已按 GB18030 读取，写出为 UTF-8',
    en: 'GBK/GB18030 (what Excel and Notepad write on Chinese Windows); read as GB18030, written as UTF-8',
  },
  'utf-16le': { zh: 'UTF-16（Excel 的“Unicode 文本”），写出为 UTF-8', en: 'UTF-16 (Excel’s "Unicode Text"); written as UTF-8' },
  'utf-16be': { zh: 'UTF-16（大端），写出为 UTF-8', en: 'UTF-16 (big-endian); written as UTF-8' },
  binary: { zh: '无法识别', en: 'unknown' },
};

const DELIMITERS: Record<string, Message> = {
  ',': { zh: '逗号', en: 'comma' },
  '\t': { zh: '制表符', en: 'tab' },
  ';': { zh: '分号', en: 'semicolon' },
};

/** What each column is read as: the element names validate and diff use, and the columns only an import has. */
const FIELDS: Record<string, Message> = {
  ...ELEMENT_NAMES,
  seq: { zh: '序号', en: 'sequence number (序号)' },
  id: { zh: '事项编号', en: 'item id' },
  standard: { zh: '对应标准事项', en: 'national item' },
  domain: { zh: '领域', en: 'domain' },
  subname: { zh: '三级事项（作为事项名称）', en: 'name (三级事项)' },
  note: { zh: '备注', en: 'note' },
};

const REMARKS: Record<string, Message> = {
  noName: { zh: '缺少二级事项（事项名称），该行未导入：“{text}”', en: 'no 二级事项 (item name); row not imported: "{text}"' },
  onlySeq: { zh: '只有序号，没有其他内容：“{text}”', en: 'only a 序号, nothing else: "{text}"' },
  repeatedHeader: { zh: '重复的表头行', en: 'a repeated header row' },
  categoryRow: { zh: '一级事项标题行“{text}”，用于下面各行', en: 'a 一级事项 heading row "{text}", applied to the rows below' },
  noteRow: { zh: '说明或标题行：“{text}”', en: 'a note or title row: "{text}"' },
  filledDown: { zh: '一级事项为空，沿用上一行的“{value}”', en: '一级事项 is empty; carried down from the row above: "{value}"' },
  channelAlias: { zh: '渠道“{written}”按渠道词表写作“{name}”', en: 'channel "{written}" written as "{name}" (channel vocabulary)' },
  droppedValue: { zh: '{field}“{value}”无法识别，未导入', en: '{field} "{value}" not recognised; left out' },
  maskedValue: { zh: '{field}“{value}”被遮蔽（*），内容未知，未导入', en: '{field} "{value}" is masked (*); unknown, left out' },
  placeholderValue: { zh: '{field}“{value}”是占位符号，不是内容，未导入', en: '{field} "{value}" is a placeholder mark, not a value; left out' },
  namedByCategory: { zh: '二级事项为空，以一级事项“{value}”为事项名称', en: 'no 二级事项; the item is named by its 一级事项 "{value}"' },
  levelKept: { zh: '公开层级“{value}”不是县级、乡级、村级，原文记入备注（note）', en: '公开层级 "{value}" is not 县级, 乡级 or 村级; kept as written in the note' },
  levelAsWritten: { zh: '公开层级“{value}”不是县级、乡级、村级，原文保留在 levelsAsWritten', en: '公开层级 "{value}" is not 县级, 乡级 or 村级; kept as written in levelsAsWritten' },
  matchExact: { zh: '对应国家标准事项 {id}“{name}”（名称相同）', en: 'national item {id} "{name}" (same name)' },
  matchSimilar: { zh: '对应国家标准事项 {id}“{name}”（名称相似度 {score}）', en: 'national item {id} "{name}" (name similarity {score})' },
  matchAmbiguous: { zh: '名称与多个国家标准事项同样接近（{ids}），未填写 standard', en: 'the name fits several national items equally ({ids}); standard left out' },
  matchTaken: { zh: '与国家标准事项 {id}“{name}”相近，但该事项已对应 {other}，未填写 standard', en: 'close to national item {id} "{name}", which {other} already carries; standard left out' },
  matchNone: { zh: '未找到对应的国家标准事项（最接近的 {id}“{name}”相似度 {score}）', en: 'no national item matches (nearest: {id} "{name}", similarity {score})' },
  matchNoneAtAll: { zh: '未找到对应的国家标准事项', en: 'no national item matches' },
  standardUnknown: { zh: '对应标准事项 {id} 不在标准目录中，照写', en: 'national item {id} is not in the edition; written as is' },
  idInvalid: { zh: '事项编号“{id}”不合规（只能用字母、数字、点、下划线和连字符），已重新编号', en: 'item id "{id}" is not valid (letters, digits, dot, underscore and hyphen only); a new id was given' },
  idDuplicate: { zh: '事项编号“{id}”重复，已重新编号', en: 'item id "{id}" repeats; a new id was given' },
};

function columnRole(column: Column, lang: Lang): string {
  if (column.kind === 'ignored') return lang === 'zh' ? '不导入' : 'not imported';
  const field = say(FIELDS[column.field]!, lang);
  if (column.kind === 'mark') return lang === 'zh' ? `${field}：${column.value}（勾选）` : `${field}: ${column.value} (ticks)`;
  return field;
}

function remarkLine(plan: TablePlan, remark: Remark, lang: Lang): string {
  const params: Record<string, string> = { ...remark.params };
  if (remark.other) {
    const where = locateCell(remark.other.table, remark.other.row, remark.other.col, lang);
    params.other = remark.other.file === plan.file ? where : `${remark.other.file} ${where}`;
  }
  // the remark names the field by id; the report names it in the reader's language
  if (remark.code === 'droppedValue' || remark.code === 'maskedValue' || remark.code === 'placeholderValue') params.field = say(FIELDS[remark.params.field!]!, lang);
  return `${locateCell(plan.table, remark.row, Math.max(remark.col, 0), lang)}  ${say(REMARKS[remark.code]!, lang, params)}`;
}

function byPosition(a: Remark, b: Remark): number {
  return a.row - b.row || a.col - b.col || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

function domainLine(plan: TablePlan, names: (id: string) => string, lang: Lang): string | undefined {
  const d = plan.domain;
  if (!d) return undefined;
  const params = { id: d.id, name: names(d.id), from: d.from ?? '', matched: d.matched ?? 0, of: d.of ?? 0 };
  const key = { option: M.domainOption, column: M.domainColumn, title: M.domainTitle, sheet: M.domainSheet, file: M.domainFile, names: M.domainNames }[d.how];
  return say(key, lang, params);
}

function tableSection(plan: TablePlan, names: (id: string) => string, lang: Lang): string[] {
  const out: string[] = [];
  const label = describeTable(plan.table, lang);
  const indent = label === '' ? '  ' : '    ';
  if (label !== '') out.push(`  ${plan.table.kind === 'sheet' ? say(M.sheet, lang, { name: label }) : label}`);
  if (plan.table.delimiter !== undefined) out.push(`${indent}${say(M.delimiter, lang, { delimiter: say(DELIMITERS[plan.table.delimiter] ?? { zh: plan.table.delimiter, en: plan.table.delimiter }, lang) })}`);
  const header = plan.header;
  if (!header) {
    out.push(`${indent}${say(M.noHeader, lang)}`);
    return out;
  }
  if (plan.title !== undefined) out.push(`${indent}${say(M.title, lang, { title: plan.title.replace(/\n/g, ' / ') })}`);
  out.push(`${indent}${say(M.header, lang, { at: locateRows(plan.table, header.first, header.last, lang) })}`);
  header.columns.forEach((column, c) => {
    if (column.label === '' && column.kind === 'ignored') return;
    out.push(`${indent}  ${spellColumn(c)} ${column.label} → ${columnRole(column, lang)}`);
  });
  if (header.fromBuild) out.push(`${indent}${say(M.fromBuild, lang)}`);
  const domain = domainLine(plan, names, lang);
  if (domain) out.push(`${indent}${domain}`);
  const rows = plan.rows!;
  out.push(`${indent}${say(M.counts, lang, { read: rows.read, written: plan.written, skipped: rows.skipped.length, ignored: rows.ignored.length })}`);
  const list = (title: string, remarks: Remark[]) => {
    if (remarks.length === 0) return;
    out.push(`${indent}${title}`);
    for (const r of [...remarks].sort(byPosition)) out.push(`${indent}  ${remarkLine(plan, r, lang)}`);
  };
  list(say(M.skipped, lang), rows.skipped);
  list(say(M.ignored, lang), rows.ignored);
  list(say(M.guesses, lang), [...rows.guesses, ...plan.remarks]);
  return out;
}

export interface WrittenFile {
  display: string;
  output: DomainOutput;
}

/** The whole report, ending with a newline; deterministic for the same inputs. */
export function renderImportReport(plan: ImportPlan, written: readonly WrittenFile[], names: (id: string) => string, lang: Lang): string {
  const lines: string[] = [];
  let file = '';
  for (const table of plan.tables) {
    if (table.file !== file) {
      file = table.file;
      lines.push(file);
      if (table.encoding !== undefined) lines.push(`  ${say(M.encoding, lang, { encoding: say(ENCODINGS[table.encoding], lang) })}`);
    }
    append(lines, tableSection(table, names, lang));
  }
  lines.push(say(M.wrote, lang));
  for (const w of written) lines.push(`  ${say(M.wroteFile, lang, { file: w.display, n: w.output.items.length })}`);
  const read = plan.tables.reduce((n, t) => n + (t.rows?.read ?? 0), 0);
  const skipped = plan.tables.reduce((n, t) => n + (t.rows?.skipped.length ?? 0), 0);
  const items = written.reduce((n, w) => n + w.output.items.length, 0);
  lines.push(say(M.total, lang, { read, written: items, skipped }));
  return `${lines.join('\n')}\n`;
}

export function countSkipped(plan: ImportPlan): number {
  return plan.tables.reduce((n, t) => n + (t.rows?.skipped.length ?? 0), 0);
}
