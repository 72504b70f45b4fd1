// .pre-commit-hooks.yaml: node hooks running the gk command this package installs, each selecting the files pre-commit
// would pass it. What the hooks do when run — from the packed package installed globally, as pre-commit installs a node
// hook — is tested with the other installs in test/package/install.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../helpers.js';

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

/** The staged files pre-commit passes to a hook: those its `files` pattern matches. */
function selected(id: string, staged: string[]): string[] {
  const hook = hooks.find((h) => h.id === id)!;
  return staged.filter((f) => new RegExp(hook.files).test(f));
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
    expect(selected('gk-validate', files(dir))).toContain('gk.yaml');
    const fmt = selected('gk-fmt-check', files(dir));
    expect(fmt).toContain('catalog/fiscal-budget.yaml');
    expect(fmt).not.toContain('gk.yaml');
    expect(fmt).not.toContain('README.md');
    expect(fmt.length).toBe(files(dir).filter((f) => f.startsWith('catalog/')).length);
    expect(selected('gk-validate', ['docs/notes.yaml', 'catalog/a.txt', 'sub/catalog/b.yml', 'sub/gk.yaml'])).toEqual(['sub/catalog/b.yml', 'sub/gk.yaml']);
  });
});
