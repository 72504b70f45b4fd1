// gk import's pipeline, pure: input bytes → tables → header → rows → domain → national match → items per domain.
import path from 'node:path';
import { usageError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { decodeBytes, type Encoding } from '../load/decode.js';
import { ID_PATTERN } from '../check/schema/generate.js';
import type { ChannelVocabulary } from '../load/channels.js';
import { DOMAIN_IDS, DOMAIN_NAMES, ITEM_FIELDS, type Edition, type ItemField, type ItemSpec, type Lang } from '../model/types.js';
import { readDelimited } from './csv.js';
import { parseDomain, guessDomain, type LocalDomains } from './domain.js';
import { findHeader, type Header } from './header.js';
import { readHtmlBytes } from './html.js';
import { matchRows, type MatchResult } from './match.js';
import { readRows, type ImportMode, type ReadRows, type Remark, type RowRecord } from './rows.js';
import { TABLE_LIMITS, TableTooLarge, type Table, type TableLimit } from './table.js';
import { readWorkbook } from './xlsx.js';

export interface InputFile {
  /** path as shown to the user */
  display: string;
  bytes: Uint8Array;
}

export type InputKind = 'xlsx' | 'csv' | 'html';

export interface ImportOptions {
  mode: ImportMode;
  /** --domain, already checked */
  domain?: string;
  /** --sheet: a sheet name, or the ordinal of a sheet or HTML table */
  sheet?: string;
  /** the edition rows are matched against (catalog mode) */
  edition: Edition;
  vocab: ChannelVocabulary;
  /** local domains of the gk.yaml above the output (id → Chinese name) */
  localDomains?: LocalDomains;
  /** the language of the refusals planImport throws */
  lang: Lang;
}

export type DomainHow = 'option' | 'column' | 'title' | 'sheet' | 'file' | 'names';

export interface TablePlan {
  file: string;
  kind: InputKind;
  /** the table as read, its rows cut after the header once they are read into `rows` */
  table: Table;
  header?: Header;
  domain?: { id: string; how: DomainHow; from?: string; matched?: number; of?: number };
  rows?: ReadRows;
  /** national matches, ids and other per-row guesses made after reading */
  remarks: Remark[];
  /** items this table contributed */
  written: number;
  /** title rows above the header */
  title?: string;
  /** text inputs: how the file was decoded */
  encoding?: Encoding;
}

export interface DomainOutput {
  domain: string;
  items: ItemSpec[];
  /** inputs that contributed, as displayed */
  files: string[];
  /** the first title row seen for this domain */
  title?: string;
}

export interface ImportPlan {
  tables: TablePlan[];
  outputs: DomainOutput[];
}

const LEGACY_XLS = [0xd0, 0xcf, 0x11, 0xe0];

const M = {
  legacyXls: {
    zh: '{file}：这是旧版 Excel .xls（或 WPS .et）工作簿；请在 Excel 或 WPS 中另存为 .xlsx 后再导入',
    en: '{file}: an old Excel .xls (or .et) workbook; open it in Excel or WPS and save it as .xlsx, then import that',
  },
  notXlsx: { zh: '{file}：不是 .xlsx 工作簿（文件开头不是 zip 格式）', en: '{file}: not an .xlsx workbook (it does not start like a zip file)' },
  badWorkbook: { zh: '{file}：无法读取该工作簿，文件可能已损坏（{detail}）', en: '{file}: cannot read the workbook; the file may be damaged ({detail})' },
  noSheets: { zh: '{file}：工作簿中没有工作表', en: '{file}: the workbook has no worksheets' },
  binary: { zh: '{file}：不是文本文件，也不是 .xlsx 工作簿或网页', en: '{file}: not a text file, nor an .xlsx workbook or an HTML page' },
  empty: { zh: '{file}：文件是空的', en: '{file}: the file is empty' },
  noHtmlTable: { zh: '{file}：网页中没有表格（<table>）', en: '{file}: the page has no table (<table>)' },
  noSheet: { zh: '{file}：没有名为或序号为“{sheet}”的工作表或表格（现有：{names}）', en: '{file}: no sheet or table "{sheet}" (there are: {names})' },
  noTable: {
    zh: '{file}：没有找到目录表格（没有一行表头含有“二级事项/事项名称”“公开内容”“公开依据”等列名）',
    en: '{file}: no catalog table found (no row with headers such as 二级事项/事项名称, 公开内容, 公开依据)',
  },
  noDomain: {
    zh: '{file}{where}：无法判断该表格属于哪个领域：{why}；请用 --domain 指定，例如 --domain social-assistance',
    en: '{file}{where}: cannot tell which domain this table belongs to: {why}; pass --domain <id>, e.g. --domain social-assistance',
  },
  whereSheet: { zh: '（工作表 {name}）', en: ' (sheet {name})' },
  whereTable: { zh: '（表格 {n}）', en: ' (table {n})' },
  ambiguous: { zh: '“{from}”同时指向多个领域（{ids}）', en: '"{from}" names several domains ({ids})' },
  unnamed: { zh: '标题和文件名都没有写明领域', en: 'neither the title nor the file name names a domain' },
} satisfies Record<string, Message>;

const LIMIT_NAMES: Record<TableLimit, Message> = {
  rows: { zh: '行数', en: 'rows' },
  columns: { zh: '列数', en: 'columns' },
  cells: { zh: '单元格数', en: 'cells' },
};

const TOO_LARGE: Message = {
  zh: '{file}：表格过大（{what} {value}，超过上限 {max}），未导入',
  en: '{file}: the table is too large ({what}: {value}, over the limit of {max}); nothing imported',
};

/** The file's tables, or a refusal naming the limit a table goes beyond. */
export async function readInput(file: InputFile, lang: Lang): Promise<{ kind: InputKind; tables: Table[]; encoding?: Encoding }> {
  try {
    return await readTables(file, lang);
  } catch (err) {
    if (!(err instanceof TableTooLarge)) throw err;
    const value = Number.isFinite(err.value) ? err.value.toLocaleString('en-US') : '∞';
    throw usageError(say(TOO_LARGE, lang, { file: file.display, what: say(LIMIT_NAMES[err.limit], lang), value, max: TABLE_LIMITS[err.limit].toLocaleString('en-US') }));
  }
}

export function sniffKind(display: string, bytes: Uint8Array, lang: Lang): InputKind {
  if (bytes.length === 0) throw usageError(say(M.empty, lang, { file: display }));
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (LEGACY_XLS.every((b, i) => bytes[i] === b)) throw usageError(say(M.legacyXls, lang, { file: display }));
  const head = decodeBytes(bytes.subarray(0, 4096)).text.trimStart().toLowerCase();
  // portals often serve an HTML table under an .xls name
  if (/\.html?$/i.test(display) || head.startsWith('<') || /<table[\s>]/.test(head)) return 'html';
  if (/\.xlsx$/i.test(display)) throw usageError(say(M.notXlsx, lang, { file: display }));
  return 'csv';
}

async function readTables(file: InputFile, lang: Lang): Promise<{ kind: InputKind; tables: Table[]; encoding?: Encoding }> {
  const kind = sniffKind(file.display, file.bytes, lang);
  if (kind === 'xlsx') {
    let tables: Table[];
    try {
      tables = await readWorkbook(file.bytes);
    } catch (err) {
      if (err instanceof TableTooLarge) throw err;
      throw usageError(say(M.badWorkbook, lang, { file: file.display, detail: (err as Error).message }));
    }
    // a zip that is not a workbook at all reads as one without sheets
    if (tables.length === 0) throw usageError(say(M.noSheets, lang, { file: file.display }));
    return { kind, tables };
  }
  if (kind === 'html') {
    const { tables, encoding } = readHtmlBytes(file.bytes);
    if (tables.length === 0) throw usageError(say(M.noHtmlTable, lang, { file: file.display }));
    return { kind, tables, encoding };
  }
  const table = readDelimited(file.bytes);
  if (table.encoding === 'binary') throw usageError(say(M.binary, lang, { file: file.display }));
  return { kind, tables: [table], encoding: table.encoding };
}

function selectTables(tables: Table[], sheet: string | undefined, display: string, lang: Lang): Table[] {
  if (sheet === undefined) return tables;
  const byName = tables.filter((t) => t.name === sheet);
  if (byName.length > 0) return byName;
  const n = Number(sheet);
  const byIndex = Number.isInteger(n) ? tables.filter((t) => t.index === n) : [];
  if (byIndex.length > 0) return byIndex;
  const names = tables.map((t) => t.name || String(t.index)).join(', ');
  throw usageError(say(M.noSheet, lang, { file: display, sheet, names }));
}

function titleOf(table: Table, header: Header): string | undefined {
  const lines: string[] = [];
  for (let r = 0; r < header.first; r++) {
    const distinct = [...new Set(table.rows[r]!.map((c) => c.replace(/\s+/g, ' ').trim()).filter((c) => c !== ''))];
    if (distinct.length > 0) lines.push(distinct.join(' '));
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
}

function domainOfValue(value: string | undefined, local: LocalDomains | undefined): string | undefined {
  if (value === undefined) return undefined;
  return parseDomain(value, local);
}

/** Tries each standard domain: the one whose national names most rows match, when it is clear. */
function domainByNames(records: RowRecord[], edition: Edition): { id: string; matched: number } | undefined {
  const named = records.filter((r) => r.name !== undefined);
  if (named.length === 0) return undefined;
  const counts = DOMAIN_IDS.map((id) => ({
    id,
    matched: matchRows(
      named.map((r) => ({ name: r.name!, category: r.category, altName: r.parentName })),
      edition,
      id,
    ).filter((m) => m.kind === 'matched' || m.kind === 'taken').length,
  })).sort((a, b) => b.matched - a.matched);
  const [first, second] = counts;
  if (!first || first.matched === 0 || first.matched * 2 < named.length || (second && second.matched === first.matched)) return undefined;
  return first;
}

function decideDomain(plan: TablePlan, records: RowRecord[], options: ImportOptions): void {
  if (options.domain !== undefined) {
    plan.domain = { id: options.domain, how: 'option' };
    return;
  }
  const hasColumn = plan.header!.columns.some((c) => c.kind === 'text' && c.field === 'domain');
  if (hasColumn && records.length > 0 && records.every((r) => domainOfValue(r.domain, options.localDomains) !== undefined)) {
    plan.domain = { id: domainOfValue(records[0]!.domain, options.localDomains)!, how: 'column' };
    return;
  }
  const base = path.basename(plan.file);
  const texts: Array<[string, DomainHow]> = [];
  if (plan.title) for (const line of plan.title.split('\n')) texts.push([line, 'title']);
  if (plan.table.kind === 'sheet') texts.push([plan.table.name, 'sheet']);
  texts.push([base, 'file']);
  const guess = guessDomain(texts.map(([t]) => t), options.localDomains);
  if (guess && 'domain' in guess) {
    const how = texts.find(([t]) => t === guess.from)![1];
    plan.domain = { id: guess.domain, how, from: guess.from };
    return;
  }
  const byNames = domainByNames(records, options.edition);
  if (byNames) {
    plan.domain = { id: byNames.id, how: 'names', matched: byNames.matched, of: records.filter((r) => r.name !== undefined).length };
    return;
  }
  const { lang } = options;
  const where = plan.table.kind === 'sheet' ? say(M.whereSheet, lang, { name: plan.table.name }) : plan.table.kind === 'html' ? say(M.whereTable, lang, { n: plan.table.index }) : '';
  const why = guess && 'ambiguous' in guess ? say(M.ambiguous, lang, { from: guess.from, ids: guess.ambiguous.join(', ') }) : say(M.unnamed, lang);
  throw usageError(say(M.noDomain, lang, { file: plan.file, where, why }));
}

function isStandardDomain(id: string): boolean {
  return (DOMAIN_IDS as readonly string[]).includes(id);
}

function matchRemark(placed: Placed, m: MatchResult, all: Placed[]): Remark {
  const { record } = placed;
  const at = { row: record.row, col: record.col };
  switch (m.kind) {
    case 'matched':
      return { ...at, code: m.exact ? 'matchExact' : 'matchSimilar', params: { id: m.item.id, name: m.item.name ?? '', score: m.score.toFixed(2) } };
    case 'ambiguous':
      return { ...at, code: 'matchAmbiguous', params: { ids: m.candidates.map((c) => c.id).join('、') } };
    case 'taken': {
      const by = all[m.by]!;
      return { ...at, code: 'matchTaken', params: { id: m.item.id, name: m.item.name ?? '' }, other: { file: by.plan.file, table: by.plan.table, row: by.record.row, col: by.record.col } };
    }
    case 'none':
      // a nearest name that shares almost nothing is no help
      return m.nearest && m.score >= 0.5
        ? { ...at, code: 'matchNone', params: { id: m.nearest.id, name: m.nearest.name ?? '', score: m.score.toFixed(2) } }
        : { ...at, code: 'matchNoneAtAll', params: {} };
  }
}

interface Placed {
  plan: TablePlan;
  record: RowRecord;
  domain: string;
  standard?: string;
  /** the national item is to be guessed from the name */
  guess: boolean;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function catalogItems(domain: string, placed: Placed[]): ItemSpec[] {
  const used = new Set<string>();
  const ids: Array<string | undefined> = placed.map(({ record, plan }) => {
    const id = record.id;
    if (id === undefined) return undefined;
    if (!new RegExp(ID_PATTERN).test(id)) {
      plan.remarks.push({ row: record.row, col: record.col, code: 'idInvalid', params: { id } });
      return undefined;
    }
    if (used.has(id)) {
      plan.remarks.push({ row: record.row, col: record.col, code: 'idDuplicate', params: { id } });
      return undefined;
    }
    used.add(id);
    return id;
  });
  let next = 1;
  return placed.map(({ record, standard }, i) => {
    let id = ids[i];
    if (id === undefined) {
      while (used.has(`${domain}-${pad(next)}`)) next++;
      id = `${domain}-${pad(next)}`;
      used.add(id);
    }
    const item: ItemSpec = { id };
    if (standard !== undefined) item.standard = standard;
    copyFields(record, item);
    if (record.notes.length > 0) item.note = record.notes.join('；');
    return item;
  });
}

function copyField<K extends ItemField>(record: Partial<ItemSpec>, item: ItemSpec, field: K): void {
  const value = record[field];
  if (value !== undefined) item[field] = value;
}

function copyFields(record: RowRecord, item: ItemSpec): void {
  for (const field of ITEM_FIELDS) copyField(record, item, field);
}

/** Ids as the national edition makes them: <domain>/<序号>, -2 for a repeated 序号, x<row> when there is none. */
function editionItems(domain: string, placed: Placed[], where: (p: Placed) => string): ItemSpec[] {
  const count = new Map<string, number>();
  for (const { record } of placed) if (record.seq !== undefined) count.set(record.seq, (count.get(record.seq) ?? 0) + 1);
  const seen = new Map<string, number>();
  return placed.map((p, i) => {
    const { record } = p;
    const notes: string[] = [];
    let id: string;
    if (record.seq === undefined) {
      id = `${domain}/x${i + 1}`;
      notes.push('序号未知，编号为本表自拟');
    } else {
      const k = (seen.get(record.seq) ?? 0) + 1;
      seen.set(record.seq, k);
      id = k === 1 ? `${domain}/${record.seq}` : `${domain}/${record.seq}-${k}`;
      const n = count.get(record.seq)!;
      if (n > 1) notes.push(k === 1 ? `序号“${record.seq}”在本表中出现${n}次，本行为第1次` : `序号“${record.seq}”在本表中重复，本行为第${k}次，编号加后缀“-${k}”`);
    }
    notes.push(...record.notes);
    const item: ItemSpec = { id };
    if (record.seq !== undefined) item.seq = record.seq;
    copyFields(record, item);
    if (record.levelsAsWritten !== undefined) item.levelsAsWritten = record.levelsAsWritten;
    item.source = where(p);
    if (notes.length > 0) item.note = notes.join('；');
    return item;
  });
}

/** Everything gk import will write and say, from the inputs' bytes; nothing is written here. */
export async function planImport(files: readonly InputFile[], options: ImportOptions): Promise<ImportPlan> {
  const tables: TablePlan[] = [];
  const placed: Placed[] = [];
  for (const file of files) {
    const input = await readInput(file, options.lang);
    const chosen = selectTables(input.tables, options.sheet, file.display, options.lang);
    const before = tables.length;
    for (const table of chosen) {
      const plan: TablePlan = { file: file.display, kind: input.kind, table, remarks: [], written: 0 };
      if (input.encoding !== undefined) plan.encoding = input.encoding;
      tables.push(plan);
      const header = findHeader(table.rows);
      if (!header) continue;
      plan.header = header;
      const title = titleOf(table, header) ?? table.caption;
      if (title !== undefined) plan.title = title;
      plan.rows = readRows(table, header, { mode: options.mode, vocab: options.vocab });
      // The rows below the header live on as records; the cells themselves are not needed again (locating a cell
      // needs only the table's name, kind and line numbers), and 100,000 rows of them took tens of megabytes.
      table.rows.length = header.last + 1;
      const records = plan.rows.records;
      const local = options.localDomains;
      const needsTableDomain = options.domain !== undefined || records.some((r) => domainOfValue(r.domain, local) === undefined);
      if (needsTableDomain || records.length === 0) decideDomain(plan, records, options);
      else plan.domain = { id: domainOfValue(records[0]!.domain, local)!, how: 'column' };
      const domainOf = (r: RowRecord) => options.domain ?? domainOfValue(r.domain, local) ?? plan.domain!.id;
      const hasStandardColumn = header.columns.some((c) => c.kind === 'text' && c.field === 'standard');
      for (const r of records) {
        const p: Placed = { plan, record: r, domain: domainOf(r), guess: false };
        if (options.mode === 'catalog' && hasStandardColumn) {
          if (r.standard !== undefined) {
            p.standard = r.standard;
            if (!options.edition.items.has(r.standard)) plan.remarks.push({ row: r.row, col: r.col, code: 'standardUnknown', params: { id: r.standard } });
          }
        } else if (options.mode === 'catalog' && isStandardDomain(p.domain)) p.guess = true;
        placed.push(p);
      }
    }
    if (tables.length === before || tables.slice(before).every((t) => !t.header)) {
      throw usageError(say(M.noTable, options.lang, { file: file.display }));
    }
  }
  // input order within each domain, domains sorted
  const domains = [...new Set(placed.map((p) => p.domain))].sort();
  // one match per domain over every file, so two tables cannot both claim a national item
  for (const domain of domains) {
    const guessing = placed.filter((p) => p.domain === domain && p.guess);
    if (guessing.length === 0) continue;
    const results = matchRows(
      guessing.map(({ record: r }) => ({ name: r.name!, category: r.category, content: r.content, altName: r.parentName })),
      options.edition,
      domain,
    );
    results.forEach((m, i) => {
      const p = guessing[i]!;
      p.plan.remarks.push(matchRemark(p, m, guessing));
      if (m.kind === 'matched') p.standard = m.item.id;
    });
  }
  const outputs = domains.map((domain): DomainOutput => {
    const mine = placed.filter((p) => p.domain === domain);
    const items =
      options.mode === 'catalog'
        ? catalogItems(domain, mine)
        : editionItems(domain, mine, (p) => `${path.basename(p.plan.file)} ${sourceAt(p.plan.table, p.record.row)}`);
    for (const p of mine) p.plan.written++;
    const files = [...new Set(mine.map((p) => p.plan.file))];
    const out: DomainOutput = { domain, items, files };
    const title = mine.map((p) => p.plan.title).find((t) => t !== undefined);
    if (title !== undefined) out.title = title.split('\n')[0]!;
    return out;
  });
  return { tables, outputs };
}

/** Row provenance in an edition file: a location that reads the same in both languages. */
function sourceAt(table: Table, row: number): string {
  if (table.kind === 'sheet') return `${table.name}!${row + 1}:${row + 1}`;
  if (table.kind === 'csv') return `line ${table.lines?.[row] ?? row + 1}`;
  return `table ${table.index} row ${row + 1}`;
}

export function describeDomain(id: string): string {
  return (DOMAIN_NAMES as Record<string, string>)[id] ?? id;
}
