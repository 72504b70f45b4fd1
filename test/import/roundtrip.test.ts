// Import of a build gives back the catalog: gk build the example county → gk import its CSV and XLSX → the same resolved items.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGovernment } from '../../src/project.js';
import { resolveCatalog, valueOf } from '../../src/resolve.js';
import { loadChannelVocabulary, matchChannel } from '../../src/standard/channels.js';
import { ITEM_FIELDS, type ItemField, type ResolvedItem } from '../../src/types.js';
import { defaultEdition } from '../../src/validate.js';
import { gk, repoRoot } from '../helpers.js';

const example = path.join(repoRoot, 'catalogs', 'examples', 'shiyan-county');
let tmp = '';

function resolved(root: string): ResolvedItem[] {
  return resolveCatalog(loadGovernment(root, tmp, 'zh'), defaultEdition()).items;
}

/** A government folder holding the example's gk.yaml and nothing else yet. */
function emptyGovernment(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(example, 'gk.yaml'), path.join(dir, 'gk.yaml'));
  return dir;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-roundtrip-'));
  const built = await gk(['build', example, '--out', path.join(tmp, 'site'), '--formats', 'csv,xlsx', '--date', '2024-01-01'], tmp);
  expect(built.code).toBe(0);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('import of a build', () => {
  it('CSV: every item comes back with its id, national item and every field', async () => {
    const gov = emptyGovernment('from-csv');
    const r = await gk(['import', 'site/catalog.csv', '--out', 'from-csv/catalog'], tmp);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const original = resolved(example);
    const back = resolved(gov);
    expect(back.map((i) => i.id)).toEqual(original.map((i) => i.id));
    original.forEach((item, i) => {
      const again = back[i]!;
      expect(again.domain).toBe(item.domain);
      expect(again.standard).toBe(item.standard);
      for (const field of ITEM_FIELDS) expect([item.id, field, valueOf(again, field)]).toEqual([item.id, field, valueOf(item, field)]);
    });
  });

  it('XLSX: the items come back in order with their national items and fields (the workbook has no ids, 五公开 or channel order)', async () => {
    const gov = emptyGovernment('from-xlsx');
    const r = await gk(['import', 'site/catalog.xlsx', '--out', 'from-xlsx/catalog'], tmp);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const vocab = loadChannelVocabulary();
    // the official layout ticks channels on the vocabulary's checklist: canonical names, checklist order
    const channels = (list: string[] | undefined) => {
      const names = (list ?? []).map((c) => {
        const m = matchChannel(vocab, c);
        return m.kind === 'unknown' ? c : m.name;
      });
      return [...new Set(names)].sort();
    };
    const byDomain = (items: ResolvedItem[]) => [...items].sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : a.index - b.index));
    const original = byDomain(resolved(example));
    const back = byDomain(resolved(gov));
    expect(back).toHaveLength(original.length);
    original.forEach((item, i) => {
      const again = back[i]!;
      expect([item.id, again.domain, again.standard]).toEqual([item.id, item.domain, item.standard]);
      const fields = ITEM_FIELDS.filter((f): f is Exclude<ItemField, 'publics' | 'channels'> => f !== 'publics' && f !== 'channels');
      for (const field of fields) expect([item.id, field, valueOf(again, field)]).toEqual([item.id, field, valueOf(item, field)]);
      expect([item.id, channels(valueOf(again, 'channels'))]).toEqual([item.id, channels(valueOf(item, 'channels'))]);
    });
  });
});
