// Hostile file systems (issue 9): special files, links out of the repository and in loops, wrong types, foreign file
// names, limits. Each victim is built in a temporary folder; gk runs as the real binary with a timeout, so a hang fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { gk as gkInProcess, repoRoot } from '../helpers.js';
import { holdsMoreValues } from '../../src/fmt/format.js';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

function tempDir(prefix = 'gk-hostile-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  temps.push(dir);
  return dir;
}

const MANIFEST = 'name: 测试县人民政府\ncode: "110101"\nlevel: county\nstandard: national-2020\n';
const CATALOG = 'domain: social-assistance\nitems:\n  - id: sa-1\n    standard: social-assistance/1\n    subject: 测试县民政局\n';
const SECRET = 'TOP-SECRET-LINE-9f3c';

/** A government in a fresh folder: gk.yaml and catalog/social-assistance.yaml, plus `files` (relative path → text). */
function government(files: Record<string, string> = {}): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'catalog'));
  fs.writeFileSync(path.join(dir, 'gk.yaml'), MANIFEST);
  fs.writeFileSync(path.join(dir, 'catalog', 'social-assistance.yaml'), CATALOG);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** A file outside every repository, holding a secret on several lines. */
function outsideSecret(): string {
  const file = path.join(tempDir('gk-outside-'), 'passwd');
  fs.writeFileSync(file, `root:x:0:0:${SECRET}:/root:/bin/sh\n${SECRET}-2: yes\nitems: [${SECRET}-3]\n`);
  return file;
}

interface Run {
  code: number;
  out: string;
  err: string;
}

/** The real binary, killed after 30 s (a hang fails the test with code -1): for the cases that used to hang. */
function gkProcess(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'gk.js'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, NO_COLOR: '1', CI: 'true' },
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** In-process, as most CLI tests run: for the cases that used to crash. */
async function gk(args: string[], cwd: string): Promise<Run> {
  return gkInProcess(args, cwd, { NO_COLOR: '1', CI: 'true' });
}

function noCrash(r: Run): void {
  expect(r.code, `${r.out}\n${r.err}`).not.toBe(-1);
  expect(r.err).not.toContain('internal error');
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(`${r.out}${r.err}`).not.toContain('Maximum call stack');
}

interface Found {
  code: string;
  severity: string;
  message: string;
  file: string;
}

async function validateJson(dir: string, lang = 'en', inProcess = true): Promise<{ run: Run; found: Found[] }> {
  const args = ['--lang', lang, 'validate', '-f', 'json', '.'];
  const run = inProcess ? await gk(args, dir) : gkProcess(args, dir);
  noCrash(run);
  return { run, found: (JSON.parse(run.out) as { diagnostics: Found[] }).diagnostics };
}

const canMakeFifo = spawnSync('mkfifo', ['--version']).status === 0;
const isRoot = process.getuid?.() === 0;

/**
 * gk as a user without root's right to read everything: this user when not root; as root, nobody (65534) through
 * setpriv or runuser, whichever works here. Undefined when neither does.
 */
const unprivileged: ((args: string[], cwd: string) => Run) | undefined = (() => {
  const bin = path.join(repoRoot, 'bin', 'gk.js');
  const via = (prefix: string[]) => (args: string[], cwd: string): Run => {
    const r = spawnSync(prefix[0]!, [...prefix.slice(1), process.execPath, bin, ...args], {
      cwd,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, NO_COLOR: '1', CI: 'true', HOME: cwd },
    });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  };
  if (!isRoot) return (args: string[], cwd: string) => gkProcess(args, cwd);
  for (const prefix of [
    ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'],
    ['runuser', '-u', 'nobody', '--'],
  ]) {
    // the tool works, it makes this uid 65534, and that user can run gk from this checkout
    const uid = spawnSync(prefix[0]!, [...prefix.slice(1), process.execPath, '-e', 'process.stdout.write(String(process.getuid()))'], { encoding: 'utf8' });
    if (uid.status === 0 && uid.stdout === '65534' && via(prefix)(['--version'], os.tmpdir()).code === 0) return via(prefix);
  }
  return undefined;
})();

