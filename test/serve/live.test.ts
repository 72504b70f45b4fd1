// gk build --watch and gk serve, in-process on temporary copies: rebuild only the government that changed, never
// publish a catalog with errors, reload the page in Chromium, and shut the watcher and server down on Ctrl+C.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { fileOf, injectReload } from '../../src/publish/serve.js';
import { memoryIo } from '../../src/io/io.js';
import { launchChromium, skipBrowser } from '../browser.js';
import { repoRoot } from '../helpers.js';

const example = path.join(repoRoot, 'catalogs', 'examples', 'shiyan-county');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-live-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const FISCAL = path.join('catalog', 'fiscal-budget.yaml');
const BEFORE = '一般公共预算、政府性基金预算';
const AFTER = '一般公共预算（改动一）、政府性基金预算';

function copy(to: string, code?: string): string {
  fs.cpSync(example, to, { recursive: true });
  if (code) fs.writeFileSync(path.join(to, 'gk.yaml'), fs.readFileSync(path.join(to, 'gk.yaml'), 'utf8').replace(/^code: .*$/m, `code: "${code}"`));
  return to;
}

function edit(file: string, from: string, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain(from);
  // Written the way editors save: a new file renamed over the old one.
  fs.writeFileSync(`${file}.tmp~`, text.replace(from, to));
  fs.renameSync(`${file}.tmp~`, file);
}

async function until(what: string, test: () => boolean, ms = 90_000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs a long-running gk command in-process; `stop` is Ctrl+C and resolves with its exit code. */
function start(argv: string[], cwd: string) {
  const io = memoryIo(cwd, {});
  const done = run(argv, io);
  let finished = false;
  void done.finally(() => (finished = true));
  return {
    io,
    get finished() {
      return finished;
    },
    async stop(): Promise<number> {
      io.interrupt();
      return done;
    },
  };
}

describe('the preview server’s pure parts', () => {
  it('maps URLs to site files and never outside them', () => {
    expect(fileOf('/')).toBe('index.html');
    expect(fileOf('/a/b/')).toBe('a/b/index.html');
    expect(fileOf('/fiscal-budget.html?x=1#y')).toBe('fiscal-budget.html');
    expect(fileOf('/%E4%B8%AD.html')).toBe('中.html');
    expect(fileOf('/../../etc/passwd')).toBe('etc/passwd');
    expect(fileOf('/%E0%A4%A')).toBeUndefined();
  });

  it('adds the reload script and lets only it connect back', () => {
    const page = `<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'"></head><body>x</body>`;
    expect(injectReload(page)).toBe(`<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'self'; script-src 'self'"></head><body>x<script src="/__gk/reload.js"></script>\n</body>`);
  });
});

describe('gk build --watch', () => {
  it('rebuilds only the government whose files changed and never writes a build with errors', async () => {
    const ws = path.join(tmp, 'ws');
    fs.mkdirSync(ws);
    fs.writeFileSync(path.join(ws, 'gk.yaml'), 'workspace: true\nname: 示例市人民政府\ncode: "410300"\n');
    copy(path.join(ws, 'a'), '410301');
    copy(path.join(ws, 'b'), '410302');
    const live = start(['build', '--watch', '--date', '2024-05-01', '--formats', 'html,json', 'ws'], tmp);
    try {
      await until('the first build', () => live.io.out.includes('正在监视'));
      expect(live.io.out).toContain('已生成 ws/dist');
      const page = path.join(ws, 'dist', 'a', 'fiscal-budget.html');
      const other = path.join(ws, 'dist', 'b', 'fiscal-budget.html');
      expect(fs.readFileSync(page, 'utf8')).toContain(BEFORE);
      const otherBefore = fs.readFileSync(other, 'utf8');

      const errBefore = live.io.err.length;
      edit(path.join(ws, 'a', FISCAL), BEFORE, AFTER);
      await until('the rebuild', () => live.io.err.slice(errBefore).includes('已写入'));
      expect(live.io.err.slice(errBefore)).toContain('已更新：ws/a\n');
      expect(live.io.err.slice(errBefore)).not.toContain('ws/b');
      expect(fs.readFileSync(page, 'utf8')).toContain(AFTER);
      expect(fs.readFileSync(other, 'utf8')).toBe(otherBefore);

      const errMid = live.io.err.length;
      edit(path.join(ws, 'b', FISCAL), 'domain: fiscal-budget', 'domain: fiscal-budgets');
      await until('the refusal', () => live.io.err.slice(errMid).includes('未写入'));
      expect(live.io.err.slice(errMid)).toContain('unknown-domain');
      expect(live.io.err.slice(errMid)).toMatch(/未更新 ws\/b：有 \d+ 个错误/);
      expect(fs.readFileSync(other, 'utf8')).toBe(otherBefore);
      expect(live.finished).toBe(false);
    } finally {
      expect(await live.stop()).toBe(0);
    }
  }, 240_000);
});

describe('gk build --watch over a township and its village, with local rules', () => {
  const DRAFT_RULE = [
    '// A township\'s own rule: no 公开主体 may still say 草稿.',
    'export const rule = {',
    "  meta: { id: 'local/no-draft', severity: 'error', description: { zh: '公开主体不得为草稿', en: 'no draft subjects' } },",
    "  messages: { draft: { zh: '公开主体“{subject}”仍是草稿', en: 'subject \"{subject}\" is still a draft' } },",
    '  item(at, context) {',
    "    if (String(at.item.subject ?? '').includes('草稿')) context.report({ file: at.file, path: at.path('subject'), messageId: 'draft', params: { subject: at.item.subject } });",
    '  },',
    '};',
    '',
  ].join('\n');

  it('rebuilds the village when its township changes, and refuses what a local rule calls an error', async () => {
    const town = path.join(tmp, 'town');
    fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace', 'nested'), town, { recursive: true });
    const standard = path.join(repoRoot, 'test', 'fixtures', 'workspace', 'city', 'standard');
    for (const file of ['gk.yaml', path.join('xijie', 'gk.yaml')]) {
      const f = path.join(town, file);
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^standard: .*$/m, `standard: ${standard}`));
    }
    fs.mkdirSync(path.join(town, 'rules'));
    fs.writeFileSync(path.join(town, 'rules', 'no-draft.mjs'), DRAFT_RULE);
    fs.appendFileSync(path.join(town, 'gk.yaml'), 'local-rules: [rules/no-draft.mjs]\n');
    const CONTENT = '·本镇涉及扶贫领域的规范性文件';
    const live = start(['build', '--watch', '--date', '2024-05-01', '--formats', 'html', 'town'], tmp);
    try {
      await until('the first build', () => live.io.out.includes('正在监视'));
      const village = path.join(town, 'dist', 'xijie', 'poverty-alleviation.html');
      expect(fs.readFileSync(village, 'utf8')).toContain(CONTENT);

      // The township's 公开内容 changes: the village, which takes it by parent-item, is rebuilt with it.
      const errBefore = live.io.err.length;
      edit(path.join(town, 'catalog', 'poverty-alleviation.yaml'), CONTENT, `${CONTENT}（修订）`);
      await until('the rebuild', () => live.io.err.slice(errBefore).includes('已写入'));
      expect(live.io.err.slice(errBefore)).toContain('已更新：town、town/xijie\n');
      expect(fs.readFileSync(village, 'utf8')).toContain(`${CONTENT}（修订）`);

      // The village breaks the township's local rule: it is refused, and nothing is written.
      const errMid = live.io.err.length;
      const villageFile = path.join(town, 'xijie', 'catalog', 'poverty-alleviation.yaml');
      edit(villageFile, 'subject: 示例县河口镇西街村民委员会\n  - id: xijie-02', 'subject: 示例县河口镇西街村民委员会（草稿）\n  - id: xijie-02');
      await until('the refusal', () => live.io.err.slice(errMid).includes('未写入'));
      expect(live.io.err.slice(errMid)).toContain('公开主体“示例县河口镇西街村民委员会（草稿）”仍是草稿');
      expect(live.io.err.slice(errMid)).toContain('local/no-draft');
      expect(live.io.err.slice(errMid)).toMatch(/未更新 town\/xijie：有 1 个错误/);
      expect(live.io.err.slice(errMid)).not.toContain('未更新 town：');

      // Fixed: written again.
      const errLast = live.io.err.length;
      edit(villageFile, '（草稿）', '');
      await until('the rebuild', () => live.io.err.slice(errLast).includes('已写入'));
      expect(live.io.err.slice(errLast)).toContain('已更新：town/xijie\n');
      expect(live.finished).toBe(false);
    } finally {
      expect(await live.stop()).toBe(0);
    }
  }, 240_000);
});

