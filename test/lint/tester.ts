// The rule tester under vitest: one `it` per inline-YAML case of one lint rule, checked for messageId, line, column,
// severity, message, hint and — through gk fmt — the fix output. The cases run on the rule tester of the public API
// (src/check/lint/tester.ts); here each comparison is a vitest expectation, so a failure shows the difference.
import { describe, expect, it } from 'vitest';
import { formatCatalog } from '../../src/fmt/format.js';
import { rules as registry } from '../../src/check/lint/registry.js';
import type { Rule } from '../../src/check/lint/rule.js';
import { lintCase, type InvalidRuleCase, type RuleCase, type RuleFinding } from '../../src/check/lint/tester.js';

export { COUNTY, TOWNSHIP, VILLAGE, lintCase } from '../../src/check/lint/tester.js';
export type { RuleCase as Case, InvalidRuleCase as InvalidCase, ExpectedFinding as Expected } from '../../src/check/lint/tester.js';

/** Every fixable rule but this one is off, so the output shows this rule's fixes only (and fmt's layout). */
export function fixOutput(rule: Rule, code: string): string {
  const others = new Set(registry.filter((r) => r.meta.id !== rule.meta.id).map((r) => r.meta.id));
  return formatCatalog(code, { rulesOff: others }).text;
}

/** Declares the tests: one `it` per case, under `describe(<rule id>)`. */
export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidRuleCase[] }): void {
  describe(`${rule.meta.id} (rule tester)`, () => {
    it('has a case of each kind, and every messageId it is tested with exists in zh and en', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
      for (const c of cases.invalid) {
        for (const e of c.errors) {
          const m = rule.messages[e.messageId];
          expect([e.messageId, typeof m?.zh, typeof m?.en]).toEqual([e.messageId, 'string', 'string']);
        }
      }
    });

    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(lintCase(rule, c).map((f) => `${f.messageId} ${f.line}:${f.column} ${f.message}`)).toEqual([]);
      });
    }

    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = lintCase(rule, c);
        const want = c.errors.map((e) => ({ ...e, severity: e.severity ?? rule.meta.severity }));
        const shape = (f: RuleFinding, e: (typeof want)[number]) => ({
          messageId: f.messageId,
          line: f.line,
          column: f.column,
          severity: f.severity,
          ...(e.message !== undefined ? { message: f.message } : {}),
          ...(e.hint !== undefined ? { hint: f.hint ?? null } : {}),
        });
        expect(found.map((f, i) => shape(f, want[i] ?? want[0]!))).toEqual(want);
        // English: the same findings, every placeholder filled
        const en = lintCase(rule, c, { lang: 'en' });
        expect(en.map((f) => f.messageId)).toEqual(found.map((f) => f.messageId));
        for (const f of en) expect(`${f.message} ${f.hint ?? ''}`).not.toMatch(/\{[a-zA-Z]+\}/);
        if (c.output !== undefined) expect(fixOutput(rule, c.code)).toBe(c.output ?? c.code);
      });
    }
  });
}
