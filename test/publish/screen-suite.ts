// The on-screen Chromium suite of issue 11's "done when", shared by its three files (screen-example, screen-workspace
// and screen-city.browser.test.ts), one per build, so that vitest's two workers share it: every page kind of the
// build, at 1366, 1024 and 375 px, with axe-core finding nothing, no number broken over two lines, on a phone nothing
// but a table's own box scrolling sideways, and the skip link and the focus ring working from the keyboard. Each file
// builds its fixture once and starts one Chromium for all its tests.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, skipBrowser } from '../browser.js';
import { repoRoot } from '../helpers.js';
import { axeViolations, buildFixture, focusRing, overflowing, screenRoot, wrappedNumbers, type Built, type Fixture } from './screen.js';

export interface PageKind {
  kind: string;
  fixture: Fixture;
  /** relative to the site, or 'report' for the dashboard */
  file: string;
  query?: string;
  /** the maintainers' page: checked with axe-core and for sideways scrolling; its URLs may break anywhere */
  internal?: boolean;
}

/** Each page kind on each build it exists in (a single government's build has no landing page or dashboard). */
export const PAGES: PageKind[] = [
  { kind: 'site index', fixture: 'example', file: 'index.html' },
  { kind: 'domain page', fixture: 'example', file: 'health-care.html' },
  { kind: '五公开 page', fixture: 'example', file: 'publics.html' },
  { kind: 'search page', fixture: 'example', file: 'search.html', query: '预算' },
  { kind: 'maintainers’ page', fixture: 'example', file: 'provenance.html', internal: true },
  { kind: 'workspace landing page', fixture: 'workspace', file: 'index.html' },
  { kind: 'workspace search page', fixture: 'workspace', file: 'search.html', query: '低保' },
  { kind: 'township domain page', fixture: 'workspace', file: 'shiyan/chengguan/social-assistance.html' },
  { kind: 'village site index', fixture: 'workspace', file: 'shiyan/chengguan/dongjie/index.html' },
  { kind: 'report dashboard', fixture: 'workspace', file: 'report' },
  { kind: 'workspace landing page', fixture: 'city100', file: 'index.html' },
  { kind: 'workspace search page', fixture: 'city100', file: 'search.html', query: '征地' },
  { kind: 'county domain page', fixture: 'city100', file: 'county-001/land-expropriation.html' },
  { kind: 'village domain page', fixture: 'city100', file: 'county-001/town-001/village-001/urban-rural-planning.html' },
  { kind: 'report dashboard', fixture: 'city100', file: 'report' },
];
/** The builds, each walked by its own file (the file's name ends in the build's). */
export const SCREEN_FILES: Record<Fixture, string> = {
  example: 'test/publish/screen-example.browser.test.ts',
  workspace: 'test/publish/screen-workspace.browser.test.ts',
  city100: 'test/publish/screen-city.browser.test.ts',
};
export const WIDTHS = [1366, 1024, 375];
/** The width at which the walk also checks the skip link and the focus ring from the keyboard. */
export const KEYBOARD_WIDTH = 375;
export const label = (p: PageKind) => `${p.fixture} ${p.kind} (${p.file})`;

export interface ScreenSuite {
  readonly browser: Browser;
  readonly built: Built;
  readonly root: string;
  /** Console errors, page errors and network requests seen since the test began. */
  readonly problems: string[];
  fileOf(p: { file: string }): string;
  /**
   * The suite's one page, at this width, with this page kind loaded (axe-core may be injected: the CSP is bypassed).
   * Every test loads into the same page: a new one would start a renderer afresh, which costs more than most checks.
   */
  open(p: Omit<PageKind, 'fixture'>, width: number): Promise<Page>;
}

/**
 * The suite of one build: the walk over its page kinds (one test per page kind, checked at every width), a workspace's
 * landing page title, then the file's own tests, given the shared browser, build and `open`.
 */
