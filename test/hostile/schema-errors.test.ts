// Schema errors of many items: one diagnostic per mistake, each at its own item (the collapse of anyOf branches is per place).
import { describe, expect, it } from 'vitest';
import { Locator } from '../../src/load/yaml.js';
import { schemaDiagnostics } from '../../src/check/schema/validate.js';
import { schemaValidators } from '../../src/check/validate.js';

const GOOD = {
  name: '事项',
  content: '内容',
  basis: '依据',
  deadline: '信息形成或变更之日起20个工作日内',
  subject: '县民政局',
  channels: ['政府网站'],
  audience: '全社会',
  mode: '主动',
  levels: '县级',
};

/** Three kinds of mistake in turn: a value outside an enum, a list with a wrong element, a missing element. */
function catalog(n: number): unknown {
  const items = [];
  for (let i = 0; i < n; i++) {
    const item: Record<string, unknown> = { id: `sa-${i}`, ...GOOD };
    if (i % 3 === 0) item.audience = '所有人';
    else if (i % 3 === 1) item.mode = ['主动', { x: 1 }];
    else delete item.subject;
    items.push(item);
  }
  return { domain: 'social-assistance', items };
}

function diagnose(data: unknown) {
  return schemaDiagnostics(schemaValidators().catalog, { path: '/x.yaml', display: 'x.yaml', text: '', encoding: 'utf-8', data, locator: new Locator(''), diagnostics: [] }, 'en');
}

describe('schema errors of many items', () => {
  it('give exactly one diagnostic per item, at that item', () => {
    const n = 3000;
    const found = diagnose(catalog(n));
    expect(found).toHaveLength(n);
    for (let i = 0; i < n; i++) {
      const d = found[i]!;
      const field = i % 3 === 0 ? 'audience' : i % 3 === 1 ? 'mode' : undefined;
      expect(d.path?.slice(0, 2)).toEqual(['items', i]);
      if (field) expect(d.path?.[2]).toBe(field);
      else expect(d.message).toBe('missing required property "subject" (subject (公开主体))');
    }
    expect(found[0]!.message).toBe('audience (公开对象) must be one of (or a list of): 全社会、特定群体');
  });
});
