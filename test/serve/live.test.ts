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
