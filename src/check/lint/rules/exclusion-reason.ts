// exclusion-reason: leaving out a national item is allowed (no 一刀切) but must say why.
import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'exclusion-reason', severity: 'error', description: { zh: '不适用的国家标准事项必须说明理由', en: 'excluded national items need a reason' } },
  messages: {
    missing: { zh: '排除国家标准事项“{ref}”时未说明理由', en: 'national item "{ref}" is excluded without a reason' },
    vague: { zh: '排除理由“{reason}”过于笼统', en: 'exclusion reason "{reason}" is too vague' },
    hint: { zh: '写明不适用的原因，如“本县无此项业务”“该职能已划转至市级”', en: 'say why it does not apply, e.g. 本县无此项业务 (no such business here)' },
  },
  file(file, context) {
    file.catalog.exclusions.forEach((ex, i) => {
      const reason = (ex.reason ?? '').trim();
      if (reason === '') {
        context.report({ file, path: ['exclusions', i], messageId: 'missing', params: { ref: ex.standard }, hintId: 'hint' });
      } else if (/^(无|不适用|n\/?a|-+|—+|略|待定|\.+|。+)$/i.test(reason)) {
        context.report({ file, path: ['exclusions', i, 'reason'], messageId: 'vague', params: { reason }, hintId: 'hint' });
      }
    });
  },
};
