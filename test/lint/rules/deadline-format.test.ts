// deadline-format over a fixture catalog (one untidy spelling, one unreadable deadline) and over the law's own wording.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../helpers.js';
import { rule } from '../../../src/check/lint/rules/deadline-format.js';
import { runRules } from '../../../src/check/lint/run.js';
import { loadGovernment, type Government } from '../../../src/load/government.js';
import { buildVocabulary } from '../../../src/load/channels.js';
import type { Lang } from '../../../src/model/types.js';
import { testRule } from '../tester.js';

const root = path.join(fixtures, 'rules', 'deadline-format');
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

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

  it('offers the tidied spelling as a fix, adding no words', () => {
    const [sloppy] = lint(loadGovernment(root, root, 'zh'));
    expect(sloppy?.message).toBe('公开时限“20工作日内”写法不整齐，建议写作“20个工作日内”（只整理空格、全角数字和“个工作日”，文字不变）');
    expect(sloppy?.hint).toBe('运行 gk fmt 可自动整理');
    expect(sloppy?.fixable).toBe(true);
    expect(sloppy?.path).toEqual(['items', 2, 'deadline']);
  });

  it('names an unreadable deadline and gives examples, in either language', () => {
    const [, zh] = lint(loadGovernment(root, root, 'zh'));
    expect(zh?.message).toBe('公开时限“按规定时间”不是可识别的写法');
    expect(zh?.hint).toContain('信息形成或者变更之日起20个工作日内');
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

describe('deadline-format on the law’s own wording', () => {
  /** A government whose one catalog file has an item per deadline, loaded from a temporary folder. */
  function governmentWith(deadlines: readonly string[]): Government {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-deadline-'));
    temps.push(dir);
    fs.writeFileSync(path.join(dir, 'gk.yaml'), 'name: 示例县人民政府\ncode: "410999"\nlevel: county\nstandard: national-2020\n');
    fs.mkdirSync(path.join(dir, 'catalog'));
    const items = deadlines.map((d, i) => `  - id: x-${i + 1}\n    deadline: ${JSON.stringify(d)}\n`).join('');
    fs.writeFileSync(path.join(dir, 'catalog', 'fiscal-budget.yaml'), `domain: fiscal-budget\nitems:\n${items}`);
    return loadGovernment(dir, dir, 'zh');
  }

  it('never flags the statutory forms, with or without 自/该/予以公开/及时公开/the proviso', () => {
    const statutory = [
      '信息形成或者变更之日起20个工作日内',
      '自信息形成或者变更之日起20个工作日内',
      '自该信息形成或者变更之日起20个工作日内予以公开',
      '自该政府信息形成或者变更之日起20个工作日内及时公开',
      '信息形成或者变更之日起20个工作日内予以公开',
      '自该信息形成或者变更之日起20个工作日内予以公开，法律法规另有规定的除外',
      '自政府信息形成或者变更之日起20个工作日内。法律、法规对政府信息公开的期限另有规定的，从其规定',
      '信息形成之日起20个工作日内',
      '信息获取(形成变更)20个工作日内',
      '规划送审报批前，不少于30日',
    ];
    expect(lint(governmentWith(statutory))).toEqual([]);
  });

  it('says a deadline cut short by an ellipsis is incomplete, not that it is misspelt', () => {
    const [d] = lint(governmentWith(['自信息形成或者变更之日起7…']));
    expect(d?.message).toBe('公开时限“自信息形成或者变更之日起7…”不完整（有省略号），无法确定时限');
    expect(d?.fixable).toBeUndefined();
  });

  it('offers only fixes that keep every word: spacing, width, 个工作日', () => {
    const found = lint(governmentWith(['信息形成或者变更之日起 20 个工作日内', '自信息形成之日起２０工作日内予以公开', '信息形成或者变更之日起20个工作日内及时公开']));
    expect(found.map((d) => [d.path, d.message])).toEqual([
      [['items', 0, 'deadline'], '公开时限“信息形成或者变更之日起 20 个工作日内”写法不整齐，建议写作“信息形成或者变更之日起20个工作日内”（只整理空格、全角数字和“个工作日”，文字不变）'],
      [['items', 1, 'deadline'], '公开时限“自信息形成之日起２０工作日内予以公开”写法不整齐，建议写作“自信息形成之日起20个工作日内予以公开”（只整理空格、全角数字和“个工作日”，文字不变）'],
    ]);
  });
});

const deadline = (d: string) => `domain: fiscal-budget\nitems:\n  - id: a\n    name: 政府预算\n    deadline: ${d}\n`;

testRule(rule, {
  valid: [{ name: 'the statutory wording', code: deadline('信息形成或者变更之日起20个工作日内') }],
  invalid: [
    {
      name: '20工作日 is tidied by gk fmt, the words kept',
      code: deadline('信息形成或者变更之日起20工作日内'),
      errors: [{ messageId: 'untidy', line: 5, column: 15, hint: '运行 gk fmt 可自动整理' }],
      output: deadline('信息形成或者变更之日起20个工作日内'),
    },
    {
      name: 'a cell cut short',
      code: deadline('信息形成…'),
      errors: [{ messageId: 'truncated', line: 5, column: 15, message: '公开时限“信息形成…”不完整（有省略号），无法确定时限' }],
      output: null,
    },
  ],
});
