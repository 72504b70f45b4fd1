// Output streams that go away (issue 9): `gk validate … | head -1` closes the pipe after one line. gk stops writing
// and exits with its own code, without a stack; a stream that fails for another reason (a full disk) exits 2.
// The real binary in a child process, since only a real pipe can be closed under it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gk, repoRoot } from '../helpers.js';

const bin = path.join(repoRoot, 'bin', 'gk.js');
const env = { ...process.env, NO_COLOR: '1', CI: 'true' };
let dir = '';

beforeAll(async () => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gk-streams-')));
  // gk init writes a placeholder subject into every item: a page of warnings per domain, far more than a pipe holds.
  const r = await gk(['init', '--name', '测试县人民政府', '--code', '110101', '.'], dir);
  expect(r.code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Closed {
  code: number | null;
  signal: NodeJS.Signals | null;
  first: string;
  /** Everything that came on the other stream. */
  other: string;
}

/**
 * Runs gk and closes the reading end of its `stream` pipe: at once (before gk writes anything, so the first write
 * fails for certain) or after reading the first chunk, as `head -c` would.
 */
function closeEarly(args: string[], stream: 'stdout' | 'stderr', when: 'at once' | 'after the first chunk'): Promise<Closed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const other = stream === 'stdout' ? child.stderr : child.stdout;
    let first = '';
    let rest = '';
    other.setEncoding('utf8');
    other.on('data', (chunk: string) => (rest += chunk));
    const closing = child[stream];
    if (when === 'at once') closing.destroy();
    else
      closing.once('data', (chunk: Buffer) => {
        first = chunk.toString('utf8');
        closing.destroy();
      });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, first, other: rest }));
  });
}

describe('a reader that stops reading', () => {
  it('validate piped into head: the output is larger than a pipe holds', () => {
    // Otherwise the whole output would fit in the pipe before it is closed, and the tests below could not fail.
    const full = spawnSync(process.execPath, [bin, 'validate', '.'], { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(full.status).toBe(1);
    expect(Buffer.byteLength(full.stdout)).toBeGreaterThan(2 * 65536);
  });

  for (const format of ['stylish', 'json'])
    for (const when of ['at once', 'after the first chunk'] as const)
      it(`validate -f ${format} with stdout closed ${when} exits 1 quietly`, async () => {
        const r = await closeEarly(['validate', '-f', format, '.'], 'stdout', when);
        if (when !== 'at once') expect(r.first.length).toBeGreaterThan(0);
        expect(r.other).not.toContain('EPIPE');
        expect(r.other).not.toContain('internal error');
        expect(r.other).not.toMatch(/\n\s+at /);
        expect(r.signal).toBeNull();
        expect(r.code).toBe(1); // validate's own answer: findings
      });

  it('a shell pipeline into head -1 keeps validate’s exit code', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" validate . | head -1; echo "status=\${PIPESTATUS[0]}" >&2`], { cwd: dir, env, encoding: 'utf8' });
    expect(r.stdout).toBe('catalog/affordable-housing.yaml\n');
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.stderr).toMatch(/status=1\n$/);
  });

  it('stderr closed before gk writes to it: the command still finishes with its own exit code', async () => {
    // A missing folder: the refusal goes to stderr only, into a closed pipe.
    const r = await closeEarly(['validate', 'no-such-folder'], 'stderr', 'at once');
    expect(r.signal).toBeNull();
    expect(r.other).toBe(''); // stdout
    expect(r.code).toBe(2); // the refusal's code; an unhandled EPIPE would end with 1
  });
});

describe.runIf(fs.existsSync('/dev/full'))('a stream that cannot be written', () => {
  it('stdout on a full disk: exit 2 with a one-line message, not a stack', () => {
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [bin, 'validate', '.'], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('gk: 无法写入标准输出 cannot write to standard output: ENOSPC\n');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      fs.closeSync(full);
    }
  });
});
