// Headless Chromium for the browser suites: Debian's binary, flags for a closed network, and a throwaway HOME.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
/** In CI the browser is installed by .ci/run, so a missing one is a failure there, not a reason to skip. */
export const skipBrowser = !fs.existsSync(CHROMIUM) && process.env.CI !== 'true';
if (skipBrowser) console.warn(`browser tests skipped: ${CHROMIUM} not found (install it with: apt-get install chromium)`);

/** The worker's Chromium, launched by the first browser suite that asks and shared by the ones after it. */
let shared: Promise<{ browser: Browser; home: string }> | undefined;

async function launch(): Promise<{ browser: Browser; home: string }> {
  // Chromium keeps crash-report settings under $HOME/.config; a throwaway home keeps the user's untouched. It lives in
  // the run's temporary folder (test/global-setup.ts), removed after the run even if the worker ends without `exit`.
  const home = fs.mkdtempSync(path.join(inject('runTmp') ?? os.tmpdir(), 'gk-chromium-home-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') },
  });
  // Playwright kills the browser when the worker exits; its home goes with it.
  process.once('exit', () => fs.rmSync(home, { recursive: true, force: true }));
  return { browser, home };
}

/**
 * Chromium for a test file. The test files of a worker share one browser (vitest runs them one after the other in the
 * same process: isolate is off), since starting Chromium and warming its first page costs more than many a check; each
 * file works in contexts of its own, and `close` closes the contexts (and their pages) the file opened.
 */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  let current = shared && (await shared.catch(() => undefined));
  if (!current || !current.browser.isConnected()) {
    shared = launch();
    current = await shared;
  }
  const browser = current.browser;
  const before = new Set(browser.contexts());
  return {
    browser,
    async close() {
      await Promise.all(browser.contexts().filter((c) => !before.has(c)).map((c) => c.close()));
    },
  };
}
