// parent-mismatch on the rule tester: a township's item shared with its county says the same.
import { rule } from '../../../src/check/lint/rules/parent-mismatch.js';
import { COUNTY, testRule, TOWNSHIP } from '../tester.js';

const county = { manifest: COUNTY, code: 'domain: fiscal-budget\nitems:\n  - id: c1\n    standard: fiscal-budget/x3\n    deadline: 人大会议批复后20日内\n' };

testRule(rule, {
  valid: [
    { name: 'no government above', manifest: TOWNSHIP, code: 'domain: fiscal-budget\nitems:\n  - id: t1\n    standard: fiscal-budget/x3\n    deadline: 批复后30日内\n' },
    { name: 'the same national item, the same words', manifest: TOWNSHIP, parent: county, code: 'domain: fiscal-budget\nitems:\n  - id: t1\n    standard: fiscal-budget/x3\n' },
    {
      name: 'a declared deviation',
      manifest: TOWNSHIP,
      parent: county,
      code: 'domain: fiscal-budget\nitems:\n  - id: t1\n    standard: fiscal-budget/x3\n    deadline: 批复后30日内\n    deviations:\n      - field: deadline\n        reason: 本镇人大会议晚于县级\n',
    },
  ],
  invalid: [
    {
      name: 'a different 公开时限',
      manifest: TOWNSHIP,
      parent: county,
      code: 'domain: fiscal-budget\nitems:\n  - id: t1\n    standard: fiscal-budget/x3\n    deadline: 批复后30日内\n',
      errors: [
        {
          messageId: 'mismatch',
          line: 5,
          column: 15,
          message: '事项“t1”的公开时限与上级示例县人民政府的事项“c1”不一致：本级为“批复后30日内”，上级为“人大会议批复后20日内”',
          hint: '与上级共有的事项须逐字一致；如确有差异，在该事项的 deviations 中声明 field: deadline 及 reason',
        },
      ],
      output: null,
    },
    {
      name: 'a parent-item the county does not have',
      manifest: TOWNSHIP,
      parent: county,
      code: 'domain: fiscal-budget\nitems:\n  - id: t1\n    parent-item: c9\n    subject: 示例镇财政所\n',
      errors: [{ messageId: 'unknownParentItem', line: 4, column: 18, message: '事项“t1”的 parent-item“c9”不是上级示例县人民政府目录中的事项编号' }],
    },
  ],
});
