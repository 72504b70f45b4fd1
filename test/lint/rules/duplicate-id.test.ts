// duplicate-id on the rule tester.
import { rule } from '../../../src/check/lint/rules/duplicate-id.js';
import { testRule } from '../tester.js';

testRule(rule, {
  valid: [
    { name: 'distinct ids', code: 'domain: fiscal-budget\nitems:\n  - id: a\n    standard: fiscal-budget/1\n  - id: b\n    standard: fiscal-budget/2\n' },
    { name: 'an item without id is the schema’s to report', code: 'domain: fiscal-budget\nitems:\n  - standard: fiscal-budget/1\n  - standard: fiscal-budget/2\n' },
  ],
  invalid: [
    {
      name: 'the second use of an id, pointing at the first',
      code: 'domain: fiscal-budget\nitems:\n  - id: a\n    standard: fiscal-budget/1\n  - id: a\n    standard: fiscal-budget/2\n',
      errors: [{ messageId: 'duplicate', line: 5, column: 9, message: '事项编号“a”重复（首次出现在 catalog/fiscal-budget.yaml:3）', hint: null }],
      output: null,
    },
  ],
});
