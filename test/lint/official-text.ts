// The bundled edition's items written out as catalogs, every value spelled out, so a rule reads the official text
// itself rather than an item that inherits it.
import { stringify } from 'yaml';
import { loadEdition } from '../../src/load/edition.js';
import { ITEM_FIELDS } from '../../src/model/types.js';

export function editionCatalogs(dir: string): Array<{ domain: string; code: string }> {
  const edition = loadEdition(dir);
  const byDomain = new Map<string, Array<Record<string, unknown>>>();
  for (const item of edition.items.values()) {
    const written: Record<string, unknown> = { id: item.id.replace('/', '-') };
    for (const field of ITEM_FIELDS) if (item[field] !== undefined) written[field] = item[field];
    const list = byDomain.get(item.domain) ?? [];
    list.push(written);
    byDomain.set(item.domain, list);
  }
  return [...byDomain].sort(([a], [b]) => (a < b ? -1 : 1)).map(([domain, items]) => ({ domain, code: stringify({ domain, items }, { lineWidth: 0 }) }));
}