describe.skipIf(skipBrowser)('gk serve in Chromium', () => {
  it('serves on 127.0.0.1, reloads the page when a catalog changes, keeps the last good page on errors, and stops cleanly', async () => {
    const dir = copy(path.join(tmp, 'serve'));
    const live = start(['serve', '--port', '0', '--date', '2024-05-01', 'serve'], tmp);
    const chromium = await launchChromium();
    let url = '';
    try {
      await until('the server', () => /http:\/\/127\.0\.0\.1:\d+\//.test(live.io.out));
      url = /http:\/\/127\.0\.0\.1:\d+\//.exec(live.io.out)![0];
      const page = await chromium.browser.newPage();
      const outside: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(url)) outside.push(r.url());
      });
      await page.goto(`${url}fiscal-budget.html`);
      await expect.poll(() => page.textContent('body')).toContain(BEFORE);

      edit(path.join(dir, FISCAL), BEFORE, AFTER);
      await page.waitForFunction((text) => document.body.innerText.includes(text), AFTER, { timeout: 90_000 });

      const errBefore = live.io.err.length;
      edit(path.join(dir, FISCAL), 'domain: fiscal-budget', 'domain: fiscal-budgets');
      await until('the refusal', () => live.io.err.slice(errBefore).includes('未更新'));
      await page.reload();
      expect(await page.textContent('body')).toContain(AFTER);
      expect(outside).toEqual([]);
      expect((await fetch(`${url}nothing-here.html`)).status).toBe(404);
      expect((await fetch(`${url}..%2F..%2Fgk.yaml`)).status).toBe(404);
      expect(fs.readdirSync(dir).sort()).toEqual(['catalog', 'gk.yaml']);
    } finally {
      await chromium.close();
      expect(await live.stop()).toBe(0);
    }
    await expect(fetch(url)).rejects.toThrow();
  }, 240_000);

  it('refuses a port that is in use, and a port that is not a number', async () => {
    const first = start(['serve', '--port', '0', path.join(tmp, 'serve')], tmp);
    try {
      await until('the server', () => /127\.0\.0\.1:\d+/.test(first.io.out));
      const port = /127\.0\.0\.1:(\d+)/.exec(first.io.out)![1]!;
      const io = memoryIo(tmp);
      expect(await run(['serve', '--port', port, path.join(tmp, 'serve')], io)).toBe(2);
      expect(io.err).toContain('--port 0');
      expect(await run(['serve', '--port', 'x'], memoryIo(tmp))).toBe(2);
    } finally {
      await first.stop();
    }
  }, 240_000);
});
