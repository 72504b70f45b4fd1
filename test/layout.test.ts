// The pipeline's direction: a module may import from its own stage and from stages before it, never from one after it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// README's "How the code is organised" (and docs/architecture.md) describe these stages; a test below keeps them in step.

const src = path.resolve(import.meta.dirname, '..', 'src');

/** Stages in pipeline order; a folder may import from its own and earlier entries only. */
const ORDER = ['model', 'io', 'load', 'check', 'resolve', 'diff', 'publish', 'report', 'init', 'fmt', 'import', 'formatters', 'lsp', 'commands', '.'] as const;

function stageOf(file: string): string {
  const rel = path.relative(src, file).split(path.sep);
  return rel.length === 1 ? '.' : rel[0]!;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

const files = sources(src);
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;

describe('layout', () => {
  it('every folder under src/ is a known stage', () => {
    const stages = new Set(files.map(stageOf));
    expect([...stages].filter((s) => !(ORDER as readonly string[]).includes(s))).toEqual([]);
  });

  it('no module imports from a stage after its own', () => {
    const backwards: string[] = [];
    let imports = 0;
    for (const file of files) {
      const from = ORDER.indexOf(stageOf(file) as (typeof ORDER)[number]);
      for (const m of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const spec = m[1] ?? m[2]!;
        const target = path.resolve(path.dirname(file), spec);
        const to = ORDER.indexOf(stageOf(target) as (typeof ORDER)[number]);
        imports++;
        if (to > from) backwards.push(`${path.relative(src, file)} → ${path.relative(src, target)}`);
      }
    }
    expect(imports).toBeGreaterThan(100);
    expect(backwards).toEqual([]);
  });

  it('rules are reached only through the registry: no vocabulary lives in a rule', () => {
    const rulesDir = path.join(src, 'check', 'lint', 'rules');
    const reaching: string[] = [];
    for (const file of files) {
      if (file.startsWith(rulesDir + path.sep) || file === path.join(src, 'check', 'lint', 'registry.ts')) continue;
      for (const m of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const target = path.resolve(path.dirname(file), m[1] ?? m[2]!);
        if (target.startsWith(rulesDir + path.sep)) reaching.push(`${path.relative(src, file)} → ${path.relative(src, target)}`);
      }
    }
    expect(reaching).toEqual([]);
  });

  it('bench code lives outside src/', () => {
    expect(fs.existsSync(path.join(src, 'bench'))).toBe(false);
    expect(fs.existsSync(path.join(src, '..', 'bench'))).toBe(true);
  });

  it('no module builds HTML by concatenation: pages come from templates/', () => {
    // A string literal that opens an element. The one exception is the preview server's reload hook, a single
    // fixed tag spliced into pages while previewing, never into built output.
    const TAG = /['`"]\s*<\/?(?:html|head|body|div|span|p|a|ul|ol|li|table|thead|tbody|tr|td|th|section|nav|main|header|footer|h[1-6]|details|summary|style|link|meta|form|input|button|label|svg)\b/;
    const allowed = new Set([path.join('publish', 'serve.ts')]);
    const building = files.filter((f) => !allowed.has(path.relative(src, f)) && TAG.test(fs.readFileSync(f, 'utf8')));
    expect(building.map((f) => path.relative(src, f))).toEqual([]);
  });

  it("README's and docs/architecture.md's stage order is ORDER, and README lists every stage in that order", () => {
    const stages = ORDER.filter((s) => s !== '.');
    for (const doc of ['README.md', 'docs/architecture.md']) {
      const text = fs.readFileSync(path.join(src, '..', doc), 'utf8');
      const line = /Stage order: `([^`]+)`/.exec(text);
      expect(line, doc).not.toBeNull();
      expect(line![1]!.split(' → '), doc).toEqual(stages);
    }
    const readme = fs.readFileSync(path.join(src, '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## 代码的组织 · How the code is organised'), readme.indexOf('## 开发 · Development'));
    const listed = [...section.matchAll(/`([a-z]+)\/`/g)].map((m) => m[1]!).filter((s, i, all) => all.indexOf(s) === i);
    expect(listed.filter((s) => (stages as readonly string[]).includes(s))).toEqual(stages);
  });

  it('level names and marks are defined only in model/levels.ts', () => {
    const spelled = files.filter((f) => stageOf(f) !== 'model' && /county: \{ zh: '|county: '县级'|county: 'county'|\['县级', '乡级'/.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(src, f));
    expect(spelled).toEqual([]);
  });

  it('only src/cli.ts and src/index.ts sit loose in src/', () => {
    expect(files.filter((f) => stageOf(f) === '.').map((f) => path.basename(f)).sort()).toEqual(['cli.ts', 'index.ts']);
  });
});
