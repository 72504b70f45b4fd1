// The elements of a catalog item (要素) and their names: the vocabulary every stage shares.
import type { ItemField } from './types.js';

/** Elements every published item must have (五公开 class and 一级事项 are optional). */
export const REQUIRED_ELEMENTS: readonly ItemField[] = ['name', 'content', 'basis', 'deadline', 'subject', 'channels', 'audience', 'mode', 'levels'];

export const ELEMENT_NAMES: Record<ItemField, { zh: string; en: string }> = {
  category: { zh: '一级事项', en: 'category (一级事项)' },
  name: { zh: '二级事项', en: 'name (二级事项)' },
  content: { zh: '公开内容（要素）', en: 'content (公开内容)' },
  basis: { zh: '公开依据', en: 'basis (公开依据)' },
  deadline: { zh: '公开时限', en: 'deadline (公开时限)' },
  subject: { zh: '公开主体', en: 'subject (公开主体)' },
  channels: { zh: '公开渠道和载体', en: 'channels (公开渠道和载体)' },
  audience: { zh: '公开对象', en: 'audience (公开对象)' },
  mode: { zh: '公开方式', en: 'mode (公开方式)' },
  levels: { zh: '公开层级', en: 'levels (公开层级)' },
  publics: { zh: '五公开分类', en: 'publics (五公开)' },
};
