// The CLI's view of its surroundings: output streams, working directory, environment. Tests pass their own.

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colour, progress lines). */
  isTTY: boolean;
}

export function memoryIo(cwd: string, env: Record<string, string | undefined> = {}): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    cwd,
    env,
    isTTY: false,
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
  };
  return io;
}
