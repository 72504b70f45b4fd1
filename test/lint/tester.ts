// The rule tester: inline-YAML valid and invalid cases for one lint rule, checked for messageId, line, column,
// severity, message, hint and — through gk fmt — the fix output. Catalogs are built in memory; no file is read but the
// bundled edition and channel vocabulary.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogFile, readManifest } from '../../src/load/catalog.js';
import { formatCatalog } from '../../src/fmt/format.js';
import { say } from '../../src/model/i18n.js';
import { bundledStandardDir } from '../../src/io/files.js';
import { rules as registry } from '../../src/check/lint/registry.js';
import type { Report, Rule, RuleContext } from '../../src/check/lint/rule.js';
import { runRules } from '../../src/check/lint/run.js';
import { parseSource, type CatalogSource, type Government } from '../../src/load/government.js';
import { loadChannelVocabulary } from '../../src/load/channels.js';
import { loadEdition } from '../../src/load/edition.js';
import type { Diagnostic, Edition, Lang, Severity } from '../../src/model/types.js';
import { domainsOf } from '../../src/check/validate.js';

export const COUNTY = 'name: 示例县人民政府\ncode: "410999"\nlevel: county\nstandard: national-2020\n';
export const TOWNSHIP = 'name: 示例镇人民政府\ncode: "410999001"\nlevel: township\nstandard: national-2020\n';
export const VILLAGE = 'name: 示例村民委员会\ncode: "410999001001"\nlevel: village\nstandard: national-2020\n';

export interface Case {
  /** What the case shows; the test's name. */
  name: string;
  /** The catalog file under test, catalog/<domain>.yaml (its domain line decides the file name). */
  code: string;
  /** gk.yaml; a county on national-2020 when absent. */
  manifest?: string;
  /** The government above (for parent-mismatch): its gk.yaml and one catalog file. */
  parent?: { manifest: string; code: string };
  /** An edition in place of the bundled national-2020. */
  edition?: Edition;
}

export interface Expected {
  messageId: string;
  line: number;
  column: number;
  /** The rule's default severity when absent. */
  severity?: Severity;
  /** The whole Chinese message, when given. */
  message?: string;
  /** The Chinese hint; `null` says there is none. Not checked when absent. */
  hint?: string | null;
}

export interface InvalidCase extends Case {
  errors: Expected[];
  /** What gk fmt makes of `code` with only this rule's fixes on; `null`: it leaves the text as it is. */
  output?: string | null;
}

const bundled = () => loadEdition(path.join(bundledStandardDir, 'national-2020'));

function source(file: string, text: string): ReturnType<typeof parseSource> {
  return parseSource(path.join('/memory', file), file, new TextEncoder().encode(text), 'zh');
}

function catalogSource(dir: string, text: string): CatalogSource {
  const domain = /^domain:\s*(\S+)/m.exec(text)?.[1] ?? 'unknown';
  const file = `${dir}catalog/${domain}.yaml`;
  const src = source(file, text);
  return { ...src, catalog: readCatalogFile(src.data, src.path) };
}

/** A government held in memory: gk.yaml and catalog files from texts. */
export function government(manifest: string, catalogs: readonly string[], dir = ''): Government {
  const manifestSource = source(`${dir}gk.yaml`, manifest);
  return {
    root: path.join('/memory', dir),
    display: dir === '' ? '.' : dir.replace(/\/$/, ''),
    manifestSource,
    manifest: readManifest(manifestSource.data, manifestSource.path),
    catalogs: catalogs.map((c) => catalogSource(dir, c)),
  };
}

interface Found {
  diagnostic: Diagnostic;
  messageId: string;
}

/** Runs one rule over a case; each finding with the messageId the rule reported it with. */
export function lintCase(rule: Rule, c: Case, lang: Lang = 'zh'): Found[] {
  const self = government(c.manifest ?? COUNTY, [c.code]);
  const parent = c.parent ? government(c.parent.manifest, [c.parent.code], 'parent/') : undefined;
  const reported: Array<{ messageId: string; message: string }> = [];
  const spy = (context: RuleContext): RuleContext => ({
    ...context,
    report(r: Report) {
      reported.push({ messageId: r.messageId, message: say(rule.messages[r.messageId]!, lang, r.params) });
      context.report(r);
    },
  });
  const watched: Rule = {
    meta: rule.meta,
    messages: rule.messages,
    ...(rule.item ? { item: (at, context) => rule.item!(at, spy(context)) } : {}),
    ...(rule.file ? { file: (file, context) => rule.file!(file, spy(context)) } : {}),
    ...(rule.check ? { check: (context) => rule.check!(spy(context)) } : {}),
  };
  const edition = c.edition ?? bundled();
  const diagnostics = runRules(
    {
      government: self,
      edition,
      channels: loadChannelVocabulary(),
      domains: domainsOf(self),
      lang,
      workspace: parent ? { parentOf: (g) => (g === self ? parent : undefined) } : undefined,
    },
    [watched],
  );
  const unused = [...reported];
  const found = diagnostics.map((diagnostic) => {
    const at = unused.findIndex((r) => r.message === diagnostic.message);
    const [hit] = unused.splice(at, 1);
    return { diagnostic, messageId: at < 0 ? '?' : hit!.messageId };
  });
  // in the order validate prints them
  const start = (f: Found) => f.diagnostic.range.start;
  return found.sort((a, b) => start(a).line - start(b).line || start(a).column - start(b).column);
}

/** Every fixable rule but this one is off, so the output shows this rule's fixes only (and fmt's layout). */
export function fixOutput(rule: Rule, code: string): string {
  const others = new Set(registry.filter((r) => r.meta.id !== rule.meta.id).map((r) => r.meta.id));
  const result = formatCatalog(code, { rulesOff: others });
  return result.text;
}

/** Declares the tests: one `it` per case, under `describe(<rule id>)`. */
export function testRule(rule: Rule, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
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
        expect(lintCase(rule, c).map((f) => `${f.messageId} ${f.diagnostic.range.start.line}:${f.diagnostic.range.start.column} ${f.diagnostic.message}`)).toEqual([]);
      });
    }

    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = lintCase(rule, c);
        const shape = (f: Found, e: Expected) => ({
          messageId: f.messageId,
          line: f.diagnostic.range.start.line,
          column: f.diagnostic.range.start.column,
          severity: f.diagnostic.severity,
          ...(e.message !== undefined ? { message: f.diagnostic.message } : {}),
          ...(e.hint !== undefined ? { hint: f.diagnostic.hint ?? null } : {}),
        });
        const want = c.errors.map((e) => ({ ...e, severity: e.severity ?? rule.meta.severity }));
        expect(found.map((f, i) => shape(f, c.errors[i] ?? want[0]!))).toEqual(want);
        // English: the same findings, every placeholder filled
        const en = lintCase(rule, c, 'en');
        expect(en.map((f) => f.messageId)).toEqual(found.map((f) => f.messageId));
        for (const f of en) expect(`${f.diagnostic.message} ${f.diagnostic.hint ?? ''}`).not.toMatch(/\{[a-zA-Z]+\}/);
        if (c.output !== undefined) expect(fixOutput(rule, c.code)).toBe(c.output ?? c.code);
      });
    }
  });
}
