// Where each output format goes: `-f name` to standard output, `-f name:FILE` or `-o FILE` to a file, several in one run.
import { usageError } from '../model/errors.js';
import { formatters, isFormatName, type FormatName } from './index.js';

export interface FormatTarget {
  format: FormatName;
  /** As written on the command line; standard output when absent. */
  file?: string;
}

/**
 * `-f stylish -f sarif:report.sarif`, or `-f stylish -f sarif -o report.sarif` (`-o` takes the last format that names
 * no file). At most one format goes to standard output, and no two to the same file.
 */
export function parseFormatTargets(specs: readonly string[], output: string | undefined): FormatTarget[] {
  const targets: FormatTarget[] = (specs.length === 0 ? ['stylish'] : specs).map((spec) => {
    const colon = spec.indexOf(':');
    const format = colon < 0 ? spec : spec.slice(0, colon);
    const file = colon < 0 ? undefined : spec.slice(colon + 1);
    if (!isFormatName(format)) throw usageError({ zh: '未知的输出格式：{format}（可用：{names}）', en: 'unknown format: {format} (one of: {names})' }, { format, names: Object.keys(formatters).join(', ') });
    if (file === '') throw usageError({ zh: '“{spec}”缺少文件名', en: '"{spec}" names no file' }, { spec });
    return file === undefined ? { format } : { format, file };
  });
  if (output !== undefined) {
    const last = targets.findLast((t) => t.file === undefined);
    if (!last) throw usageError({ zh: '-o 需要一个没有指定文件的格式', en: '-o needs a format that names no file of its own' });
    last.file = output;
  }
  if (targets.filter((t) => t.file === undefined).length > 1) {
    throw usageError({ zh: '只能有一种格式输出到终端；其他格式请用 -f 格式:文件 或 -o 文件', en: 'only one format can go to standard output; send the others to files with -f format:FILE or -o FILE' });
  }
  const files = targets.flatMap((t) => (t.file === undefined ? [] : [t.file]));
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice !== undefined) throw usageError({ zh: '两种格式不能写入同一个文件：{file}', en: 'two formats cannot be written to one file: {file}' }, { file: twice });
  return targets;
}

/** commander's accumulator for a repeatable option. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
