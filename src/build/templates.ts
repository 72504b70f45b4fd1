// The site's templates: the bundled set under templates/site, with any file replaced by one of the same name from --templates.
import path from 'node:path';
import { GkError } from '../errors.js';
import { exists, globFiles, isDirectory, packageRoot, readText } from '../io/files.js';

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

export function loadTemplates(overrideDir?: string): TemplateSet {
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
    if (!exists(overrideDir) || !isDirectory(overrideDir)) throw new GkError('usage', `--templates: not a folder: ${overrideDir}`);
    take(overrideDir);
  }
  for (const page of PAGE_TEMPLATES) if (!files.has(`${page}.hbs`)) throw new GkError('internal', `template ${page}.hbs not found in ${DEFAULT_TEMPLATE_DIR}`);
  return { files, origins };
}
