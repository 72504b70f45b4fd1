// Reading input files safely: only regular files, only inside the repository, at most a limit of bytes; listing
// catalog folders without following links out of the repository or round a loop.
import fs from 'node:fs';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { say, type Message } from '../model/i18n.js';
import type { Lang } from '../model/types.js';

/** The largest file gk reads. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type FileKind = 'fifo' | 'socket' | 'character device' | 'block device' | 'folder' | 'other';

/** Why a file was not read. Never carries any of the file's content. */
export type ReadProblem =
  | { kind: 'special'; type: FileKind }
  | { kind: 'outside'; boundary: string }
  | { kind: 'loop' }
  | { kind: 'too-large'; size: number; max: number }
  | { kind: 'os'; code: string }
  | { kind: 'not-folder' }
  | { kind: 'name-encoding'; name: string }
  /** read, but nested too deeply to be parsed safely */
  | { kind: 'nesting'; max: number };

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: ReadProblem };

const M = {
  special: { zh: '不是普通文件（是{type}），未读取', en: 'not a regular file (a {type}); not read' },
  outside: {
    zh: '是指向仓库文件夹“{boundary}”之外的符号链接，未读取',
    en: 'is a symbolic link to a place outside the repository folder "{boundary}"; not read',
  },
  loop: { zh: '符号链接形成循环，未读取', en: 'symbolic links form a loop; not read' },
  tooLarge: { zh: '文件过大（{size} MB，超过上限 {max} MB），未读取', en: 'file too large ({size} MB, over the limit of {max} MB); not read' },
  notFolder: { zh: '应是存放目录文件的文件夹，却是一个文件；未读取', en: 'should be a folder of catalog files but is a file; not read' },
  nameEncoding: {
    zh: '文件名不是 UTF-8 编码（按 GBK 读作“{name}”，常见于 Windows 下打包的 zip），未读取；请重命名',
    en: 'the file name is not UTF-8 (read as GBK it is "{name}", as zip files made on Windows give); not read: rename it',
  },
  ENOENT: { zh: '文件不存在（或是断开的符号链接）', en: 'no such file (or a broken symbolic link)' },
  EACCES: { zh: '没有读取权限', en: 'permission denied' },
  EPERM: { zh: '没有读取权限', en: 'permission denied' },
  ENOTDIR: { zh: '路径中有一段不是文件夹', en: 'a part of the path is not a folder' },
  ENAMETOOLONG: { zh: '路径过长', en: 'the path is too long' },
  EISDIR: { zh: '是文件夹', en: 'is a folder' },
  other: { zh: '无法读取（{code}）', en: 'cannot read it ({code})' },
  nesting: {
    zh: 'YAML 嵌套过深（列表、映射的层数超过上限 {max}），未处理',
    en: 'YAML nested too deeply (lists and mappings more than {max} levels deep, the limit); left alone',
  },
} satisfies Record<string, Message>;

const KINDS: Record<FileKind, Message> = {
  fifo: { zh: '命名管道 FIFO', en: 'FIFO (named pipe)' },
  socket: { zh: '套接字', en: 'socket' },
  'character device': { zh: '字符设备', en: 'character device' },
  'block device': { zh: '块设备', en: 'block device' },
  folder: { zh: '文件夹', en: 'folder' },
  other: { zh: '特殊文件', en: 'special file' },
};

/** What to tell the user about a file that was not read; never quotes the file. */
export function describeProblem(problem: ReadProblem, lang: Lang): string {
  switch (problem.kind) {
    case 'special':
      return say(M.special, lang, { type: say(KINDS[problem.type], lang) });
    case 'outside':
      return say(M.outside, lang, { boundary: problem.boundary });
    case 'loop':
      return say(M.loop, lang);
    case 'too-large':
      return say(M.tooLarge, lang, { size: (problem.size / 1048576).toFixed(1), max: problem.max / 1048576 });
    case 'not-folder':
      return say(M.notFolder, lang);
    case 'name-encoding':
      return say(M.nameEncoding, lang, { name: problem.name });
    case 'nesting':
      return say(M.nesting, lang, { max: problem.max });
    case 'os': {
      const known = (M as Record<string, Message>)[problem.code];
      return known && /^E[A-Z]+$/.test(problem.code) ? say(known, lang) : say(M.other, lang, { code: problem.code });
    }
  }
}

function kindOf(st: fs.Stats): FileKind | undefined {
  if (st.isFile()) return undefined;
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'character device';
  if (st.isBlockDevice()) return 'block device';
  if (st.isDirectory()) return 'folder';
  return 'other';
}

