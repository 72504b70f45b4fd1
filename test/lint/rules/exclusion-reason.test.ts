// exclusion-reason on the rule tester.
import { rule } from '../../../src/check/lint/rules/exclusion-reason.js';
import { testRule } from '../tester.js';

const head = 'domain: fiscal-budget\nitems:\n  - id: a\n    standard: fiscal-budget/2\nexclusions:\n';

testRule(rule, {
  valid: [{ name: 'a reason that says why', code: `${head}  - standard: fiscal-budget/1\n    reason: 本县预算由县财政局统一公开，本目录不重复列出\n` }],
  invalid: [
    {
      name: 'no reason at all',
      code: `${head}  - standard: fiscal-budget/1\n`,
      errors: [{ messageId: 'missing', line: 6, column: 5, message: '排除国家标准事项“fiscal-budget/1”时未说明理由', hint: '写明不适用的原因，如“本县无此项业务”“该职能已划转至市级”' }],
    },
    {
      name: 'a reason that says nothing',
      code: `${head}  - standard: fiscal-budget/1\n    reason: 不适用\n`,
      errors: [{ messageId: 'vague', line: 7, column: 13, message: '排除理由“不适用”过于笼统' }],
      output: null,
    },
  ],
});
