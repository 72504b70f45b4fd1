// The live build behind `gk serve` and `gk build --watch`: every government's outputs kept in memory, rebuilt one
// government at a time when its files change, and a government with errors keeps its last good pages.
import path from 'node:path';
import type { Diagnostic, Lang } from '../model/types.js';
import { relativeTo } from '../io/files.js';
import { createParentResolver } from '../resolve/parent.js';
import { diskTree } from '../load/tree.js';
import { findGovernmentRoots, loadGovernment, type Government } from '../load/government.js';
import { loadChannelVocabulary } from '../load/channels.js';
import { checkGovernment, type CheckConfig } from '../check/validate.js';
import { loadRunRules, type RuleHome } from '../check/lint/local.js';
import { diskFiles, openWorkspace, type Member } from '../load/workspace.js';
import { buildOutputs, governmentInputs, sharedAssets, type OutputFiles, type OutputFormat } from './site.js';
import type { SiteTemplates } from './templates.js';
import { relatedOf, renderWorkspacePages, workspaceSiteOf, type WorkspaceEntry, type WorkspaceSite } from './workspace-index.js';

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
  files: OutputFiles;
}

export class Preview {
  private readonly options: PreviewOptions;
  /** Government folder → its last good outputs. */
  private readonly entries = new Map<string, Entry>();
  private roots: string[] = [];
  /** Every folder holding a gk.yaml below the target, workspace manifests included: the workspace checks see them all. */
  private allRoots: string[] = [];
  /** gk's rules and the local rules the gk.yaml files name (none: gk's alone), and the problems loading them. */
  private config: CheckConfig = {};
  private ruleProblems: Array<{ home: RuleHome; errors: Diagnostic[] }> = [];
  /** One government (its folder is the site's), or a workspace of several. */
  single = true;
  /** The folder the output mirrors: the government itself, or the workspace holding several. */
  base = '';
  /** The workspace as the landing page and each site's links up and down see it. */
  private site: WorkspaceSite = { landing: false, city: '', entries: [], baseUrl: '' };
  private members = new Map<string, WorkspaceEntry>();

  constructor(options: PreviewOptions) {
    this.options = options;
  }

  /** Every file of the site, as `gk build` would write it. */
  files(): OutputFiles {
    const out: OutputFiles = new Map();
    for (const root of this.roots) {
      const entry = this.entries.get(root);
      if (!entry) continue;
      for (const [file, data] of entry.files) out.set(`${entry.prefix}${file}`, data);
    }
    if (this.site.landing) {
      for (const [file, data] of renderWorkspacePages(this.site, this.options.templates, this.options.lang)) out.set(file, data);
    }
    return out;
  }

  /** Builds everything: the first run, or after gk.yaml files came or went. */
  async buildAll(): Promise<RebuildReport> {
    const { target, cwd, lang } = this.options;
    this.roots = findGovernmentRoots([target], cwd, lang);
    this.allRoots = this.roots;
    const targetDir = path.resolve(cwd, target);
    const loaded = this.roots.map((root) => loadGovernment(root, cwd, lang));
    const governments = loaded.filter((g) => !g.manifest.workspace).map((g) => g.root);
    const workspaceManifest = loaded.find((g) => g.manifest.workspace)?.manifest;
    this.single = governments.length === 1;
    this.base = this.single ? governments[0]! : targetDir;
    const shown = loaded.filter((g) => !g.manifest.workspace);
    this.site = workspaceSiteOf(shown, { prefixOf: (root) => this.prefixOf(root), single: this.single, html: this.options.formats.has('html'), city: workspaceManifest?.city ?? workspaceManifest?.name ?? '', baseUrl: '' });
    this.members = new Map(shown.map((g, i) => [g.root, this.site.entries[i]!]));
    for (const g of shown) this.members.get(g.root)!.items = g.catalogs.reduce((n, c) => n + c.catalog.items.length, 0);
    for (const root of [...this.entries.keys()]) if (!governments.includes(root)) this.entries.delete(root);
    this.roots = governments;
    await this.loadRules();
    return this.rebuild(governments);
  }

  /** The local rules of every gk.yaml at or above the governments, as gk validate loads them; read again with the manifests. */
  private async loadRules(): Promise<void> {
    const { cwd, lang } = this.options;
    const local = await loadRunRules(this.roots, cwd, lang);
    this.config = local.rules ? { rules: local.rules } : {};
    this.ruleProblems = local.homes.map((home) => ({ home, errors: local.diagnostics.filter((d) => d.file === home.manifest.display && d.severity === 'error') })).filter((p) => p.errors.length > 0);
  }

  /** The government's folder in the output, as gk build lays it out (the workspace's own government at the top). */
  private prefixOf(root: string): string {
    return this.single || root === this.base ? '' : `${relativeTo(this.base, root)}/`;
  }

  /** Whether a government folder is one this preview shows (not a workspace manifest, not outside the target). */
  owns(root: string): boolean {
    return this.roots.includes(root);
  }

  /**
   * Rebuilds these governments and those drawing on them (villages below a changed township, transitively); the
   * others keep what they had. Checked as gk build checks them: within the workspace, with the local rules.
   */
  async rebuild(roots: readonly string[]): Promise<RebuildReport> {
    const { cwd, lang } = this.options;
    const report: RebuildReport = { built: [], refused: [], warnings: 0 };
    const parents = createParentResolver(diskTree(cwd, lang), lang);
    const channels = loadChannelVocabulary();
    const workspace = openWorkspace(diskFiles(this.allRoots, cwd, lang), lang);
    const todo = new Set<string>();
    const add = (root: string, member: Member | undefined) => {
      if (todo.has(root)) return;
      todo.add(root);
      for (const child of member?.children ?? []) add(child.root, child);
    };
    for (const root of roots) add(root, workspace.memberAt(root));
    for (const root of [...todo].filter((r) => this.owns(r)).sort()) {
      const inWorkspace = workspace.memberAt(root);
      const government = inWorkspace ? workspace.load(inWorkspace) : loadGovernment(root, cwd, lang);
      const check = checkGovernment(government, lang, channels, workspace, this.config);
      const errors = [
        ...workspace.diagnostics.filter((d) => d.file === government.manifestSource.display),
        ...check.diagnostics,
        ...this.ruleProblems.filter(({ home }) => root === home.dir || root.startsWith(home.dir + path.sep)).flatMap((p) => p.errors),
      ].filter((d) => d.severity === 'error');
      if (errors.length > 0 || !check.edition) {
        report.refused.push({ government, errors });
        continue;
      }
      report.warnings += check.diagnostics.length;
      const { catalog, link } = parents.resolve(government, check.edition);
      const prefix = this.prefixOf(root);
      const member = this.members.get(root);
      const date = this.options.dateOf?.(root);
      const files = await buildOutputs(catalog, {
        formats: this.options.formats,
        baseUrl: '',
        templates: this.options.templates,
        ...governmentInputs(government, link, cwd),
        ...(this.single || member === undefined ? {} : { related: relatedOf(this.site, member) }),
        ...(this.single ? {} : { assets: sharedAssets(prefix, '') }),
        channels,
        generator: this.options.generator,
        ...(date !== undefined ? { date } : {}),
      });
      this.entries.set(root, { prefix, files });
      report.built.push(government.display === '.' ? government.manifest.name : government.display);
    }
    return report;
  }
}
