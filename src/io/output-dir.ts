// Output folders gk replaces as a whole (build, report, import --edition): the stamp naming what gk wrote, the swap, and the clean-up after killed runs.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GkError, ioError } from '../model/errors.js';

/** The file in every output folder listing what gk wrote there; without it gk treats the folder as someone else's. */
export const STAMP_FILE = '.gk-output.json';
/**
 * A stamp being replaced while its folder is written: written whole under this name, then renamed over the stamp, so
 * a kill never leaves half a stamp. Only a temporary folder of gk's (by its name) may hold it; see `recoverOutputDir`.
 */
const STAMP_NEXT = `${STAMP_FILE}.next`;

/** A stamp is a short list of names and hashes; a larger one was not written by gk. */
const MAX_STAMP_BYTES = 64 * 1024 * 1024;

export type OutputKind = 'build' | 'report' | 'edition';

export interface Stamp {
  kind: OutputKind;
  /** relative path (forward slashes) → "sha256:<hex>" of the bytes written */
  files: Map<string, string>;
}

/** What is at an output path now, and whether gk may replace it. */
export type FolderState =
  | { state: 'absent' }
  | { state: 'empty' }
  | { state: 'ours'; kind: OutputKind }
  | { state: 'symlink' }
  | { state: 'not-folder' }
  /** `file` (relative) is not in the stamp, there is no stamp, or the file changed since gk wrote it */
  | { state: 'foreign'; file: string; reason: 'unlisted' | 'changed' };

export function hashBytes(data: string | Uint8Array): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** The stamp's text: sorted, no dates or process ids, so identical output gives an identical stamp. */
export function formatStamp(stamp: Stamp): string {
  const files = Object.fromEntries([...stamp.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ generator: 'gk', kind: stamp.kind, files }, null, 2)}\n`;
}

function parseStamp(text: string): Stamp | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (r.generator !== 'gk' || !['build', 'report', 'edition'].includes(r.kind as string)) return undefined;
  if (typeof r.files !== 'object' || r.files === null || Array.isArray(r.files)) return undefined;
  const files = new Map<string, string>();
  for (const [k, v] of Object.entries(r.files as Record<string, unknown>)) {
    if (typeof v !== 'string') return undefined;
    files.set(k, v);
  }
  return { kind: r.kind as OutputKind, files };
}

/** The stamp in `dir`, when there is one gk wrote. */
export function readStamp(dir: string): Stamp | undefined {
  try {
    const p = path.join(dir, STAMP_FILE);
    const st = fs.lstatSync(p);
    if (!st.isFile() || st.size > MAX_STAMP_BYTES) return undefined;
    return parseStamp(fs.readFileSync(p, 'utf8'));
  } catch {
    return undefined;
  }
}

function sortedNames(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

/**
 * Whether `dir` holds only what gk wrote there: every entry, hidden ones included, is a file its stamp lists, with the
 * bytes gk wrote (`checkHashes`), or a folder on the way to one. Stops at the first entry that is not. `writing`: `dir`
 * is a temporary folder of gk's (by its name), which may also hold the next stamp it was writing when killed.
 */
export function inspectOutputDir(dir: string, checkHashes = true, writing = false): FolderState {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(dir);
  } catch (err) {
    // Under a file (ENOTDIR) nothing can be there either; writing will say why it cannot create the folder.
    if (['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) return { state: 'absent' };
    throw ioError('read', dir, err);
  }
  if (st.isSymbolicLink()) return { state: 'symlink' };
  if (!st.isDirectory()) return { state: 'not-folder' };
  let names: string[];
  try {
    names = sortedNames(dir);
  } catch (err) {
    throw ioError('read', dir, err);
  }
  if (writing) names = names.filter((n) => n !== STAMP_NEXT);
  if (names.length === 0) return { state: 'empty' };
  const stamp = readStamp(dir);
  if (!stamp) return { state: 'foreign', file: names.find((n) => n !== STAMP_FILE) ?? STAMP_FILE, reason: 'unlisted' };
  const folders = new Set<string>();
  for (const file of stamp.files.keys()) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const walk = (rel: string, names: string[]): FolderState | undefined => {
    for (const name of names) {
      const r = rel === '' ? name : `${rel}/${name}`;
      if (r === STAMP_FILE || (writing && r === STAMP_NEXT)) continue;
      const abs = path.join(dir, r);
      const entry = fs.lstatSync(abs);
      if (entry.isDirectory() && folders.has(r)) {
        const inner = walk(r, sortedNames(abs));
        if (inner) return inner;
      } else if (entry.isFile() && stamp.files.has(r)) {
        if (checkHashes && hashBytes(fs.readFileSync(abs)) !== stamp.files.get(r)) return { state: 'foreign', file: r, reason: 'changed' };
      } else return { state: 'foreign', file: r, reason: 'unlisted' };
    }
    return undefined;
  };
  try {
    return walk('', names) ?? { state: 'ours', kind: stamp.kind };
  } catch (err) {
    throw ioError('read', dir, err);
  }
}

/** The relative paths a folder writer accepts: forward slashes, no empty, `.` or `..` part, nothing absolute, not the stamp. */
export function isSafeRelative(rel: string): boolean {
  if (rel === '' || rel === STAMP_FILE || rel.includes('\\') || rel.includes('\0') || rel.startsWith('/') || /^[A-Za-z]:/.test(rel)) return false;
  return rel.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** A path gk is about to write, checked to lie inside the folder it writes into; anything else is a bug, never a write. */
export function containedPath(target: string, rel: string): string {
  const abs = path.join(target, ...rel.split('/'));
  const back = path.relative(target, abs);
  if (!isSafeRelative(rel) || back === '' || back.startsWith('..') || path.isAbsolute(back)) {
    throw new GkError('io', OUTSIDE, { params: { file: JSON.stringify(rel), target } });
  }
  return abs;
}

const OUTSIDE = { zh: '拒绝写入 {file}：不在 {target} 之内', en: 'refusing to write {file}: not inside {target}' };

// ── temporary names ──────────────────────────────────────────────────────────────────────────────────────────────
// `.<name>.gk-tmp-<pid>-<hex>` is a folder (or file) being written, `.<name>.gk-old-<pid>-<hex>` the previous output
// during the swap. The process id tells a run still going from one that was killed.

/**
 * Tests of the recovery (test/build/output.test.ts) kill a real run at a named point with SIGKILL, as a power cut or
 * `kill -9` would; nothing sets this variable otherwise.
 */
export function killPoint(name: 'writing' | 'swap' | 'file'): void {
  if (process.env.GK_TEST_KILL_AT === name) process.kill(process.pid, 'SIGKILL');
}

/** Removes what this run made; a failure to do so must not hide the error that brought us here. */
export function removeQuietly(p: string): void {
  try {
    fs.rmSync(p, { recursive: true, force: true });
  } catch {
    // left for recoverOutputDir or removeStaleTempFiles of the next run
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function tempName(base: string, role: 'tmp' | 'old'): string {
  return `.${base}.gk-${role}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The leftovers of killed runs for `base` in `parent`, with their role, oldest process first. */
