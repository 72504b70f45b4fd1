// duplicate-id: an item id must be unique across the whole catalog, since versions and references match by id.
import type { Rule } from '../rule.js';
import type { CatalogSource } from '../../../load/source.js';

export const rule: Rule = {
  meta: { id: 'duplicate-id', severity: 'error', description: { zh: '事项编号在目录内必须唯一', en: 'item ids must be unique within a catalog' } },
  messages: {
    duplicate: { zh: '事项编号“{id}”重复（首次出现在 {first}）', en: 'item id "{id}" is used more than once (first in {first})' },
    first: { zh: '首次出现', en: 'first used here' },
  },
  check(context) {
    const seen = new Map<string, { file: CatalogSource; index: number }>();
    for (const file of context.government.catalogs) {
      file.catalog.items.forEach((item, index) => {
        if (item.id === '') return;
        const first = seen.get(item.id);
        if (!first) {
          seen.set(item.id, { file, index });
          return;
        }
        context.report({
          file,
          path: ['items', index, 'id'],
          messageId: 'duplicate',
          params: { id: item.id, first: `${first.file.display}:${first.file.locator.locate(['items', first.index, 'id']).start.line}` },
          related: [{ file: first.file, path: ['items', first.index, 'id'], messageId: 'first' }],
        });
      });
    }
  },
};
