// A table's data rows → the values of each row, read per column kind; rows that are not items are set aside with a reason.
import { readChannelCell, restoreCsvCell } from '../model/table.js';
import { normalizeAudience, normalizeLevel, normalizeMode, normalizePublics } from '../model/values.js';
import { matchChannel, type ChannelVocabulary } from '../load/channels.js';
import { LEVEL_MARKS } from '../model/levels.js';
import { AUDIENCES, MODES, PUBLICS } from '../model/values.js';
import type { Audience, ItemField, ItemSpec, LevelMark, Mode, PublicsClass } from '../model/types.js';
import { cleanText, dropBasisTail, readMark, splitBasis, splitChannels, splitOutside, splitValues } from './cells.js';
import { countHeaderLabels, type Header, type TextField } from './header.js';
import type { Table } from './table.js';
import { unusableValue } from '../model/blank.js';

export type ImportMode = 'catalog' | 'edition';

/** What the report says about one cell or row; `params` fill a bilingual message chosen by `code`. */
export interface Remark {
  row: number;
  col: number;
  code: string;
  params: Record<string, string>;
  /** another row the remark points at (the row that took a national item), possibly in another file */
  other?: { file: string; table: Table; row: number; col: number };
}

/** One row's values: the item elements (ItemSpec's, all optional here) and where the row is. */
export interface RowRecord extends Partial<Pick<ItemSpec, ItemField | 'id' | 'standard' | 'seq' | 'levelsAsWritten'>> {
  row: number;
  /** the column that names the item, for pointing at the row */
  col: number;
  domain?: string;
  /** 二级事项 when 三级事项 became the name */
  parentName?: string;
  notes: string[];
}

export interface ReadRows {
  records: RowRecord[];
  /** non-blank rows below the header */
  read: number;
  skipped: Remark[];
  ignored: Remark[];
  guesses: Remark[];
}

const MULTILINE: ReadonlySet<TextField> = new Set<TextField>(['content', 'basis', 'deadline', 'note', 'channels', 'audience', 'mode', 'levels', 'publics']);

const NAMES: ReadonlySet<TextField> = new Set<TextField>(['category', 'name', 'subname']);

function hasWords(mark: ReturnType<typeof readMark>): boolean {
  return mark.checked && mark.text !== undefined;
}

function ordered<T extends string>(values: Iterable<T>, order: readonly T[]): T[] {
  const set = new Set(values);
  return order.filter((v) => set.has(v));
}

function short(text: string, max = 24): string {
  const flat = text.replace(/\s+/g, ' ');
  return [...flat].length > max ? `${[...flat].slice(0, max).join('')}…` : flat;
}

export interface ReadOptions {
  mode: ImportMode;
  vocab: ChannelVocabulary;
}

