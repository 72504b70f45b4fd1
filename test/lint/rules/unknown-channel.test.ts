// unknown-channel on the rule tester, with gk fmt's fix.
import { rule } from '../../../src/check/lint/rules/unknown-channel.js';
import { COUNTY, testRule } from '../tester.js';

const item = (channels: string) => `domain: fiscal-budget\nitems:\n  - id: a\n    name: 政府预算\n    channels: [${channels}]\n`;

testRule(rule, {
  valid: [
    { name: 'standard names', code: item('政府网站, 政府公报') },
    { name: 'a local channel declared in gk.yaml', manifest: `${COUNTY}channels: [示例县融媒体中心]\n`, code: item('示例县融媒体中心') },
  ],
  invalid: [
    {
      name: 'an alias is written with its standard name by gk fmt',
      code: item('政府门户网站'),
      errors: [{ messageId: 'alias', line: 5, column: 16, message: '公开渠道“政府门户网站”应写作标准名称“政府网站”', hint: null }],
      output: item('政府网站'),
    },
    {
      name: 'a channel nobody knows asks to be declared',
      code: item('飞鸽传书'),
      errors: [{ messageId: 'unknown', line: 5, column: 16, message: '公开渠道“飞鸽传书”不在渠道词表中', hint: '若为本地渠道，可在 gk.yaml 的 channels 中声明' }],
      output: null,
    },
  ],
});
