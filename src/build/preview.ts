// The live build behind `gk serve` and `gk build --watch`: every government's outputs kept in memory, rebuilt one
// government at a time when its files change, and a government with errors keeps its last good pages.
import path from 'node:path';
import type { Diagnostic, Lang } from '../types.js';
import { relativeTo } from '../io/files.js';
import { createParentResolver, diskTree } from '../parent.js';
import { findGovernmentRoots, loadGovernment, type Government } from '../project.js';
import { loadChannelVocabulary } from '../standard/channels.js';
import { checkGovernment } from '../validate.js';
import { buildOutputs, type OutputFiles, type OutputFormat } from './site.js';
import type { SiteTemplates } from './html.js';
import { renderWorkspaceIndex } from './workspace-index.js';

export interface PreviewOptions {
  /** The folder or gk.yaml given on the command line. */
  target: string;
  cwd: string;
  lang: Lang;
  formats: ReadonlySet<OutputFormat>;
  templates: SiteTemplates;
  generator: string;
  /** The date a government's pages show (gk build: --date, else its last commit); none when undefined. */
  dateOf?(root: string): string | undefined;
}

/** What one rebuild did, for the terminal. */
export interface RebuildReport {
  /** Governments rebuilt, as displayed. */
  built: string[];
  /** Governments whose errors kept their earlier pages (or none, the first time), with those errors. */
  refused: Array<{ government: Government; errors: Diagnostic[] }>;
  warnings: number;
}

interface Entry {
  prefix: string;
  name: string;
  code: string;
  level: string;
  files: OutputFiles;
}

export class Preview {
  private readonly options: PreviewOptions;
  /** Government folder → its last good outputs. */
  private readonly entries = new Map<string, Entry>();
  private roots: string[] = [];
  /** One government (its folder is the site's), or a workspace of several. */
  single = true;
  /** The folder the output mirrors: the government itself, or the workspace holding several. */
  base = '';

  constructor(options: PreviewOptions) {
    this.options = options;
  }

  /** Every file of the site, as `gk build` would write it. */
  files(): OutputFiles {
    const out: OutputFiles = new Map();
    const index: Array<{ name: string; code: string; level: string; href: string }> = [];
    for (const root of this.roots) {
      const entry = this.entries.get(root);
      if (!entry) continue;
      for (const [file, data] of entry.files) out.set(`${entry.prefix}${file}`, data);
      index.push({ name: entry.name, code: entry.code, level: entry.level, href: `${entry.prefix}${this.options.formats.has('html') ? 'index.html' : ''}` });
    }
    if (!this.single && this.options.formats.has('html')) out.set('index.html', renderWorkspaceIndex(index, this.options.lang));
    return out;
  }

  /** Builds everything: the first run, or after gk.yaml files came or went. */
  async buildAll(): Promise<RebuildReport> {
    const { target, cwd, lang } = this.options;
    this.roots = findGovernmentRoots([target], cwd, lang);
    const targetDir = path.resolve(cwd, target);
    const governments = this.roots.filter((root) => !loadGovernment(root, cwd, lang).manifest.workspace);
    this.single = governments.length === 1;
    this.base = this.single ? governments[0]! : targetDir;
    for (const root of [...this.entries.keys()]) if (!governments.includes(root)) this.entries.delete(root);
    this.roots = governments;
    return this.rebuild(governments);
  }

  /** Whether a government folder is one this preview shows (not a workspace manifest, not outside the target). */
  owns(root: string): boolean {
    return this.roots.includes(root);
  }

  /** Rebuilds just these governments; the others keep what they had. */
  async rebuild(roots: readonly string[]): Promise<RebuildReport> {
    const { cwd, lang } = this.options;
    const report: RebuildReport = { built: [], refused: [], warnings: 0 };
    const parents = createParentResolver(diskTree(cwd, lang), lang);
    const channels = loadChannelVocabulary();
    for (const root of roots) {
      const government = loadGovernment(root, cwd, lang);
      const check = checkGovernment(government, lang, channels);
      const errors = check.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0 || !check.edition) {
        report.refused.push({ government, errors });
        continue;
      }
      report.warnings += check.diagnostics.length;
      const { catalog, link } = parents.resolve(government, check.edition);
      const lent = link.kind === 'found' ? [link.parent.manifestSource, ...link.parent.catalogs] : [];
      const sources = [government.manifestSource, ...government.catalogs, ...lent];
      const prefix = this.single ? '' : `${relativeTo(this.base, root)}/`;
      const date = this.options.dateOf?.(root);
      const files = await buildOutputs(catalog, {
        formats: this.options.formats,
        baseUrl: '',
        templates: this.options.templates,
        channels,
        catalogPath: (file) => relativeTo(root, path.resolve(cwd, file)),
        sources: sources.map((f) => ({ file: relativeTo(root, f.path), text: f.text })),
        generator: this.options.generator,
        ...(date !== undefined ? { date } : {}),
      });
      this.entries.set(root, { prefix, name: government.manifest.name, code: government.manifest.code, level: government.manifest.level, files });
      report.built.push(government.display === '.' ? government.manifest.name : government.display);
    }
    return report;
  }
}
