// unknown-standard-ref: `standard:` and exclusions must name an item of the edition the catalog follows.
import type { Rule } from '../rule.js';
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
  check(context) {
    const edition = context.edition;
    if (!edition) return;
    for (const file of context.government.catalogs) {
      const refs: Array<{ ref: string; path: (string | number)[] }> = [];
      file.catalog.items.forEach((item, i) => item.standard !== undefined && refs.push({ ref: item.standard, path: ['items', i, 'standard'] }));
      file.catalog.exclusions.forEach((ex, i) => ex.standard !== '' && refs.push({ ref: ex.standard, path: ['exclusions', i, 'standard'] }));
      for (const { ref, path } of refs) {
        const hit = edition.items.get(ref);
        if (!hit) {
          const suggestion = nearest(ref, edition.items.keys());
          context.report({
            file,
            path,
            messageId: 'unknown',
            params: { ref, edition: edition.id },
            hintId: suggestion ? 'didYouMean' : undefined,
            hintParams: { suggestion },
          });
        } else if (file.catalog.domain !== '' && hit.domain !== file.catalog.domain) {
          context.report({ file, path, messageId: 'otherDomain', params: { ref, other: hit.domain, domain: file.catalog.domain } });
        }
      }
    }
  },
};
