// The rule tester: one lint rule run over inline YAML cases held in memory (a catalog file, optionally its gk.yaml and
// the government above), each finding compared with what the case expects — messageId, line, column, severity,
// message, hint and, given a way to apply fixes, the fixed text. gk's own rule tests and local-rule authors (through
// the public API) use the same code. Nothing is read from disk but the bundled edition and channel vocabulary.
import path from 'node:path';
import { loadChannelVocabulary, type ChannelVocabulary } from '../../load/channels.js';
import { loadEdition } from '../../load/edition.js';
import { loadGovernmentFrom, type Government } from '../../load/government.js';
import { fileSetTree } from '../../load/tree.js';
import { bundledStandardDir, relativeTo } from '../../io/files.js';
import { say } from '../../model/i18n.js';
import type { Diagnostic, Edition, Lang, Severity } from '../../model/types.js';
import { domainsOf } from '../validate.js';
import type { Report, Rule, RuleContext } from './rule.js';
import { runRules } from './run.js';

export const COUNTY = 'name: 示例县人民政府\ncode: "410999"\nlevel: county\nstandard: national-2020\n';
export const TOWNSHIP = 'name: 示例镇人民政府\ncode: "410999001"\nlevel: township\nstandard: national-2020\n';
export const VILLAGE = 'name: 示例村民委员会\ncode: "410999001001"\nlevel: village\nstandard: national-2020\n';

export interface RuleCase {
  /** What the case shows; the test's name. */
  name: string;
  /** The catalog file under test, catalog/<domain>.yaml (its `domain:` line decides the file name). */
  code: string;
  /** gk.yaml; a county on national-2020 when absent. */
  manifest?: string;
  /** The government above (for rules comparing with it): its gk.yaml and one catalog file. */
  parent?: { manifest: string; code: string };
  /** An edition in place of the bundled national-2020. */
  edition?: Edition;
}

export interface ExpectedFinding {
  messageId: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** The rule's default severity when absent. */
  severity?: Severity;
  /** The whole message in the tester's language (Chinese by default), when given. */
  message?: string;
  /** The hint in the tester's language; `null` says there is none. Not checked when absent. */
  hint?: string | null;
}

export interface InvalidRuleCase extends RuleCase {
  errors: ExpectedFinding[];
  /** What fixing makes of `code` (gk fmt with only this rule's fixes); `null`: the text stays as it is. Not checked when absent. */
  output?: string | null;
}

export interface RuleCases {
  valid: RuleCase[];
  invalid: InvalidRuleCase[];
}

/** A finding of the rule under test, with the messageId the rule reported it with. */
export interface RuleFinding {
  messageId: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
  hint?: string;
  diagnostic: Diagnostic;
}

export interface TesterOptions {
  /** Language of the messages compared (default 'zh'); every case is also run in the other language. */
  lang?: Lang;
  channels?: ChannelVocabulary;
  /** Applies the rule's fixes to a catalog text; without it, `output` is not checked. */
  fix?(rule: Rule, code: string): string;
}

export interface RuleCaseResult {
  kind: 'valid' | 'invalid' | 'rule';
  name: string;
  /** Empty when the case passed; otherwise what differed, one line each. */
  problems: string[];
}

let bundled: Edition | undefined;
const bundledEdition = (): Edition => (bundled ??= loadEdition(path.join(bundledStandardDir, 'national-2020')));

/** A government held in memory: gk.yaml and catalog files from texts, below a folder `/memory/<dir>` that does not exist. */
export function memoryGovernment(manifest: string, catalogs: readonly string[], dir = ''): Government {
  const root = path.join('/memory', dir);
  const encode = (text: string) => new TextEncoder().encode(text);
  // A catalog file is named by its domain line, as gk import and gk init name them.
  const held = new Map(catalogs.map((c) => [path.join(root, 'catalog', `${/^domain:\s*(\S+)/m.exec(c)?.[1] ?? 'unknown'}.yaml`), encode(c)]));
  const files = new Map([[path.join(root, 'gk.yaml'), encode(manifest)], ...held]);
  const tree = fileSetTree(() => [...files.keys()], (abs) => files.get(abs), (abs) => relativeTo('/memory', abs), 'zh');
  return loadGovernmentFrom(tree, root, 'zh', { catalogs: [...held.keys()] });
}

