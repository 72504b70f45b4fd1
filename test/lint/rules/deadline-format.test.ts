// deadline-format over a fixture catalog: one sloppy spelling, one unreadable deadline.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../../helpers.js';
import { rule } from '../../../src/lint/rules/deadline-format.js';
import { runRules } from '../../../src/lint/run.js';
import { loadGovernment, type Government } from '../../../src/project.js';
import { buildVocabulary } from '../../../src/standard/channels.js';
import type { Lang } from '../../../src/types.js';

const root = path.join(fixtures, 'rules', 'deadline-format');

function lint(government: Government, lang: Lang = 'zh') {
  return runRules({ government, edition: undefined, channels: buildVocabulary([]), domains: new Map(), lang }, [rule]);
}

describe('deadline-format', () => {
  it('reports the sloppy and the unreadable deadline, at their lines', () => {
    const found = lint(loadGovernment(root, root, 'zh'));
    expect(found.map((d) => [d.code, d.range.start.line])).toEqual([
      ['deadline-format', 30],
      ['deadline-format', 41],
    ]);
    expect(found.map((d) => d.severity)).toEqual(['warning', 'warning']);
  });

  it('offers the canonical spelling as a fix', () => {
    const [sloppy] = lint(loadGovernment(root, root, 'zh'));
    expect(sloppy?.message).toBe('公开时限写法不规范：“20工作日内”，建议写作“信息形成或变更之日起20个工作日内”');
    expect(sloppy?.fixable).toBe(true);
    expect(sloppy?.path).toEqual(['items', 2, 'deadline']);
  });

  it('names an unreadable deadline and gives examples, in either language', () => {
    const [, zh] = lint(loadGovernment(root, root, 'zh'));
    expect(zh?.message).toBe('公开时限“按规定时间”不是可识别的写法');
    expect(zh?.hint).toContain('信息形成或变更之日起20个工作日内');
    expect(zh?.fixable).toBeUndefined();
    const [, en] = lint(loadGovernment(root, root, 'en'), 'en');
    expect(en?.message).toBe('公开时限 "按规定时间" is not in a recognised form');
  });

  it('leaves empty and absent deadlines to the schema', () => {
    const government = loadGovernment(root, root, 'zh');
    const items = government.catalogs[0]!.catalog.items;
    items[2]!.deadline = '';
    delete items[3]!.deadline;
    expect(lint(government)).toEqual([]);
  });
});
