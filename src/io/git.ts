// The git edge: running git without a shell and handing back its output; callers turn failures into their own messages.
import { execFileSync } from 'node:child_process';

export type GitResult = { ok: true; stdout: Buffer } | { ok: false; stderr: string };

/**
 * Runs `git <args>` in `cwd`, with `input` on its stdin when given; never throws for git's own failures (a missing git
 * binary reads as one too).
 */
export function runGit(cwd: string, args: readonly string[], input?: Uint8Array): GitResult {
  try {
    const stdin = input !== undefined ? 'pipe' : 'ignore';
    return { ok: true, stdout: execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30, stdio: [stdin, 'pipe', 'pipe'] }) };
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
    return { ok: false, stderr: stderr || (err as Error).message };
  }
}
