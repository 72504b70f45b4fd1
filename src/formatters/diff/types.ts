// What the diff formatters take and share: results per government, options, and the bilingual words they print.
import { ELEMENT_NAMES } from '../../model/elements.js';
export { flattenValue, formatCoverage, formatPercent, labelDomain } from '../../model/labels.js';
import type { Message } from '../../model/i18n.js';
import type { ChannelVocabulary } from '../../load/channels.js';
import type { ItemField, Lang, ResolvedItem } from '../../model/types.js';
import { WORKING_TREE, type ChangeClass, type ItemChange, type StandardResult, type StandardStatus, type VersionResult } from '../../diff/types.js';
export { WORKING_TREE };
export type { StandardResult, VersionResult };

export interface DiffFormatOptions {
  lang: Lang;
  color: boolean;
  /** Lines printed before anything else: the partial-edition notices. */
  notices: readonly string[];
  channels: ChannelVocabulary;
}

export interface DiffFormatter {
  standard(results: readonly StandardResult[], options: DiffFormatOptions): string;
  versions(results: readonly VersionResult[], options: DiffFormatOptions): string;
}

export type EntryStatus = StandardStatus | 'local' | 'unknown';

export const STATUS: Record<EntryStatus, Message> = {
  adopted: { zh: '采用', en: 'adopted' },
  adapted: { zh: '调整', en: 'adapted' },
  excluded: { zh: '不适用', en: 'excluded' },
  missing: { zh: '缺失', en: 'missing' },
  local: { zh: '本地新增', en: 'local' },
  unknown: { zh: '未知引用', en: 'unknown' },
};

/** The statuses counted per domain, in print order; a village's (coverage not measured) has no missing items. */
export function countedStatuses(measured: boolean): readonly EntryStatus[] {
  return measured ? ['adopted', 'adapted', 'excluded', 'missing', 'local', 'unknown'] : ['adopted', 'adapted', 'excluded', 'local', 'unknown'];
}


export const KIND: Record<ItemChange['kind'], Message> = {
  added: { zh: '新增', en: 'added' },
  removed: { zh: '删除', en: 'removed' },
  changed: { zh: '修改', en: 'changed' },
  moved: { zh: '移动', en: 'moved' },
};

export const CLASS: Record<ChangeClass, Message> = {
  breaking: { zh: '破坏性', en: 'breaking' },
  notable: { zh: '重要', en: 'notable' },
  info: { zh: '一般', en: 'info' },
};

export const WORDS = {
  total: { zh: '合计', en: 'total' },
  coverage: { zh: '覆盖率', en: 'coverage' },
  applicable: { zh: '适用', en: 'applicable' },
  weakening: { zh: '未声明的削弱', en: 'undeclared weakenings' },
  declared: { zh: '已声明：{reason}', en: 'declared: {reason}' },
  adoptedIds: { zh: '{n} 项：{ids}', en: '{n}: {ids}' },
  // not 工作区: in gk that word means a workspace of many governments
  workingTree: { zh: '工作目录', en: 'working tree' },
  noChanges: { zh: '没有变化', en: 'no changes' },
  against: { zh: '{name}（{code}，{level}）对照国家标准目录 {edition}', en: '{name} ({code}, {level}) against the national standard {edition}' },
  renamedFrom: { zh: '原编号 {id}', en: 'was {id}' },
  movedFrom: { zh: '原领域 {domain}', en: 'was in {domain}' },
  domain: { zh: '领域', en: 'domain' },
  count: { zh: '数量', en: 'count' },
  change: { zh: '变化', en: 'change' },
  item: { zh: '事项', en: 'item' },
  class: { zh: '级别', en: 'class' },
  details: { zh: '说明', en: 'details' },
  local: { zh: '本地', en: 'local' },
  national: { zh: '国家标准', en: 'national' },
} satisfies Record<string, Message>;

export { levelName } from '../../model/levels.js';

export function labelField(field: ItemField, lang: Lang): string {
  return lang === 'zh' ? ELEMENT_NAMES[field].zh : field;
}

export function labelVersion(label: string, lang: Lang): string {
  return label === WORKING_TREE ? WORDS.workingTree[lang] : label;
}

export function readItemName(item: ResolvedItem | undefined): string {
  return item?.fields.name?.value ?? '';
}

