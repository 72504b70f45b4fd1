// Every gk subcommand, in the order `gk --help` lists them.
import type { CommandSpec } from './command.js';
import { validateCommand } from './validate.js';
import { schemaCommand } from './schema.js';
import { diffCommand } from './diff.js';
import { initCommand } from './init.js';
import { buildCommand } from './build.js';
import { reportCommand } from './report.js';
import { importCommand } from './import.js';
import { fmtCommand } from './fmt.js';

export const commands: readonly CommandSpec[] = [initCommand, validateCommand, diffCommand, buildCommand, reportCommand, importCommand, fmtCommand, schemaCommand];
