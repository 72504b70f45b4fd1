// The public rule tester (testRule, lintRule from 'gk'): a local rule's author tests it with inline YAML cases, under
// any test runner (here vitest's `it`) or on its own, where a wrong expectation throws and says what differed.
import { describe, expect, it } from 'vitest';
import { lintRule, rules, testRule, type Rule, type RuleCases } from '../../src/index.js';
// @ts-expect-error: a plain JavaScript module, as a catalog repository would write it
import { rule as subjectPrefix } from '../fixtures/local-rules/subject-prefix.mjs';

const rule = subjectPrefix as Rule;
const BAD = 'domain: fiscal-budget\nitems:\n  - id: a\n    name: 政府预算\n    subject: 市财政局\n';
const GOOD = BAD.replace('市财政局', '示例县财政局');

const cases: RuleCases = {
  valid: [{ name: 'a county office', code: GOOD }],
  invalid: [{ name: 'an office of another government', code: BAD, errors: [{ messageId: 'notLocal', line: 5, column: 14, message: '公开主体“市财政局”不是以“示例县”开头的本县单位', hint: '写明本县单位全称' }], output: null }],
};

// One test per case, declared with the runner's own function.
testRule(rule, cases, { test: it });
testRule(rule, { valid: cases.valid, invalid: [{ ...cases.invalid[0]!, errors: [{ messageId: 'notLocal', line: 5, column: 14, message: 'subject "市财政局" is not a county office starting with "示例县"' }] }] }, { lang: 'en', test: it });

describe('testRule without a test runner', () => {
  it('returns every check when all pass', () => {
    const results = testRule(rule, cases);
    expect(results.map((r) => [r.kind, r.problems])).toEqual([
      ['rule', []],
      ['valid', []],
      ['invalid', []],
    ]);
  });

  it('throws naming each failed case and what differed', () => {
    const wrong: RuleCases = {
      valid: [{ name: 'flagged but listed as valid', code: BAD }],
      invalid: [
        { name: 'wrong place and message', code: BAD, errors: [{ messageId: 'notLocal', line: 4, column: 14, message: '别的话' }] },
        { name: 'nothing found', code: GOOD, errors: [{ messageId: 'notLocal', line: 5, column: 14 }] },
        { name: 'no such message', code: BAD, errors: [{ messageId: 'nope', line: 5, column: 14 }] },
      ],
    };
    let message = '';
    try {
      testRule(rule, wrong);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('5 of 5 rule tester checks failed');
    expect(message).toContain('subject-prefix: cases and messages');
    expect(message).toContain('messageId nope (case “no such message”) has no zh and en message');
    expect(message).toContain('valid case “flagged but listed as valid”:\n  unexpected notLocal at 5:14');
    expect(message).toContain('at 5:14, expected 4:14');
    expect(message).toContain('message “公开主体“市财政局”不是以“示例县”开头的本县单位”, expected “别的话”');
    expect(message).toContain('invalid case “nothing found”:\n  missing notLocal at 5:14');
  });

  it('reports a rule that throws, and a fix that differs, as failures', () => {
    const throws: Rule = { ...rule, item: () => { throw new Error('boom'); } };
    expect(() => testRule(throws, cases)).toThrow(/threw: Error: boom/);
    const fixable = rules.find((r) => r.meta.id === 'unknown-channel')!;
    const code = 'domain: fiscal-budget\nitems:\n  - id: a\n    standard: fiscal-budget/1\n    channels: [政府网站, 两微一端]\n';
    const found = lintRule(fixable, { name: 'x', code });
    expect(found).toEqual([]);
    const typo = code.replace('政府网站', '政府网占');
    const [finding] = lintRule(fixable, { name: 'x', code: typo });
    expect(finding).toMatchObject({ line: 5, severity: 'warning' });
    expect(() => testRule(fixable, { valid: [{ name: 'ok', code }], invalid: [{ name: 'typo', code: typo, errors: [{ messageId: finding!.messageId, line: 5, column: finding!.column }], output: typo }] })).toThrow(/fixed text differs/);
  });
});
