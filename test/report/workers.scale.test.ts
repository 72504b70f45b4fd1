// Opt-in scale suite (npm run test:scale): the synthetic workspace generator, and the worker-thread paths of report and validate giving the in-thread answers.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { gk, gkProcess, repoRoot } from '../helpers.js';
import { generateWorkspace } from '../../bench/workspace.js';
import type { WorkspaceReport } from '../../src/report/types.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-scale-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function digest(dir: string): string {
  const hash = crypto.createHash('sha256');
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else hash.update(`${path.relative(dir, p)}\n`).update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

// Enough governments for two report workers (150 each) and several validate workers.
const shape = { governments: 320, itemsPerDomain: 3, domains: 4 };
const ws = path.join(tmp, 'ws');

describe('generateWorkspace', () => {
  it('writes the same files for the same shape, with a city root and three levels', () => {
    const first = generateWorkspace(ws, shape);
    const other = path.join(tmp, 'ws-again');
    expect(generateWorkspace(other, shape)).toEqual(first);
    expect(digest(other)).toBe(digest(ws));
    // Asked again for the same shape, it leaves the folder as it is.
    fs.writeFileSync(path.join(other, 'county-001', 'touched.txt'), 'x');
    expect(generateWorkspace(other, shape)).toEqual(first);
    expect(fs.existsSync(path.join(other, 'county-001', 'touched.txt'))).toBe(true);
    expect(first.files).toBeGreaterThan(320);
    const root = fs.readFileSync(path.join(ws, 'gk.yaml'), 'utf8');
    expect(root).toContain('workspace: true');
    expect(root).toContain('departments:');
    const levels = fs.readFileSync(path.join(ws, 'county-001', 'town-001', 'village-001', 'gk.yaml'), 'utf8');
    expect(levels).toMatch(/level: village\nparent: "900001001"/);
  });
});

describe('worker threads (bin, compiled) against one thread (in-process)', () => {
  it('gk report gives the same report', async () => {
    const inThread = await gk(['report', 'ws', '--out', 'a', '--formats', 'json,md', '--date', '2024-03-31'], tmp);
    expect(inThread.code).toBe(0);
    // A preload that says when a worker starts, so a silent fall-back to one thread cannot pass for the worker path.
    const preload = path.join(tmp, 'count-workers.mjs');
    fs.writeFileSync(
      preload,
      "import wt from 'node:worker_threads';\nimport { syncBuiltinESMExports } from 'node:module';\n" +
        'const W = wt.Worker;\nwt.Worker = class extends W { constructor(f, o) { super(f, o); process.stderr.write(`worker started: ${f}\\n`); } };\nsyncBuiltinESMExports();\n',
    );
    const spawned = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, path.join(repoRoot, 'bin', 'gk.js'), 'report', 'ws', '--out', 'b', '--formats', 'json,md', '--date', '2024-03-31'], {
      cwd: tmp,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CI: 'true' },
    });
    expect(spawned.status, spawned.stderr).toBe(0);
    // Two shares of 160 (150 a thread at least): this thread collects the first, one worker the second.
    expect(spawned.stderr.match(/^worker started: .*collect-worker\.js$/gm)).toHaveLength(1);
    const a = fs.readFileSync(path.join(tmp, 'a', 'report.json'), 'utf8');
    expect(fs.readFileSync(path.join(tmp, 'b', 'report.json'), 'utf8')).toBe(a);
    const report = JSON.parse(a) as WorkspaceReport;
    expect(report.totals).toMatchObject({ governments: 320, county: 16, township: 182, village: 122 });
    // The generator's townships sometimes shorten a deadline the county copied: found across workers too.
    expect(report.governments.some((g) => g.mismatches > 0)).toBe(true);
  });

  it('gk validate finds the same problems, and no workspace/unknown-parent from splitting the tree', async () => {
    const inThread = await gk(['validate', '--format', 'json', 'ws'], tmp);
    const workers = gkProcess(['validate', '--format', 'json', 'ws'], tmp);
    const codes = (out: string) => (JSON.parse(out) as { diagnostics: Array<{ code: string; file: string; range: { start: { line: number } } }> }).diagnostics.map((d) => `${d.code} ${d.file}:${d.range.start.line}`);
    expect(codes(workers.out)).toEqual(codes(inThread.out));
    expect(codes(inThread.out).some((c) => c.startsWith('workspace/'))).toBe(false);
    expect(codes(inThread.out).some((c) => c.startsWith('parent-mismatch'))).toBe(true);
  });
});
