// gk explain [rule]: what a rule or check is for, what it flags and accepts, and how to fix or switch it off.
import type { Command } from 'commander';
import { usageError } from '../errors.js';
import { findCheck, listChecks, nearestCheck, renderCheck, renderList } from '../lint/explain.js';
import type { CommandSpec } from './command.js';

export const explainCommand: CommandSpec = {
  name: 'explain',
  configure(command: Command) {
    command
      .description('说明一条规则：用途、示例、如何修正或关闭 · explain a rule: purpose, examples, how to fix or switch it off')
      .argument('[rule]', '规则编号，如 unknown-channel；省略时列出全部 · a rule id such as unknown-channel; all of them when omitted');
  },
  action(args, _options, io, global) {
    const id = args[0] as string | undefined;
    if (id === undefined) {
      io.stdout(renderList(listChecks(), global.lang));
      return 0;
    }
    const check = findCheck(id);
    if (check === undefined) {
      throw usageError({ zh: '没有规则“{id}”。是否指“{nearest}”？运行 gk explain 列出全部规则', en: 'no rule "{id}"; did you mean "{nearest}"? Run gk explain to list them all' }, { id, nearest: nearestCheck(id) });
    }
    io.stdout(renderCheck(check, global.lang));
    return 0;
  },
};
