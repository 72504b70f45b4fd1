// Finding the header of a table: which rows it spans (one, or two under merged group cells) and what each column holds.
import { CSV_HEADERS } from '../model/table.js';
import { normalizeAudience, normalizeLevel, normalizeMode } from '../model/values.js';
import type { Audience, LevelMark, Mode } from '../model/types.js';

export type TextField =
  | 'seq'
  | 'id'
  | 'standard'
  | 'domain'
  | 'category'
  | 'name'
  | 'subname'
  | 'content'
  | 'basis'
  | 'deadline'
  | 'subject'
  | 'channels'
  | 'audience'
  | 'mode'
  | 'levels'
  | 'publics'
  | 'note';

export type MarkField = 'audience' | 'mode' | 'levels';

export type Column =
  | { kind: 'text'; field: TextField; label: string }
  | { kind: 'mark'; field: 'audience'; value: Audience; label: string }
  | { kind: 'mark'; field: 'mode'; value: Mode; label: string }
  | { kind: 'mark'; field: 'levels'; value: LevelMark; label: string }
  | { kind: 'ignored'; label: string };

export interface Header {
  /** first and last header row (0-based) */
  first: number;
  last: number;
  columns: Column[];
  /** the table has the columns gk build adds (事项编号, 对应标准事项): values are read as written */
  fromBuild: boolean;
}

type Group = 'item' | MarkField;
type Recognized = { kind: 'text'; field: TextField } | { kind: 'group'; group: Group } | { kind: 'mark'; field: MarkField; value: string } | undefined;

/** Header text without spaces, width variants and legends such as (“■”表示必选项,“□”表示可选项). */
export function normalizeLabel(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\([^()]*(?:表示|必选|可选|至少|选择|勾选|注:|注：|标注)[^()]*\)/g, '')
    .replace(/[*※]+$/, '');
}

const TEXT_LABELS: Array<[RegExp, TextField]> = [
  [/^(?:序号|序|编号|NO\.?|No\.?)$/i, 'seq'],
  [/^(?:事项编号|事项ID|id)$/i, 'id'],
  [/^(?:对应标准事项|对应国家标准事项|国家标准事项|标准事项|标准事项编号|standard)$/i, 'standard'],
  [/^(?:领域|所属领域|试点领域|domain)$/i, 'domain'],
  [/^(?:一级事项|一级目录|一级事项名称|一级|事项类别|事项分类|类别)$/, 'category'],
  [/^(?:二级事项|二级目录|二级事项名称|二级|事项名称|公开事项名称|事项)$/, 'name'],
  [/^(?:三级事项|三级目录|三级事项名称|三级)$/, 'subname'],
  [/^(?:公开内容|事项内容|公开要素|内容)/, 'content'],
  [/^(?:公开依据|依据|政策依据|法律依据|公开的依据)/, 'basis'],
  [/^(?:公开时限|时限|公开时间|公开期限)/, 'deadline'],
  [/^(?:公开主体|主体|责任主体|公开责任主体|责任单位|公开单位|公开责任单位)$/, 'subject'],
  [/^(?:公开渠道和载体|公开渠道及载体|公开渠道|公开载体|载体|公开形式|渠道|公开方式和载体|公开渠道和方式)/, 'channels'],
  [/^(?:五公开分类|五公开|五公开类别|公开类别|公开分类)$/, 'publics'],
  [/^(?:备注|说明)$/, 'note'],
];

const GROUP_LABELS: Array<[RegExp, Group]> = [
  [/^公开事项$/, 'item'],
  [/^(?:公开对象|对象)$/, 'audience'],
  [/^(?:公开方式|方式)$/, 'mode'],
  [/^(?:公开层级|层级)$/, 'levels'],
];

function markOf(label: string, group?: Group): Recognized {
  if (group === undefined || group === 'audience') {
    const a = normalizeAudience(label);
    if (a) return { kind: 'mark', field: 'audience', value: a };
  }
  if (group === undefined || group === 'mode') {
    const m = normalizeMode(label);
    if (m) return { kind: 'mark', field: 'mode', value: m };
  }
  if (group === 'levels' || /级$/.test(label)) {
    const l = normalizeLevel(label);
    if (l) return { kind: 'mark', field: 'levels', value: l };
    // 市级, 州级: a level gk does not keep
    if (group === 'levels' && /级$/.test(label)) return { kind: 'mark', field: 'levels', value: '' };
  }
  return undefined;
}

