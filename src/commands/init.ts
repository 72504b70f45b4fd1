// gk init [dir]: start a catalog from the national standard; refuses to overwrite files unless --force.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { LEVELS } from '../model/levels.js';
import { usageError } from '../model/errors.js';
import { say, type Message } from '../model/i18n.js';
import { planInit } from '../init/plan.js';
import { exists, isDirectory, packageRoot, relativeTo, writeFileAtomic } from '../io/files.js';
import { containedPath } from '../io/output-dir.js';
import { CODE_PATTERN } from '../check/schema/generate.js';
import type { Level } from '../model/types.js';
import { defaultEdition } from '../check/validate.js';
import type { CommandSpec } from './command.js';

const M = {
  exists: {
    zh: '以下文件已存在，未作改动（如需覆盖请加 --force）：{files}',
    en: 'these files exist and were left alone (add --force to overwrite): {files}',
  },
  notFolder: { zh: '{dir} 是一个文件，不是文件夹', en: '{dir} is a file, not a folder' },
  badCode: { zh: '行政区划代码须为 6、9 或 12 位数字，而不是“{code}”', en: 'the division code must have 6, 9 or 12 digits, not "{code}"' },
  badDomain: { zh: '未知领域：{ids}；可用的领域：{known}', en: 'unknown domains: {ids}; known domains: {known}' },
  written: { zh: '已创建 {n} 个文件：', en: 'wrote {n} files:' },
  next: {
    zh: '下一步：把各事项的 subject（公开主体）改为本地单位全称，补齐 gk validate 提示缺少的要素，然后运行 gk validate 和 gk diff。',
    en: 'next: set each item’s subject (公开主体) to the local body, supply the elements gk validate asks for, then run gk validate and gk diff.',
  },
} satisfies Record<string, Message>;

/** A modeline path: relative, forward slashes, so it works on every OS and in every editor. */
function schemaRef(fromDir: string, schema: string): string {
  return path.relative(fromDir, path.join(packageRoot, 'schemas', schema)).split(path.sep).join('/');
}

export const initCommand: CommandSpec = {
  name: 'init',
  configure(command: Command) {
    command
      .description('按国家标准目录新建目录：gk.yaml 和各领域文件 · start a catalog from the national standard')
      .argument('[dir]', '目录文件夹 · folder for the catalog', '.')
      .requiredOption('--name <name>', '政府名称，如“示例县人民政府” · the government’s name')
      .requiredOption('--code <code>', '行政区划代码 · administrative division code')
      .addOption(new Option('--level <level>', '层级 · level').choices([...LEVELS]).default('county'))
      .option('--domains <ids>', '只生成这些领域（逗号分隔），默认全部 · only these domains (comma-separated); default all')
      .option('--force', '覆盖已有文件 · overwrite existing files');
  },
  action(args, options, io, global) {
    const lang = global.lang;
    const dir = path.resolve(io.cwd, String(args[0] ?? '.'));
    if (exists(dir) && !isDirectory(dir)) throw usageError(say(M.notFolder, lang, { dir: relativeTo(io.cwd, dir) }));
    const code = String(options.code);
    if (!new RegExp(CODE_PATTERN).test(code)) throw usageError(say(M.badCode, lang, { code }));
    const edition = defaultEdition();
    let domains: string[] | undefined;
    if (options.domains !== undefined) {
      domains = String(options.domains)
        .split(/[,，\s]+/)
        .filter((d) => d !== '');
      const known = edition.domains.map((d) => d.id);
      const unknown = domains.filter((d) => !known.includes(d));
      if (unknown.length > 0) throw usageError(say(M.badDomain, lang, { ids: unknown.join(', '), known: known.join(', ') }));
    }
    const files = planInit({
      name: String(options.name),
      code,
      level: String(options.level) as Level,
      edition,
      domains,
      catalogSchema: schemaRef(path.join(dir, 'catalog'), 'catalog.schema.json'),
      manifestSchema: schemaRef(dir, 'gk.schema.json'),
      lang,
    });
    // Domain ids come from the edition, which may be a local folder: every file must still land inside the catalog folder.
    const targets = [...files.keys()].map((rel) => containedPath(dir, rel));
    const existing = targets.filter(exists);
    if (existing.length > 0 && !options.force) throw usageError(say(M.exists, lang, { files: existing.map((f) => relativeTo(io.cwd, f)).join(', ') }));
    for (const [rel, text] of files) writeFileAtomic(containedPath(dir, rel), text);
    io.stdout(`${say(M.written, lang, { n: files.size })}\n${targets.map((f) => `  ${relativeTo(io.cwd, f)}\n`).join('')}${say(M.next, lang)}\n`);
    return 0;
  },
};
