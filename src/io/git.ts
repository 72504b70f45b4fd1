// The git edge: running git without a shell, and reading many files of a revision at once; callers turn failures into their own messages.
import type { ExecFileSyncOptions } from 'node:child_process';
import { createRequire } from 'node:module';

/** node:child_process, loaded when git first runs: most runs (a validate) never start a process, and loading it costs. */
function execFileSync(file: string, args: readonly string[], options: ExecFileSyncOptions): Buffer {
  const child = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  return child.execFileSync(file, args, options) as Buffer;
}

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

export type BlobsResult = { ok: true; blobs: Map<string, Uint8Array> } | { ok: false; stderr: string };

/**
 * The contents of `paths` (from the repository top) at `commit`, read with one `git cat-file --batch`: a process per
 * file takes minutes on a workspace of thousands. A path that is not a file at `commit` is left out. `cwd` is any folder
 * of the repository.
 */
export function readBlobs(cwd: string, commit: string, paths: readonly string[]): BlobsResult {
  // cat-file reads one object name a line, so a path holding a newline cannot be asked for.
  const asked = paths.filter((p) => !p.includes('\n'));
  const blobs = new Map<string, Uint8Array>();
  if (asked.length === 0) return { ok: true, blobs };
  const r = runGit(cwd, ['cat-file', '--batch'], Buffer.from(asked.map((p) => `${commit}:${p}\n`).join(''), 'utf8'));
  if (!r.ok) return r;
  const out = r.stdout;
  let offset = 0;
  for (const p of asked) {
    const eol = out.indexOf(0x0a, offset);
    if (eol < 0) break;
    const header = /^[0-9a-f]+ (\S+) (\d+)$/.exec(out.subarray(offset, eol).toString('utf8'));
    offset = eol + 1;
    // "<name> missing" (or "ambiguous") has no contents after it.
    if (!header) continue;
    const size = Number(header[2]);
    if (header[1] === 'blob') blobs.set(p, out.subarray(offset, offset + size));
    offset += size + 1;
  }
  return { ok: true, blobs };
}

export interface FileDates {
  first: string;
  last: string;
}

/**
 * First and last commit date (committer date, YYYY-MM-DD) of every file below `dir` that git has seen, up to `rev`,
 * keyed by path relative to `dir`. One `git log` for the whole workspace: a process per government would take minutes.
 * Undefined when `dir` is not in a repository or has no commits.
 */
export function readHistory(dir: string, rev = 'HEAD'): Map<string, FileDates> | undefined {
  const r = runGit(dir, ['-c', 'core.quotePath=false', 'log', '--format=%x00%cs', '--name-only', '--relative', '--no-renames', rev, '--', '.']);
  if (!r.ok) return undefined;
  const out = r.stdout.toString('utf8');
  const files = new Map<string, FileDates>();
  // Newest commit first: the first date seen is the last change, the final one the first commit.
  for (const chunk of out.split('\0')) {
    const lines = chunk.split('\n');
    const date = lines[0]!;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    for (let i = 1; i < lines.length; i++) {
      const file = lines[i]!;
      if (file === '') continue;
      const seen = files.get(file);
      if (seen) seen.first = date;
      else files.set(file, { first: date, last: date });
    }
  }
  return files;
}
