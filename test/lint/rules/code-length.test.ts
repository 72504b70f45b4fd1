// code-length on the rule tester: gk.yaml's code against its level.
import { rule } from '../../../src/check/lint/rules/code-length.js';
import { COUNTY, TOWNSHIP, VILLAGE, testRule } from '../tester.js';

const code = 'domain: fiscal-budget\nitems:\n  - id: a\n    name: 政府预算\n';
const manifest = (c: string, level: string) => `name: 示例人民政府\ncode: "${c}"\nlevel: ${level}\nstandard: national-2020\n`;

testRule(rule, {
  valid: [
    { name: 'a county with 6 digits', manifest: COUNTY, code },
    { name: 'a township with 9 digits', manifest: TOWNSHIP, code },
    { name: 'a village with 12 digits', manifest: VILLAGE, code },
    { name: 'a length the schema refuses is the schema’s finding', manifest: manifest('4109', 'county'), code },
    { name: 'no level, or a level gk does not know: the schema’s finding', manifest: 'name: 示例人民政府\ncode: "410999001"\nstandard: national-2020\n', code },
    { name: 'an unknown level is not read as county', manifest: manifest('410999001', 'province'), code },
    { name: 'a workspace root has no level of its own', manifest: 'name: 示例市\ncode: "4109"\nworkspace: true\n', code },
  ],
  invalid: [
    {
      name: 'a county with a township’s 9 digits',
      manifest: manifest('410999001', 'county'),
      code,
      errors: [
        {
          messageId: 'length',
          line: 2,
          column: 7,
          message: '县级的代码应为 6 位数字，“410999001”是 9 位',
          hint: '县级用 6 位行政区划代码，乡级用 9 位、村级用 12 位统计用区划代码；若代码无误，请检查 level',
        },
      ],
      output: null,
    },
    {
      name: 'a township with a county’s 6 digits',
      manifest: manifest('410999', 'township'),
      code,
      errors: [{ messageId: 'length', line: 2, column: 7, message: '乡级的代码应为 9 位数字，“410999”是 6 位' }],
    },
    {
      name: 'a county with the zero-padded 12-digit statistical code',
      manifest: manifest('410999000000', 'county'),
      code,
      errors: [{ messageId: 'length', line: 2, column: 7, message: '县级的代码应为 6 位数字，“410999000000”是 12 位' }],
    },
  ],
});
