// The CLI's view of its surroundings: output streams, working directory, environment. Tests pass their own.

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colour, progress lines). */
  isTTY: boolean;
  /** Standard input, read to its end (`--stdin-filepath`); refused beyond `limit` bytes. */
  stdin?(limit: number): Promise<Uint8Array>;
  /** Settles when the user stops a long-running command (Ctrl+C): `gk serve`, `gk build --watch`. */
  interrupted?(): Promise<void>;
}

export function memoryIo(cwd: string, env: Record<string, string | undefined> = {}, input?: string | Uint8Array): Io & { out: string; err: string; interrupt(): void } {
  let interrupt = () => {};
  const stopped = new Promise<void>((resolve) => (interrupt = resolve));
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
    interrupted: () => stopped,
    /** What Ctrl+C is to the real process. */
    interrupt: () => interrupt(),
    async stdin(limit: number): Promise<Uint8Array> {
      const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : (input ?? new Uint8Array());
      if (bytes.length > limit) throw new RangeError(`standard input exceeds ${limit} bytes`);
      return bytes;
    },
  };
  return io;
}
