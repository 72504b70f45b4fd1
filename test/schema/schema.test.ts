// The committed schemas must be exactly what `gk schema` generates from the bundled standard.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import jsYaml from 'js-yaml';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../../src/commands/schema.js';
import { gk, repoRoot } from '../helpers.js';
import { createRequire } from 'node:module';
import { compileSchemas } from '../../src/check/schema/validate.js';
import { generatedSchemas } from '../../src/check/validate.js';

describe('schemas/', () => {
  it('is current: regenerating gives the committed files byte for byte', () => {
    const files = [...schemaFiles()];
    expect(files.map(([name]) => name)).toEqual(expect.arrayContaining(['catalog.schema.json', 'gk.schema.json']));
    for (const [name, text] of files) {
      const committed = fs.readFileSync(path.join(repoRoot, 'schemas', name), 'utf8');
      expect(committed, `schemas/${name} is stale: run npm run schema`).toBe(text);
    }
  });

  it('gk schema --check exits 0 when current and 1 when stale', async () => {
    expect((await gk(['schema', '--check'])).code).toBe(0);
    const tmp = fs.mkdtempSync(path.join(repoRoot, 'test', '.tmp-schema-'));
    try {
      fs.writeFileSync(path.join(tmp, 'catalog.schema.json'), '{}\n');
      const r = await gk(['schema', '--check', '--out', tmp]);
      expect(r.code).toBe(1);
      expect(r.err).toContain('catalog.schema.json');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('gives every property a Chinese title and description for editor hover help', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'catalog.schema.json'), 'utf8'));
    const item = schema.definitions.item;
    const props = Object.entries(item.properties as Record<string, { title?: string; description?: string }>);
    expect(props.map(([key]) => key)).toEqual(expect.arrayContaining(['id', 'standard', 'content', 'deadline', 'channels']));
    for (const [key, prop] of props) {
      expect(prop.title, key).toMatch(/\p{Script=Han}/u);
      expect(prop.description, key).toMatch(/\p{Script=Han}/u);
    }
    expect(schema.properties.domain.examples).toContain('fiscal-budget');
    expect(item.properties.standard.examples).toContain('fiscal-budget/1');
    expect(item.properties.channels.anyOf[0].examples).toContain('两微一端');
  });

  it('accepts the bundled example and the standard edition files (ajv on the committed schema)', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'catalog.schema.json'), 'utf8')));
    const files = fg.sync(['catalogs/examples/*/catalog/*.yaml'], { cwd: repoRoot, absolute: true });
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) expect(validate(jsYaml.load(fs.readFileSync(f, 'utf8'), { schema: jsYaml.CORE_SCHEMA })), f).toBe(true);
  });

  it('the validators precompiled by npm run build report exactly what compiling at run time reports', () => {
    const file = path.join(repoRoot, 'dist', 'check', 'schema', 'validators.cjs');
    expect(fs.existsSync(file), 'npm test builds dist/ first').toBe(true);
    const pre = createRequire(import.meta.url)(file) as ReturnType<typeof compileSchemas>;
    const live = compileSchemas(generatedSchemas());
    const docs = [
      { domain: 'fiscal-budget', items: [{ id: 'a', subjct: 'x', audience: '所有人', levels: [] }] },
      { domain: 'Bad Domain', items: 'none', extra: 1 },
      { domain: 'fiscal-budget', items: [{ id: 'b', name: '政府预算' }], exclusions: [{ reason: 1 }] },
    ];
    for (const doc of docs) {
      expect(pre.catalog(doc)).toBe(live.catalog(doc));
      const strip = (errors: typeof live.catalog.errors) => (errors ?? []).map(({ instancePath, schemaPath, keyword, params }) => ({ instancePath, schemaPath, keyword, params }));
      expect(strip(pre.catalog.errors)).toEqual(strip(live.catalog.errors));
      expect(pre.catalog.errors?.every((e) => e.parentSchema !== undefined)).toBe(true);
    }
    const manifest = { name: '示例县人民政府', code: 410000, level: 'city' };
    expect(pre.manifest(manifest)).toBe(false);
    expect(pre.manifest.errors?.map((e) => e.keyword)).toEqual(live.manifest(manifest) ? [] : live.manifest.errors?.map((e) => e.keyword));
  });
});