describe.runIf(canMakeFifo)('special files are reported, never opened', () => {
  const fifo = (p: string) => expect(spawnSync('mkfifo', [p]).status).toBe(0);

  it('a FIFO as a catalog file', async () => {
    const dir = government();
    fifo(path.join(dir, 'catalog', 'pipe.yaml'));
    const { run, found } = await validateJson(dir, 'en', false);
    expect(run.code).toBe(1);
    expect(found).toContainEqual(expect.objectContaining({ code: 'unreadable-file', severity: 'error', file: 'catalog/pipe.yaml', message: 'not a regular file (a FIFO (named pipe)); not read' }));
    const zh = (await validateJson(dir, 'zh', false)).found.find((d) => d.file === 'catalog/pipe.yaml');
    expect(zh?.message).toBe('不是普通文件（是命名管道 FIFO），未读取');
  });

  it('a FIFO as gk.yaml', async () => {
    const dir = government();
    fs.rmSync(path.join(dir, 'gk.yaml'));
    fifo(path.join(dir, 'gk.yaml'));
    const { run, found } = await validateJson(dir, 'en', false);
    expect(run.code).toBe(1);
    expect(found).toContainEqual(expect.objectContaining({ code: 'unreadable-file', file: 'gk.yaml' }));
  });

  it('a FIFO given to gk fmt, by name and in a folder', () => {
    const dir = government();
    fifo(path.join(dir, 'catalog', 'pipe.yaml'));
    const named = gkProcess(['--lang', 'en', 'fmt', 'catalog/pipe.yaml'], dir);
    noCrash(named);
    expect(named.code).toBe(1);
    expect(named.err).toContain('catalog/pipe.yaml: not a regular file (a FIFO (named pipe)); not read');
    const folder = gkProcess(['--lang', 'en', 'fmt', '--check', '.'], dir);
    noCrash(folder);
    expect(folder.err).toContain('catalog/pipe.yaml: not a regular file');
  });

  it('a FIFO as a local edition’s edition.yaml or domain file', () => {
    const dir = government();
    fs.writeFileSync(path.join(dir, 'gk.yaml'), MANIFEST.replace('national-2020', 'my-edition'));
    fs.mkdirSync(path.join(dir, 'my-edition'));
    fifo(path.join(dir, 'my-edition', 'edition.yaml'));
    const r = gkProcess(['--lang', 'en', 'validate', '.'], dir);
    noCrash(r);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^gk: standard edition file .*my-edition\/edition\.yaml: not a regular file \(a FIFO \(named pipe\)\); not read\n$/);
    fs.rmSync(path.join(dir, 'my-edition', 'edition.yaml'));
    fs.writeFileSync(path.join(dir, 'my-edition', 'edition.yaml'), 'id: my-edition\ntitle: 本地版本\n');
    fifo(path.join(dir, 'my-edition', 'social-assistance.yaml'));
    const domain = gkProcess(['--lang', 'en', 'validate', '.'], dir);
    noCrash(domain);
    expect(domain.code).toBe(2);
    expect(domain.err).toContain('my-edition/social-assistance.yaml: not a regular file');
  });

  it('a FIFO given to gk import', () => {
    const dir = government();
    fifo(path.join(dir, 'table.csv'));
    const r = gkProcess(['--lang', 'en', 'import', 'table.csv', '--domain', 'social-assistance'], dir);
    noCrash(r);
    expect(r.code).toBe(2);
    expect(r.err).toContain('not a regular file');
  });
});

