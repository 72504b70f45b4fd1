// Every gk subcommand, in the order `gk --help` lists them; each module is loaded only when it is needed.
import type { CommandSpec } from './command.js';

type Loader = () => Promise<CommandSpec>;

/** Name → module. A run imports just its own command (validate does not pay for exceljs or handlebars). */
export const commandLoaders: ReadonlyArray<readonly [string, Loader]> = [
  ['init', async () => (await import('./init.js')).initCommand],
  ['validate', async () => (await import('./validate.js')).validateCommand],
  ['diff', async () => (await import('./diff.js')).diffCommand],
  ['build', async () => (await import('./build.js')).buildCommand],
  ['report', async () => (await import('./report.js')).reportCommand],
  ['import', async () => (await import('./import.js')).importCommand],
  ['fmt', async () => (await import('./fmt.js')).fmtCommand],
  ['schema', async () => (await import('./schema.js')).schemaCommand],
];

/** The commands a command line needs: the one it names, or all of them (help, a typo, no command). */
export async function loadCommands(argv: readonly string[]): Promise<CommandSpec[]> {
  const named = firstOperand(argv);
  const hit = commandLoaders.find(([name]) => name === named);
  const wanted = hit ? [hit] : commandLoaders;
  return Promise.all(wanted.map(([, load]) => load()));
}

/** The first argument that is not a global option (or its value). */
function firstOperand(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}
