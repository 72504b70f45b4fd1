// Workspaces: the governments below a folder, the tree their `parent:` codes make, and loading them a few at a time.
import path from 'node:path';
import { readManifest } from './catalog.js';
import { makeDiagnostic } from '../model/diagnostic.js';
import { say, type Message } from '../model/i18n.js';
import { Lru } from '../model/lru.js';
import { findGovernmentRoots, loadGovernmentFrom, type Government } from './government.js';
import type { SourceFile } from './source.js';
import { diskTree, memoryTree, type SourceTree } from './tree.js';
import type { Diagnostic, Lang, Manifest } from '../model/types.js';

/** What a rule may ask of the workspace a government was loaded in. */
export interface WorkspaceView {
  /** The government named by `parent:`, when the workspace holds it. */
  parentOf(government: Government): Government | undefined;
}

/** A workspace's files: the tree they are read from, and the governments (absolute folders holding a gk.yaml) it is made of. */
export interface WorkspaceFiles {
  tree: SourceTree;
  /** sorted */
  roots: readonly string[];
}

/** One government of the workspace as its gk.yaml describes it; its catalogs are loaded with `Workspace.load`. */
export interface Member {
  root: string;
  display: string;
  manifest: Manifest;
  manifestSource: SourceFile;
  parent?: Member;
  children: Member[];
}

export interface Workspace extends WorkspaceView {
  /** Folder of the workspace gk.yaml (`workspace: true`), when there is one. */
  root: string | undefined;
  manifest: Manifest | undefined;
  manifestSource: SourceFile | undefined;
  /** Every government (workspace manifests aside): each parent before its children, siblings by code. */
  members: Member[];
  /** workspace/unknown-parent, workspace/duplicate-code, workspace/parent-cycle */
  diagnostics: Diagnostic[];
  memberAt(root: string): Member | undefined;
  memberByCode(code: string): Member | undefined;
  /** The government with its catalogs. Recently used ones are kept, so a parent is not read once per child. */
  load(member: Member): Government;
}

const M: Record<string, Message> = {
  unknownParent: { zh: '上级政府代码“{code}”不是本工作区中任何政府的代码', en: 'parent code "{code}" names no government in this workspace' },
  unknownParentHint: {
    zh: '请核对 parent 中的行政区划代码；如上级是工作区所属的市，请在工作区根目录的 gk.yaml 中写明 code',
    en: 'check the code in parent; if the parent is the city the workspace belongs to, give its code in the workspace root gk.yaml',
  },
  duplicateCode: { zh: '行政区划代码“{code}”与 {other} 重复', en: 'code "{code}" is also used by {other}' },
  duplicateCodeHint: { zh: '每个政府的行政区划代码在工作区内必须唯一', en: 'every government in a workspace needs its own code' },
  firstUse: { zh: '代码“{code}”首次使用于此', en: 'code "{code}" first used here' },
  cycle: { zh: '上级关系形成循环：{chain}', en: 'the parent links form a cycle: {chain}' },
};

/** Parents are few and reused by every child; leaves are used once. */
const PARENT_CACHE = 32;
const LEAF_CACHE = 4;

function byCodeThenDisplay(a: Member, b: Member): number {
  const x = a.manifest.code;
  const y = b.manifest.code;
  return x < y ? -1 : x > y ? 1 : a.display < b.display ? -1 : a.display > b.display ? 1 : 0;
}

/** The workspace over files on disk. */
export function diskFiles(roots: readonly string[], cwd: string, lang: Lang): WorkspaceFiles {
  return { tree: diskTree(cwd, lang), roots };
}

/**
 * Files on disk with some replaced by texts held in memory (an editor's unsaved buffers), by absolute path. A held
 * gk.yaml adds a government; a held catalog file that is not on disk yet belongs to its government all the same.
 */
export function overlayFiles(base: WorkspaceFiles, texts: ReadonlyMap<string, string | Uint8Array>, lang: Lang): WorkspaceFiles {
  const held = new Map([...texts].filter(([f]) => /\.ya?ml$/.test(f)).map(([f, text]) => [f, { text }]));
  const manifests = [...held.keys()].filter((f) => path.basename(f) === 'gk.yaml').map((f) => path.dirname(f));
  return { tree: memoryTree(held, base.tree, lang), roots: [...new Set([...base.roots, ...manifests])].sort() };
}

