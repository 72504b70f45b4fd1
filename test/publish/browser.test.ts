// The built site in a real browser from file://: search, navigation, the phone layout, no-JavaScript reading.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, skipBrowser } from '../browser.js';
import { build, example } from './helpers.js';


describe.skipIf(skipBrowser)('the built site in Chromium', () => {
  let browser: Browser;
  let chromiumSession: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let site: string;
  const problems: string[] = [];

  const url = (file: string) => `${pathToFileURL(path.join(site, file)).href}`;
  /**
   * The file's page (with or without JavaScript) at this width; every test loads into it, since a new page starts a
   * renderer afresh, which costs more than most of these checks.
   */
  const pages = new Map<boolean, Promise<Page>>();
  async function open(width: number, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const js = options.javaScriptEnabled ?? true;
    let made = pages.get(js);
    if (!made) {
      pages.set(js, (made = (async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: js });
        const page = await context.newPage();
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') problems.push(`${page.url()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
        page.on('request', (r) => {
          if (!r.url().startsWith('file:')) problems.push(`network request: ${r.url()}`);
        });
        return page;
      })()));
    }
    const page = await made;
    await page.setViewportSize({ width, height: 900 });
    return page;
  }

  beforeAll(async () => {
    // The pages of a full build (they link the CSV downloads); the workbook, which no page links, is left out.
    const r = await build(example, ['--date', '2024-05-01', '--formats', 'html,csv']);
    expect(r.code).toBe(0);
    site = r.dir;
    chromiumSession = await launchChromium();
    browser = chromiumSession.browser;
  });

  afterAll(async () => {
    await chromiumSession?.close();
  });

  it('finds an item by a Chinese word from the header search and opens its row', async () => {
    const page = await open(1366);
    await page.goto(url('index.html'));
    await page.getByLabel('搜索事项').fill('预算');
    await page.getByLabel('搜索事项').press('Enter');
    await page.waitForURL(/search\.html\?q=/);
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/^找到 \d+ 个与“预算”相关的事项/);
    const first = page.locator('#search-results li a').first();
    expect(await first.textContent()).toBe('政府预算');
    expect(await page.locator('#search-results mark').first().textContent()).toBe('预算');
    await first.click();
    await page.waitForURL(/fiscal-budget\.html#item-fiscal-budget-01$/);
    expect(await page.locator('tr:target .item-name').textContent()).toBe('政府预算');
    expect(problems).toEqual([]);
  });

  it('matches a query that no item contains whole through shared two-character pieces, and types-ahead', async () => {
    const page = await open(1024);
    await page.goto(url('search.html'));
    await page.locator('#q').fill('低保审批');
    await expect.poll(() => page.locator('#search-results li a').allTextContents()).toContain('审批信息');
    await page.locator('#q').fill('没有这个词语');
    await expect.poll(() => page.locator('#search-status').textContent()).toBe('没有找到与“没有这个词语”相关的事项。');
    expect(await page.locator('#search-results li').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('searches the whole 公开内容 and shows the words around a hit far into it', async () => {
    const page = await open(1024);
    await page.goto(`${url('search.html')}?q=${encodeURIComponent('抢栽')}`);
    // 抢栽 is the 95th character of this item's content: an index of the first 80 would miss it.
    await expect.poll(() => page.locator('#search-results li a').allTextContents()).toEqual(['拟征收土地告知']);
    const excerpt = page.locator('#search-results .result-excerpt');
    expect(await excerpt.locator('mark').textContent()).toBe('抢栽');
    const text = (await excerpt.textContent())!;
    expect(text.startsWith('…')).toBe(true);
    expect([...text].length).toBeLessThanOrEqual(82);
    expect(problems).toEqual([]);
  });

  it('takes 低保 for 最低生活保障, as residents write it', async () => {
    const page = await open(1024);
    await page.goto(`${url('search.html')}?q=${encodeURIComponent('低保')}`);
    await expect.poll(() => page.locator('#search-results li a').allTextContents()).toEqual(['政策法规文件', '办事指南', '审核信息', '审批信息']);
    expect(await page.locator('#search-results mark').allTextContents()).toContain('最低生活保障');
    expect(problems).toEqual([]);
  });

  it('follows a domain link from the index to the domain’s table', async () => {
    const page = await open(1366);
    await page.goto(url('index.html'));
    await page.getByRole('navigation', { name: '按领域浏览' }).getByRole('link', { name: '社会救助' }).click();
    await page.waitForURL(/social-assistance\.html$/);
    expect(await page.locator('h1').textContent()).toBe('社会救助');
    expect(await page.locator('table.catalog thead tr').count()).toBe(2);
    expect(await page.locator('table.catalog tbody tr').count()).toBeGreaterThan(3);
    expect(await page.locator('table.catalog thead').evaluate((e) => getComputedStyle(e).display)).toBe('table-header-group');
    // The √ columns' headers (全社会, 依申请, …) keep their words whole.
    const marks = await page.$$eval('table.catalog thead th.mark', (ths) => ths.map((th) => ({ text: th.textContent, h: th.getBoundingClientRect().height, line: parseFloat(getComputedStyle(th).lineHeight) })));
    expect(marks.length).toBeGreaterThan(4);
    for (const m of marks) expect(m.h, m.text!).toBeLessThan(m.line * 2);
    // The header lines up with the full-width table instead of a narrower centred column.
    const left = async (selector: string) => page.locator(selector).evaluate((e) => Math.round(e.getBoundingClientRect().left + parseFloat(getComputedStyle(e).paddingLeft)));
    expect(await left('.site-header .wrap')).toBe(await left('main'));
    expect(problems).toEqual([]);
  });

  it('shows cards without horizontal scrolling on a 375px phone', async () => {
    const page = await open(375);
    for (const file of ['index.html', 'social-assistance.html', 'search.html', 'publics.html']) {
      await page.goto(url(file));
      expect(await page.evaluate(() => document.documentElement.scrollWidth), file).toBeLessThanOrEqual(375);
    }
    await page.goto(url('social-assistance.html'));
    const row = page.locator('table.catalog tbody tr').first();
    expect(await row.evaluate((e) => getComputedStyle(e).display)).toBe('block');
    expect(await page.locator('table.catalog thead').isVisible()).toBe(false);
    expect(await row.locator('.card-cat').isVisible()).toBe(true);
    expect(await row.locator('td.content').evaluate((e) => getComputedStyle(e, '::before').content)).toBe('"公开内容（要素）"');
    const box = await row.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(375);
    await page.goto(url('index.html'));
    // Column headers such as 事项 stay on one line rather than one character per line.
    const heads = await page.$$eval('table.summary thead th', (ths) => ths.map((th) => ({ text: th.textContent, h: th.getBoundingClientRect().height, line: parseFloat(getComputedStyle(th).lineHeight) })));
    expect(heads.length).toBeGreaterThan(1);
    for (const h of heads) expect(h.h, h.text!).toBeLessThan(h.line * 2);
    expect(problems).toEqual([]);
  });

  it('reads without JavaScript, and says how to browse when search cannot run', async () => {
    const page = await open(1024, { javaScriptEnabled: false });
    await page.goto(url('social-assistance.html'));
    expect(await page.locator('table.catalog tbody tr').count()).toBeGreaterThan(3);
    await page.goto(`${url('search.html')}?q=${encodeURIComponent('预算')}`);
    const notice = page.locator('main p.notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('搜索需要浏览器启用 JavaScript');
    expect(await page.locator('#search-results li').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows keyboard focus and lets the skip link reach the main content', async () => {
    const page = await open(1024);
    await page.goto(url('index.html'));
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip-link');
    expect(await skip.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    expect(problems).toEqual([]);
  });
});