describe('symbolic links', () => {
  it('a catalog file linking outside the repository is reported and never read', async () => {
    const dir = government();
    fs.symlinkSync(outsideSecret(), path.join(dir, 'catalog', 'x.yaml'));
    const { run, found } = await validateJson(dir);
    expect(run.code).toBe(1);
    expect(found).toContainEqual(expect.objectContaining({ code: 'unreadable-file', file: 'catalog/x.yaml' }));
    expect(found.find((d) => d.file === 'catalog/x.yaml')?.message).toMatch(/symbolic link to a place outside the repository/);
    const stylish = await gk(['validate', '.'], dir);
    const fmt = await gk(['fmt', '.'], dir);
    for (const r of [run, stylish, fmt]) expect(`${r.out}${r.err}`).not.toContain(SECRET);
    // fmt neither rewrote the link nor copied the file in
    expect(fs.lstatSync(path.join(dir, 'catalog', 'x.yaml')).isSymbolicLink()).toBe(true);
  });

  it('gk.yaml and a catalog folder linking outside are reported too', async () => {
    const dir = government();
    const outsideFolder = path.dirname(outsideSecret());
    fs.copyFileSync(path.join(outsideFolder, 'passwd'), path.join(outsideFolder, 'more.yaml'));
    fs.symlinkSync(outsideFolder, path.join(dir, 'catalog', 'elsewhere'));
    const { found } = await validateJson(dir);
    expect(found).toContainEqual(expect.objectContaining({ code: 'unreadable-file', file: 'catalog/elsewhere' }));
    fs.rmSync(path.join(dir, 'gk.yaml'));
    fs.symlinkSync(path.join(outsideFolder, 'passwd'), path.join(dir, 'gk.yaml'));
    const again = await validateJson(dir);
    expect(again.found).toContainEqual(expect.objectContaining({ code: 'unreadable-file', file: 'gk.yaml' }));
    expect(again.run.out).not.toContain(SECRET);
  });

  it('a link inside the repository is followed, and a file reached twice counts once', async () => {
    const dir = government();
    fs.symlinkSync('social-assistance.yaml', path.join(dir, 'catalog', 'alias.yaml'));
    fs.mkdirSync(path.join(dir, 'catalog', 'sub'));
    fs.symlinkSync('..', path.join(dir, 'catalog', 'sub', 'up'));
    const { found } = await validateJson(dir);
    expect(found.filter((d) => d.code === 'duplicate-id')).toEqual([]);
    // the loop is named once, as a warning; the catalog is still checked once
    expect(found.filter((d) => d.code === 'unreadable-file')).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'catalog/sub/up', message: 'symbolic links form a loop; not read' }),
    ]);
  });

  it('a loop of links is reported, not followed', async () => {
    const dir = government();
    fs.symlinkSync('b.yaml', path.join(dir, 'catalog', 'a.yaml'));
    fs.symlinkSync('a.yaml', path.join(dir, 'catalog', 'b.yaml'));
    const { found } = await validateJson(dir);
    expect(found.filter((d) => d.code === 'unreadable-file').map((d) => d.file)).toEqual(['catalog/a.yaml', 'catalog/b.yaml']);
  });
});