function leftovers(parent: string, base: string): Array<{ abs: string; role: 'tmp' | 'old' }> {
  const re = new RegExp(`^\\.${escapeRegExp(base)}\\.gk-(tmp|old)-(\\d+)-[0-9a-f]{8}$`);
  let names: string[];
  try {
    names = sortedNames(parent);
  } catch {
    return [];
  }
  const found: Array<{ abs: string; role: 'tmp' | 'old' }> = [];
  for (const name of names) {
    const m = re.exec(name);
    if (!m || isAlive(Number(m[2]))) continue;
    found.push({ abs: path.join(parent, name), role: m[1] as 'tmp' | 'old' });
  }
  return found;
}

function mtime(p: string): number {
  try {
    return fs.lstatSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

function isAbsent(p: string): boolean {
  try {
    fs.lstatSync(p);
    return false;
  } catch (err) {
    if (['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) return true;
    throw ioError('read', p, err);
  }
}

export interface Recovery {
  /** the earlier output put back at `dir`, because a run was killed between the two renames of its swap */
  restored?: string;
  /** leftover folders removed */
  removed: string[];
}

/**
 * Repairs what killed runs left around the output folder `dir`: when `dir` is missing and a previous output is
 * waiting under its swap name, that output goes back; the other leftovers of dead runs are removed, but only when
 * they are gk's by name and by stamp (or empty). Leftovers of runs still going are left alone.
 */
export function recoverOutputDir(dir: string): Recovery {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  const result: Recovery = { removed: [] };
  const found = leftovers(parent, base);
  const removable = (abs: string, role: 'tmp' | 'old'): boolean => {
    const s = inspectOutputDir(abs, role === 'old', role === 'tmp');
    return s.state === 'ours' || s.state === 'empty';
  };
  // Only whether anything is there: reading (and hashing) a whole earlier output to learn that took seconds.
  if (isAbsent(dir)) {
    // Newest first: that is the output the killed run was replacing.
    const old = found.filter((f) => f.role === 'old' && removable(f.abs, 'old')).sort((a, b) => mtime(b.abs) - mtime(a.abs))[0];
    if (old) {
      try {
        fs.renameSync(old.abs, dir);
        result.restored = old.abs;
      } catch (err) {
        throw ioError('write', dir, err);
      }
    }
  }
  for (const f of found) {
    if (f.abs === result.restored || !removable(f.abs, f.role)) continue;
    try {
      fs.rmSync(f.abs, { recursive: true, force: true });
      result.removed.push(f.abs);
    } catch {
      // A leftover that cannot be removed now is tried again next run; it never stops this one.
    }
  }
  return result;
}

/** Options of `replaceOutputDir`. */
export interface ReplaceOptions {
  /**
   * Files kept from the folder being replaced (relative path → its hash in that folder's stamp), linked into the new
   * one (copied where links are not possible) rather than written again. The guard's check of the old folder covers them.
   */
  reuse?: ReadonlyMap<string, string>;
  /** A file of `files` written after all the others (an incremental build's manifest: nothing in the folder is newer). */
  last?: string;
}

/**
 * Writes `files` as the whole content of `dir`, with a stamp listing them: `OutputDirWriter` given everything at once.
 * `guard` runs just before the swap and throws if `dir` may no longer be replaced.
 */
export function replaceOutputDir(dir: string, files: ReadonlyMap<string, string | Uint8Array>, kind: OutputKind, guard: () => void = () => {}, options: ReplaceOptions = {}): void {
  const writer = new OutputDirWriter(dir, kind);
  try {
    const reused = [...(options.reuse ?? new Map<string, string>())].filter(([rel]) => !files.has(rel));
    const entries = [...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const last = options.last !== undefined ? entries.findIndex(([rel]) => rel === options.last) : -1;
    const final = last >= 0 ? entries.splice(last, 1) : [];
    writer.link(reused);
    writer.write(entries);
    writer.write(final);
  } catch (err) {
    writer.abort();
    throw err;
  }
  writer.commit(guard);
}

/**
 * Writes the new content of the output folder `dir` in batches (a build writes each government's files as soon as they
 * are rendered, so memory holds one government's output, not the whole city's), into a temporary sibling that takes
 * `dir`'s place in `commit` only when complete. At every instant either the previous folder or the new one is at `dir`,
 * or (after a kill between the two renames) the previous one waits under its swap name for `recoverOutputDir`.
 * Before each batch the temporary folder's stamp is rewritten to list it, so a run killed while writing leaves a folder
 * the next run recognises as its own and removes. Nothing is created on disk before the first batch.
 */
export class OutputDirWriter {
  private tmp: string | undefined;
  private readonly stamp: Stamp;
  /** The stamp's files so far as JSON members (`"rel":"hash",…`), in the order they came: the stamp while writing. */
  private listed = '';
  /** bytes of every file written or linked, by relative path */
  readonly sizes = new Map<string, number>();
  private batches = 0;

  constructor(
    readonly dir: string,
    kind: OutputKind,
  ) {
    this.stamp = { kind, files: new Map() };
  }

  /** Whether `rel` is already part of the new folder. */
  has(rel: string): boolean {
    return this.stamp.files.has(rel);
  }

  /** The files of the new folder so far, relative path → hash. */
  get files(): ReadonlyMap<string, string> {
    return this.stamp.files;
  }

  private open(): string {
    if (this.tmp === undefined) {
      const parent = path.dirname(this.dir);
      const tmp = path.join(parent, tempName(path.basename(this.dir), 'tmp'));
      try {
        fs.mkdirSync(parent, { recursive: true });
        // The mode is reduced by the umask, as for any new folder: the output is meant to be read, e.g. by a web server.
        fs.mkdirSync(tmp, { mode: 0o777 });
      } catch (err) {
        throw ioError('write', this.dir, err);
      }
      this.tmp = tmp;
    }
    return this.tmp;
  }

  /**
   * The stamp as the folder stands: while it is being written, in the order the files came and on one line, its text
   * kept as it grows (a city rewrites it a hundred times: sorting, indenting or even serialising thousands of names
   * each time added up), and in its final form, sorted and indented, when it is complete.
   */
  private writeStamp(tmp: string, final = false): void {
    const next = path.join(tmp, STAMP_NEXT);
    fs.writeFileSync(next, final ? formatStamp(this.stamp) : `{"generator":"gk","kind":${JSON.stringify(this.stamp.kind)},"files":{${this.listed}}}`);
    fs.renameSync(next, path.join(tmp, STAMP_FILE));
  }

  /** A file joins the new folder's stamp (and the text of the stamp while writing, kept as it grows). */
  private list(rel: string, hash: string): void {
    this.stamp.files.set(rel, hash);
    this.listed += `${this.listed === '' ? '' : ','}${JSON.stringify(rel)}:${JSON.stringify(hash)}`;
  }

  /** Folders made in the temporary folder so far: a city's 3,000 files are in a hundred of them. */
  private readonly made = new Set<string>();

  /** Makes the folder `file` goes in, once. */
  private folderFor(file: string): void {
    const folder = path.dirname(file);
    if (this.made.has(folder)) return;
    fs.mkdirSync(folder, { recursive: true });
    this.made.add(folder);
  }

  /** Runs `step` on the temporary folder; any failure removes it and says the output could not be written. */
  private guarded(step: (tmp: string) => void): void {
    const tmp = this.open();
    try {
      step(tmp);
    } catch (err) {
      this.abort();
      throw err instanceof GkError ? err : ioError('write', this.dir, err);
    }
  }

  /**
   * Writes a batch of files (a path written twice is a bug, refused like a path outside the folder). A file may come
   * with its hash (`hashBytes` of its bytes) when a render worker computed it.
   */
  write(files: Iterable<readonly [string, string | Uint8Array, string?]>): void {
    const batch: Array<[string, Uint8Array, string | undefined]> = [];
    const named = new Set<string>();
    for (const [rel, data, hash] of files) {
      containedPath(this.dir, rel);
      if (this.stamp.files.has(rel) || named.has(rel)) throw new GkError('internal', `output file written twice: ${rel}`);
      named.add(rel);
      batch.push([rel, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, hash]);
    }
    if (batch.length === 0) return;
    const first = this.batches++ === 0;
    this.guarded((tmp) => {
      for (const [rel, bytes, hash] of batch) {
        this.list(rel, hash ?? hashBytes(bytes));
        this.sizes.set(rel, bytes.byteLength);
      }
      this.writeStamp(tmp);
      batch.forEach(([rel, bytes], i) => {
        if (first && i === batch.length >> 1) killPoint('writing');
        const target = containedPath(tmp, rel);
        this.folderFor(target);
        fs.writeFileSync(target, bytes);
      });
    });
  }

  /**
   * Files kept from the folder being replaced (relative path → its hash in that folder's stamp), linked into the new
   * one (copied where links are not possible) rather than written again. The guard's check of the old folder covers them.
   */
  link(files: Iterable<readonly [string, string]>): void {
    const batch = [...files];
    for (const [rel] of batch) {
      containedPath(this.dir, rel);
      if (this.stamp.files.has(rel)) throw new GkError('internal', `output file written twice: ${rel}`);
    }
    if (batch.length === 0) return;
    this.batches++;
    this.guarded((tmp) => {
      for (const [rel, hash] of batch) this.list(rel, hash);
      this.writeStamp(tmp);
      for (const [rel] of batch) {
        const target = containedPath(tmp, rel);
        this.folderFor(target);
        const from = containedPath(this.dir, rel);
        try {
          fs.linkSync(from, target);
        } catch {
          fs.copyFileSync(from, target);
        }
        this.sizes.set(rel, fs.lstatSync(target).size);
      }
    });
  }

  /** Removes the temporary folder: the previous output stays as it was. */
  abort(): void {
    if (this.tmp !== undefined) removeQuietly(this.tmp);
  }

  /**
   * Puts the new folder in `dir`'s place. `guard` runs just before the swap and throws if `dir` may no longer be
   * replaced; then the temporary folder is removed and the previous output stays.
   */
  commit(guard: () => void = () => {}): void {
    // An output with no file at all is still a folder with its stamp.
    this.guarded((tmp) => this.writeStamp(tmp, true));
    const tmp = this.tmp!;
    try {
      guard();
    } catch (err) {
      removeQuietly(tmp);
      throw err;
    }
    const parent = path.dirname(this.dir);
    const old = path.join(parent, tempName(path.basename(this.dir), 'old'));
    let moved = false;
    try {
      if (fs.existsSync(this.dir)) {
        fs.renameSync(this.dir, old);
        moved = true;
        killPoint('swap');
      }
      fs.renameSync(tmp, this.dir);
    } catch (err) {
      // Put the previous folder back where it was: the promise is that a failure changes nothing.
      if (moved && !fs.existsSync(this.dir)) fs.renameSync(old, this.dir);
      removeQuietly(tmp);
      throw ioError('write', this.dir, err);
    }
    removeQuietly(old);
  }
}

/**
 * How old a temporary file of `writeFileAtomic` must be before another run removes it. Its writer renames it as soon
 * as the data is written, so a live one is seconds old; the process id in its name is checked as well, but a process
 * in another container sharing the folder has an id this one cannot see. Ten minutes leaves a wide margin.
 */
export const STALE_TEMP_MS = 10 * 60 * 1000;

/**
 * Removes the temporary files killed runs of `writeFileAtomic` left in `dir`: only regular files with the hidden name
 * gk gives them (`.<name>.gk-tmp-<pid>-<8 hex>`), whose process is gone and which are older than STALE_TEMP_MS.
 * Anything else, an older gk's leftovers included (see `oldTempFiles`), is left alone.
 */
export function removeStaleTempFiles(dir: string, now = Date.now()): string[] {
  const re = /^\..+\.gk-tmp-(\d+)-[0-9a-f]{8}$/;
  const removed: string[] = [];
  let names: string[];
  try {
    names = sortedNames(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = re.exec(name);
    if (!m || isAlive(Number(m[1]))) continue;
    const abs = path.join(dir, name);
    try {
      const st = fs.lstatSync(abs);
      if (!st.isFile() || now - st.mtimeMs < STALE_TEMP_MS) continue;
      fs.rmSync(abs, { force: true });
      removed.push(abs);
    } catch {
      // tried again next time
    }
  }
  return removed;
}

/**
 * Temporary files an earlier gk (before the hidden `.gk-tmp-` names) left when killed while rewriting a YAML file
 * (gk fmt, validate --fix): `<name>.yaml.<pid>.<letters and digits>.tmp`. gk cannot tell them from a user's own files with
 * certainty, so it never removes them; commands that write into `dir` name them for the user to delete.
 */
export function oldTempFiles(dir: string): string[] {
  return entriesNamed(dir, /^.+\.ya?ml\.\d+\.[0-9a-z]{1,16}\.tmp$/, (st) => st.isFile());
}

/** The names in `dir` matching `re` whose entry (not followed if a link) passes `kind`; none if `dir` cannot be read. */
function entriesNamed(dir: string, re: RegExp, kind: (st: fs.Stats) => boolean): string[] {
  let names: string[];
  try {
    names = sortedNames(dir);
  } catch {
    return [];
  }
  return names.filter((name) => {
    if (!re.test(name)) return false;
    try {
      return kind(fs.lstatSync(path.join(dir, name)));
    } catch {
      return false;
    }
  });
}

/**
 * Folders an earlier gk (before the stamp) left beside the output folder `base` in `parent` when a run was killed:
 * `.<base>.tmp-<6 characters>` and the same with `-old`. Without a stamp nothing proves what they hold, so gk never
 * removes them; the output commands name them for the user to delete.
 */
export function oldTempFolders(parent: string, base: string): string[] {
  return entriesNamed(parent, new RegExp(`^\\.${escapeRegExp(base)}\\.tmp-[0-9A-Za-z]{6}(?:-old)?$`), (st) => st.isDirectory());
}

/**
 * Whether a folder without a stamp looks like the output of an earlier gk, written before the stamp existed: its
 * index.html names gk as its generator in a meta tag. Used only to word the refusal; such a folder is still
 * never replaced.
 */
export function looksLikeOldOutput(dir: string): boolean {
  if (readStamp(dir)) return false;
  try {
    const p = path.join(dir, 'index.html');
    const st = fs.lstatSync(p);
    if (!st.isFile()) return false;
    const fd = fs.openSync(p, 'r');
    try {
      const head = Buffer.alloc(Math.min(st.size, 16384));
      fs.readSync(fd, head, 0, head.length, 0);
      return /<meta name="generator" content="gk[ "]/.test(head.toString('utf8'));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** A hidden temporary sibling name for writing `file` atomically, recognisable by `removeStaleTempFiles`. */
export function tempFileFor(file: string): string {
  return path.join(path.dirname(file), tempName(path.basename(file), 'tmp'));
}

/** `p` with symbolic links resolved as far as it exists, so two spellings of one folder compare equal. */
export function realPath(p: string): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  for (let d = abs; ; d = path.dirname(d)) {
    try {
      return path.join(fs.realpathSync.native(d), ...rest.reverse());
    } catch {
      if (path.dirname(d) === d) return abs;
      rest.push(path.basename(d));
    }
  }
}
