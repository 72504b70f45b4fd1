// Ids of the bundled edition are stable: every id ever published names the same item, and regenerating the edition
// from the reference tables gives the bundled files byte for byte. The example county refers to items by these ids.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixtures, repoRoot } from '../helpers.js';
import { loadEdition } from '../../src/load/edition.js';

const bundledDir = path.join(repoRoot, 'catalogs', 'standard', 'national-2020');
const edition = loadEdition(bundledDir);
const published = parse(fs.readFileSync(path.join(fixtures, 'standard', 'national-2020-ids.yaml'), 'utf8')) as {
  retired: Record<string, string>;
  ids: Record<string, string>;
};

const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true });
});

describe('ids of the bundled edition national-2020', () => {
  it('every published id names the item it named when it was published; retired ids stay unused', () => {
    const now = Object.fromEntries([...edition.items.values()].map((item) => [item.id, item.name]));
    expect(now).toEqual(published.ids);
    for (const id of Object.keys(published.retired)) expect(edition.items.has(id), id).toBe(false);
  });

  it('regenerating the edition from the reference tables gives the bundled files byte for byte', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-edition-'));
    temp.push(out);
    const script = path.join(repoRoot, 'catalogs', 'standard', 'build-national-2020.mjs');
    const r = spawnSync(process.execPath, [script, path.join(fixtures, 'reference', 'standard'), out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const files = fs.readdirSync(bundledDir).sort();
    expect(fs.readdirSync(out).sort()).toEqual(files);
    for (const f of files) expect(fs.readFileSync(path.join(out, f), 'utf8'), f).toBe(fs.readFileSync(path.join(bundledDir, f), 'utf8'));
  });

  it('the example county refers to items by their names: each reference names the item the example describes', () => {
    const examples = path.join(repoRoot, 'catalogs', 'examples');
    const refs: string[] = [];
    for (const gov of fs.readdirSync(examples)) {
      const dir = path.join(examples, gov, 'catalog');
      if (!fs.existsSync(dir)) continue;
      for (const f of fs.readdirSync(dir).sort()) {
        const catalog = parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { items?: Array<{ standard?: string; name?: string }>; exclusions?: Array<{ standard: string }> };
        for (const item of catalog.items ?? []) {
          if (item.standard === undefined) continue;
          refs.push(item.standard);
          expect(published.ids[item.standard], `${gov}/${f}: ${item.standard}`).toBeDefined();
          // an example that renames an item says so in its own name; otherwise the names agree
          if (item.name !== undefined) expect(item.name, `${gov}/${f}: ${item.standard}`).toBe(published.ids[item.standard]);
        }
        for (const ex of catalog.exclusions ?? []) expect(published.ids[ex.standard], `${gov}/${f}: excludes ${ex.standard}`).toBeDefined();
      }
    }
    expect(refs).toContain('rural-dilapidated-housing/x10');
  });
});
