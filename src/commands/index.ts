// Every gk subcommand, in the order `gk --help` lists them; each module is loaded only when it is needed.
import fs from 'node:fs';
import path from 'node:path';
import { Command, Help, Option } from 'commander';
import { packageRoot, writeFileAtomic } from '../io/files.js';
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
  ['serve', async () => (await import('./serve.js')).serveCommand],
  ['explain', async () => (await import('./explain.js')).explainCommand],
  ['lsp', async () => (await import('./lsp.js')).lspCommand],
];

/** The commands a command line needs: the one it names, or all of them (help, a typo, no command). */
export async function loadCommands(argv: readonly string[]): Promise<CommandSpec[]> {
  const named = firstOperand(argv);
  const hit = commandLoaders.find(([name]) => name === named);
  const wanted = hit ? [hit] : commandLoaders;
  return Promise.all(wanted.map(([, load]) => load()));
}

/** What `gk --help` shows of a command: its name with arguments, and its description. */
export interface CommandSummary {
  name: string;
  term: string;
  description: string;
}

/** Written at build time (src/commands/prepare.ts) from the command modules themselves. */
export const SUMMARIES_FILE = path.join(packageRoot, 'dist', 'commands', 'summaries.json');

export async function commandSummaries(): Promise<CommandSummary[]> {
  const help = new Help();
  return (await loadCommands([])).map((spec) => {
    const command = new Command(spec.name);
    spec.configure(command);
    return { name: spec.name, term: help.subcommandTerm(command), description: command.description() };
  });
}

export async function writeCommandSummaries(file = SUMMARIES_FILE): Promise<void> {
  writeFileAtomic(file, `${JSON.stringify(await commandSummaries(), null, 1)}\n`);
}

/** The build's summaries, if they are there and name exactly today's commands. */
export function readCommandSummaries(file = SUMMARIES_FILE): CommandSummary[] | undefined {
  try {
    const list = JSON.parse(fs.readFileSync(file, 'utf8')) as CommandSummary[];
    return list.map((s) => s.name).join('\n') === commandLoaders.map(([name]) => name).join('\n') ? list : undefined;
  } catch {
    return undefined;
  }
}

/** A command known only by its summary: enough for the list in `gk --help`, for did-you-mean, and for `--version`. */
function summaryOnly(summary: CommandSummary): CommandSpec {
  return {
    name: summary.name,
    configure(command) {
      command.description(summary.description);
      // The same words in the command list as the real command: its arguments, and "[options]" when it has some.
      for (const word of summary.term.split(' ').slice(1)) {
        if (word === '[options]') command.addOption(new Option('--options').hideHelp());
        else command.argument(word);
      }
    },
    action() {
      throw new Error(`command ${summary.name} was not loaded`);
    },
  };
}

/**
 * The commands for a command line: the one it names (or asks help for) in full, the others by their summaries
 * when the build wrote them, so `gk --version` and `gk --help` load no command module.
 */
export async function commandsFor(argv: readonly string[]): Promise<CommandSpec[]> {
  let named = firstOperand(argv);
  if (named === 'help') named = firstOperand(argv.slice(argv.indexOf('help') + 1));
  const summaries = readCommandSummaries();
  if (!summaries) return loadCommands(named === undefined ? [] : [named]);
  return Promise.all(
    commandLoaders.map(([name, load], i) => (name === named ? load() : Promise.resolve(summaryOnly(summaries[i]!)))),
  );
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