export function screenSuite(fixture: Fixture, tests: (s: ScreenSuite) => void): void {
  describe.skipIf(skipBrowser)(`every page kind of the ${fixture} build on screen in Chromium`, () => {
    let session: Awaited<ReturnType<typeof launchChromium>> | undefined;
    let root: string | undefined;
    let built: Built | undefined;
    const problems: string[] = [];

    function fileOf(p: { file: string }): string {
      return p.file === 'report' ? built!.report! : path.join(built!.site, p.file);
    }

    function watch(page: Page): void {
      page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`);
      });
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) problems.push(`network request: ${r.url()}`);
      });
    }

    async function goto(page: Page, p: Omit<PageKind, 'fixture'>): Promise<void> {
      await page.goto(`${pathToFileURL(fileOf(p)).href}${p.query !== undefined ? `?q=${encodeURIComponent(p.query)}` : ''}`);
      if (p.query !== undefined) await page.locator('#search-results li').first().waitFor();
    }

    const suite: ScreenSuite = {
      get browser() {
        return session!.browser;
      },
      get built() {
        return built!;
      },
      get root() {
        return root!;
      },
      problems,
      fileOf,
      async open(p, width) {
        await walker.setViewportSize({ width, height: 800 });
        await goto(walker, p);
        return walker;
      },
    };

    /** The one page the walk and the tests load each page kind into, one after the other. */
    let walker: Page;

    beforeAll(async () => {
      root = screenRoot();
      [built, session] = await Promise.all([buildFixture(fixture, root), launchChromium()]);
      for (const p of PAGES.filter((x) => x.fixture === fixture)) expect(fs.existsSync(fileOf(p)), label(p)).toBe(true);
      const context = await session.browser.newContext({ viewport: { width: WIDTHS[0]!, height: 800 }, bypassCSP: true });
      context.setDefaultTimeout(30_000);
      walker = await context.newPage();
      watch(walker);
    }, 300_000);

    beforeEach(() => {
      problems.length = 0;
    });

    afterAll(async () => {
      await session?.close();
      if (root) fs.rmSync(root, { recursive: true, force: true });
    });

    /**
     * At a phone's width, from the keyboard: the first Tab stop is the skip link, on screen, with a ring of at least 3:1;
     * Enter moves focus to <main id="main">; the next Tab stop inside it has a ring of at least 3:1 and 2 px. Run on the
     * page the width's other checks used (they neither move focus nor scroll; the walk goes back to the top first).
     */
    async function keyboardProblems(p: PageKind, page: Page): Promise<string[]> {
      const found: string[] = [];
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const a = document.activeElement as HTMLAnchorElement | null;
        const r = a?.getBoundingClientRect();
        return { cls: a?.className, href: a?.getAttribute('href'), text: a?.textContent, onScreen: !!r && r.top >= 0 && r.bottom <= innerHeight && r.width > 0 };
      });
      if (skip.cls !== 'skip-link' || skip.href !== '#main' || !skip.onScreen) found.push(`${label(p)}: first Tab stop is ${JSON.stringify(skip)}`);
      const ring = await focusRing(page);
      if (ring.contrast < 3) found.push(`${label(p)}: focus ring on the skip link ${JSON.stringify(ring)}`);
      await page.keyboard.press('Enter');
      if (!(await page.evaluate(() => document.activeElement?.id === 'main' && document.activeElement.tagName === 'MAIN'))) found.push(`${label(p)}: the skip link does not move focus to <main id="main">`);
      // The next stop after main: a link or control inside it, with a ring of at least 3:1 against the page.
      await page.keyboard.press('Tab');
      const next = await focusRing(page);
      if (next.contrast < 3 || next.width < 2) found.push(`${label(p)}: focus ring after the skip link ${JSON.stringify(next)}`);
      return found;
    }

    /** What is wrong with the page at the width it now has. */
    async function widthProblems(p: PageKind, page: Page, width: number): Promise<string[]> {
      const found: string[] = [];
      const at = `${label(p)} at ${width} px`;
      for (const v of await axeViolations(page)) found.push(`${at}: axe ${v}`);
      if (!p.internal) for (const v of await wrappedNumbers(page)) found.push(`${at}: wrapped ${v}`);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) found.push(`${at}: the page is ${scrollWidth} px wide`);
      for (const v of await overflowing(page)) found.push(`${at}: sticks out ${v}`);
      // Public pages link nowhere outside the site, name no item by a placeholder, and show no coverage (no
      // fixture's gk.yaml asks for it); the dashboard is the report, where coverage belongs.
      const seen = await page.evaluate(() => ({
        external: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href).filter((h) => !h.startsWith('file:')),
        placeholders: [...document.querySelectorAll('a')].map((a) => a.textContent!.trim()).filter((t) => /^[\s\-‐‑‒–—―─━－_/／\\|｜·•….。无]*$/u.test(t)),
        coverage: document.body.innerText.includes('覆盖率'),
      }));
      for (const h of seen.external) found.push(`${at}: links out to ${h}`);
      for (const t of seen.placeholders) found.push(`${at}: a link named “${t}”`);
      if (seen.coverage && p.file !== 'report' && !p.internal) found.push(`${at}: shows coverage`);
      if (width === KEYBOARD_WIDTH) found.push(...(await keyboardProblems(p, page)));
      return found;
    }

    it.each(PAGES.filter((p) => p.fixture === fixture).map((p) => [label(p), p] as const))(
      '%s at 1366, 1024 and 375 px: no axe-core violation, no number broken over two lines, nothing but a table box scrolling sideways; the skip link and the focus ring work from the keyboard',
      async (_, p) => {
        const found: string[] = [];
        // One load at the first width, then resized to each: the same as loading the page at each width, because
        // what a width changes is CSS's media queries, which the browser applies again on resize, and no script of the
        // site reads the window's size (screen-suite.test.ts fails if one starts to). axe-core is injected once per
        // page. Loading and injecting three times over was two thirds of the suite's time.
        await suite.open(p, WIDTHS[0]!);
        for (const width of WIDTHS) {
          await walker.setViewportSize({ width, height: 800 });
          expect(await walker.evaluate(() => innerWidth), `${label(p)}: resized`).toBe(width);
          found.push(...(await widthProblems(p, walker, width)));
        }
        expect(found.join('\n')).toBe('');
        expect(problems).toEqual([]);
      },
      120_000,
    );

    if (fixture !== 'example') {
      it('titles the workspace landing page with the city’s name', async () => {
        const page = await suite.open({ kind: 'landing', file: 'index.html' }, 1366);
        expect(await page.title()).toBe('示例市基层政务公开标准目录');
        expect(await page.locator('h1').textContent()).toMatch(/^示例市/);
      });
    }

    tests(suite);
  });
}

/** The site's scripts (the .js files, and what .hbs templates hold between <script> tags): the walk relies on their reading no window size. */
export function siteScripts(): Array<{ file: string; text: string }> {
  const dir = path.join(repoRoot, 'templates', 'site');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.hbs'))
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }))
    .map(({ file, text }) => ({ file, text: file.endsWith('.js') ? text : [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n') }));
}
