// The quick validators (src/check/schema/validate.ts, quickSchema) say valid exactly where the full ones do: a
// document they pass is never looked at again, so a difference would hide a schema error. Checked on every value
// form each item key can take, one key changed at a time, both as compiled here and as precompiled by the build.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import jsYaml from 'js-yaml';
import { generatedSchemas } from '../../src/check/validate.js';
import { compileSchemas, quickSchema, type Validators } from '../../src/check/schema/validate.js';
import { repoRoot } from '../helpers.js';

const VALUES: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'x',
  '全社会',
  '特定群体',
  '全社会\n',
  '全社会|特定群体',
  '(全社会)',
  '.*',
  '主动',
  '依申请',
  '县级',
  '乡级',
  '村级',
  '决策公开',
  '政府网站',
  '发布会/听证会',
  'fiscal-budget/1',
  'a-1',
  '-a',
  0,
  1,
  true,
  [],
  [''],
  ['x'],
  ['x', 'x'],
  ['全社会'],
  ['全社会', '特定群体'],
  ['全社会', '全社会'],
  ['全社会', 'x'],
  ['县级', '乡级'],
  ['主动'],
  ['政府网站', '政府网站'],
  ['a-1', 'b.2'],
  ['a-1', '-b'],
  [1],
  [null],
  [['x']],
  [{ a: 1 }],
  { a: 1 },
  {},
];

function itemsOfExample(): Array<Record<string, unknown>> {
  const dir = path.join(repoRoot, 'catalogs', 'examples', 'shiyan-county', 'catalog');
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.yaml'))!;
  const doc = jsYaml.load(fs.readFileSync(path.join(dir, file), 'utf8'), { schema: jsYaml.CORE_SCHEMA }) as { items: Array<Record<string, unknown>> };
  return doc.items.slice(0, 2);
}

/** Documents with each item key (and a few top-level ones) set to each value in turn, with and without `standard`. */
function corpus(): unknown[] {
  const docs: unknown[] = [];
  const keys = ['id', 'standard', 'parent-item', 'renamed_from', 'category', 'name', 'content', 'basis', 'deadline', 'subject', 'channels', 'audience', 'mode', 'levels', 'publics', 'deviations', 'note', 'extra'];
  for (const base of itemsOfExample()) {
    for (const withStandard of [true, false]) {
      const item = { ...base };
      if (!withStandard) delete item.standard;
      docs.push({ domain: 'fiscal-budget', items: [item] });
      for (const key of keys) {
        for (const value of VALUES) {
          const changed: Record<string, unknown> = { ...item };
          if (value === undefined) delete changed[key];
          else changed[key] = value;
          docs.push({ domain: 'fiscal-budget', items: [changed] });
        }
      }
    }
  }
  for (const value of VALUES) {
    docs.push({ domain: value, items: [] });
    docs.push({ domain: 'fiscal-budget', items: value });
    docs.push({ domain: 'fiscal-budget', items: [], exclusions: value });
  }
  return docs;
}

function agree(validators: Validators): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (const doc of corpus()) {
    const full = validators.catalog(doc);
    expect(validators.quick.catalog(doc), JSON.stringify(doc)).toBe(full);
    if (full) valid++;
    else invalid++;
  }
  for (const manifest of [{ name: '示例县人民政府', code: '410000', level: 'county' }, { name: '示例县人民政府', code: 410000, level: 'city' }, {}, [], 'x']) {
    expect(validators.quick.manifest(manifest)).toBe(validators.manifest(manifest));
  }
  return { valid, invalid };
}

describe('quick schema validators', () => {
  it('say valid exactly where the full validators do, compiled from the generated schemas', () => {
    const { valid, invalid } = agree(compileSchemas(generatedSchemas()));
    // the corpus exercises both answers a good deal
    expect(valid).toBeGreaterThan(100);
    expect(invalid).toBeGreaterThan(500);
  });

  it('say valid exactly where the full validators do, as precompiled by the build', () => {
    const file = path.join(repoRoot, 'dist', 'check', 'schema', 'validators.cjs');
    agree(createRequire(import.meta.url)(file) as Validators);
  });

  it('rewrite every one-or-a-list anyOf of the item, and nothing else', () => {
    const schema = quickSchema(generatedSchemas().catalog) as { definitions: { item: { properties: Record<string, Record<string, unknown>> } } };
    const props = schema.definitions.item.properties;
    for (const key of ['renamed_from', 'basis', 'channels', 'audience', 'mode', 'levels', 'publics']) {
      expect(props[key]!.anyOf, key).toBeUndefined();
      expect(props[key]!.type, key).toEqual(['string', 'array']);
    }
    expect(props.audience!.pattern).toBe('^(?:全社会|特定群体)$');
    // an anyOf of another shape stays
    expect(quickSchema({ anyOf: [{ type: 'string', format: 'date' }, { type: 'array' }] })).toEqual({ anyOf: [{ type: 'string', format: 'date' }, { type: 'array' }] });
    expect(quickSchema({ anyOf: [{ type: 'string', pattern: 'a', enum: ['a'] }, { type: 'array' }] })).toEqual({ anyOf: [{ type: 'string', pattern: 'a', enum: ['a'] }, { type: 'array' }] });
  });
});
