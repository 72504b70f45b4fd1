// gk diff [path…] [--from <rev|dir> [--to <rev|dir>]]: parses its options, runs the diff stage (src/diff/run.ts), prints.
import { Option, type Command } from 'commander';
import { reaches } from '../diff/compare.js';
import { diffAgainstEdition, diffBetweenVersions, type Refusal } from '../diff/run.js';
import type { ChangeClass } from '../diff/types.js';
import { diffFormatters, isDiffFormatName } from '../formatters/diff/index.js';
import { labelVersion } from '../formatters/diff/types.js';
import { usageError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import type { Io } from '../io/io.js';
import { loadChannelVocabulary } from '../load/channels.js';
import type { Lang } from '../model/types.js';
import type { CommandSpec } from './command.js';
import { printErrors } from './output.js';

const FAIL_ON = ['breaking', 'notable', 'info'] as const;

const M = {
  refused: {
    zh: '未比较：{dir} 有 {errors} 个错误，请先修正（gk validate {dir}）',
    en: 'nothing compared: {dir} has {errors} errors; fix them first (gk validate {dir})',
  },
  refusedVersion: {
    zh: '未比较：{dir} 有 {errors} 个错误（{side}的版本：{version}），请先修正',
    en: 'nothing compared: {dir} has {errors} errors ({side} version: {version}); fix them first',
  },
  older: { zh: '较早', en: 'older' },
  newer: { zh: '较新', en: 'newer' },
  toWithoutFrom: { zh: '--to 须与 --from 一起使用', en: '--to needs --from' },
  badFailOn: { zh: '--fail-on 只能是 {choices} 之一，而不是“{value}”', en: '--fail-on must be one of {choices}, not "{value}"' },
  badFormat: { zh: '未知的输出格式：{format}', en: 'unknown format: {format}' },
} satisfies Record<string, Message>;

function printRefusals(io: Io, refusals: readonly Refusal[], lang: Lang, color: boolean): void {
  for (const { government, errors, dir, side } of refusals) {
    printErrors(io, errors, [government.manifestSource, ...government.catalogs], { lang, color });
    const line = side
      ? say(M.refusedVersion, lang, { dir, errors: errors.length, side: say(M[side.which], lang), version: labelVersion(side.version, lang) })
      : say(M.refused, lang, { dir, errors: errors.length });
    io.stderr(`${line}\n`);
  }
}

function parseFailOn(value: unknown, lang: Lang): ChangeClass {
  const v = String(value ?? 'breaking');
  if (!(FAIL_ON as readonly string[]).includes(v)) throw usageError(say(M.badFailOn, lang, { choices: FAIL_ON.join(', '), value: v }));
  return v as ChangeClass;
}

export const diffCommand: CommandSpec = {
  name: 'diff',
  configure(command: Command) {
    command
      .description('对照国家标准目录检查覆盖和调整，或比较目录的两个版本 · compare catalogs with the national standard, or two versions of a catalog')
      .argument('[paths...]', '政府目录文件夹（含 gk.yaml） · catalog folders', [])
      .option('--from <rev|dir>', '比较版本：起点（git 版本或文件夹） · compare versions: the older git revision or folder')
      .option('--to <rev|dir>', '比较版本：终点，默认为工作目录中的当前文件 · the newer revision or folder (default: the working tree)')
      .addOption(new Option('-f, --format <format>', '输出格式 output format').choices(Object.keys(diffFormatters)).default('text'))
      .addOption(new Option('--fail-on <class>', '出现该级别或更严重的差异时以 1 退出 · exit 1 on a difference of this class or worse').choices([...FAIL_ON]));
  },
  action(args, options, io, global) {
    const paths = (args[0] as string[] | undefined) ?? [];
    const lang = global.lang;
    const format = String(options.format ?? 'text');
    if (!isDiffFormatName(format)) throw usageError(say(M.badFormat, lang, { format }));
    const failOn = parseFailOn(options.failOn, lang);
    if (options.to !== undefined && options.from === undefined) throw usageError(say(M.toWithoutFrom, lang));
    const formatter = diffFormatters[format];

    const outcome =
      options.from === undefined
        ? { kind: 'standard' as const, ...diffAgainstEdition(paths, io.cwd, lang) }
        : { kind: 'versions' as const, ...diffBetweenVersions(paths, String(options.from), options.to === undefined ? undefined : String(options.to), io.cwd, lang) };
    if (outcome.refusals.length > 0) {
      printRefusals(io, outcome.refusals, lang, global.color);
      return 1;
    }
    // CSV has no place for a line above its header that spreadsheets would not read as a row.
    if (format === 'csv') for (const n of outcome.notices) io.stderr(`${n}\n`);
    const shown = { lang, color: global.color && format === 'text', channels: loadChannelVocabulary(), notices: format === 'csv' ? [] : outcome.notices };
    io.stdout(outcome.kind === 'standard' ? formatter.standard(outcome.results, shown) : formatter.versions(outcome.results, shown));
    return outcome.worst !== undefined && reaches(outcome.worst, failOn) ? 1 : 0;
  },
};
