// Test helpers: run the CLI in-process or as a subprocess, and locate the repository's folders.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli.js';
import { memoryIo } from '../src/io/io.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const fixtures = path.join(repoRoot, 'test', 'fixtures');

export async function gk(argv: string[], cwd = repoRoot, env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(cwd, env);
  const code = await run(argv, io);
  return { code, out: io.out, err: io.err };
}

/** The real binary in a child process (needs `tsc` to have built dist/). */
export function gkProcess(argv: string[], cwd = repoRoot): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'gk.js'), ...argv], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=gk-test', '-c', 'user.email=gk@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

/**
 * Runs gk in Chinese and in English and expects a refusal from both: exit 2, nothing on stdout, one line on
 * stderr, no stack trace. Returns what each said.
 */
export async function gkRefusal(argv: string[], cwd = repoRoot): Promise<{ zh: string; en: string }> {
  const zh = await gk(argv, cwd);
  const en = await gk(['--lang', 'en', ...argv], cwd);
  for (const r of [zh, en]) {
    if (r.code !== 2 || r.out !== '' || r.err.includes('internal error') || /\n {4}at /.test(r.err) || r.err.split('\n').length !== 2) {
      throw new Error(`expected a one-line refusal (exit 2) from gk ${argv.join(' ')}, got exit ${r.code}\nstdout: ${r.out}\nstderr: ${r.err}`);
    }
  }
  return { zh: zh.err, en: en.err };
}
