// level-mismatch on the rule tester: a catalog's items must be disclosed at its own level.
import { rule } from '../../../src/check/lint/rules/level-mismatch.js';
import { testRule, TOWNSHIP, VILLAGE } from '../tester.js';

testRule(rule, {
  valid: [
    { name: 'a county item at 县级', code: 'domain: fiscal-budget\nitems:\n  - id: a\n    name: 政府预算\n    levels: [县级, 乡级]\n' },
    { name: 'a township carrying a national item at 乡级', manifest: TOWNSHIP, code: 'domain: fiscal-budget\nitems:\n  - id: a\n    standard: fiscal-budget/x3\n' },
    { name: 'a village may carry a 乡级 item', manifest: VILLAGE, code: 'domain: fiscal-budget\nitems:\n  - id: a\n    name: 村务\n    levels: [乡级]\n' },
  ],
  invalid: [
    {
      name: 'its own levels exclude the county',
      code: 'domain: fiscal-budget\nitems:\n  - id: a\n    name: 政府预算\n    levels: [乡级]\n',
      errors: [{ messageId: 'local', line: 5, column: 13, message: '县级目录中的事项“政府预算”公开层级为 乡级，不含县级', hint: '如确需由本级公开，请在 levels 中写明县级，或将其列入 exclusions' }],
      output: null,
    },
    {
      name: 'the inherited levels exclude the county',
      code: 'domain: fiscal-budget\nitems:\n  - id: a\n    standard: fiscal-budget/x3\n',
      errors: [{ messageId: 'inherited', line: 4, column: 15, message: '县级目录引用的国家标准事项“fiscal-budget/x3”公开层级为 乡级，不含县级' }],
    },
  ],
});
