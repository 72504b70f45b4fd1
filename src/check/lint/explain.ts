// `gk explain`: a check's documentation as text (purpose, what it flags and accepts, how to fix or switch it off).
import { closest } from 'fastest-levenshtein';
import { say, type Message } from '../../model/i18n.js';
import type { Lang, Severity } from '../../model/types.js';
import { checkDocs, type CheckDocs, type CheckKind, type RuleDocs, type RuleExample } from './docs.js';
import { rules } from './registry.js';
import type { Rule } from './rule.js';

export interface ExplainedCheck {
  id: string;
  kind: CheckKind;
  severity: Severity;
  fixable: boolean;
  /** true for a rule a government added itself (local rules). */
  local: boolean;
  docs: RuleDocs | undefined;
}

const M = {
  kind: {
    stage: { zh: '阶段检查', en: 'stage check' },
    rule: { zh: '规则', en: 'lint rule' },
    diff: { zh: 'gk diff 检查', en: 'gk diff check' },
    workspace: { zh: '工作区检查', en: 'workspace check' },
    local: { zh: '本地规则', en: 'local rule' },
  },
  head: { zh: '{id}（{kind}，默认级别 {severity}{fixable}）', en: '{id} ({kind}, default severity {severity}{fixable})' },
  fixable: { zh: '，可自动修复', en: ', fixable' },
  why: { zh: '为什么', en: 'Why' },
  flags: { zh: '会报告', en: 'Flagged' },
  accepts: { zh: '不会报告', en: 'Accepted' },
  fix: { zh: '如何修正', en: 'How to fix' },
  off: { zh: '如何关闭', en: 'How to switch it off' },
  offRule: {
    zh: '整个政府：在 gk.yaml 中写\n  rules:\n    {id}: off    # 或 warning、error\n单处：在该行（或该事项）前写\n  # gk-disable-next-line {id} -- 理由',
    en: 'For a whole government, in gk.yaml:\n  rules:\n    {id}: off    # or warning, error\nFor one place, on the line before it:\n  # gk-disable-next-line {id} -- reason',
  },
  offStage: { zh: '不能关闭：有这种问题的文件无法可靠读取，请按上面的方法修正。', en: 'It cannot be switched off: a file with this problem cannot be read reliably; fix it as above.' },
  offDiff: { zh: '不能关闭；在事项的 deviations 或 exclusions 中写明理由即不再报告。', en: 'It cannot be switched off; a reason in the item’s deviations or in exclusions settles it.' },
  offWorkspace: { zh: '不能关闭：请改正 gk.yaml。', en: 'It cannot be switched off: correct gk.yaml.' },
  noDocs: { zh: '（这条规则没有说明文字）', en: '(this rule has no documentation)' },
  list: { zh: '运行 gk explain <规则> 查看说明。', en: 'Run gk explain <rule> for details.' },
} satisfies Record<string, Message | Record<string, Message>>;

/** Every documented code, gk's own and then the given local rules. */
export function listChecks(localRules: readonly Rule[] = []): ExplainedCheck[] {
  const out: ExplainedCheck[] = [];
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  for (const [id, docs] of Object.entries(checkDocs)) {
    const rule = byId.get(id);
    out.push({ id, kind: docs.kind, severity: rule?.meta.severity ?? docs.severity ?? 'error', fixable: isFixable(id, rule), local: false, docs });
  }
  for (const rule of localRules) {
    out.push({ id: rule.meta.id, kind: 'rule', severity: rule.meta.severity, fixable: rule.meta.fixable === true, local: true, docs: rule.meta.docs });
  }
  return out;
}

export function findCheck(id: string, localRules: readonly Rule[] = []): ExplainedCheck | undefined {
  return listChecks(localRules).find((c) => c.id === id);
}

/** The nearest documented code, for a did-you-mean. */
export function nearestCheck(id: string, localRules: readonly Rule[] = []): string {
  return closest(id, listChecks(localRules).map((c) => c.id));
}

function isFixable(id: string, rule: Rule | undefined): boolean {
  return rule?.meta.fixable === true || id === 'fullwidth-colon' || id === 'encoding';
}

export function renderCheck(check: ExplainedCheck, lang: Lang): string {
  const kind = check.local ? M.kind.local : M.kind[check.kind];
  let out = say(M.head, lang, { id: check.id, kind: kind[lang], severity: check.severity, fixable: check.fixable ? M.fixable[lang] : '' }) + '\n';
  const docs = check.docs;
  if (docs === undefined) out += `\n${M.noDocs[lang]}\n`;
  else {
    out += `\n${docs.summary[lang]}\n`;
    out += section(M.why[lang], docs.why[lang]);
    out += section(M.flags[lang], examples(docs.flags, lang));
    out += section(M.accepts[lang], examples(docs.accepts, lang));
    out += section(M.fix[lang], docs.fix[lang]);
  }
  const off = check.kind === 'rule' ? say(M.offRule, lang, { id: check.id }) : check.kind === 'stage' ? M.offStage[lang] : check.kind === 'diff' ? M.offDiff[lang] : M.offWorkspace[lang];
  out += section(M.off[lang], off);
  return out;
}

export function renderList(checks: readonly ExplainedCheck[], lang: Lang): string {
  const width = Math.max(...checks.map((c) => c.id.length));
  let out = '';
  for (const c of checks) out += `${c.id.padEnd(width)}  ${c.severity.padEnd(7)}  ${c.docs?.summary[lang] ?? ''}\n`;
  return `${out}\n${M.list[lang]}\n`;
}

function section(title: string, body: string): string {
  return `\n${title}\n${indent(body, '  ')}\n`;
}

function examples(list: readonly RuleExample[], lang: Lang): string {
  return list.map((e) => (e.note ? `# ${e.note[lang]}\n` : '') + e.yaml).join('\n\n');
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : by + line))
    .join('\n');
}

export type { CheckDocs };
