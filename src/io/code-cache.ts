// How bin/gk.js starts gk: the V8 flags every gk process runs with, and the bundled command line (dist/bundle/,
// CommonJS, src/commands/bundle.ts) loaded with V8's code cache. Each bundle file may have its compiled code kept
// beside it, `<file>.v8-cache`, written by the build (`writeCodeCaches`, after a few warm-up runs): a run that finds
// one V8 accepts neither parses nor compiles that file's functions again (issue 12: parsing and compiling gk's code
// was about a sixth of a one-county validate). A cache V8 rejects (another Node.js or V8, other flags, a file changed
// since: V8 compares the length) or that cannot be read costs nothing but the work it would have saved: the file is
// compiled as usual. The build removes dist/bundle/, caches included, before it bundles, so no cache outlives its file.
// Code compiled here cannot import(): on Node 20 an import() in code taken from a code cache fails, so the bundle has
// none (src/io/import-module.cts). Only node: modules here: this is loaded before anything else.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';

export const CODE_CACHE_SUFFIX = '.v8-cache';

/**
 * The V8 settings of every gk process, set before any of gk's code is compiled (a code cache is only accepted under
 * the flags it was written with, so the build's warm-up runs call this too).
 *
 * gk works through governments one at a time: what stays alive is small (about 20 MB per thread at province scale)
 * while each government leaves much garbage behind. V8 would let the old space grow to four times the live size
 * before collecting it; half again keeps the peak of a province validate near 135 MB a thread instead of 190, for no
 * more CPU time. V8 reads the factor at each collection, so setting it before any work takes effect.
 */
export function setV8Flags(): void {
  v8.setFlagsFromString('--heap-growing-percent=50');
}

type Compile = (this: NodeModule, content: string, filename: string) => unknown;

/**
 * `require(entry)` for a file of the bundle, each file under the bundle's folder compiled with its code cache. With
 * `compiled`, every script compiled that way is recorded there, so that `writeCodeCaches` can keep what it compiled.
 */
export function requireBundle(entry: string, compiled?: Map<string, vm.Script>): unknown {
  const dir = path.dirname(path.resolve(entry));
  const proto = (Module as unknown as { prototype: { _compile: Compile } }).prototype;
  const original = proto._compile;
  proto._compile = function (this: NodeModule, content: string, filename: string): unknown {
    if (!filename.startsWith(dir + path.sep)) return original.call(this, content, filename);
    let cachedData: Buffer | undefined;
    try {
      cachedData = fs.readFileSync(filename + CODE_CACHE_SUFFIX);
    } catch {
      // no cache: compiled as usual
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    compiled?.set(filename, script);
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dir);
  };
  return createRequire(import.meta.url)(path.resolve(entry));
}

/** Whether V8 took each recorded script's cache: file name → true (used), false (rejected), undefined (none). */
export function cacheUse(compiled: ReadonlyMap<string, vm.Script>): Map<string, boolean | undefined> {
  return new Map([...compiled].map(([file, script]) => [file, script.cachedDataRejected === undefined ? undefined : !script.cachedDataRejected]));
}

/** The build step: each recorded script's compiled code (all it has compiled so far) written beside its file. */
export function writeCodeCaches(compiled: ReadonlyMap<string, vm.Script>): number {
  for (const [file, script] of compiled) {
    const target = file + CODE_CACHE_SUFFIX;
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, script.createCachedData());
    fs.renameSync(temp, target);
  }
  return compiled.size;
}
