// Local rules: checks a government (or a workspace) adds itself, as modules inside its own folder named by
// `local-rules:` in its gk.yaml, with the shape of gk's rules. Never loaded from outside that folder.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeDiagnostic } from '../../model/diagnostic.js';
import { say, type Message } from '../../model/i18n.js';
import { type Government } from '../../load/government.js';
import { loadSource, type SourceFile } from '../../load/source.js';
import { readFileSafely } from '../../load/read.js';
import { foldersUp } from '../../load/tree.js';
import { exists, importModule, isFile, realPath } from '../../io/files.js';
import type { Diagnostic, Lang } from '../../model/types.js';
import { checkDocs } from './docs.js';
import { rules as builtIn } from './registry.js';
import type { Rule, RuleContext } from './rule.js';

export const LOCAL_RULES_KEY = 'local-rules';

const M = {
  outside: { zh: '本地规则“{entry}”不在 {dir} 之内；只加载本文件夹中的模块', en: 'local rule "{entry}" is not inside {dir}; only modules in this folder are loaded' },
  extension: { zh: '本地规则“{entry}”应为 .js 或 .mjs 模块', en: 'local rule "{entry}" must be a .js or .mjs module' },
  missing: { zh: '找不到本地规则“{entry}”', en: 'local rule "{entry}" not found' },
  failed: { zh: '本地规则“{entry}”加载失败：{reason}', en: 'local rule "{entry}" failed to load: {reason}' },
  shape: { zh: '本地规则“{entry}”的格式不对：{what}', en: 'local rule "{entry}" has the wrong shape: {what}' },
  taken: { zh: '本地规则“{entry}”的编号“{id}”已被{owner}使用', en: 'local rule "{entry}": id "{id}" is already used by {owner}' },
  gk: { zh: 'gk 自带的规则', en: 'a rule of gk' },
  other: { zh: '另一个本地规则', en: 'another local rule' },
  crashed: { zh: '本地规则 {id} 运行出错，已跳过：{reason}', en: 'local rule {id} failed while checking and was skipped: {reason}' },
} satisfies Record<string, Message>;

const ID = /^[a-z][a-z0-9-]*(?:\/[a-z0-9-]+)*$/;

export interface LocalRules {
  rules: Rule[];
  diagnostics: Diagnostic[];
  /** The module files named inside their folders (loaded or not): what a build's result depends on besides the catalogs. */
  modules: string[];
}

/** A gk.yaml that may name local rules: the folder it sits in bounds where its modules may be. */
export interface RuleHome {
  dir: string;
  manifest: SourceFile;
}

/**
 * Imports the modules every manifest names. Each problem (a path outside the folder, a missing file, a module that
 * fails to load or lacks a rule's shape, an id already taken) is a `local-rule` diagnostic on that entry of gk.yaml;
 * a module outside its folder is never imported. Each rule checks only governments at or below its gk.yaml.
 */
export async function loadLocalRules(homes: readonly RuleHome[], lang: Lang): Promise<LocalRules> {
  const out: LocalRules = { rules: [], diagnostics: [], modules: [] };
  const taken = new Map<string, string>(builtIn.map((r) => [r.meta.id, 'gk']));
  for (const id of Object.keys(checkDocs)) taken.set(id, 'gk');
  for (const home of homes) {
    const list = (home.manifest.data as Record<string, unknown> | null | undefined)?.[LOCAL_RULES_KEY];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const entry = list[i];
      if (typeof entry !== 'string') continue; // the schema reports it
      const problem = (message: Message, params: Record<string, string> = {}) =>
        out.diagnostics.push(
          makeDiagnostic({ code: 'local-rule', severity: 'error', message: say(message, lang, { entry, dir: home.manifest.display.replace(/gk\.yaml$/, '') || '.', ...params }), file: home.manifest.display, path: [LOCAL_RULES_KEY, i], range: home.manifest.locator.locate([LOCAL_RULES_KEY, i]) }),
        );
      const file = containedModule(home.dir, entry);
      if (file === 'outside') {
        problem(M.outside);
        continue;
      }
      if (file === 'missing') {
        problem(M.missing);
        continue;
      }
      out.modules.push(file);
      if (!/\.m?js$/.test(file)) {
        problem(M.extension);
        continue;
      }
      let loaded: unknown;
      try {
        loaded = await importModule(pathToFileURL(file).href);
      } catch (err) {
        problem(M.failed, { reason: firstLine(err) });
        continue;
      }
      const module = loaded as { rule?: unknown; default?: unknown };
      const rule = (module.rule ?? module.default) as Rule | undefined;
      const what = shapeProblem(rule);
      if (what !== undefined) {
        problem(M.shape, { what });
        continue;
      }
      const owner = taken.get(rule!.meta.id);
      if (owner !== undefined) {
        problem(M.taken, { id: rule!.meta.id, owner: say(owner === 'gk' ? M.gk : M.other, lang) });
        continue;
      }
      taken.set(rule!.meta.id, entry);
      out.rules.push(scoped(rule!, home.dir));
    }
  }
  return out;
}

