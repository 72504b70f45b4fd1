// Every gk subcommand, in the order `gk --help` lists them.
import type { CommandSpec } from './command.js';
import { validateCommand } from './validate.js';
import { schemaCommand } from './schema.js';

export const commands: readonly CommandSpec[] = [validateCommand, schemaCommand];
