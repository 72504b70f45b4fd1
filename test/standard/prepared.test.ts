// The bundled YAML prepared at build time (dist/standard/bundle.json) says exactly what the YAML says, and a file
// changed after the build is read from its YAML, never from a stale preparation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledStandardDir } from '../../src/io/files.js';
import { parseStandardYaml, PREPARED_BUNDLE, preparedData, prepareBundle, sha256, type PreparedBundle } from '../../src/load/prepared.js';
import { commandLoaders, commandSummaries, readCommandSummaries } from '../../src/commands/index.js';
import { gkProcess } from '../helpers.js';

function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f))
    .sort();
}

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
});

describe('prepared bundled standard', () => {
  it('holds every YAML file under catalogs/standard, with the data js-yaml reads from it today', () => {
    const bundle = JSON.parse(fs.readFileSync(PREPARED_BUNDLE, 'utf8')) as PreparedBundle;
    const files = yamlFiles(bundledStandardDir);
    expect(files.length).toBeGreaterThan(2);
    expect(Object.keys(bundle).sort()).toEqual(files.map((f) => path.relative(bundledStandardDir, f).split(path.sep).join('/')).sort());
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      const prepared = preparedData(file, bytes);
      expect(prepared, `${file} is prepared for its current bytes (run npm run build)`).toBeDefined();
      expect(prepared!.data).toEqual(parseStandardYaml(bytes));
    }
  });

  it('ignores an entry whose file changed since the build, and files outside catalogs/standard', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-prepared-'));
    temps.push(dir);
    const out = path.join(dir, 'bundle.json');
    const source = path.join(dir, 'standard');
    fs.mkdirSync(path.join(source, 'ed'), { recursive: true });
    fs.writeFileSync(path.join(source, 'vocab.yaml'), 'words: [甲, 乙]\n');
    fs.writeFileSync(path.join(source, 'ed', 'x.yaml'), 'n: .nan\n');
    fs.writeFileSync(path.join(source, 'bad.yaml'), 'a: [\n');
    const { files, skipped } = prepareBundle(source, out);
    expect(files).toBe(1);
    expect(skipped.sort()).toEqual(['bad.yaml', 'ed/x.yaml']);
    const bundle = JSON.parse(fs.readFileSync(out, 'utf8')) as PreparedBundle;
    expect(bundle['vocab.yaml']).toEqual({ sha256: sha256(fs.readFileSync(path.join(source, 'vocab.yaml'))), data: { words: ['甲', '乙'] } });
    // preparedData looks only under the bundled standard folder; a file named like a bundled one but elsewhere is not served
    const bundledName = path.join(bundledStandardDir, 'vocab.yaml');
    expect(preparedData(bundledName, fs.readFileSync(path.join(source, 'vocab.yaml')), out)).toEqual({ data: { words: ['甲', '乙'] } });
    expect(preparedData(bundledName, Buffer.from('words: [甲, 丙]\n'), out)).toBeUndefined();
    expect(preparedData(path.join(source, 'vocab.yaml'), fs.readFileSync(path.join(source, 'vocab.yaml')), out)).toBeUndefined();
  });
});

describe('command summaries for gk --help', () => {
  it('were written by the build from the command modules as they are now', async () => {
    expect(readCommandSummaries()).toEqual(await commandSummaries());
    expect((await commandSummaries()).map((s) => s.name)).toEqual(commandLoaders.map(([name]) => name));
  });

  it('make gk --help list every command as its own module describes it', async () => {
    const help = gkProcess(['--help']);
    expect(help.code).toBe(0);
    for (const s of await commandSummaries()) {
      expect(help.out).toContain(s.term);
      expect(help.out.replace(/\s+/g, ' ')).toContain(s.description.replace(/\s+/g, ' ').slice(0, 20));
    }
    // help for one command still shows its options, which only its module knows
    expect(gkProcess(['help', 'validate']).out).toContain('--max-warnings');
    expect(gkProcess(['validate', '--help']).out).toContain('--max-warnings');
    const typo = gkProcess(['valdate']);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('validate');
  });
});
