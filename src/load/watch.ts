// Changes to catalog files below a folder, gathered for a moment and handed on as the government folders they touch.
import fs from 'node:fs';
import path from 'node:path';
import { findManifestAbove } from './government.js';

export interface CatalogChange {
  /** Government folders (holding gk.yaml) whose gk.yaml or catalog/ files changed. */
  roots: Set<string>;
  /** A gk.yaml changed, appeared or went: the set of governments may have changed. */
  manifests: boolean;
}

export interface Watcher {
  close(): void;
}

const CATALOG_FILE = /(^|[\\/])catalog[\\/](.+[\\/])?[^\\/]+\.ya?ml$/;
/** Folders that never hold catalogs: build output, dependencies, version control. */
const SKIP = new Set(['node_modules', 'dist', '.git']);

/**
 * One watcher per folder rather than a recursive one: editors save by renaming a new file over the old, and a folder's
 * watcher sees every such replacement, however often it happens. Editors save in bursts, so changes settle first.
 */
export function watchCatalogs(dir: string, onChange: (change: CatalogChange) => void, settleMs = 120): Watcher {
  let pending: CatalogChange = { roots: new Set(), manifests: false };
  let timer: NodeJS.Timeout | undefined;
  const watchers = new Map<string, fs.FSWatcher>();
  let closed = false;

  const seen = (folder: string, name: string) => {
    const file = path.join(folder, name);
    const rel = path.relative(dir, file);
    if (name === 'gk.yaml') {
      pending.manifests = true;
      pending.roots.add(folder);
    } else if (CATALOG_FILE.test(rel)) {
      const root = findManifestAbove(path.dirname(file));
      if (root === undefined) return;
      pending.roots.add(root);
    } else {
      // A new folder may hold catalogs to come.
      if (isFolder(file)) add(file);
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      const change = pending;
      pending = { roots: new Set(), manifests: false };
      if (!closed) onChange(change);
    }, settleMs);
  };

  const add = (folder: string) => {
    if (closed || watchers.has(folder)) return;
    let watcher: fs.FSWatcher;
    try {
      watcher = fs.watch(folder, (_event, name) => {
        if (name !== null) seen(folder, name.toString());
      });
    } catch {
      return; // gone already, or unreadable: nothing to watch
    }
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(folder);
    });
    watchers.set(folder, watcher);
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) if (e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith('.')) add(path.join(folder, e.name));
  };

  add(dir);
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

function isFolder(p: string): boolean {
  try {
    return fs.lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}
