// gk lsp: the language server for editors, over stdin/stdout. Its module is loaded only when the server starts.
import type { Command } from 'commander';
import type { CommandSpec } from './command.js';

export const lspCommand: CommandSpec = {
  name: 'lsp',
  configure(command: Command) {
    command
      .description('编辑器的语言服务器（标准输入输出）：实时检查、快速修复、悬停、补全 · language server for editors over stdio')
      .option('--stdio', '经标准输入输出通信（默认，也是唯一方式）· talk over stdin/stdout (the default and only transport)')
      // Editor clients add their own flags (e.g. --clientProcessId); they change nothing here.
      .allowUnknownOption()
      .allowExcessArguments(true);
  },
  async action(_args, _options, _io, global) {
    const { serveLanguageServer } = await import('../lsp/server.js');
    return serveLanguageServer(global.lang);
  },
};