/** Reads every row below the header. Nothing here decides ids, domains or national items. */
export function readRows(table: Table, header: Header, options: ReadOptions): ReadRows {
  const { columns, fromBuild } = header;
  const verbatim = fromBuild || options.mode === 'edition';
  const result: ReadRows = { records: [], read: 0, skipped: [], ignored: [], guesses: [] };
  const firstOf = (field: TextField) => columns.findIndex((c) => c.kind === 'text' && c.field === field);
  const nameCol = [firstOf('subname'), firstOf('name')].find((c) => c >= 0) ?? 0;
  const seqCol = firstOf('seq');
  const categoryCol = firstOf('category');
  const aliasSeen = new Set<string>();
  // One string per distinct value: a table repeats its 公开主体, 公开时限, 公开依据 and channels on every row, and
  // 100,000 rows held as many copies of each.
  const strings = new Map<string, string>();
  const one = (s: string): string => {
    const kept = strings.get(s);
    if (kept !== undefined) return kept;
    strings.set(s, s);
    return s;
  };
  const shared = <T>(value: T): T => (typeof value === 'string' ? (one(value) as T) : Array.isArray(value) ? (value.map((v: unknown) => (typeof v === 'string' ? one(v) : v)) as T) : value);
  let previousCategory: string | undefined;

  const cellValue = (raw: string, field: TextField): string => {
    const text = table.kind === 'csv' && fromBuild ? restoreCsvCell(raw) : raw;
    if (fromBuild) return text.replace(/\r\n?/g, '\n').trim();
    const clean = cleanText(text, MULTILINE.has(field));
    // a space between two characters of a name is layout (“重大决策&nbsp;草案”, “公共 服务”)
    return NAMES.has(field) ? clean.replace(/(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])/g, '') : clean;
  };

  for (let r = header.last + 1; r < table.rows.length; r++) {
    const cells = table.rows[r]!;
    const filled = cells.map((c, i) => [i, c.trim()] as const).filter(([, c]) => c !== '');
    if (filled.length === 0) continue;
    result.read++;
    if (countHeaderLabels(cells) >= 3) {
      result.ignored.push({ row: r, col: filled[0]![0], code: 'repeatedHeader', params: {} });
      continue;
    }
    const distinct = new Set(filled.map(([, c]) => c));
    const only = filled[0]!;
    if (distinct.size === 1 && filled.length === 1 && only[0] === categoryCol && options.mode === 'catalog' && !fromBuild) {
      // a 一级事项 heading on a row of its own: the rows below carry it
      previousCategory = cellValue(only[1], 'category');
      result.ignored.push({ row: r, col: only[0], code: 'categoryRow', params: { text: short(previousCategory) } });
      continue;
    }
    const onlySeq = filled.every(([i]) => i === seqCol);
    if (distinct.size === 1 && !onlySeq && (filled.length >= 3 || cells[nameCol]?.trim() === '')) {
      result.ignored.push({ row: r, col: only[0], code: 'noteRow', params: { text: short(only[1]) } });
      continue;
    }

    const texts = new Map<TextField, string[]>();
    const marks = { audience: [] as Audience[], mode: [] as Mode[], levels: [] as LevelMark[] };
    const levelWords: string[] = [];
    const notes: string[] = [];
    // 州级, 市级: not a level gk keeps; an edition keeps it in levelsAsWritten, a catalog in the note, and the report says so
    const unknownLevel = (word: string, c: number) => {
      if (options.mode === 'catalog' && !fromBuild) notes.push(`公开层级：${word}`);
      result.guesses.push({ row: r, col: c, code: options.mode === 'catalog' && !fromBuild ? 'levelKept' : 'levelAsWritten', params: { value: short(word) } });
    };
    columns.forEach((column, c) => {
      const raw = cells[c] ?? '';
      if (column.kind === 'ignored') return;
      if (column.kind === 'text') {
        const value = cellValue(raw, column.field);
        if (value === '') return;
        // a masked or placeholder cell is unknown: said in the report, never written as a value
        const unusable = unusableValue(value);
        // a list cell is checked entry by entry below: 政府网站；征地信息公**台 keeps 政府网站
        if (unusable !== undefined && !(unusable === 'masked' && (column.field === 'basis' || column.field === 'channels'))) {
          result.guesses.push({ row: r, col: c, code: unusable === 'masked' ? 'maskedValue' : 'placeholderValue', params: { field: column.field, value: short(value) } });
          return;
        }
        const list = texts.get(column.field) ?? [];
        if (!list.includes(value)) list.push(value);
        texts.set(column.field, list);
        return;
      }
      const mark = readMark(raw);
      if (!mark.checked) return;
      const words = mark.text !== undefined ? cleanText(mark.text, false) : undefined;
      if (column.field === 'audience') {
        marks.audience.push(column.value);
        // 申请人, 项目单位: the 特定群体 cell names the group
        if (words && normalizeAudience(words) === undefined) notes.push(`公开对象：${words}`);
      } else if (column.field === 'mode') marks.mode.push(column.value);
      else {
        const word = words && normalizeLevel(words) !== undefined ? words : column.label.split('/').pop()!;
        if ((column.value as string) === '') unknownLevel(word, c);
        else marks.levels.push(column.value);
        levelWords.push(word);
      }
    });
    const text = (field: TextField) => {
      const list = texts.get(field);
      return list === undefined ? undefined : list.join('\n');
    };

    const record: RowRecord = { row: r, col: nameCol, notes };
    const usable = (field: TextField, value: string): boolean => {
      const unusable = unusableValue(value);
      if (unusable === undefined) return true;
      result.guesses.push({ row: r, col: firstOf(field), code: unusable === 'masked' ? 'maskedValue' : 'placeholderValue', params: { field, value: short(value) } });
      return false;
    };
    let tailNote: string | undefined;
    const set = <K extends keyof RowRecord>(key: K, value: RowRecord[K] | undefined) => {
      if (value !== undefined && !(Array.isArray(value) && value.length === 0)) record[key] = shared(value);
    };
    set('seq', text('seq'));
    set('id', text('id'));
    set('standard', text('standard'));
    set('domain', text('domain'));
    set('category', text('category'));
    const name = text('name');
    const subname = text('subname');
    if (subname !== undefined) {
      set('name', subname);
      if (name !== undefined && name !== subname) {
        record.parentName = name;
        notes.push(`二级事项：${name}`);
      }
    } else set('name', name);
    // In an edition, an item without 二级事项 is named by its 一级事项 (a catalog's row without a name is skipped and said).
    const ownCategory = text('category');
    if (options.mode === 'edition' && record.name === undefined && ownCategory !== undefined) {
      record.name = ownCategory;
      notes.push('二级事项为空，以一级事项为名');
      result.guesses.push({ row: r, col: categoryCol, code: 'namedByCategory', params: { value: short(ownCategory) } });
    }
    set('content', text('content'));
    set('deadline', text('deadline'));
    set('subject', text('subject'));
    const note = text('note');
    if (note !== undefined) notes.unshift(note);

    const basis = texts.get('basis');
    if (basis) {
      let entries = basis.flatMap((b) => (fromBuild ? b.split(/[；\n]/).map((x) => x.trim()).filter((x) => x !== '') : splitBasis(b))).filter((e) => usable('basis', e));
      if (options.mode === 'edition') {
        const dropped = dropBasisTail(entries);
        entries = dropped.entries;
        if (dropped.tail !== undefined) tailNote = `公开依据原文末尾另有“${dropped.tail}”，未列为文件`;
      }
      set('basis', entries);
    }

    const channelCells = texts.get('channels');
    if (channelCells) {
      const channels: string[] = [];
      for (const cell of channelCells) {
        // gk build's workbook ticks boxes where its CSV lists the channels
        const written = fromBuild ? (readChannelCell(cell) ?? splitOutside(cell, /[；\n]/)) : splitChannels(cell, options.vocab).channels;
        for (const w of written) {
          if (!usable('channels', w)) continue;
          let name = w;
          if (!verbatim) {
            const match = matchChannel(options.vocab, w);
            if (match.kind === 'alias') {
              name = match.name;
              if (!aliasSeen.has(w)) {
                aliasSeen.add(w);
                result.guesses.push({ row: r, col: columns.findIndex((c) => c.kind === 'text' && c.field === 'channels'), code: 'channelAlias', params: { written: w, name } });
              }
            }
          }
          if (!channels.includes(name)) channels.push(name);
        }
      }
      set('channels', channels);
    }

    const listed = (field: 'audience' | 'mode' | 'levels' | 'publics'): string[] => (texts.get(field) ?? []).flatMap((cell) => (fromBuild ? cell.split(/[；\n]/).map((x) => x.trim()).filter((x) => x !== '') : splitValues(cell)));
    const dropped = (field: TextField, value: string, c: number) => result.guesses.push({ row: r, col: c, code: 'droppedValue', params: { field, value } });

    const audience = [...marks.audience];
    for (const v of listed('audience')) {
      const a = normalizeAudience(v);
      if (a) audience.push(a);
      else if (hasWords(readMark(v))) {
        // a named group in the 公开对象 column
        audience.push('特定群体');
        notes.push(`公开对象：${v}`);
      }
    }
    const mode = [...marks.mode];
    for (const v of listed('mode')) {
      const m = normalizeMode(v);
      if (m) mode.push(m);
      else dropped('mode', v, firstOf('mode'));
    }
    const levels = [...marks.levels];
    for (const v of listed('levels')) {
      const l = normalizeLevel(v);
      if (l) levels.push(l);
      else unknownLevel(v, firstOf('levels'));
      levelWords.push(v);
    }
    const publics: PublicsClass[] = [];
    for (const v of listed('publics')) {
      const p = normalizePublics(v);
      if (p) publics.push(p);
      else dropped('publics', v, firstOf('publics'));
    }
    set('audience', fromBuild ? [...new Set(audience)] : ordered(audience, AUDIENCES));
    set('mode', fromBuild ? [...new Set(mode)] : ordered(mode, MODES));
    set('levels', fromBuild ? [...new Set(levels)] : ordered(levels, LEVEL_MARKS));
    set('publics', fromBuild ? [...new Set(publics)] : ordered(publics, PUBLICS));
    const written = levelWords.join('；');
    if (options.mode === 'edition' && written !== '' && written !== (record.levels ?? []).join('；')) record.levelsAsWritten = written;
    if (tailNote !== undefined) notes.push(tailNote);

    if (options.mode === 'catalog' && !fromBuild && categoryCol >= 0) {
      if (record.category === undefined && previousCategory !== undefined && record.name !== undefined) {
        record.category = previousCategory;
        result.guesses.push({ row: r, col: categoryCol, code: 'filledDown', params: { value: short(previousCategory) } });
      }
      if (record.category !== undefined) previousCategory = record.category;
    }

    if (options.mode === 'catalog' && record.name === undefined) {
      result.skipped.push({ row: r, col: nameCol, code: onlySeq ? 'onlySeq' : 'noName', params: { text: short(filled.map(([, c]) => c).join(' ')) } });
      continue;
    }
    result.records.push(record);
  }
  return result;
}