/** Every government below the paths, with the tree their `parent:` codes make. Catalogs are read on demand. */
export function loadWorkspace(paths: string[], cwd: string, lang: Lang): Workspace {
  return openWorkspace(diskFiles(findGovernmentRoots(paths, cwd, lang), cwd, lang), lang);
}

export function openWorkspace(files: WorkspaceFiles, lang: Lang): Workspace {
  const { tree } = files;
  const all = files.roots.map((root) => {
    const manifestSource = tree.load(path.join(root, 'gk.yaml'));
    const member: Member = { root, display: tree.display(root), manifest: readManifest(manifestSource.data, manifestSource.display), manifestSource, children: [] };
    return member;
  });
  // Roots are sorted, so the outermost workspace manifest comes first.
  const top = all.find((m) => m.manifest.workspace === true);
  const members = all.filter((m) => m.manifest.workspace !== true);
  const diagnostics: Diagnostic[] = [];

  const byCode = new Map<string, Member>();
  for (const m of members) {
    const code = m.manifest.code;
    if (code === '') continue;
    const first = byCode.get(code);
    if (!first) {
      byCode.set(code, m);
      continue;
    }
    diagnostics.push(
      makeDiagnostic({
        code: 'workspace/duplicate-code',
        severity: 'error',
        message: say(M.duplicateCode!, lang, { code, other: first.manifestSource.display }),
        hint: say(M.duplicateCodeHint!, lang),
        file: m.manifestSource.display,
        path: ['code'],
        range: m.manifestSource.locator.locate(['code']),
        related: [{ file: first.manifestSource.display, path: ['code'], range: first.manifestSource.locator.locate(['code']), message: say(M.firstUse!, lang, { code }) }],
      }),
    );
  }

  const workspaceCode = top?.manifest.code;
  for (const m of members) {
    const code = m.manifest.parent;
    if (code === undefined) continue;
    const parent = byCode.get(code);
    if (parent && parent !== m) {
      m.parent = parent;
      parent.children.push(m);
    } else if (top && code !== workspaceCode) {
      // Without a workspace manifest the set is whatever folders were named: a parent outside them is normal.
      diagnostics.push(
        makeDiagnostic({
          code: 'workspace/unknown-parent',
          severity: 'error',
          message: say(M.unknownParent!, lang, { code }),
          hint: say(M.unknownParentHint!, lang),
          file: m.manifestSource.display,
          path: ['parent'],
          range: m.manifestSource.locator.locate(['parent']),
        }),
      );
    }
  }

  const ordered: Member[] = [];
  const seen = new Set<Member>();
  const visit = (m: Member): void => {
    seen.add(m);
    ordered.push(m);
    for (const child of [...m.children].sort(byCodeThenDisplay)) if (!seen.has(child)) visit(child);
  };
  for (const m of [...members].sort(byCodeThenDisplay)) if (!m.parent) visit(m);
  // What no top-level government reaches hangs in a cycle of parent links.
  for (const m of [...members].sort(byCodeThenDisplay)) {
    if (seen.has(m)) continue;
    const chain: string[] = [];
    for (let p: Member | undefined = m; p && !chain.includes(p.manifest.code); p = p.parent) chain.push(p.manifest.code);
    diagnostics.push(
      makeDiagnostic({
        code: 'workspace/parent-cycle',
        severity: 'error',
        message: say(M.cycle!, lang, { chain: [...chain, chain[0]].join(' → ') }),
        file: m.manifestSource.display,
        path: ['parent'],
        range: m.manifestSource.locator.locate(['parent']),
      }),
    );
    visit(m);
  }

  const atRoot = new Map(members.map((m) => [m.root, m]));
  const parents = new Lru<string, Government>(PARENT_CACHE);
  const leaves = new Lru<string, Government>(LEAF_CACHE);
  const load = (member: Member): Government => {
    const cache = member.children.length > 0 ? parents : leaves;
    const cached = cache.get(member.root);
    if (cached) return cached;
    const government = { ...loadGovernmentFrom(tree, member.root, lang, { manifestSource: member.manifestSource }), manifest: member.manifest };
    cache.set(member.root, government);
    return government;
  };

  return {
    root: top?.root,
    manifest: top?.manifest,
    manifestSource: top?.manifestSource,
    members: ordered,
    diagnostics,
    memberAt: (root) => atRoot.get(root),
    memberByCode: (code) => byCode.get(code),
    load,
    parentOf(government) {
      const parent = atRoot.get(government.root)?.parent;
      return parent ? load(parent) : undefined;
    },
  };
}