/** The module's real path when it is a file inside `dir` (links resolved), or why it is not. */
function containedModule(dir: string, entry: string): string | 'outside' | 'missing' {
  if (path.isAbsolute(entry) || /^[A-Za-z]:/.test(entry)) return 'outside';
  const abs = path.resolve(dir, entry);
  if (!isInside(abs, dir)) return 'outside';
  const real = realPath(abs);
  const realDir = realPath(dir);
  if (real === undefined || realDir === undefined) return 'missing';
  if (!isInside(real, realDir)) return 'outside';
  return isFile(real) ? real : 'missing';
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** What keeps a module's export from being a rule gk can run, in words for the user; undefined when it is one. */
function shapeProblem(rule: Rule | undefined): string | undefined {
  if (typeof rule !== 'object' || rule === null) return 'export rule (or default) { meta, messages, item | file | check }';
  const meta = rule.meta as Partial<Rule['meta']> | undefined;
  if (typeof meta?.id !== 'string' || !ID.test(meta.id)) return 'meta.id: a-z, 0-9, - and /';
  if (meta.severity !== 'error' && meta.severity !== 'warning') return 'meta.severity: error | warning';
  if (typeof rule.messages !== 'object' || rule.messages === null) return 'messages: { id: { zh, en } }';
  for (const [id, m] of Object.entries(rule.messages)) {
    if (typeof m?.zh !== 'string' || typeof m?.en !== 'string') return `messages.${id}: { zh, en }`;
  }
  if (typeof rule.item !== 'function' && typeof rule.file !== 'function' && typeof rule.check !== 'function') return 'item, file or check';
  return undefined;
}

/**
 * The rule as the linter runs it: only for governments at or below its gk.yaml, and a rule that throws is reported
 * once per government on its gk.yaml instead of stopping gk.
 */
function scoped(rule: Rule, dir: string): Rule {
  const failed = new WeakSet<Government>();
  const messages = { ...rule.messages, [CRASHED]: M.crashed };
  const guard = <A extends unknown[]>(call: ((...args: A) => void) | undefined, context: (...args: A) => RuleContext) =>
    call &&
    ((...args: A) => {
      const ctx = context(...args);
      const government = ctx.government;
      if ((government.root !== dir && !isInside(government.root, dir)) || failed.has(government)) return;
      try {
        call.apply(rule, args);
      } catch (err) {
        failed.add(government);
        ctx.report({ file: government.manifestSource, path: [], messageId: CRASHED, params: { id: rule.meta.id, reason: firstLine(err) } });
      }
    });
  const wrapped: Rule = { meta: rule.meta, messages };
  const item = guard(rule.item, (_at, context) => context);
  const file = guard(rule.file, (_file, context) => context);
  const check = guard(rule.check, (context) => context);
  if (item) wrapped.item = item;
  if (file) wrapped.file = file;
  if (check) wrapped.check = check;
  return wrapped;
}

const CRASHED = '__gk_crashed';

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0]!.slice(0, 200);
}

/**
 * The gk.yaml files whose local rules apply to these governments: each government's own, and those of the folders
 * above it that hold a gk.yaml, as far up as its repository (the folder holding .git) or, outside git, the working
 * directory. Only files that mention `local-rules` are parsed.
 */
export function ruleHomes(roots: readonly string[], cwd: string, lang: Lang): RuleHome[] {
  const homes = new Map<string, RuleHome | undefined>();
  const visit = (dir: string) => {
    if (homes.has(dir)) return;
    const file = path.join(dir, 'gk.yaml');
    // Only a regular file of sensible size is read: a FIFO or device named gk.yaml must not block or flood the run.
    const read = readFileSafely(file, { max: 1024 * 1024 });
    const mentions = read.ok && new TextDecoder().decode(read.bytes).includes(LOCAL_RULES_KEY);
    homes.set(dir, mentions ? { dir, manifest: loadSource(file, cwd, lang) } : undefined);
  };
  for (const root of roots) {
    visit(root);
    const limit = repositoryOf(root) ?? (isInside(root, cwd) ? cwd : root);
    for (let d = root; d !== limit && isInside(d, limit); ) {
      d = path.dirname(d);
      visit(d);
    }
  }
  return [...homes.values()].filter((h): h is RuleHome => h !== undefined).sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

/** What a run checks with: gk's rules plus the local rules of the gk.yaml files at or above `roots` (gk's alone: none). */
export interface RunRules {
  /** The rule list to run; undefined when there are no local rules (gk's registry then). */
  rules: Rule[] | undefined;
  /** `local-rule` problems, on the gk.yaml that names the module. */
  diagnostics: Diagnostic[];
  homes: RuleHome[];
  /** The module files, as LocalRules gives them. */
  modules: string[];
}

export async function loadRunRules(roots: readonly string[], cwd: string, lang: Lang): Promise<RunRules> {
  const homes = ruleHomes(roots, cwd, lang);
  const local = homes.length > 0 ? await loadLocalRules(homes, lang) : { rules: [], diagnostics: [], modules: [] };
  return { rules: local.rules.length > 0 ? [...builtIn, ...local.rules] : undefined, diagnostics: local.diagnostics, homes, modules: local.modules };
}

function repositoryOf(dir: string): string | undefined {
  return foldersUp(dir).find((d) => exists(path.join(d, '.git')));
}
