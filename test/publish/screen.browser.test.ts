// Every page kind on screen, in Chromium, on the three builds of issue 11's "done when": the bundled example, a
// workspace (county, township, village) and a city of 100 governments. axe-core finds nothing at 1366, 1024 and
// 375 px; no number breaks over two lines; on a phone nothing but a table's own box scrolls sideways; the skip link
// and the focus ring work from the keyboard; the 一级事项 label stays readable; search keeps its query in the
// address and history and reaches every result. One browser and one build per fixture for the whole file.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, skipBrowser } from '../browser.js';
import { skipPoppler } from '../office.js';
import { printPage, printProblems } from './print.js';
import { axeViolations, buildFixtures, focusRing, overflowing, wrappedNumbers, type Built, type Fixture } from './screen.js';

interface PageKind {
  kind: string;
  fixture: Fixture;
  /** relative to the site, or 'report' for the dashboard */
  file: string;
  query?: string;
  /** the maintainers' page: checked with axe-core and for sideways scrolling; its URLs may break anywhere */
  internal?: boolean;
}

/** Each page kind on each build it exists in (a single government's build has no landing page or dashboard). */
const PAGES: PageKind[] = [
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
const FIXTURES: Fixture[] = ['example', 'workspace', 'city100'];
const WIDTHS = [1366, 1024, 375];
/** The width at which the walk also checks the skip link and the focus ring from the keyboard. */
const KEYBOARD_WIDTH = 375;
const label = (p: PageKind) => `${p.fixture} ${p.kind} (${p.file})`;

describe.skipIf(skipBrowser)('every page kind on screen in Chromium', () => {
  let browser: Browser;
  let session: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let root: string | undefined;
  let builds: Record<Fixture, Built>;
  const problems: string[] = [];

  function fileOf(p: { fixture: Fixture; file: string }): string {
    const b = builds[p.fixture];
    return p.file === 'report' ? b.report! : path.join(b.site, p.file);
  }

  function urlOf(p: PageKind): string {
    return `${pathToFileURL(fileOf(p)).href}${p.query !== undefined ? `?q=${encodeURIComponent(p.query)}` : ''}`;
  }

  /** A page at this width; axe-core is injected by the test, so the pages' own CSP is bypassed for the test alone. */
  async function open(p: PageKind, width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true });
    // A step that cannot happen fails with its own message instead of running into the test's timeout.
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) problems.push(`network request: ${r.url()}`);
    });
    await page.goto(urlOf(p));
    if (p.query !== undefined) await page.locator('#search-results li').first().waitFor();
    return page;
  }

  beforeAll(async () => {
    const fixtures = await buildFixtures();
    root = fixtures.root;
    builds = fixtures.builds;
    for (const p of PAGES) expect(fs.existsSync(fileOf(p)), label(p)).toBe(true);
    session = await launchChromium();
    browser = session.browser;
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
   * page the width's other checks used (they neither move focus nor scroll), so each page opens once per width.
   */
  async function keyboardProblems(p: PageKind, page: Page): Promise<string[]> {
    const found: string[] = [];
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

  describe.each(FIXTURES)('the %s build', (fixture) => {
    it.each(WIDTHS.map((w): [number, string] => [w, w === KEYBOARD_WIDTH ? '; the skip link and the focus ring work from the keyboard' : '']))('at %i px: no axe-core violation, no number broken over two lines, nothing but a table box scrolling sideways%s', async (width) => {
      const found: string[] = [];
      for (const p of PAGES.filter((x) => x.fixture === fixture)) {
        const page = await open(p, width);
        for (const v of await axeViolations(page)) found.push(`${label(p)}: axe ${v}`);
        if (!p.internal) for (const v of await wrappedNumbers(page)) found.push(`${label(p)}: wrapped ${v}`);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width) found.push(`${label(p)}: the page is ${scrollWidth} px wide`);
        for (const v of await overflowing(page)) found.push(`${label(p)}: sticks out ${v}`);
        // Public pages link nowhere outside the site, name no item by a placeholder, and show no coverage (no
        // fixture's gk.yaml asks for it); the dashboard is the report, where coverage belongs.
        const seen = await page.evaluate(() => ({
          external: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href).filter((h) => !h.startsWith('file:')),
          placeholders: [...document.querySelectorAll('a')].map((a) => a.textContent!.trim()).filter((t) => /^[\s\-‐‑‒–—―─━－_/／\\|｜·•….。无]*$/u.test(t)),
          coverage: document.body.innerText.includes('覆盖率'),
        }));
        for (const h of seen.external) found.push(`${label(p)}: links out to ${h}`);
        for (const t of seen.placeholders) found.push(`${label(p)}: a link named “${t}”`);
        if (seen.coverage && p.file !== 'report' && !p.internal) found.push(`${label(p)}: shows coverage`);
        if (width === KEYBOARD_WIDTH) found.push(...(await keyboardProblems(p, page)));
        await page.context().close();
      }
      expect(found.join('\n')).toBe('');
      expect(problems).toEqual([]);
    }, 300_000);
  });

  it('checks the keyboard on every page kind, at a width the walk above covers', () => {
    expect(WIDTHS).toContain(KEYBOARD_WIDTH);
    expect(new Set(PAGES.map((p) => p.fixture))).toEqual(new Set(FIXTURES));
  });

  it('titles the workspace landing page with the city’s name', async () => {
    for (const fixture of ['workspace', 'city100'] as const) {
      const page = await open({ kind: 'landing', fixture, file: 'index.html' }, 1366);
      expect(await page.title(), fixture).toBe('示例市基层政务公开标准目录');
      expect(await page.locator('h1').textContent(), fixture).toMatch(/^示例市/);
      await page.context().close();
    }
  });

  it('keeps the 一级事项 label readable: in view at the top of a tall merged group at 1366 px, on every card at 375 px', async () => {
    const p: PageKind = { kind: 'domain page', fixture: 'example', file: 'health-care.html' };
    const page = await open(p, 1366);
    const cell = page.locator('td.cat[rowspan="9"]');
    expect(await cell.locator('.cat-label').textContent()).toBe('行政许可类事项');
    // Scroll until the group's first row is above the window but its last row is still in it.
    const seen = await cell.evaluate((td) => {
      const rows = [...document.querySelectorAll('table.catalog tbody tr')];
      const first = rows.indexOf(td.parentElement as HTMLTableRowElement);
      const last = rows[first + Number(td.getAttribute('rowspan')) - 1]!;
      window.scrollTo(0, window.scrollY + last.getBoundingClientRect().top - innerHeight / 2);
      const thead = document.querySelector('table.catalog thead')!.getBoundingClientRect();
      const labelBox = td.querySelector('.cat-label')!.getBoundingClientRect();
      return { firstTop: rows[first]!.getBoundingClientRect().top, theadBottom: thead.bottom, label: { top: labelBox.top, bottom: labelBox.bottom }, height: innerHeight };
    });
    expect(seen.firstTop).toBeLessThan(0);
    expect(seen.theadBottom).toBeGreaterThan(0);
    expect(seen.label.top).toBeGreaterThanOrEqual(seen.theadBottom - 1);
    expect(seen.label.bottom).toBeLessThanOrEqual(seen.height);
    await page.context().close();
    const phone = await open(p, 375);
    const cards = await phone.$$eval('table.catalog tbody tr', (rows) =>
      rows.map((tr) => {
        const c = tr.querySelector('.card-cat') as HTMLElement;
        const r = c.getBoundingClientRect();
        return { text: `${getComputedStyle(c, '::before').content}${c.innerText}`, width: r.width, visible: getComputedStyle(c).display !== 'none' };
      }),
    );
    expect(cards).toHaveLength(14);
    for (const c of cards) {
      expect(c.visible).toBe(true);
      expect(c.text).toMatch(/^"一级事项："\S/);
      expect(c.width).toBeGreaterThan(100);
    }
    await phone.context().close();
  });

  it('keeps the search query in the address and history, and reaches every result on the 100-government landing page', async () => {
    const p: PageKind = { kind: 'search', fixture: 'city100', file: 'search.html' };
    const page = await open(p, 375);
    const box = page.locator('#q');
    // Typing alone puts the query in the address (replaced, not a new history entry).
    await box.fill('办事指南');
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 15_000 }).toBe('办事指南');
    await box.press('Enter');
    // Typed slowly enough for the address to follow before Enter: still a new history entry, not the last one overwritten.
    await box.fill('征地');
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 15_000 }).toBe('征地');
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 15_000 }).toBe('征地');
    const status = (await page.locator('#search-status').textContent())!;
    const total = Number(/^找到 (\d+) 个/.exec(status)?.[1]);
    expect(total).toBeGreaterThan(100);
    // 显示更多结果 until there is no more: every result is listed once.
    const more = page.locator('#search-more');
    while (await more.isVisible()) await more.click();
    const hrefs = await page.$$eval('#search-results li a', (links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toHaveLength(total);
    expect(new Set(hrefs).size).toBe(total);
    // The last result opens its row in its government's site.
    await page.locator('#search-results li a').last().click();
    await page.waitForURL(/#item-/);
    expect(await page.locator('tr:target').count()).toBe(1);
    // Back returns to the search with its query, and Back again to the one before.
    await page.goBack();
    await expect.poll(() => box.inputValue(), { timeout: 15_000 }).toBe('征地');
    await page.goBack();
    await expect.poll(() => box.inputValue(), { timeout: 15_000 }).toBe('办事指南');
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(/^找到 \d+ 个与“办事指南”相关的事项/);
    await page.context().close();
    expect(problems).toEqual([]);
  }, 180_000);

  it('keeps the dashboard heatmap’s first column and header in view while its box scrolls (100 governments)', async () => {
    for (const width of [1366, 375]) {
      const page = await open({ kind: 'report dashboard', fixture: 'city100', file: 'report' }, width);
      const seen = await page.$eval('#t-heatmap', (table) => {
        const box = table.closest('.scroll')!;
        box.scrollTop = box.scrollHeight;
        box.scrollLeft = box.scrollWidth;
        const b = box.getBoundingClientRect();
        const heads = [...table.querySelectorAll('thead th')];
        const rows = [...table.querySelectorAll('tbody tr')];
        return {
          down: box.scrollTop,
          right: box.scrollLeft,
          rows: rows.length,
          boxTop: b.top + box.clientTop,
          boxLeft: b.left + box.clientLeft,
          headTop: heads[heads.length - 1]!.getBoundingClientRect().top,
          rowHeadLeft: rows[rows.length - 1]!.querySelector('th')!.getBoundingClientRect().left,
        };
      });
      // 5 counties and 57 townships: the box scrolls down, and at 375 px sideways too.
      expect(seen.rows, `${width}`).toBe(62);
      expect(seen.down, `${width}`).toBeGreaterThan(0);
      if (width === 375) expect(seen.right).toBeGreaterThan(0);
      expect(Math.abs(seen.headTop - seen.boxTop), `${width}: header row stays at the top of its box`).toBeLessThan(2);
      expect(Math.abs(seen.rowHeadLeft - seen.boxLeft), `${width}: first column stays at the left of its box`).toBeLessThan(2);
      await page.context().close();
    }
  });

  it('links a site up to its parent and the landing page, and down to its children (100 governments)', async () => {
    const page = await open({ kind: 'village site index', fixture: 'city100', file: 'county-001/town-001/village-001/index.html' }, 1024);
    const up = page.getByRole('navigation', { name: '上级和全部政府' });
    await up.locator('li', { hasText: '上级：' }).getByRole('link').click();
    await page.waitForURL(/county-001\/town-001\/index\.html$/);
    const children = page.getByRole('navigation', { name: '下级政府' }).getByRole('link');
    expect(await children.count()).toBeGreaterThan(0);
    expect(await children.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')))).toContain('village-001/index.html');
    await page.getByRole('navigation', { name: '上级和全部政府' }).getByRole('link', { name: '示例市全部政府' }).click();
    await page.waitForURL((u) => u.pathname.endsWith('/city100-site/index.html'));
    expect(await page.title()).toBe('示例市基层政务公开标准目录');
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('matches several words together on the example', async () => {
    const page = await open({ kind: 'search', fixture: 'example', file: 'search.html' }, 1024);
    const count = async (q: string) => {
      await page.locator('#q').fill(q);
      await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).toContain(`“`);
      const text = (await page.locator('#search-status').textContent())!;
      return { text, n: /^找到 (\d+) 个/.test(text) ? Number(/^找到 (\d+) 个/.exec(text)![1]) : 0 };
    };
    const one = await count('救助');
    const both = await count('救助 审批');
    expect(both.text).toMatch(/^找到 \d+ 个与“救助 审批”相关的事项/);
    expect(both.n).toBeGreaterThan(0);
    expect(both.n).toBeLessThan(one.n);
    await page.context().close();
  });

  it('names an item whose 二级事项 is a dash by its 一级事项, in search results and on the 五公开 page (the workspace’s village)', async () => {
    const search = await open({ kind: 'search', fixture: 'workspace', file: 'search.html', query: '低保' }, 1024);
    const result = search.locator('#search-results a[href$="#item-dongjie-02"]');
    expect(await result.textContent()).toBe('最低生活保障');
    await search.context().close();
    const publics = await open({ kind: '五公开 page', fixture: 'workspace', file: 'shiyan/chengguan/dongjie/publics.html' }, 1024);
    expect(await publics.locator('a[href$="#item-dongjie-02"]').textContent()).toBe('最低生活保障');
    await publics.context().close();
    expect(problems).toEqual([]);
  });

  it('lists only the ticked channels on screen, with the official ■/□ list one click away', async () => {
    const page = await open({ kind: 'domain page', fixture: 'example', file: 'social-assistance.html' }, 1366);
    const cell = page.locator('table.catalog tbody tr').first().locator('td.channels');
    const ticked = await cell.locator('.ticked li').count();
    const boxes = cell.locator('.boxes li');
    expect(ticked).toBeGreaterThan(0);
    expect(await boxes.first().isVisible()).toBe(false);
    // The row is as tall as its ticked channels need, not one line for each of the 13 channels.
    const lines = await cell.evaluate((td) => td.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight));
    expect(lines).toBeLessThan(13);
    await cell.locator('summary').click();
    expect(await boxes.count()).toBeGreaterThanOrEqual(13);
    expect(await boxes.first().isVisible()).toBe(true);
    expect(await cell.locator('.boxes li.on').count()).toBe(ticked);
    // The stylesheet draws the boxes and says （未选）: in Chromium's own accessibility tree a screen reader hears each
    // channel's name, （未选） after an unticked one, and no box characters.
    const cdp = await page.context().newCDPSession(page);
    const list = await cdp.send('Runtime.evaluate', { expression: `document.querySelector('table.catalog tbody tr td.channels .boxes')` });
    const { nodes } = await cdp.send('Accessibility.queryAXTree', { objectId: list.result.objectId!, role: 'StaticText' });
    const heard = nodes.map((n) => String(n.name?.value ?? '')).join('');
    const expected = await boxes.evaluateAll((lis) => lis.map((li) => `${li.textContent}${li.classList.contains('on') ? '' : '（未选）'}`).join(''));
    expect(expected).toContain('（未选）');
    expect(heard).toBe(expected);
    await cdp.detach();
    await page.context().close();
  });

  it('keeps the header row of a domain table in view at 1024 px, where the table scrolls in a box of its own', async () => {
    const page = await open({ kind: 'domain page', fixture: 'example', file: 'health-care.html' }, 1024);
    const seen = await page.$eval('table.catalog', (table) => {
      const box = table.closest('.table-wrap')!;
      box.scrollIntoView();
      box.scrollTop = box.scrollHeight / 2;
      const b = box.getBoundingClientRect();
      const label = table.querySelector('td.cat[rowspan="9"] .cat-label')!.getBoundingClientRect();
      return { down: box.scrollTop, boxTop: b.top + box.clientTop, headTop: table.querySelector('thead')!.getBoundingClientRect().top, headBottom: table.querySelector('thead')!.getBoundingClientRect().bottom, label: label.top, boxBottom: b.bottom };
    });
    expect(seen.down).toBeGreaterThan(0);
    expect(Math.abs(seen.headTop - seen.boxTop)).toBeLessThan(2);
    // the nine-row 行政许可类事项 group's label, scrolled past its first row, sits under the header
    expect(seen.label).toBeGreaterThanOrEqual(seen.headBottom - 1);
    expect(seen.label).toBeLessThan(seen.boxBottom);
    await page.context().close();
  });

  it.skipIf(skipPoppler)('prints the 100-government build: landing page, search, a county’s index and a village’s domain page', async () => {
    const found: string[] = [];
    const pdfs = fs.mkdtempSync(path.join(root!, 'pdf-'));
    for (const [file, query] of [['index.html'], ['search.html', '征地'], ['county-001/index.html'], ['county-001/town-001/village-001/urban-rural-planning.html']] as Array<[string, string?]>) {
      const printed = await printPage(browser, path.join(builds.city100.site, file), path.join(pdfs, `${file.replace(/[/.]/g, '_')}.pdf`), query);
      found.push(...printProblems(`city100 ${file}`, printed));
    }
    expect(found.join('\n')).toBe('');
  }, 180_000);
});
