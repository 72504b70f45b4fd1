// gk explain [rule]: what a rule or check is for, what it flags and accepts, and how to fix or switch it off.
import type { Command } from 'commander';
import { usageError } from '../model/errors.js';
import { findCheck, listChecks, nearestCheck, renderCheck, renderList } from '../check/lint/explain.js';
import { loadLocalRules, ruleHomes } from '../check/lint/local.js';
import { findManifestAbove } from '../load/government.js';
import type { CommandSpec } from './command.js';

export const explainCommand: CommandSpec = {
  name: 'explain',
  configure(command: Command) {
    command
      .description('说明一条规则：用途、示例、如何修正或关闭 · explain a rule: purpose, examples, how to fix or switch it off')
      .argument('[rule]', '规则编号，如 unknown-channel；省略时列出全部 · a rule id such as unknown-channel; all of them when omitted');
  },
  async action(args, _options, io, global) {
    const id = args[0] as string | undefined;
    // The local rules of the government (and workspace) the working directory is in are explained too.
    const root = findManifestAbove(io.cwd);
    const local = root === undefined ? [] : (await loadLocalRules(ruleHomes([root], io.cwd, global.lang), global.lang)).rules;
    if (id === undefined) {
      io.stdout(renderList(listChecks(local), global.lang));
      return 0;
    }
    const check = findCheck(id, local);
    if (check === undefined) {
      throw usageError({ zh: '没有规则“{id}”。是否指“{nearest}”？运行 gk explain 列出全部规则', en: 'no rule "{id}"; did you mean "{nearest}"? Run gk explain to list them all' }, { id, nearest: nearestCheck(id, local) });
    }
    io.stdout(renderCheck(check, global.lang));
    return 0;
  },
};
