// YAML syntax errors are said in gk's words in both languages: no library English leaks into a Chinese message.
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/yaml.js';

const CASES: ReadonlyArray<readonly [string, string, string]> = [
  ['items:\n  - id: a\n\tname: b\n', 'YAML 缩进不能使用制表符（Tab）', 'tabs are not allowed for YAML indentation'],
  ['name: "政府预算\nid: a\n', '引号没有闭合', 'a quoted value is not closed'],
  ['channels: [政府网站, 公开栏\nid: a\n', '缺少右括号“]”', 'missing the closing "]"'],
  ['audience: {a: 1\n', '缺少右括号“}”', 'missing the closing "}"'],
  ['items:\n  - id: a\n    name: b\n   content: c\n', '列表项缺少“- ”', 'a list item lacks its "- "'],
  ['a:\n  - b\n c: d\n', '同一层级的项没有对齐', 'items of one level do not start in the same column'],
  ['domain: fiscal-budget\nitems\n  - id: a\n', '键不能跨行：这一行或上一行可能缺少冒号“:”或引号', 'a key cannot span several lines: this line or the one above may lack a ":" or a quote'],
  ['a: 1\n---\nb: 2\n', '一个文件只能包含一个 YAML 文档（发现多个 ---）', 'a file must hold a single YAML document (found several ---)'],
  ['name: @政府预算\n', '值不能以“@”开头', 'a plain value cannot start with "@"'],
  ['name: a: b\n', '同一行中出现了两个“键: ”', 'two "key: " on one line'],
  ['name: *x\n', 'YAML 别名（*名称）无效或找不到对应的锚点（&名称）', 'a YAML alias (*name) is invalid or has no anchor (&name)'],
  ['name: "a\\qb"\n', '双引号中的反斜杠“\\”转义无效', 'invalid "\\" escape inside double quotes'],
];

describe('YAML syntax messages', () => {
  it.each(CASES)('%j', (text, zh, en) => {
    const found = parseYaml(text, 'catalog/a.yaml', 'zh').diagnostics.filter((d) => d.code === 'yaml-syntax' || d.code === 'yaml-alias');
    expect(found.length, JSON.stringify(parseYaml(text, 'catalog/a.yaml', 'zh').diagnostics)).toBeGreaterThan(0);
    expect(found.map((d) => d.message)).toContain(zh);
    expect(parseYaml(text, 'catalog/a.yaml', 'en').diagnostics.map((d) => d.message)).toContain(en);
  });

  it('never lets the parser’s English into a Chinese message or hint', () => {
    const broken = [...CASES.map(([t]) => t), 'a: [b, c}\n', '? - a\n: b\n', '%YAML 9\n---\na: 1\n', 'a: !!int x\n', 'a: &x &y 1\n', '- a\nb: c\n', 'a:\n  - b\n c: d\n', 'a: "b" c\n', '{a: 1, , b: 2}\n', 'a: b #c\nd: e#f\n'];
    let seen = 0;
    for (const text of broken) {
      for (const d of parseYaml(text, 'catalog/a.yaml', 'zh').diagnostics) {
        seen++;
        // Chinese messages may name YAML, Tab and example keys, but never carry a sentence of the parser's English.
        expect(`${d.message} ${d.hint ?? ''}`.replace(/YAML|Tab|items|name/g, ''), text).not.toMatch(/[A-Za-z]{3,}/);
      }
    }
    expect(seen).toBeGreaterThan(CASES.length);
  });
});
