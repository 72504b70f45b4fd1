// The validate stage for one government: load diagnostics, schema, edition lookup, then the lint rules.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { append, makeDiagnostic, sortDiagnostics } from '../model/diagnostic.js';
import { say, type Message } from '../model/i18n.js';
import { bundledStandardDir, exists } from '../io/files.js';
import { runRules } from './lint/run.js';
import type { Rule, WorkspaceView } from './lint/rule.js';
import { loadGovernmentFrom, type Government } from '../load/government.js';
import { buildCatalogSchema, buildManifestSchema } from './schema/generate.js';
import { compileSchemas, schemaDiagnostics, type SchemaKind, type Validators } from './schema/validate.js';
import { loadChannelVocabulary, type ChannelVocabulary } from '../load/channels.js';
import { bundledEditionIds, editionDir, loadEdition } from '../load/edition.js';
import { DOMAIN_IDS, DOMAIN_NAMES, type Diagnostic, type Edition, type Lang } from '../model/types.js';
import { diskFiles, openWorkspace, type WorkspaceFiles } from '../load/workspace.js';

const M: Record<string, Message> = {
  unknownEdition: { zh: '找不到标准目录版本“{ref}”', en: 'standard edition "{ref}" not found' },
  unknownEditionHint: {
    zh: '可用的内置版本：{ids}；或写出标准目录文件夹（含 edition.yaml）的相对路径',
    en: 'bundled editions: {ids}; or give a relative path to an edition folder (with edition.yaml)',
  },
};

let compiled: Validators | undefined;

export function defaultEdition(): Edition {
  return loadEdition(path.join(bundledStandardDir, 'national-2020'));
}

export function generatedSchemas(): Record<SchemaKind, Record<string, unknown>> {
  return {
    catalog: buildCatalogSchema(defaultEdition(), loadChannelVocabulary()),
    manifest: buildManifestSchema(bundledEditionIds()),
  };
}

/**
 * The schema validators, once per thread: precompiled at build time (dist/check/schema/validators.cjs, see
 * `npm run build`) where present, compiled here otherwise (running from sources).
 */
export function schemaValidators(): Validators {
  if (compiled) return compiled;
  const precompiled = fileURLToPath(new URL('./schema/validators.cjs', import.meta.url));
  compiled = exists(precompiled) ? (createRequire(import.meta.url)(precompiled) as Validators) : compileSchemas(generatedSchemas());
  return compiled;
}

export function domainsOf(government: Government): Map<string, string> {
  const map = new Map<string, string>(DOMAIN_IDS.map((id) => [id, DOMAIN_NAMES[id]]));
  for (const [id, name] of Object.entries(government.manifest.domains)) map.set(id, name);
  return map;
}

export interface GovernmentCheck {
  government: Government;
  edition: Edition | undefined;
  diagnostics: Diagnostic[];
}

export function resolveEdition(government: Government, lang: Lang): { edition: Edition | undefined; diagnostics: Diagnostic[] } {
  const ref = government.manifest.standard;
  const dir = editionDir(ref, government.root);
  if (dir) return { edition: loadEdition(dir), diagnostics: [] };
  const src = government.manifestSource;
  return {
    edition: undefined,
    diagnostics: [
      makeDiagnostic({
        code: 'unknown-edition',
        severity: 'error',
        message: say(M.unknownEdition!, lang, { ref }),
        hint: say(M.unknownEditionHint!, lang, { ids: bundledEditionIds().join('、') }),
        file: src.display,
        path: ['standard'],
        range: src.locator.locate(['standard']),
      }),
    ],
  };
}

/** What a caller may put in place of the bundled data (the public API passes it through); the bundled data when absent. */
export interface CheckConfig {
  /** Check every government against this edition instead of the one its gk.yaml names. */
  edition?: Edition;
  channels?: ChannelVocabulary;
  rules?: readonly Rule[];
  /** Where files are read from (unsaved editor texts over the disk); the disk when absent. */
  files?(roots: readonly string[]): WorkspaceFiles;
}

export function checkGovernment(government: Government, lang: Lang, channels: ChannelVocabulary = loadChannelVocabulary(), workspace?: WorkspaceView, config: CheckConfig = {}): GovernmentCheck {
  const validators = schemaValidators();
  const diagnostics: Diagnostic[] = [...government.manifestSource.diagnostics];
  append(diagnostics, schemaDiagnostics(validators.manifest, government.manifestSource, lang, validators.quick.manifest));
  if (government.manifest.workspace) return { government, edition: undefined, diagnostics: sortDiagnostics(diagnostics) };
  const { edition, diagnostics: editionDiagnostics } = config.edition ? { edition: config.edition, diagnostics: [] } : resolveEdition(government, lang);
  append(diagnostics, editionDiagnostics);
  for (const file of government.catalogs) {
    append(diagnostics, file.diagnostics);
    append(diagnostics, schemaDiagnostics(validators.catalog, file, lang, validators.quick.catalog));
  }
  append(diagnostics, runRules({ government, edition, channels, domains: domainsOf(government), lang, workspace }, config.rules));
  return { government, edition, diagnostics: sortDiagnostics(diagnostics) };
}

export interface RootsResult {
  diagnostics: Diagnostic[];
  /** every file checked, as displayed */
  files: string[];
  /** source text of the files that have diagnostics (for excerpts) */
  sources: Map<string, string>;
  editions: Map<string, Edition>;
}

/**
 * Load and check governments one at a time, keeping only what the report needs, so memory stays flat.
 * `all` is every root of the run when `roots` is one worker's share: the workspace tree is built over all of them,
 * so parent-mismatch finds parents checked elsewhere and workspace/* findings are not reported twice.
 */
export function checkRoots(roots: Iterable<string>, cwd: string, lang: Lang, all: readonly string[] = [...roots], config: CheckConfig = {}): RootsResult {
  const result: RootsResult = { diagnostics: [], files: [], sources: new Map(), editions: new Map() };
  // The workspace gives parent-mismatch the level above; governments are still loaded a few at a time.
  const files = config.files ? config.files(all) : diskFiles(all, cwd, lang);
  const workspace = openWorkspace(files, lang);
  const workspaceDiagnostics = new Map<string, Diagnostic[]>();
  for (const d of workspace.diagnostics) {
    const list = workspaceDiagnostics.get(d.file);
    if (list) list.push(d);
    else workspaceDiagnostics.set(d.file, [d]);
  }
  const channels = config.channels ?? loadChannelVocabulary();
  for (const root of roots) {
    const member = workspace.memberAt(root);
    const government = member ? workspace.load(member) : loadGovernmentFrom(files.tree, root, lang);
    const check = checkGovernment(government, lang, channels, workspace, config);
    if (check.edition) result.editions.set(check.edition.id, check.edition);
    const own = workspaceDiagnostics.get(government.manifestSource.display) ?? [];
    append(result.diagnostics, own);
    const withDiagnostics = new Set([...check.diagnostics, ...own].map((d) => d.file));
    for (const src of [government.manifestSource, ...government.catalogs]) {
      result.files.push(src.display);
      if (withDiagnostics.has(src.display)) result.sources.set(src.display, src.text);
    }
    append(result.diagnostics, check.diagnostics);
  }
  return result;
}

/** Hands out the governments one at a time to whichever thread asks next, through a counter all threads share. */
export function* claimRoots(counter: Int32Array, roots: readonly string[]): Generator<string> {
  for (;;) {
    const i = Atomics.add(counter, 0, 1);
    if (i >= roots.length) return;
    yield roots[i]!;
  }
}
