// deadline-format: a 公开时限 must be in a form gk can read; the law's own wording is never flagged, only untidy spelling.
import { fixDeadline, parseDeadline } from '../../../model/deadline.js';
import type { Rule } from '../rule.js';

/** A cell cut short in copying (“…20个工作日…”): the words that matter may be the ones lost. */
const TRUNCATED = /…|⋯|\.\.\./;

export const rule: Rule = {
  meta: {
    id: 'deadline-format',
    severity: 'warning',
    fixable: true,
    description: {
      zh: '公开时限应为可识别的写法（法定写法如“信息形成或者变更之日起20个工作日内”均可识别）；多余空格、全角数字、“20工作日”可自动整理',
      en: '公开时限 must be in a recognised form (the statutory wording such as “信息形成或者变更之日起20个工作日内” is); stray spaces, full-width digits and “20工作日” are tidied automatically',
    },
  },
  messages: {
    unrecognised: { zh: '公开时限“{value}”不是可识别的写法', en: '公开时限 "{value}" is not in a recognised form' },
    unrecognisedHint: {
      zh: '可识别的写法如：“信息形成或者变更之日起20个工作日内”“本级人民代表大会或其常务委员会批准后20日内”“自收到申请之日起20个工作日内”“实时公开”“长期公开”“每季度”',
      en: 'recognised forms include “信息形成或者变更之日起20个工作日内”, “本级人民代表大会或其常务委员会批准后20日内”, “自收到申请之日起20个工作日内”, “实时公开”, “长期公开”, “每季度”',
    },
    truncated: { zh: '公开时限“{value}”不完整（有省略号），无法确定时限', en: '公开时限 "{value}" is cut short (it has an ellipsis); the deadline cannot be told' },
    truncatedHint: { zh: '请按原文写出完整的公开时限', en: 'write the 公开时限 out in full, as the source has it' },
    untidy: {
      zh: '公开时限“{value}”写法不整齐，建议写作“{tidy}”（只整理空格、全角数字和“个工作日”，文字不变）',
      en: '公开时限 "{value}" is untidy; write "{tidy}" (only spaces, full-width digits and “个工作日” change, the words do not)',
    },
    untidyHint: { zh: '运行 gk fmt 可自动整理', en: 'gk fmt tidies it' },
  },
  item({ file, item, path }, context) {
    const value = item.deadline;
    if (value === undefined || value.trim() === '') return;
    if (parseDeadline(value) === undefined) {
      const truncated = TRUNCATED.test(value);
      context.report({ file, path: path('deadline'), messageId: truncated ? 'truncated' : 'unrecognised', params: { value }, hintId: truncated ? 'truncatedHint' : 'unrecognisedHint' });
      return;
    }
    const tidy = fixDeadline(value);
    if (tidy !== undefined) {
      context.report({ file, path: path('deadline'), messageId: 'untidy', params: { value, tidy }, hintId: 'untidyHint', fixable: true });
    }
  },
};
