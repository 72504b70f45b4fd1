// Headless Chromium for the browser suites: Debian's binary, flags for a closed network, and a throwaway HOME.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** In CI the browser is installed by .ci/run, so a missing one is a failure there, not a reason to skip. */
export const skipBrowser = !fs.existsSync(CHROMIUM) && process.env.CI !== 'true';
if (skipBrowser) console.warn(`browser tests skipped: ${CHROMIUM} not found (install it with: apt-get install chromium)`);

export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  // Chromium keeps crash-report settings under $HOME/.config; a throwaway home keeps the user's untouched.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-chromium-home-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') },
  });
  return {
    browser,
    async close() {
      await browser.close();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
