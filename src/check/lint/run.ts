// Runs the rules over one government: severity settings from gk.yaml, in-place suppressions, source ranges.
import { makeDiagnostic } from '../../model/diagnostic.js';
import { say } from '../../model/i18n.js';
import type { Government } from '../../load/government.js';
import type { CatalogSource, SourceFile } from '../../load/source.js';
import type { ChannelVocabulary } from '../../load/channels.js';
import type { Diagnostic, Edition, Lang, Severity } from '../../model/types.js';
import { rules } from './registry.js';
import type { ItemAt, Rule, RuleContext, WorkspaceView } from './rule.js';

const DISABLE = /#\s*gk-disable-next-line\s+([\w,\s-]+?)(?:\s+--\s*(.*))?\s*$/;

/** Lines (1-based) whose findings of the named rules are suppressed, per file. */
export function suppressions(text: string): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  if (!text.includes('gk-disable')) return out;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = DISABLE.exec(lines[i]!);
    if (!m) continue;
    let target = i + 1;
    while (target < lines.length && /^\s*(#.*)?$/.test(lines[target]!)) target++;
    const set = out.get(target + 1) ?? new Set<string>();
    for (const id of m[1]!.split(/[\s,]+/)) if (id) set.add(id);
    out.set(target + 1, set);
  }
  return out;
}

export function severityFor(rule: Rule, government: Government): Severity | 'off' {
  return government.manifest.rules[rule.meta.id] ?? rule.meta.severity;
}

export interface LintInput {
  government: Government;
  edition: Edition | undefined;
  channels: ChannelVocabulary;
  domains: Map<string, string>;
  lang: Lang;
  workspace?: WorkspaceView;
  /** Only these rule ids (all when undefined). */
  only?: ReadonlySet<string>;
}

export function runRules(input: LintInput, ruleList: readonly Rule[] = rules): Diagnostic[] {
  const out: Diagnostic[] = [];
  const suppressed = new Map<SourceFile, Map<number, Set<string>>>();
  const places = new Map<CatalogSource, readonly ItemAt[]>();
  for (const rule of ruleList) {
    if (input.only && !input.only.has(rule.meta.id)) continue;
    const severity = severityFor(rule, input.government);
    if (severity === 'off') continue;
    const context: RuleContext = {
      lang: input.lang,
      government: input.government,
      edition: input.edition,
      channels: input.channels,
      domains: input.domains,
      workspace: input.workspace,
      report(r) {
        const template = rule.messages[r.messageId];
        if (!template) throw new Error(`rule ${rule.meta.id} has no message ${r.messageId}`);
        const range = r.file.locator.locate(r.path, { key: r.key });
        let lines = suppressed.get(r.file);
        if (!lines) suppressed.set(r.file, (lines = suppressions(r.file.text)));
        if (lines.get(range.start.line)?.has(rule.meta.id)) return;
        const hintTemplate = r.hintId ? rule.messages[r.hintId] : undefined;
        out.push(
          makeDiagnostic({
            code: rule.meta.id,
            severity,
            message: say(template, input.lang, r.params),
            hint: hintTemplate ? say(hintTemplate, input.lang, r.hintParams) : undefined,
            file: r.file.display,
            path: r.path,
            range,
            fixable: r.fixable,
            elements: r.elements,
            related: r.related?.map((rel) => {
              const t = rule.messages[rel.messageId];
              return {
                file: rel.file.display,
                path: rel.path,
                range: rel.file.locator.locate(rel.path),
                message: t ? say(t, input.lang, rel.params) : rel.messageId,
              };
            }),
          }),
        );
      },
    };
    rule.check?.(context);
    if (rule.file || rule.item) {
      for (const file of input.government.catalogs) {
        rule.file?.(file, context);
        if (rule.item) for (const at of itemsOf(file, input.edition, places)) rule.item(at, context);
      }
    }
  }
  return out;
}

/**
 * Where each item of a file is, made once for all the rules that look at items (about fifteen) rather than once for
 * each of them: at city scale those places were an eighth of what validate allocated (issue 12).
 */
function itemsOf(file: CatalogSource, edition: Edition | undefined, places: Map<CatalogSource, readonly ItemAt[]>): readonly ItemAt[] {
  let list = places.get(file);
  if (list) return list;
  list = file.catalog.items.map((item, index) => {
    const national = item.standard !== undefined ? edition?.items.get(item.standard) : undefined;
    return Object.freeze({ file, index, item, national, path: (...rest: Array<string | number>) => ['items', index, ...rest] });
  });
  places.set(file, list);
  return list;
}
