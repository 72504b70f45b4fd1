// Repository checks: every rule is documented in README and has a fixture; README's quick start matches .ci/run.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/check/lint/registry.js';
import { checkDocs } from '../src/check/lint/docs.js';
import { commandLoaders, loadCommands } from '../src/commands/index.js';
import { repoRoot } from './helpers.js';
import { VERSION } from '../src/model/version.js';

const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

describe('documentation', () => {
  it('every source path README and docs/ name exists (they follow the layout)', () => {
    const docs = [path.join(repoRoot, 'README.md'), ...fs.readdirSync(path.join(repoRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => path.join(repoRoot, 'docs', f))];
    const named: string[] = [];
    const missing: string[] = [];
    for (const doc of docs) {
      for (const m of fs.readFileSync(doc, 'utf8').matchAll(/\b(?:src|test|bench|templates)\/[\w./-]+\.(?:ts|mjs|hbs|css|js)\b/g)) {
        named.push(m[0]);
        if (!fs.existsSync(path.join(repoRoot, m[0]))) missing.push(`${path.relative(repoRoot, doc)}: ${m[0]}`);
      }
    }
    expect(named.length).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });

  it('README documents every lint rule with its default severity', () => {
    expect(rules.length).toBeGreaterThan(3);
    for (const rule of rules) {
      expect(readme, rule.meta.id).toMatch(new RegExp(`\\| \`${rule.meta.id}\` \\| ${rule.meta.severity} \\|`));
    }
  });

  it('README\'s rule tables say what gk explain says, row for row, and every rule has its explanation', () => {
    const rows = new Map<string, string>();
    for (const m of readme.matchAll(/^\| `([a-z/-]+)` \| (error|warning) \| (.+) \|$/gm)) rows.set(m[1]!, `${m[2]} ${m[3]}`);
    const tabled = Object.entries(checkDocs).filter(([, d]) => d.kind === 'stage' || d.kind === 'rule');
    expect(tabled.length).toBeGreaterThan(rules.length);
    for (const [id, docs] of tabled) {
      const severity = rules.find((r) => r.meta.id === id)?.meta.severity ?? docs.severity;
      expect(rows.get(id), id).toBe(`${severity} ${docs.summary.zh}`);
    }
    for (const [id, docs] of Object.entries(checkDocs)) {
      if (docs.kind === 'diff' || docs.kind === 'workspace') expect(readme, id).toContain(`\`${id}\``);
      for (const part of [docs.summary, docs.why, docs.fix]) expect(part.zh && part.en, id).toBeTruthy();
      expect(docs.flags.length * docs.accepts.length, id).toBeGreaterThan(0);
    }
    const ruleIds = rules.map((r) => r.meta.id);
    expect(Object.entries(checkDocs).filter(([, d]) => d.kind === 'rule').map(([id]) => id).sort()).toEqual([...ruleIds].sort());
    for (const rule of rules) expect(checkDocs[rule.meta.id]?.severity, `${rule.meta.id}: the rule's meta holds its severity`).toBeUndefined();
  });

  it('every rule has a fixture catalog and a test of its own', () => {
    for (const rule of rules) {
      expect(fs.existsSync(path.join(repoRoot, 'test', 'fixtures', 'rules', rule.meta.id, 'expected.json')), rule.meta.id).toBe(true);
    }
  });

  it('the version gk reports is package.json\'s', () => {
    expect(VERSION).toBe(JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
  });

  it('README names every command, and each loader loads the command it is named for', async () => {
    for (const [name] of commandLoaders) expect(readme).toContain(`gk ${name}`);
    const all = await loadCommands([]);
    expect(all.map((c) => c.name)).toEqual(commandLoaders.map(([name]) => name));
    expect((await loadCommands(['--lang', 'en', 'diff', '--format', 'json'])).map((c) => c.name)).toEqual(['diff']);
  });

  it('.ci/run runs README’s install command and then README’s test command', () => {
    const ci = fs.readFileSync(path.join(repoRoot, '.ci', 'run'), 'utf8');
    const block = /```sh\n(.+)\n(.+)\n```/.exec(readme.slice(readme.indexOf('Quick start')))!;
    const install = block[1]!.split('&&')[0]!.trim();
    const test = block[2]!.trim();
    const ciLines = ci.split('\n').map((l) => l.trim());
    expect(ciLines).toContain(install);
    expect(ciLines).toContain(test);
    expect(ciLines.indexOf(install)).toBeLessThan(ciLines.indexOf(test));
  });
});
