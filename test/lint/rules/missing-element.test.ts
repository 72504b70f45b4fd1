// missing-element on the rule tester.
import { rule } from '../../../src/check/lint/rules/missing-element.js';
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
    {
      name: 'one finding listing every element to supply, the subject with them',
      code: 'domain: fiscal-budget\nitems:\n  - id: a\n    standard: fiscal-budget/1\n',
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 15,
          message: '事项“a”须在本地补充4项要素：公开主体、公开对象、公开方式、公开层级（国家标准事项 fiscal-budget/1 未提供，转录表不全或须本地填写）',
          hint: '在该事项下写出这些要素；公开主体写本级单位名称',
        },
      ],
    },
  ],
});
