import { describe, expect, it } from 'vitest';
import { gk } from '../helpers.js';

const EXAMPLE = 'catalogs/examples/shiyan-county';

describe('gk diff on the example county', () => {
  it('shows a realistic mix of statuses', async () => {
    const r = await gk(['diff', EXAMPLE, '--format', 'json']);
    const result = JSON.parse(r.out).results[0];
    const statuses = new Set(result.entries.map((e: { status: string }) => e.status));
    expect([...statuses].sort()).toEqual(['adapted', 'adopted', 'excluded', 'missing']);
    expect(result.local.map((i: { id: string }) => i.id)).toEqual(['general-affairs-01', 'general-affairs-02']);
    const changes = result.entries.flatMap((e: { changes: Array<{ weakens?: string; declared?: string }> }) => e.changes);
    expect(changes.some((c: { weakens?: string; declared?: string }) => c.weakens !== undefined && c.declared !== undefined)).toBe(true);
    expect(changes.some((c: { weakens?: string }) => c.weakens === undefined)).toBe(true);
    // social-assistance-11 lengthens the national 10 working days to 20 without saying why
    expect(changes).toContainEqual(expect.objectContaining({ field: 'deadline', weakens: 'longer-deadline' }));
    expect(changes.filter((c: { weakens?: string; declared?: string }) => c.weakens !== undefined && c.declared === undefined)).toHaveLength(1);
    const missing = result.entries.filter((e: { status: string }) => e.status === 'missing').map((e: { standard: { id: string } }) => e.standard.id);
    expect(missing.sort()).toEqual(['social-assistance/13', 'social-assistance/8']);
    expect(r.code).toBe(1);
  });

  it('reads the same in text, with every status shown', async () => {
    const r = await gk(['diff', EXAMPLE]);
    for (const word of ['✔ 采用', '~ 调整', '- 不适用', '✖ 缺失', '+ 本地新增', '已声明']) expect(r.out).toContain(word);
  });
});
