// gk validate --max-repeats: the human format lists a bounded number of one rule's findings per file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gk, gkRefusal, repoRoot } from '../helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-repeats-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The example county with one item's channels replaced by `n` channels nobody knows. */
function countyWithUnknownChannels(n: number): string {
  const dir = path.join(tmp, `county-${n}`);
  fs.cpSync(path.join(repoRoot, 'catalogs', 'examples', 'shiyan-county'), dir, { recursive: true });
  const file = path.join(dir, 'catalog', 'fiscal-budget.yaml');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((l) => /^\s+channels:/.test(l));
  expect(at).toBeGreaterThan(-1);
  lines[at] = `${lines[at]!.match(/^\s+/)![0]}channels: [${Array.from({ length: n }, (_, i) => `自编渠道${i}`).join(', ')}]`;
  fs.writeFileSync(file, lines.join('\n'));
  return dir;
}

describe('validate --max-repeats', () => {
  const county = countyWithUnknownChannels(60);

  it('lists 20 of a rule per file by default and counts the rest; totals, exit code and json keep everything', async () => {
    const r = await gk(['validate', county]);
    expect(r.code).toBe(0);
    expect(r.out.match(/  unknown-channel$/gm)).toHaveLength(20);
    expect(r.out).toContain('本文件另有 40 个 unknown-channel 问题未列出');
    expect(r.out).toMatch(/共 60 个问题/);
    const json = JSON.parse((await gk(['validate', '-f', 'json', county])).out) as { diagnostics: unknown[] };
    expect(json.diagnostics).toHaveLength(60);
  });

  it('lists all with 0, and N with N', async () => {
    expect((await gk(['validate', '--max-repeats', '0', county])).out.match(/  unknown-channel$/gm)).toHaveLength(60);
    const en = await gk(['--lang', 'en', 'validate', '--max-repeats', '7', county]);
    expect(en.out.match(/  unknown-channel$/gm)).toHaveLength(7);
    expect(en.out).toContain('53 more unknown-channel findings in this file not listed');
  });

  it('refuses a value that is not a whole number', async () => {
    const { zh, en } = await gkRefusal(['validate', '--max-repeats', '-1', county]);
    expect(zh).toContain('--max-repeats');
    expect(en).toContain('whole number');
  });
});
