// missing-element: an item that inherits from a national item must supply the elements the national item lacks.
import { present } from '../../../load/catalog.js';
import type { Rule } from '../rule.js';
import { ELEMENT_NAMES, REQUIRED_ELEMENTS } from '../../../model/elements.js';

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
      context.report({ file, path: path(), messageId: 'subject', params: { id: item.id }, elements: ['subject'] });
      return;
    }
    if (!national) return;
    // One finding per item, naming every element the government must supply: a to-do list, not a wall.
    const lacking = REQUIRED_ELEMENTS.filter((field) => !present(item[field]) && (field === 'subject' || !present(national[field])));
    if (lacking.length === 0) return;
    if (lacking.length === 1 && lacking[0] === 'subject') {
      context.report({ file, path: path(), messageId: 'subject', params: { id: item.id }, elements: lacking });
      return;
    }
    const elements = lacking.map((f) => ELEMENT_NAMES[f][context.lang]).join(context.lang === 'zh' ? '、' : ', ');
    context.report({ file, path: path('standard'), messageId: 'missing', params: { id: item.id, ref: item.standard, count: lacking.length, elements }, hintId: 'missingHint', elements: lacking });
  },
};
