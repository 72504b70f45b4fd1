// deadline-format: a 公开时限 must be in a form gk can read, and the common family in its canonical spelling.
import { normalizeDeadline, parseDeadline } from '../../deadline.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: {
    id: 'deadline-format',
    severity: 'warning',
    fixable: true,
    description: {
      zh: '公开时限应为可识别的写法；“信息形成或变更之日起N个工作日内”一类统一为规范写法',
      en: '公开时限 must be in a recognised form; the “信息形成或变更之日起N个工作日内” family in its canonical spelling',
    },
  },
  messages: {
    unrecognised: { zh: '公开时限“{value}”不是可识别的写法', en: '公开时限 "{value}" is not in a recognised form' },
    unrecognisedHint: {
      zh: '可识别的写法如：“信息形成或变更之日起20个工作日内”“本级人民代表大会或其常务委员会批准后20日内”“收到申请之日起20个工作日内答复”“实时公开”“常年公开”“每季度”',
      en: 'recognised forms include “信息形成或变更之日起20个工作日内”, “本级人民代表大会或其常务委员会批准后20日内”, “收到申请之日起20个工作日内答复”, “实时公开”, “常年公开”, “每季度”',
    },
    nonCanonical: {
      zh: '公开时限写法不规范：“{value}”，建议写作“{canonical}”',
      en: '公开时限 "{value}" is not in canonical spelling; write "{canonical}"',
    },
    nonCanonicalHint: { zh: '运行 gk fmt 可自动改写', en: 'gk fmt rewrites it' },
  },
  check(context) {
    for (const source of context.government.catalogs) {
      source.catalog.items.forEach((item, i) => {
        const value = item.deadline;
        if (value === undefined || value.trim() === '') return;
        const path = ['items', i, 'deadline'];
        if (parseDeadline(value) === undefined) {
          context.report({ file: source, path, messageId: 'unrecognised', params: { value }, hintId: 'unrecognisedHint' });
          return;
        }
        const canonical = normalizeDeadline(value);
        if (canonical !== undefined && canonical !== value) {
          context.report({
            file: source,
            path,
            messageId: 'nonCanonical',
            params: { value, canonical },
            hintId: 'nonCanonicalHint',
            fixable: true,
          });
        }
      });
    }
  },
};
