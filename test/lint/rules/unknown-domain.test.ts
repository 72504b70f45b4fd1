// unknown-domain on the rule tester.
import { rule } from '../../../src/check/lint/rules/unknown-domain.js';
import { COUNTY, testRule } from '../tester.js';

testRule(rule, {
  valid: [
    { name: 'a standard domain', code: 'domain: fiscal-budget\nitems: []\n' },
    { name: 'a local domain declared in gk.yaml', manifest: `${COUNTY}domains:\n  village-affairs: 村务公开\n`, code: 'domain: village-affairs\nitems: []\n' },
  ],
  invalid: [
    {
      name: 'a misspelt domain',
      code: 'domain: fiscal-budgett\nitems:\n  - id: a\n    name: 政府预算\n',
      errors: [{ messageId: 'unknown', line: 1, column: 9, message: '未知领域“fiscal-budgett”', hint: '标准领域见 gk schema 生成的列表；本地领域请在 gk.yaml 中声明，如 domains: {fiscal-budgett: 综合政务}' }],
      output: null,
    },
  ],
});
