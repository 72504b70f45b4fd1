// The real process as an Io; used only by bin/gk.js.
import type { Io } from './io.js';

/**
 * A standard stream that survives its reader going away.
 *
 * `gk validate … | head -1` closes the pipe after one line; the next write fails with EPIPE. A C program would die
 * of SIGPIPE (the shell shows 141, so a `set -o pipefail` script fails for no fault of the catalog); Node instead
 * raises an unhandled 'error' and prints a stack. gk treats a reader that stopped reading as no error, as ripgrep
 * does: further output to that stream is dropped silently and the command finishes its work (a build still writes
 * and swaps its output folder, never left half-done). Unlike ripgrep, which then exits 0, gk exits with the
 * command's own code (0/1/2), as if the output had been read: CI reading `gk validate | head` still sees findings.
 * Any other write failure (a full disk behind `> file`, EIO) loses output the user asked for, so the process exits
 * 2, with a one-line message on stderr when stderr still works.
 */
function guardedStream(stream: NodeJS.WriteStream, what: string, onFailure: (message: string) => void): (text: string) => void {
  let open = true;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (!open) return;
    open = false;
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') onFailure(`gk: 无法写入${what}: ${err.code ?? err.message}\n`);
  });
  return (text) => {
    if (!open || stream.destroyed) return;
    stream.write(text);
  };
}

export function nodeIo(): Io {
  let failed = false;
  let stderr: (text: string) => void = () => {};
  const fail = (message: string) => {
    failed = true;
    stderr(message);
  };
  const stdout = guardedStream(process.stdout, '标准输出 cannot write to standard output', fail);
  stderr = guardedStream(process.stderr, '标准错误 cannot write to standard error', (message) => {
    failed = true;
    void message; // nowhere left to say it
  });
  // bin/gk.js sets the exit code when the command returns; a write error can still arrive after that (pipe writes
  // complete asynchronously), so the override happens at exit.
  process.on('exit', () => {
    if (failed) process.exitCode = 2;
  });
  return {
    stdout,
    stderr,
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    interrupted: () =>
      new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
    async stdin(limit) {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        size += (chunk as Buffer).length;
        if (size > limit) throw new RangeError(`standard input exceeds ${limit} bytes`);
        chunks.push(chunk as Buffer);
      }
      return new Uint8Array(Buffer.concat(chunks));
    },
  };
}
