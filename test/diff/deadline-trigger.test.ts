// gk diff tells 信息形成 from 信息形成或者变更 (the 条例's wording): a county that adds 变更 to the standard's
// 信息形成之日起 says something else, and the diff shows it; a mere rewording of the same trigger is no change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gk } from '../helpers.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-diff-trigger-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Change {
  field: string;
  national: unknown;
  local: unknown;
  weakens?: string;
}

describe('gk diff and the 公开时限 trigger', () => {
  it('reports 信息形成 → 信息形成或者变更 as a change (not a weakening), and not 信息形成之日起 → 信息形成后', async () => {
    fs.writeFileSync(path.join(dir, 'gk.yaml'), 'name: 示例县人民政府\ncode: "410999"\nlevel: county\nstandard: national-2020\n');
    fs.mkdirSync(path.join(dir, 'catalog'));
    // rural-dilapidated-housing/1 and /x6 of the bundled standard both read 信息形成之日起20个工作日内
    fs.writeFileSync(
      path.join(dir, 'catalog', 'rural-dilapidated-housing.yaml'),
      [
        'domain: rural-dilapidated-housing',
        'items:',
        '  - id: r1',
        '    standard: rural-dilapidated-housing/1',
        '    deadline: 自信息形成或者变更之日起20个工作日内',
        '    subject: 示例县住房和城乡建设局',
        '  - id: r6',
        '    standard: rural-dilapidated-housing/x6',
        '    deadline: 信息形成后20个工作日内',
        '    subject: 示例县住房和城乡建设局',
        '',
      ].join('\n'),
    );
    const r = await gk(['diff', '.', '--format', 'json'], dir);
    const entries = JSON.parse(r.out).results[0].entries as Array<{ standard: { id: string }; changes: Change[] }>;
    const deadlineOf = (id: string) => entries.find((e) => e.standard.id === id)!.changes.filter((c) => c.field === 'deadline');
    expect(deadlineOf('rural-dilapidated-housing/1')).toEqual([{ field: 'deadline', national: '信息形成之日起20个工作日内', local: '自信息形成或者变更之日起20个工作日内' }]);
    expect(deadlineOf('rural-dilapidated-housing/x6')).toEqual([]);
  });
});