function osProblem(err: unknown): ReadProblem {
  const code = (err as NodeJS.ErrnoException)?.code ?? 'EIO';
  return code === 'ELOOP' ? { kind: 'loop' } : { kind: 'os', code };
}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

const boundaries = new Map<string, string>();

interface Ancestry {
  /** The nearest folder at or above this one that holds `.git`. */
  git: string | undefined;
  /** The outermost folder at or above this one, below `git`, that holds a gk.yaml. */
  outermost: string | undefined;
}

/** What each folder's ancestors hold, asked of the disk once per folder: a city's governments share their ancestors. */
const ancestries = new Map<string, Ancestry>();

function ancestryOf(dir: string): Ancestry {
  const cached = ancestries.get(dir);
  if (cached) return cached;
  let result: Ancestry;
  if (fs.existsSync(path.join(dir, '.git'))) {
    result = { git: dir, outermost: undefined };
  } else {
    const parent = path.dirname(dir);
    const above: Ancestry = parent === dir ? { git: undefined, outermost: undefined } : ancestryOf(parent);
    result = { git: above.git, outermost: above.outermost ?? (fs.existsSync(path.join(dir, 'gk.yaml')) ? dir : undefined) };
  }
  ancestries.set(dir, result);
  return result;
}

/**
 * The folder a file may link within: the nearest folder at or above it that holds `.git` (the repository), else the
 * outermost folder above it that holds a gk.yaml (a workspace or government), else the file's own folder. Real path.
 */
export function repositoryOf(file: string): string {
  const start = path.dirname(path.resolve(file));
  const cached = boundaries.get(start);
  if (cached !== undefined) return cached;
  const { git, outermost } = ancestryOf(start);
  let boundary = git ?? outermost ?? start;
  try {
    boundary = fs.realpathSync(boundary);
  } catch {
    // keep the path as given
  }
  boundaries.set(start, boundary);
  return boundary;
}

/**
 * Where a path really leads, checked: a symbolic link is followed only when its target lies inside `boundary`;
 * the result is a regular file's real path and its stat, or why it is not read.
 */
function resolveRegular(abs: string, boundary: string | undefined): { ok: true; real: string; stat: fs.Stats } | { ok: false; problem: ReadProblem } {
  let real = abs;
  let st: fs.Stats;
  try {
    st = fs.lstatSync(abs);
    if (st.isSymbolicLink()) {
      real = fs.realpathSync(abs);
      if (boundary !== undefined && !inside(real, boundary)) return { ok: false, problem: { kind: 'outside', boundary: path.basename(boundary) } };
      st = fs.statSync(real);
    }
  } catch (err) {
    return { ok: false, problem: osProblem(err) };
  }
  const kind = kindOf(st);
  if (kind !== undefined) return { ok: false, problem: { kind: 'special', type: kind } };
  return { ok: true, real, stat: st };
}

const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

/**
 * The bytes of a regular file, at most `max` of them. Special files (a FIFO would block forever, a device never
 * end) are refused from their stat, before anything is opened; the opened file is checked again (fstat), so a
 * file swapped for a FIFO in between is not read either. With `boundary`, links leading outside it are refused.
 */
