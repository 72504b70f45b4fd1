// Import of a build gives back the catalog: gk build the example county → gk import its CSV and XLSX → the same resolved items.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGovernment } from '../../src/load/government.js';
import { resolveCatalog, valueOf } from '../../src/resolve/standard.js';
import { loadChannelVocabulary, matchChannel } from '../../src/load/channels.js';
import { ITEM_FIELDS, type ResolvedItem } from '../../src/model/types.js';
import { defaultEdition } from '../../src/check/validate.js';
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

/**
 * The fields of every item, compared one by one so a failure names the item and the field. `channels` is the
 * one field compared differently for the workbook, as `channelsOf` says why.
 */
function expectSameItems(back: ResolvedItem[], original: ResolvedItem[], channelsOf: (list: string[] | undefined) => string[] | undefined): void {
  expect(original.length).toBeGreaterThan(150);
  expect(back.map((i) => i.id)).toEqual(original.map((i) => i.id));
  original.forEach((item, i) => {
    const again = back[i]!;
    expect([item.id, again.domain, again.standard]).toEqual([item.id, item.domain, item.standard]);
    for (const field of ITEM_FIELDS) {
      if (field === 'channels') expect([item.id, field, channelsOf(valueOf(again, field))]).toEqual([item.id, field, channelsOf(valueOf(item, field))]);
      else expect([item.id, field, valueOf(again, field)]).toEqual([item.id, field, valueOf(item, field)]);
    }
  });
}

describe('import of a build', () => {
  it('CSV: every item comes back with its id, national item and every field', async () => {
    const gov = emptyGovernment('from-csv');
    const r = await gk(['import', 'site/catalog.csv', '--out', 'from-csv/catalog'], tmp);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expectSameItems(resolved(gov), resolved(example), (list) => list);
  });

  it('XLSX: every item comes back with its id, national item, 五公开 and every field; channels as a set of vocabulary names', async () => {
    const gov = emptyGovernment('from-xlsx');
    const r = await gk(['import', 'site/catalog.xlsx', '--out', 'from-xlsx/catalog'], tmp);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const vocab = loadChannelVocabulary();
    // The official layout ticks ■/□ boxes in the vocabulary's order and prints each standard channel under its
    // vocabulary name, so the workbook cannot keep the catalog's channel order, its alias spellings
    // (政府服务中心 → 政务服务中心) or two channels that share one box (广播, 电视 → 广播电视).
    const channels = (list: string[] | undefined) => {
      const names = (list ?? []).map((c) => {
        const m = matchChannel(vocab, c);
        return m.kind === 'unknown' ? c : m.name;
      });
      return [...new Set(names)].sort();
    };
    expectSameItems(resolved(gov), resolved(example), channels);
  });
});
