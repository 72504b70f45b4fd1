// The shape of a gk subcommand: how it declares its arguments, and the action that turns them into an exit code.
import type { Command } from 'commander';
import type { Io } from '../io/io.js';
import type { Lang } from '../model/types.js';

export interface GlobalOptions {
  lang: Lang;
  color: boolean;
}

export interface CommandSpec {
  name: string;
  /** Adds arguments and options to the commander command. */
  configure(command: Command): void;
  /** Receives commander's positional args and options; returns the exit code. */
  action(args: unknown[], options: Record<string, unknown>, io: Io, global: GlobalOptions): Promise<number> | number;
}
