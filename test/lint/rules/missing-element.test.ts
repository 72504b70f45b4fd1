// missing-element on the rule tester.
import { rule } from '../../../src/lint/rules/missing-element.js';
import { testRule } from '../tester.js';

testRule(rule, {
  valid: [
    {
      name: 'the national item has every element but a local subject, which the item names',
      code: 'domain: social-assistance\nitems:\n  - id: a\n    standard: social-assistance/1\n    subject: 示例县民政局\n',
    },
    { name: 'an item of its own (no standard) is the schema’s to check', code: 'domain: fiscal-budget\nitems:\n  - id: a\n    name: 本地事项\n' },
  ],
  invalid: [
    {
      name: 'no subject',
      code: 'domain: social-assistance\nitems:\n  - id: a\n    standard: social-assistance/1\n',
      errors: [{ messageId: 'subject', line: 3, column: 5, message: '事项“a”缺少公开主体：公开主体须写明本地单位', hint: null }],
      output: null,
    },
  ],
});
