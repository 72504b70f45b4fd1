// The edits the build makes to bundled packages (src/commands/bundle-patches.ts) change what a package costs, never
// what it does: the edited js-yaml parses every text of a corpus exactly as the package does, errors included; an
// edit that no longer fits fails loudly; and the bundle the build wrote carries the edit.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import jsYaml from 'js-yaml';
import { applyPatches, PATCHES } from '../../src/commands/bundle-patches.js';
import { repoRoot } from '../helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-patches-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const JS_YAML = path.join(repoRoot, 'node_modules', 'js-yaml', 'dist', 'js-yaml.mjs');

/** Texts around flow collections: plain lists, pairs inside lists, flow mappings, merges, duplicates, errors. */
const CORPUS = [
  'channels: [政府网站, 公开栏, 政务新媒体]\nlevels: [县级, 乡级]\n',
  'a: []\nb: {}\nc: [[], {}, [[]]]\n',
  'a: [x: 1, y: 2]\n',
  'a: [? x, ? y : 2]\n',
  'a: {x: 1, y: [1, {z: 2}]}\n',
  'a: {x: 1, x: 2}\n',
  'a: {<<: {x: 1, y: 2}, x: 3}\n',
  'a: {<<: [{x: 1}, {y: 2}], y: 3}\n',
  'a: {x: 1, <<: {x: 2}}\n',
  'a: [x: 1, x: 2]\n',
  'a: [1, 2\n',
  'a: {x: 1, , y: 2}\n',
  'a: [1 2]\n',
  'a: {? [1, 2] : 3}\n',
  'items:\n  - id: a\n    channels: [政府网站]\n    basis: [《中华人民共和国预算法》, 《政府信息公开条例》]\n',
];

function outcome(load: (text: string) => unknown, text: string): unknown {
  try {
    return { data: load(text) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

describe('bundle patches', () => {
  it('the edited js-yaml parses each text of the corpus as js-yaml does, errors included', async () => {
    const edited = applyPatches(JS_YAML, fs.readFileSync(JS_YAML, 'utf8'));
    expect(edited).not.toBe(fs.readFileSync(JS_YAML, 'utf8'));
    const file = path.join(tmp, 'js-yaml-edited.mjs');
    // without its source map comment: the map is not beside the copy
    fs.writeFileSync(file, edited.replace(/^\/\/# sourceMappingURL=.*$/m, ''));
    const patched = (await import(pathToFileURL(file).href)) as { default: typeof jsYaml };
    for (const json of [false, true]) {
      for (const text of CORPUS) {
        const options = { schema: jsYaml.CORE_SCHEMA, json };
        expect(outcome((t) => patched.default.load(t, options), text), text).toEqual(outcome((t) => jsYaml.load(t, options), text));
      }
    }
  });

  it('an edit that no longer fits the package fails the build, naming it', () => {
    expect(() => applyPatches(JS_YAML, 'function readFlowCollection(state) {\n}\n')).toThrow(/expected 1 of "const overridableKeys/);
    expect(() => applyPatches(JS_YAML, 'function somethingElse() {}\n')).toThrow(/function readFlowCollection not found/);
    // other modules pass through untouched
    expect(applyPatches('/x/node_modules/other/index.js', 'const overridableKeys = /* @__PURE__ */ Object.create(null);')).toBe('const overridableKeys = /* @__PURE__ */ Object.create(null);');
  });

  it('the bundle the build wrote carries every edit', () => {
    const bundle = path.join(repoRoot, 'dist', 'bundle');
    const code = fs.readdirSync(bundle).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(bundle, f), 'utf8')).join('\n');
    // (the bundler prints strings with double quotes)
    for (const patch of PATCHES) for (const edit of patch.edits) expect([edit.to, edit.to.replaceAll("'", '"')].some((to) => code.includes(to)), edit.to).toBe(true);
    expect(code).not.toContain('const overridableKeys = /* @__PURE__ */ Object.create(null);\n\t\tlet keyNode');
  });

  it('a validate of the example county loads no node:child_process (commander and the git edge take it when they start a process)', () => {
    const probe = path.join(tmp, 'probe.cjs');
    fs.writeFileSync(probe, "process.on('exit', () => require('fs').writeSync(2, `\\nLOADED ${process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).join(',')}\\n`));\n");
    const r = spawnSync(process.execPath, ['-r', probe, path.join(repoRoot, 'bin', 'gk.js'), 'validate', path.join(repoRoot, 'catalogs', 'examples', 'shiyan-county')], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const loaded = r.stderr.split('\nLOADED ')[1]!.trim().split(',');
    expect(loaded).toContain('NativeModule fs');
    expect(loaded).not.toContain('NativeModule child_process');
  });
});
