// unknown-standard-ref on the rule tester.
import { rule } from '../../../src/check/lint/rules/unknown-standard-ref.js';
import { testRule } from '../tester.js';

testRule(rule, {
  valid: [{ name: 'items and exclusions naming national items of the file’s domain', code: 'domain: fiscal-budget\nitems:\n  - id: a\n    standard: fiscal-budget/1\nexclusions:\n  - standard: fiscal-budget/2\n    reason: 本县无此项业务\n' }],
  invalid: [
    {
      name: 'a typo gets a did-you-mean, in an item and in an exclusion',
      code: 'domain: fiscal-budget\nitems:\n  - id: a\n    standard: fiscal-budget/01\nexclusions:\n  - standard: fiscal-budgte/2\n    reason: 本县无此项业务\n',
      errors: [
        { messageId: 'unknown', line: 4, column: 15, message: '标准目录 national-2020 中没有事项“fiscal-budget/01”', hint: '是否指“fiscal-budget/1”？' },
        { messageId: 'unknown', line: 6, column: 15, hint: '是否指“fiscal-budget/2”？' },
      ],
      output: null,
    },
    {
      name: 'a national item of another domain',
      code: 'domain: fiscal-budget\nitems:\n  - id: a\n    standard: social-assistance/1\n',
      errors: [{ messageId: 'otherDomain', line: 4, column: 15, message: '事项“social-assistance/1”属于领域 social-assistance，而本文件是 fiscal-budget', hint: null }],
    },
  ],
});