export function readFileSafely(abs: string, options: { boundary?: string; max?: number } = {}): ReadResult {
  const max = options.max ?? MAX_FILE_BYTES;
  const target = resolveRegular(abs, options.boundary);
  if (!target.ok) return target;
  if (target.stat.size > max) return { ok: false, problem: { kind: 'too-large', size: target.stat.size, max } };
  let fd: number;
  try {
    fd = fs.openSync(target.real, fs.constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (err) {
    return { ok: false, problem: osProblem(err) };
  }
  try {
    const st = fs.fstatSync(fd);
    const kind = kindOf(st);
    if (kind !== undefined) return { ok: false, problem: { kind: 'special', type: kind } };
    if (st.size > max) return { ok: false, problem: { kind: 'too-large', size: st.size, max } };
    // The file may grow while it is read: never read more than the limit. The first read asks for one byte more
    // than the stat's size, so a file that did not grow is read in one call (a regular file's read returns fewer
    // bytes than asked only at its end) into a buffer of its own size, not one 64 KB larger per file.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(total === 0 ? st.size + 1 : 65536, max + 1 - total));
      if (chunk.length === 0) return { ok: false, problem: { kind: 'too-large', size: total + 1, max } };
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > max) return { ok: false, problem: { kind: 'too-large', size: total, max } };
      if (n < chunk.length) break;
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } catch (err) {
    return { ok: false, problem: osProblem(err) };
  } finally {
    fs.closeSync(fd);
  }
}

/** What a folder listing found: files to read, and entries to report instead (keyed by a path naming them). */
export interface Listing {
  files: string[];
  problems: Map<string, ReadProblem>;
}

const SKIPPED = new Set(['node_modules']);

function decodeName(name: Buffer): string {
  const gbk = new TextDecoder('gb18030').decode(name);
  return gbk.includes('\uFFFD') ? name.toString('latin1') : gbk;
}

/**
 * Files below `dir` whose names `accept` takes, sorted. Hidden entries and node_modules are skipped; `skipFolder`
 * prunes folders (a nested government). Each folder is visited once (a link back up is a loop, reported); links are
 * followed only inside `boundary`; a file reached through a link and directly is listed once.
 */
export function listFiles(dir: string, accept: (name: string) => boolean, boundary: string, skipFolder: (folder: string) => boolean = () => false): Listing {
  const plain: string[] = [];
  const linked = new Map<string, string>();
  const problems = new Map<string, ReadProblem>();
  const seenFolders = new Set<string>();
  const identity = (st: fs.Stats) => `${st.dev}:${st.ino}`;

  const visit = (folder: string, ancestors: readonly string[]): void => {
    let entries: fs.Dirent<Buffer>[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true, encoding: 'buffer' });
    } catch (err) {
      problems.set(folder, osProblem(err));
      return;
    }
    for (const entry of entries) {
      const raw = entry.name;
      if (raw[0] === 0x2e) continue;
      if (!isUtf8(raw)) {
        const shown = decodeName(raw);
        if (entry.isDirectory() || accept(shown)) problems.set(path.join(folder, shown), { kind: 'name-encoding', name: shown });
        continue;
      }
      const name = raw.toString('utf8');
      if (SKIPPED.has(name)) continue;
      const abs = path.join(folder, name);
      if (entry.isFile()) {
        if (accept(name)) plain.push(abs);
        continue;
      }
      let st: fs.Stats;
      let real = abs;
      try {
        st = fs.statSync(abs);
        if (entry.isSymbolicLink()) {
          real = fs.realpathSync(abs);
          if (!inside(real, boundary)) {
            if (st.isDirectory() || accept(name)) problems.set(abs, { kind: 'outside', boundary: path.basename(boundary) });
            continue;
          }
        }
      } catch (err) {
        if (entry.isDirectory() || accept(name)) problems.set(abs, osProblem(err));
        continue;
      }
      if (st.isDirectory()) {
        const id = identity(st);
        if (ancestors.includes(id)) {
          problems.set(abs, { kind: 'loop' });
          continue;
        }
        if (seenFolders.has(id) || skipFolder(abs)) continue;
        seenFolders.add(id);
        visit(abs, [...ancestors, id]);
        continue;
      }
      if (!accept(name)) continue;
      // special files are listed too: reading them is refused with the reason
      if (entry.isSymbolicLink() && st.isFile()) linked.set(abs, real);
      else plain.push(abs);
    }
  };

  let top: fs.Stats;
  try {
    top = fs.statSync(dir);
    if (!inside(fs.realpathSync(dir), boundary)) {
      problems.set(dir, { kind: 'outside', boundary: path.basename(boundary) });
      return { files: [], problems };
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException)?.code !== 'ENOENT') problems.set(dir, osProblem(err));
    return { files: [], problems };
  }
  if (!top.isDirectory()) {
    problems.set(dir, top.isFile() ? { kind: 'not-folder' } : { kind: 'special', type: kindOf(top) ?? 'other' });
    return { files: [], problems };
  }
  seenFolders.add(identity(top));
  visit(dir, [identity(top)]);
  if (linked.size === 0) return { files: plain.sort(), problems };
  // Only when links lead to files: each real file once, under its own name rather than a link's.
  const seen = new Set<string>();
  const files: string[] = [];
  const realOf = (f: string) => {
    try {
      return fs.realpathSync(f);
    } catch {
      return f;
    }
  };
  for (const f of [...plain.sort(), ...[...linked.keys()].sort()]) {
    const real = linked.get(f) ?? realOf(f);
    if (seen.has(real)) continue;
    seen.add(real);
    files.push(f);
  }
  return { files: files.sort(), problems };
}