describe('wrongly typed and unreadable paths', () => {
  it('catalog is a file', async () => {
    const dir = government();
    fs.rmSync(path.join(dir, 'catalog'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'catalog'), CATALOG);
    const { run, found } = await validateJson(dir);
    expect(run.code).toBe(1);
    expect(found).toContainEqual(expect.objectContaining({ code: 'unreadable-file', file: 'catalog', message: 'should be a folder of catalog files but is a file; not read' }));
  });

  // Root reads everything, so as root gk runs as nobody (setpriv, else runuser) on a victim the others may read.
  it.skipIf(unprivileged === undefined)('a catalog folder or file that cannot be read (EACCES)', () => {
    const dir = government({ 'catalog/employment.yaml': CATALOG.replace('social-assistance', 'employment').replace(/sa-1/g, 'em-1') });
    fs.chmodSync(dir, 0o755);
    const run = (): { run: Run; found: Found[] } => {
      const r = unprivileged!(['--lang', 'en', 'validate', '-f', 'json', '.'], dir);
      noCrash(r);
      return { run: r, found: (JSON.parse(r.out) as { diagnostics: Found[] }).diagnostics };
    };
    // the same victim readable: gk as that user reads it (so the refusals below are the permissions' doing)
    const readable = run();
    expect(readable.found.filter((d) => d.code === 'unreadable-file')).toEqual([]);
    fs.chmodSync(path.join(dir, 'catalog', 'employment.yaml'), 0o000);
    const file = run();
    expect(file.run.code).toBe(1);
    expect(file.found).toContainEqual(expect.objectContaining({ code: 'unreadable-file', file: 'catalog/employment.yaml', message: 'permission denied' }));
    expect(file.found.filter((d) => d.file === 'catalog/social-assistance.yaml' && d.code === 'unreadable-file')).toEqual([]);
    fs.chmodSync(path.join(dir, 'catalog'), 0o000);
    try {
      const folder = run();
      expect(folder.run.code).toBe(1);
      expect(folder.found).toContainEqual(expect.objectContaining({ code: 'unreadable-file', file: 'catalog', message: 'permission denied' }));
    } finally {
      fs.chmodSync(path.join(dir, 'catalog'), 0o755);
    }
  });

  it('a file name that is not UTF-8 (GBK, from a zip made on Windows)', async () => {
    const dir = government();
    // 社会救助.yaml in GBK
    const name = Buffer.concat([Buffer.from([0xc9, 0xe7, 0xbb, 0xe1, 0xbe, 0xc8, 0xd6, 0xfa]), Buffer.from('.yaml')]);
    const folder = Buffer.from(path.join(dir, 'catalog') + path.sep);
    fs.writeFileSync(Buffer.concat([folder, name]), CATALOG);
    const { run, found } = await validateJson(dir);
    expect(run.code).toBe(1);
    expect(found).toContainEqual(expect.objectContaining({ code: 'unreadable-file', file: 'catalog/社会救助.yaml' }));
    expect(found.find((d) => d.file === 'catalog/社会救助.yaml')?.message).toContain('not UTF-8');
    const fmt = await gk(['fmt', '--check', '.'], dir);
    noCrash(fmt);
    expect(fmt.err).toContain('社会救助.yaml');
  });
});

