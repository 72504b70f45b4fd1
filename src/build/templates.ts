// The site's templates: the bundled set under templates/site, with any file replaced by one of the same name from --templates.
import path from 'node:path';
import { GkError } from '../errors.js';
import { say, type Message } from '../i18n.js';
import { exists, globFiles, isDirectory, packageRoot, readText } from '../io/files.js';
import type { Lang } from '../types.js';

export const DEFAULT_TEMPLATE_DIR = path.join(packageRoot, 'templates', 'site');

/** Pages rendered once (index, search, publics) or per domain; every other .hbs file is a partial. */
export const PAGE_TEMPLATES = ['index', 'domain', 'publics', 'search'] as const;
export type PageTemplate = (typeof PAGE_TEMPLATES)[number];

export interface TemplateSet {
  /** file name → text, e.g. header.hbs, style.css, search.js */
  files: Map<string, string>;
  /** file name → where it was read from, for error messages */
  origins: Map<string, string>;
}

const M = {
  notFolder: { zh: '--templates：不是文件夹：{dir}', en: '--templates: not a folder: {dir}' },
} satisfies Record<string, Message>;

export function loadTemplates(overrideDir: string | undefined, lang: Lang): TemplateSet {
  const files = new Map<string, string>();
  const origins = new Map<string, string>();
  const take = (dir: string) => {
    for (const file of globFiles(['*.hbs', '*.css', '*.js'], dir)) {
      files.set(path.basename(file), readText(file));
      origins.set(path.basename(file), file);
    }
  };
  take(DEFAULT_TEMPLATE_DIR);
  if (overrideDir !== undefined) {
    if (!exists(overrideDir) || !isDirectory(overrideDir)) throw new GkError('usage', say(M.notFolder, lang, { dir: overrideDir }));
    take(overrideDir);
  }
  for (const page of PAGE_TEMPLATES) if (!files.has(`${page}.hbs`)) throw new GkError('internal', `template ${page}.hbs not found in ${DEFAULT_TEMPLATE_DIR}`);
  return { files, origins };
}
