// argv → exit code. Never calls process.exit: bin/gk.js sets the code. Misuse and bugs exit 2.
import { Command, CommanderError, Option } from 'commander';
import { GkError } from './model/errors.js';
import { parseLang } from './model/i18n.js';
import type { Io } from './io/io.js';
import { commandsFor } from './commands/index.js';
import { VERSION } from './model/version.js';
import type { GlobalOptions } from './commands/command.js';

/** The process's own Io, for bin/gk.js (which imports both from the bundle, dist/bundle/cli.js, when the build wrote it). */
export { nodeIo } from './io/node-io.js';


export async function run(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const program = new Command('gk');
  program
    .description('基层政务公开标准目录编译器 · a compiler for China’s grassroots government disclosure catalogs')
    .version(VERSION, '-V, --version')
    .addOption(new Option('--lang <lang>', '消息语言 message language').choices(['zh', 'en']).default(parseLang(io.env.GK_LANG)))
    .option('--no-color', '不使用颜色 disable colour')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError();
  for (const spec of await commandsFor(argv)) {
    const command = program.command(spec.name).exitOverride();
    spec.configure(command);
    command.action(async (...received: unknown[]) => {
      const cmd = received[received.length - 1] as Command;
      const options = received[received.length - 2] as Record<string, unknown>;
      const args = received.slice(0, -2);
      const root = program.opts() as { lang: string; color: boolean };
      const global: GlobalOptions = {
        lang: root.lang === 'en' ? 'en' : 'zh',
        color: root.color && io.isTTY && io.env.NO_COLOR === undefined && io.env.CI !== 'true',
      };
      if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0' && root.color) global.color = true;
      void cmd;
      exitCode = await spec.action(args, options, io, global);
    });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      return 2;
    }
    if (err instanceof GkError) {
      const lang = (program.opts() as { lang?: string }).lang === 'en' ? 'en' : 'zh';
      io.stderr(`gk: ${err.text(lang)}\n`);
      return 2;
    }
    io.stderr(`gk: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return 2;
  }
}
