// .pre-commit-hooks.yaml: each hook's entry, run as pre-commit runs it (from the repository root, with the staged files
// its `files` pattern selects), does what README says, on a copy of the example county.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gkProcess, repoRoot } from '../helpers.js';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames?: boolean;
}

const hooks = parse(fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-pre-commit-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function county(name: string): string {
  const dir = path.join(tmp, name);
  fs.cpSync(path.join(repoRoot, 'catalogs', 'examples', 'shiyan-county'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'README.md'), '# 目录\n');
  return dir;
}

/** The repository's files, relative and with forward slashes, as `git ls-files` lists them to pre-commit. */
function files(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => f.split(path.sep).join('/')).sort();
}

function runHook(id: string, dir: string, staged = files(dir)): { code: number; out: string; err: string; selected: string[] } {
  const hook = hooks.find((h) => h.id === id)!;
  const selected = staged.filter((f) => new RegExp(hook.files).test(f));
  const [bin, ...args] = hook.entry.split(' ');
  expect(bin).toBe('gk');
  return { ...gkProcess([...args, ...(hook.pass_filenames === false ? [] : selected)], dir), selected };
}

describe('.pre-commit-hooks.yaml', () => {
  it('declares node hooks that run the gk command this package installs', () => {
    expect(hooks.map((h) => h.id)).toEqual(['gk-validate', 'gk-fmt', 'gk-fmt-check']);
    for (const hook of hooks) {
      expect(hook.language).toBe('node');
      expect(Object.keys(pkg.bin)).toContain(hook.entry.split(' ')[0]);
      expect(hook.name && hook.files).toBeTruthy();
    }
  });

  it('selects gk.yaml and catalog files, and nothing else', () => {
    const dir = county('select');
    expect(runHook('gk-validate', dir).selected).toContain('gk.yaml');
    const fmt = runHook('gk-fmt-check', dir).selected;
    expect(fmt).toContain('catalog/fiscal-budget.yaml');
    expect(fmt).not.toContain('gk.yaml');
    expect(fmt).not.toContain('README.md');
    expect(fmt.length).toBe(files(dir).filter((f) => f.startsWith('catalog/')).length);
  });

  it('passes on a clean catalog and stops a commit with errors or unformatted files', () => {
    const dir = county('commit');
    for (const id of ['gk-validate', 'gk-fmt-check', 'gk-fmt']) expect(runHook(id, dir).code, id).toBe(0);
    const file = path.join(dir, 'catalog', 'fiscal-budget.yaml');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('domain: fiscal-budget', 'domain：fiscal-budget'));
    expect(runHook('gk-validate', dir).code).toBe(1);
    const check = runHook('gk-fmt-check', dir, ['catalog/fiscal-budget.yaml']);
    expect(check.code).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).not.toBe(text);
    // gk fmt rewrites the staged file; pre-commit then fails the commit because a hook changed a file.
    runHook('gk-fmt', dir, ['catalog/fiscal-budget.yaml']);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(runHook('gk-validate', dir).code).toBe(0);
  });
});
