// missing-element: an item that inherits from a national item must supply the elements the national item lacks.
import { present } from '../../../load/catalog.js';
import type { Rule } from '../rule.js';
import type { ItemField } from '../../../model/types.js';

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

export const rule: Rule = {
  meta: {
    id: 'missing-element',
    severity: 'error',
    description: { zh: '继承国家标准的事项须补齐标准中缺失的要素', en: 'items inheriting from the standard must supply the elements it lacks' },
  },
  messages: {
    missing: {
      zh: '事项“{id}”须在本地补充{count}项要素：{elements}（国家标准事项 {ref} 未提供，转录表不全或须本地填写）',
      en: 'item "{id}" must supply {count} element(s) here: {elements} (national item {ref} does not provide them: incomplete transcription or local elements)',
    },
    missingHint: { zh: '在该事项下写出这些要素；公开主体写本级单位名称', en: 'write these elements under the item; the subject is a body of this government' },
    subject: { zh: '事项“{id}”缺少公开主体：公开主体须写明本地单位', en: 'item "{id}" lacks a subject (公开主体): name the local body' },
  },
  item({ file, item, national, path }, context) {
    // An item carrying a township item inherits everything but its own 公开主体.
    if (item.standard === undefined && item.parentItem !== undefined && !present(item.subject)) {
      context.report({ file, path: path(), messageId: 'subject', params: { id: item.id } });
      return;
    }
    if (!national) return;
    // One finding per item, naming every element the government must supply: a to-do list, not a wall.
    const lacking = REQUIRED_ELEMENTS.filter((field) => !present(item[field]) && (field === 'subject' || !present(national[field])));
    if (lacking.length === 0) return;
    if (lacking.length === 1 && lacking[0] === 'subject') {
      context.report({ file, path: path(), messageId: 'subject', params: { id: item.id } });
      return;
    }
    const elements = lacking.map((f) => ELEMENT_NAMES[f][context.lang]).join(context.lang === 'zh' ? '、' : ', ');
    context.report({ file, path: path('standard'), messageId: 'missing', params: { id: item.id, ref: item.standard, count: lacking.length, elements }, hintId: 'missingHint' });
  },
};
