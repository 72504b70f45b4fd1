// The canonical spelling of vocabulary values (公开对象, 公开方式, 公开层级, 五公开) and of width variants, shared by fmt and import.
import type { Audience, LevelMark, Mode, PublicsClass } from './types.js';

export const AUDIENCES: readonly Audience[] = ['全社会', '特定群体'];
export const MODES: readonly Mode[] = ['主动', '依申请'];
export const PUBLICS: readonly PublicsClass[] = ['决策公开', '执行公开', '管理公开', '服务公开', '结果公开'];

/** Full-width digits and Latin letters → ASCII, ideographic spaces → spaces: the forms the standard writes. */
export function toHalfWidth(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Width variants folded (NFKC) and every space, zero-width space and BOM dropped: how two spellings are compared. */
export function foldSpacing(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u200b\ufeff]+/g, '');
}

export function normalizeAudience(written: string): Audience | undefined {
  const s = foldSpacing(written);
  if (/^(全社会|社会公众|公众|全体社会成员)$/.test(s)) return '全社会';
  if (/^特定(群体|群众|对象|人群|人员)$/.test(s)) return '特定群体';
  return undefined;
}

export function normalizeMode(written: string): Mode | undefined {
  const s = foldSpacing(written);
  if (/^主动(公开)?$/.test(s)) return '主动';
  if (/^依申请(公开)?$/.test(s)) return '依申请';
  return undefined;
}

/**
 * 公开层级 labels as the tables write them: 县级, 县(区)级, 州级县级 → 县级; 乡级, 乡、村级, 乡(镇)级, 镇(街)级 → 乡级
 * (the township column of the official tables covers villages too); 村级, 村(社区)级 → 村级. 市级, 州级 → undefined.
 */
export function normalizeLevel(written: string): LevelMark | undefined {
  const s = foldSpacing(written);
  if (s === '') return undefined;
  if (/乡|镇|街道|街\)/.test(s)) return '乡级';
  if (/^(村|社区|村\(社区\)|村\(居\)|居委会)级?$/.test(s)) return '村级';
  if (/县|区|旗/.test(s) && /级$|^(县|区|旗)$/.test(s)) return '县级';
  return undefined;
}

export function normalizePublics(written: string): PublicsClass | undefined {
  const s = foldSpacing(written).replace(/公开$/, '');
  if (s === '决策' || s === '执行' || s === '管理' || s === '服务' || s === '结果') return `${s}公开`;
  return undefined;
}

const VOCABULARY_FIELDS: Record<string, (written: string) => string | undefined> = {
  audience: normalizeAudience,
  mode: normalizeMode,
  levels: normalizeLevel,
  publics: normalizePublics,
};

/**
 * The spelling gk fmt writes for a vocabulary value of an item (`mode: 主动公开` → 主动), when it writes another;
 * undefined when it leaves the value alone. The schema check marks exactly these findings fixable.
 */
export function fixVocabularyValue(field: string, written: string): string | undefined {
  const normalize = Object.hasOwn(VOCABULARY_FIELDS, field) ? VOCABULARY_FIELDS[field] : undefined;
  const canonical = normalize?.(written);
  return canonical !== undefined && canonical !== written ? canonical : undefined;
}

/**
 * Whether gk fmt changes an item's vocabulary value beyond its layout: a variant spelling (of the value or of an
 * element of its list), or a list repeating a value once spellings are made canonical. Reordering is layout.
 */
export function fmtRewritesVocabulary(field: string, value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  if (values.some((v) => typeof v === 'string' && fixVocabularyValue(field, v) !== undefined)) return true;
  if (!Array.isArray(value) || !Object.hasOwn(VOCABULARY_FIELDS, field)) return false;
  const canonical = value.map((v) => (typeof v === 'string' ? (fixVocabularyValue(field, v) ?? v) : v));
  return new Set(canonical).size < canonical.length;
}