/** Runs one rule over a case: its findings in the order validate prints them, each with the messageId it came from. */
export function lintCase(rule: Rule, c: RuleCase, options: Pick<TesterOptions, 'lang' | 'channels'> = {}): RuleFinding[] {
  const lang = options.lang ?? 'zh';
  const self = memoryGovernment(c.manifest ?? COUNTY, [c.code]);
  const parent = c.parent ? memoryGovernment(c.parent.manifest, [c.parent.code], 'parent/') : undefined;
  const reported: Array<{ messageId: string; message: string }> = [];
  const spy = (context: RuleContext): RuleContext => ({
    ...context,
    report(r: Report) {
      const template = rule.messages[r.messageId];
      reported.push({ messageId: r.messageId, message: template ? say(template, lang, r.params) : '' });
      context.report(r);
    },
  });
  const watched: Rule = {
    meta: rule.meta,
    messages: rule.messages,
    ...(rule.item ? { item: (at, context) => rule.item!.call(rule, at, spy(context)) } : {}),
    ...(rule.file ? { file: (file, context) => rule.file!.call(rule, file, spy(context)) } : {}),
    ...(rule.check ? { check: (context) => rule.check!.call(rule, spy(context)) } : {}),
  };
  const diagnostics = runRules(
    {
      government: self,
      edition: c.edition ?? bundledEdition(),
      channels: options.channels ?? loadChannelVocabulary(),
      domains: domainsOf(self),
      lang,
      workspace: parent ? { parentOf: (g) => (g === self ? parent : undefined) } : undefined,
    },
    [watched],
  );
  const unused = [...reported];
  const found = diagnostics.map((diagnostic): RuleFinding => {
    const at = unused.findIndex((r) => r.message === diagnostic.message);
    const messageId = at < 0 ? '?' : unused.splice(at, 1)[0]!.messageId;
    const { line, column } = diagnostic.range.start;
    return { messageId, line, column, severity: diagnostic.severity, message: diagnostic.message, ...(diagnostic.hint !== undefined ? { hint: diagnostic.hint } : {}), diagnostic };
  });
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

const show = (f: Pick<RuleFinding, 'messageId' | 'line' | 'column'> & { message?: string }) => `${f.messageId} at ${f.line}:${f.column}${f.message !== undefined ? ` “${f.message}”` : ''}`;

/** What keeps the rule itself from being testable: cases of each kind, and zh and en for every messageId used. */
function ruleProblems(rule: Rule, cases: RuleCases): string[] {
  const problems: string[] = [];
  if (cases.valid.length === 0) problems.push('no valid case');
  if (cases.invalid.length === 0) problems.push('no invalid case');
  for (const c of cases.invalid) {
    for (const e of c.errors) {
      const m = rule.messages[e.messageId];
      if (typeof m?.zh !== 'string' || typeof m?.en !== 'string') problems.push(`messageId ${e.messageId} (case “${c.name}”) has no zh and en message`);
    }
  }
  return problems;
}

function validProblems(rule: Rule, c: RuleCase, options: TesterOptions): string[] {
  return lintCase(rule, c, options).map((f) => `unexpected ${show(f)}`);
}

function invalidProblems(rule: Rule, c: InvalidRuleCase, options: TesterOptions): string[] {
  const lang = options.lang ?? 'zh';
  const found = lintCase(rule, c, options);
  const problems: string[] = [];
  if (c.errors.length === 0) problems.push('an invalid case lists no errors');
  const n = Math.max(found.length, c.errors.length);
  for (let i = 0; i < n; i++) {
    const f = found[i];
    const e = c.errors[i];
    if (!f) {
      problems.push(`missing ${show(e!)}`);
      continue;
    }
    if (!e) {
      problems.push(`unexpected ${show(f)}`);
      continue;
    }
    const differ: string[] = [];
    if (f.messageId !== e.messageId) differ.push(`messageId ${f.messageId}, expected ${e.messageId}`);
    if (f.line !== e.line || f.column !== e.column) differ.push(`at ${f.line}:${f.column}, expected ${e.line}:${e.column}`);
    const severity = e.severity ?? rule.meta.severity;
    if (f.severity !== severity) differ.push(`severity ${f.severity}, expected ${severity}`);
    if (e.message !== undefined && f.message !== e.message) differ.push(`message “${f.message}”, expected “${e.message}”`);
    if (e.hint !== undefined && (f.hint ?? null) !== e.hint) differ.push(`hint ${f.hint === undefined ? 'none' : `“${f.hint}”`}, expected ${e.hint === null ? 'none' : `“${e.hint}”`}`);
    if (differ.length > 0) problems.push(`finding ${i + 1}: ${differ.join('; ')}`);
  }
  // The other language: the same findings, every placeholder filled.
  const other = lintCase(rule, c, { ...options, lang: lang === 'zh' ? 'en' : 'zh' });
  if (other.map((f) => f.messageId).join() !== found.map((f) => f.messageId).join()) problems.push(`in ${lang === 'zh' ? 'English' : 'Chinese'} the findings differ: ${other.map(show).join(', ')}`);
  for (const f of [...found, ...other]) {
    if (/\{[a-zA-Z]+\}/.test(`${f.message} ${f.hint ?? ''}`)) problems.push(`placeholder left unfilled in “${f.message}${f.hint !== undefined ? ` ${f.hint}` : ''}”`);
  }
  if (c.output !== undefined && options.fix) {
    const fixed = options.fix(rule, c.code);
    const want = c.output ?? c.code;
    if (fixed !== want) problems.push(`fixed text differs:\n--- expected\n${want}--- got\n${fixed}`);
  }
  return problems;
}

/** One check per case (and one for the rule's own shape), each run when called: for test runners declaring a test per case. */
export interface RuleCaseCheck {
  kind: RuleCaseResult['kind'];
  name: string;
  /** Empty when the case passes; a rule that throws is a problem, not an exception. */
  run(): string[];
}

export function ruleCaseChecks(rule: Rule, cases: RuleCases, options: TesterOptions = {}): RuleCaseCheck[] {
  const at = (kind: RuleCaseResult['kind'], name: string, problems: () => string[]): RuleCaseCheck => ({
    kind,
    name,
    run() {
      try {
        return problems();
      } catch (err) {
        return [`threw: ${String((err as Error)?.stack ?? err)}`];
      }
    },
  });
  return [
    at('rule', `${rule.meta?.id ?? '?'}: cases and messages`, () => ruleProblems(rule, cases)),
    ...cases.valid.map((c) => at('valid', c.name, () => validProblems(rule, c, options))),
    ...cases.invalid.map((c) => at('invalid', c.name, () => invalidProblems(rule, c, options))),
  ];
}

/** Runs every case now; one result for the rule's own shape, then one per case, in order. */
export function runRuleCases(rule: Rule, cases: RuleCases, options: TesterOptions = {}): RuleCaseResult[] {
  return ruleCaseChecks(rule, cases, options).map((c) => ({ kind: c.kind, name: c.name, problems: c.run() }));
}

/** One case's failure as an error message. */
export function describeFailure(rule: Rule, result: RuleCaseResult): string {
  return `${rule.meta?.id ?? '?'} ${result.kind === 'rule' ? '' : `${result.kind} case `}“${result.name}”:\n  ${result.problems.join('\n  ')}`;
}
