// gk schema: regenerate schemas/*.schema.json from the bundled standard (or check they are current).
import path from 'node:path';
import type { Command } from 'commander';
import { exists, packageRoot, readText, writeFileAtomic } from '../io/files.js';
import { stringifySchema } from '../check/schema/generate.js';
import { generatedSchemas } from '../check/validate.js';
import type { CommandSpec } from './command.js';

/** The schema files as `gk schema` writes them: file name → text. */
export function schemaFiles(): Map<string, string> {
  const { catalog, manifest } = generatedSchemas();
  return new Map([
    ['catalog.schema.json', stringifySchema(catalog)],
    ['gk.schema.json', stringifySchema(manifest)],
  ]);
}

export const schemaCommand: CommandSpec = {
  name: 'schema',
  configure(command: Command) {
    command
      .description('由标准目录生成 JSON Schema · generate the JSON Schemas from the bundled standard')
      .option('-o, --out <dir>', '输出文件夹 · output folder', path.join(packageRoot, 'schemas'))
      .option('--check', '只检查是否过期 · only check that the files are current');
  },
  action(_args, options, io, global) {
    const out = path.resolve(io.cwd, String(options.out));
    let stale = 0;
    for (const [name, text] of schemaFiles()) {
      const file = path.join(out, name);
      const current = exists(file) ? readText(file) : undefined;
      if (current === text) continue;
      if (options.check) {
        stale++;
        io.stderr(global.lang === 'zh' ? `${file} 已过期，请运行 gk schema\n` : `${file} is stale; run gk schema\n`);
      } else {
        writeFileAtomic(file, text);
        io.stdout(`${file}\n`);
      }
    }
    return stale > 0 ? 1 : 0;
  },
};