export function recognize(raw: string, group?: Group): Recognized {
  const label = normalizeLabel(raw);
  if (label === '') return undefined;
  if (group === 'item') {
    for (const [re, field] of TEXT_LABELS) if ((field === 'category' || field === 'name' || field === 'subname') && re.test(label)) return { kind: 'text', field };
  }
  const mark = markOf(label, group === 'item' ? undefined : group);
  if (mark) return mark;
  for (const [re, g] of GROUP_LABELS) if (re.test(label)) return { kind: 'group', group: g };
  for (const [re, field] of TEXT_LABELS) if (re.test(label)) return { kind: 'text', field };
  return undefined;
}

function toColumn(r: Recognized, label: string): Column {
  if (r === undefined) return { kind: 'ignored', label };
  if (r.kind === 'text') return { kind: 'text', field: r.field, label };
  if (r.kind === 'group') return { kind: 'text', field: r.group === 'item' ? 'name' : r.group, label };
  if (r.value === '') return { kind: 'ignored', label };
  return { kind: 'mark', field: r.field, value: r.value, label } as Column;
}

function fieldsOf(columns: Column[]): Set<string> {
  const set = new Set<string>();
  for (const c of columns) if (c.kind !== 'ignored') set.add(c.field);
  return set;
}

/** The row under `top` names the parts of its group cells (一级事项/二级事项, 全社会/特定群体 …) and holds nothing else. */
function combine(top: string[], sub: string[]): Column[] | undefined {
  const above = top.map(normalizeLabel);
  const topRecognized = top.map((cell) => recognize(cell));
  // a title row over the header is not half of a two-row header: it has words that are no header label over other words
  if (above.some((label, c) => label !== '' && topRecognized[c] === undefined && normalizeLabel(sub[c] ?? '') !== '' && normalizeLabel(sub[c] ?? '') !== label)) return undefined;
  const groups: Array<{ group: Group; label: string } | undefined> = [];
  topRecognized.forEach((r, c) => {
    // a CSV cannot merge: the group label sits over its first column only
    groups[c] = r?.kind === 'group' ? { group: r.group, label: above[c]! } : above[c] === '' && c > 0 ? groups[c - 1] : undefined;
  });
  let parts = 0;
  const columns: Column[] = [];
  for (let c = 0; c < top.length; c++) {
    const a = above[c]!;
    const b = normalizeLabel(sub[c] ?? '');
    if (b === '' || b === a) {
      columns.push(toColumn(topRecognized[c], a));
      continue;
    }
    const group = groups[c];
    const under = recognize(sub[c] ?? '', group?.group);
    if (under === undefined) return undefined;
    if (group) {
      parts++;
      columns.push(toColumn(under, `${group.label}/${b}`));
    } else if (a === '') {
      columns.push(toColumn(under, b));
    } else return undefined;
  }
  return parts > 0 ? columns : undefined;
}

const BUILD_ONLY = CSV_HEADERS.filter((h) => h === '事项编号' || h === '对应标准事项');

/** The first row (or pair of rows) within the first 30 that names an item column and at least two others. */
export function findHeader(rows: string[][]): Header | undefined {
  const limit = Math.min(rows.length, 30);
  for (let r = 0; r < limit; r++) {
    const top = rows[r]!;
    const single = top.map((cell) => toColumn(recognize(cell), normalizeLabel(cell)));
    const pair = r + 1 < rows.length ? combine(top, rows[r + 1]!) : undefined;
    const columns = pair ?? single;
    const fields = fieldsOf(columns);
    if (!(fields.has('name') || fields.has('subname')) || fields.size < 3) continue;
    const labels = new Set(top.map(normalizeLabel));
    return { first: r, last: pair ? r + 1 : r, columns, fromBuild: BUILD_ONLY.every((h) => labels.has(h)) };
  }
  return undefined;
}

/** How many header labels a row carries: a second copy of the header inside the data (a page break) has several. */
export function countHeaderLabels(row: string[]): number {
  const labels = new Set<string>();
  for (const cell of row) {
    const r = recognize(cell);
    if (r?.kind === 'text') labels.add(r.field);
    else if (r?.kind === 'group') labels.add(r.group);
  }
  return labels.size;
}
