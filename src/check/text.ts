// A catalog's text from elsewhere (standard input), checked in its government as though it were saved at the path given.
import path from 'node:path';
import { GkError } from '../model/errors.js';
import { relativeTo } from '../io/files.js';
import type { Message } from '../model/i18n.js';
import { findManifestAbove } from '../load/government.js';
import type { Lang } from '../model/types.js';
import { checkRoots, type CheckConfig, type RootsResult } from './validate.js';
import { diskFiles, overlayFiles } from '../load/workspace.js';

const M = {
  noGovernment: { zh: '{path} 不在任何政府目录中（其上级文件夹中没有 gk.yaml）', en: '{path} is not inside a government folder (no gk.yaml above it)' },
  notCatalog: { zh: '{path} 既不是 gk.yaml，也不在 catalog/ 文件夹中', en: '{path} is neither gk.yaml nor inside the catalog/ folder' },
} satisfies Record<string, Message>;

/**
 * The findings in `file` when it holds `bytes`: its government (found from the path, as for a file on disk) is checked
 * with this text in place of the file, and only the findings in that file are kept.
 */
export function checkText(file: string, bytes: Uint8Array, cwd: string, lang: Lang, config: CheckConfig = {}): RootsResult {
  const abs = path.resolve(cwd, file);
  const isManifest = path.basename(abs) === 'gk.yaml';
  const root = isManifest ? path.dirname(abs) : findManifestAbove(path.dirname(abs));
  if (root === undefined) throw new GkError('usage', M.noGovernment, { params: { path: file } });
  if (!isManifest && !abs.startsWith(path.join(root, 'catalog') + path.sep)) throw new GkError('usage', M.notCatalog, { params: { path: file } });
  const texts = new Map([[abs, bytes]]);
  const result = checkRoots([root], cwd, lang, [root], { ...config, files: (all) => overlayFiles(diskFiles(all, cwd, lang), texts, lang) });
  const shown = relativeTo(cwd, abs);
  const sources = new Map([...result.sources].filter(([f]) => f === shown));
  return { ...result, diagnostics: result.diagnostics.filter((d) => d.file === shown), files: [shown], sources };
}