describe('limits name themselves', () => {
  it('deep nesting is a limit finding, not a stack overflow', async () => {
    for (const text of [`items: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, `items:\n${Array.from({ length: 2500 }, (_, i) => `${' '.repeat(i)}- `).join('\n')}x\n`, `items: ${'['.repeat(65)}${']'.repeat(65)}\n`]) {
      const dir = government({ 'catalog/deep.yaml': text });
      const { found } = await validateJson(dir);
      expect(found.filter((d) => d.file === 'catalog/deep.yaml')).toEqual([
        expect.objectContaining({ code: 'limit', message: 'YAML nested too deeply (lists and mappings more than 64 levels deep, the limit); parsing refused' }),
      ]);
      const fmt = await gk(['--lang', 'en', 'fmt', 'catalog/deep.yaml'], dir);
      noCrash(fmt);
      expect(fmt.err).toContain('catalog/deep.yaml: YAML nested too deeply (lists and mappings more than 64 levels deep, the limit); left alone');
    }
  });

  it('deep nesting with a duplicate key before it is still the nesting limit in fmt', async () => {
    const dir = government({ 'catalog/deep.yaml': `domain: x\ndomain: y\nitems: ${'['.repeat(5000)}${']'.repeat(5000)}\n` });
    const fmt = await gk(['--lang', 'en', 'fmt', 'catalog/deep.yaml'], dir);
    noCrash(fmt);
    expect(fmt.err).toContain('catalog/deep.yaml: YAML nested too deeply (lists and mappings more than 64 levels deep, the limit); left alone');
  });

  it('fmt leaves alone a file of more than a million characters of double-quoted text, naming the limit', async () => {
    // The YAML library would build such a value a character at a time: 30 MB of it took 1.8 GB and two minutes.
    const note = `    note: "${'公开'.repeat(400_000)}"\n`;
    const text = `${CATALOG}${note}  - id: sa-2\n    standard: social-assistance/2\n    subject: 测试县民政局\n${note}`;
    const dir = government({ 'catalog/social-assistance.yaml': text });
    for (const lang of ['en', 'zh']) {
      const fmt = await gk(['--lang', lang, 'fmt', '.'], dir);
      noCrash(fmt);
      expect(fmt.code).toBe(1);
      expect(fmt.err).toContain(
        lang === 'en'
          ? 'catalog/social-assistance.yaml: its double-quoted values hold more than 1,000,000 characters together, the limit; gk fmt leaves it alone: write long text as a block (|)'
          : 'catalog/social-assistance.yaml：双引号写法的值合计超过上限 1,000,000 个字符，gk fmt 不改写此文件；请把长文本改为块写法（|）',
      );
    }
    expect(fs.readFileSync(path.join(dir, 'catalog/social-assistance.yaml'), 'utf8')).toBe(text);
    // the same text as a block scalar is formatted: only double-quoted text is limited
    const block = text.replaceAll(/note: "(.*)"/g, 'note: |\n      $1');
    fs.writeFileSync(path.join(dir, 'catalog/social-assistance.yaml'), block);
    const ok = await gk(['--lang', 'en', 'fmt', '.'], dir);
    noCrash(ok);
    expect(ok.code, ok.err).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'catalog/social-assistance.yaml'), 'utf8')).toContain('公开'.repeat(400_000));
  });

  it('fmt leaves alone a file beyond its size limits (a 30 MB block scalar took 800 MB), naming the limit', async () => {
    // more characters than FMT_LIMITS.characters: one block scalar of 4.1 million
    const long = `${CATALOG}    content: |\n${'      公开内容说明文字，公开内容说明文字，公开内容说明文字，公开内容说明文字，\n'.repeat(100_000)}`;
    // more values than FMT_LIMITS.values in a 200 KB file (1,000,000 one-letter channels on one line took 2.3 GB);
    // under a key of its own, so that validate --fix has one finding to report, not 100,001
    const many = `${CATALOG}x-list: [${Array(100_001).fill('a').join(',')}]\n`;
    expect(long.length).toBeGreaterThan(4_000_000);
    const dir = government({ 'catalog/many.yaml': many.replace('sa-1', 'sa-2') });
    const en = await gk(['--lang', 'en', 'fmt', 'catalog/many.yaml'], dir);
    noCrash(en);
    expect(en.code).toBe(1);
    expect(en.err).toContain('catalog/many.yaml: more values (list entries and keys) than 100,000, the limit of gk fmt; left alone (gk validate still checks it)');
    const zh = await gk(['fmt', '--check', 'catalog/many.yaml'], dir);
    expect(zh.err).toContain('catalog/many.yaml：值（列表项和键）的个数超过 gk fmt 的上限 100,000，未处理（gk validate 仍会检查它）');
    noCrash(await gk(['validate', '--fix', '.'], dir));
    // the long file is only given to fmt: validating 4 million characters is slow, and not what is tested here
    fs.writeFileSync(path.join(dir, 'catalog/long.yaml'), long);
    const longEn = await gk(['--lang', 'en', 'fmt', 'catalog/long.yaml'], dir);
    noCrash(longEn);
    expect(longEn.code).toBe(1);
    expect(longEn.err).toContain('catalog/long.yaml: more characters than 4,000,000, the limit of gk fmt; left alone (gk validate still checks it)');
    expect((await gk(['fmt', '--check', 'catalog/long.yaml'], dir)).err).toContain('catalog/long.yaml：字符数超过 gk fmt 的上限 4,000,000，未处理（gk validate 仍会检查它）');
    expect(fs.readFileSync(path.join(dir, 'catalog/long.yaml'), 'utf8')).toBe(long);
    expect(fs.readFileSync(path.join(dir, 'catalog/many.yaml'), 'utf8')).toBe(many.replace('sa-1', 'sa-2'));
  });

  it('fmt counts a value reached twice through an alias once, and stops counting once over', () => {
    const shared = Array(60_000).fill('a');
    expect(holdsMoreValues({ items: [shared, shared, shared] }, 100_000)).toBe(false);
    expect(holdsMoreValues({ items: [shared, [...shared]] }, 100_000)).toBe(true);
    expect(holdsMoreValues('plain text', 0)).toBe(false);
    expect(holdsMoreValues({ a: 1 }, 0)).toBe(true);
  });

  it('an alias bomb in a local edition’s edition.yaml is refused, naming the limit', async () => {
    const dir = government();
    fs.writeFileSync(path.join(dir, 'gk.yaml'), MANIFEST.replace('national-2020', 'my-edition'));
    const lines = ['id: my-edition', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    fs.mkdirSync(path.join(dir, 'my-edition'));
    fs.writeFileSync(path.join(dir, 'my-edition', 'edition.yaml'), `${lines.join('\n')}\n`);
    const r = await gk(['--lang', 'en', 'validate', '.'], dir);
    noCrash(r);
    expect(r.code).toBe(2);
    expect(r.err).toContain('too many YAML alias expansions (over 100)');
  });

  it('5,000 unknown channels on one line: stylish lists every one, each excerpt cut to a window of the line', async () => {
    // each finding once printed the whole 50,000-character line around its caret: 26 s in stylish, 0.4 s in json
    const channels = Array.from({ length: 5000 }, (_, i) => `未知渠道${i}`);
    const dir = government({ 'catalog/social-assistance.yaml': `${CATALOG}    channels: [${channels.join(', ')}]\n` });
    const r = await gk(['--lang', 'en', 'validate', '--max-repeats', '0', '.'], dir);
    noCrash(r);
    const lines = r.out.split('\n');
    expect(lines.filter((l) => /^\s+6:\d+\s+warning\s+channel "未知渠道\d+" is not in the channel vocabulary/.test(l))).toHaveLength(5000);
    const excerpts = lines.filter((l) => /^\s+6 \| /.test(l));
    expect(excerpts).toHaveLength(5000);
    for (const e of excerpts) expect([...e].length).toBeLessThan(200);
    expect(r.out).toContain('未知渠道4999');
  });

  it('a syntax error shows the offending line only, never the rest of the file', async () => {
    const dir = government({ 'catalog/broken.yaml': `domain: social-assistance\nitems: [\n  secret: ${SECRET}\n` });
    const r = await gk(['validate', '.'], dir);
    noCrash(r);
    expect(r.code).toBe(1);
    expect(r.out).not.toContain(SECRET);
  });

  it('!!binary values: validate and fmt report, never crash', async () => {
    const dir = government({ 'catalog/binary.yaml': 'domain: social-assistance\nitems:\n  - id: sa-9\n    name: !!binary aGVsbG8=\n' });
    const before = fs.readFileSync(path.join(dir, 'catalog', 'binary.yaml'), 'utf8');
    for (const args of [['validate', '.'], ['fmt', 'catalog/binary.yaml'], ['validate', '--fix', '.']]) {
      const r = await gk(args, dir);
      noCrash(r);
      expect(r.code).toBe(1);
    }
    expect(fs.readFileSync(path.join(dir, 'catalog', 'binary.yaml'), 'utf8')).toBe(before);
  });
});

async function workbook(edit: (xml: string) => string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('目录').getCell('A1').value = '二级事项';
  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const sheet = 'xl/worksheets/sheet1.xml';
  zip.file(sheet, edit(await zip.file(sheet)!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('hostile tables for gk import', () => {
  it('one cell at XFD1048576, or a merge over the whole sheet, is refused from the references before reading', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'cell.xlsx'), await workbook((x) => x.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')));
    fs.writeFileSync(path.join(dir, 'merge.xlsx'), await workbook((x) => x.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')));
    expect(fs.statSync(path.join(dir, 'cell.xlsx')).size).toBeLessThan(10_000);
    // a workbook of 200,000 rows (the issue's case; it crashed after writing the YAML): its last row is enough
    fs.writeFileSync(path.join(dir, 'rows.xlsx'), await workbook((x) => x.replace('</sheetData>', '<row r="200000"><c r="K200000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')));
    for (const file of ['cell.xlsx', 'merge.xlsx', 'rows.xlsx']) {
      const en = await gk(['--lang', 'en', 'import', file, '--domain', 'social-assistance'], dir);
      noCrash(en);
      expect(en.code).toBe(2);
      const rows = file === 'rows.xlsx' ? '200,000' : '1,048,576';
      expect(en.err).toBe(`gk: ${file}: the table is too large (rows: ${rows}, over the limit of 100,000); nothing imported\n`);
      expect((await gk(['import', file, '--domain', 'social-assistance'], dir)).err).toBe(`gk: ${file}：表格过大（行数 ${rows}，超过上限 100,000），未导入\n`);
    }
    expect(fs.existsSync(path.join(dir, 'catalog'))).toBe(false);
  });

  it('a 130,000-row CSV is refused, naming the row limit', async () => {
    const dir = tempDir();
    const rows = ['二级事项,公开内容,公开依据,公开时限,公开主体'];
    for (let i = 0; i < 130_000; i++) rows.push(`事项${i},内容,依据,20个工作日内,县民政局`);
    fs.writeFileSync(path.join(dir, 'big.csv'), `${rows.join('\n')}\n`);
    const r = await gk(['--lang', 'en', 'import', 'big.csv', '--domain', 'social-assistance'], dir);
    noCrash(r);
    expect(r.code).toBe(2);
    expect(r.err).toBe('gk: big.csv: the table is too large (rows: 130,001, over the limit of 100,000); nothing imported\n');
  });

  it('an HTML table inside, and holding, 10,000 nested <div>s imports', async () => {
    const dir = tempDir();
    const deep = `${'<div>'.repeat(10_000)}低保对象名单${'</div>'.repeat(10_000)}`;
    const table = (content: string) => `<table><tr><th>二级事项</th><th>公开内容</th><th>公开依据</th></tr><tr><td>低保</td><td>${content}</td><td>《社会救助暂行办法》</td></tr></table>`;
    fs.writeFileSync(path.join(dir, 'in-cell.html'), `<html><body>${table(deep)}</body></html>`);
    fs.writeFileSync(path.join(dir, 'around.html'), `<html><body>${'<div>'.repeat(10_000)}${table('名单')}${'</div>'.repeat(10_000)}</body></html>`);
    for (const file of ['in-cell.html', 'around.html']) {
      const r = await gk(['--lang', 'en', 'import', file, '--domain', 'social-assistance', '--out', file.replace('.html', '')], dir);
      noCrash(r);
      expect(r.out).toContain('A 二级事项 → name');
      expect(fs.readFileSync(path.join(dir, file.replace('.html', ''), 'social-assistance.yaml'), 'utf8')).toContain('低保');
    }
  });

  it('rowspan and colspan cannot blow a table up beyond the cell limit', async () => {
    const dir = tempDir();
    const cells = Array.from({ length: 20 }, () => '<td rowspan="1000" colspan="1000">x</td>').join('');
    fs.writeFileSync(path.join(dir, 'spans.html'), `<table><tr><th>二级事项</th><th>公开内容</th></tr><tr>${cells}</tr></table>`);
    const r = await gk(['--lang', 'en', 'import', 'spans.html', '--domain', 'social-assistance'], dir);
    noCrash(r);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the table is too large \((columns|cells): [\d,]+, over the limit of [\d,]+\); nothing imported/);
  });
});
