// unknown-standard-ref: `standard:` and exclusions must name an item of the edition the catalog follows.
import type { CatalogSource } from '../../../load/source.js';
import type { DataPath } from '../../../model/types.js';
import type { Rule, RuleContext } from '../rule.js';
import { distance } from 'fastest-levenshtein';

function nearest(id: string, ids: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const candidate of ids) {
    const d = distance(id, candidate);
    if (d < bestD || (d === bestD && best !== undefined && candidate < best)) {
      best = candidate;
      bestD = d;
    }
  }
  return bestD <= 2 ? best : undefined;
}

export const rule: Rule = {
  meta: { id: 'unknown-standard-ref', severity: 'error', description: { zh: '引用的国家标准事项必须存在', en: 'referenced national items must exist' } },
  messages: {
    unknown: { zh: '标准目录 {edition} 中没有事项“{ref}”', en: 'standard edition {edition} has no item "{ref}"' },
    otherDomain: { zh: '事项“{ref}”属于领域 {other}，而本文件是 {domain}', en: 'item "{ref}" belongs to domain {other}, but this file is {domain}' },
    didYouMean: { zh: '是否指“{suggestion}”？', en: 'did you mean "{suggestion}"?' },
  },
  // items first, then exclusions, each in file order
  item({ file, item, path }, context) {
    if (item.standard !== undefined) checkRef(file, item.standard, path('standard'), context);
  },
  file(file, context) {
    file.catalog.exclusions.forEach((ex, i) => ex.standard !== '' && checkRef(file, ex.standard, ['exclusions', i, 'standard'], context));
  },
};

function checkRef(file: CatalogSource, ref: string, path: DataPath, context: RuleContext): void {
  const edition = context.edition;
  if (!edition) return;
  const hit = edition.items.get(ref);
  if (!hit) {
    const suggestion = nearest(ref, edition.items.keys());
    context.report({ file, path, messageId: 'unknown', params: { ref, edition: edition.id }, hintId: suggestion ? 'didYouMean' : undefined, hintParams: { suggestion } });
  } else if (file.catalog.domain !== '' && hit.domain !== file.catalog.domain) {
    context.report({ file, path, messageId: 'otherDomain', params: { ref, other: hit.domain, domain: file.catalog.domain } });
  }
}
