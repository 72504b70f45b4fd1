// A city of 100 governments on screen in Chromium (issue 11's "done when"): its landing page, search, a county's and a
// village's domain pages and the report dashboard at 1366, 1024 and 375 px, and the landing page's title
// (screen-suite.ts); search history and every result reached, the heatmap's sticky header and column, links up and
// down between sites, and four page kinds printed.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { skipPoppler } from '../office.js';
import { printer, printProblems } from './print.js';
import { screenSuite, type PageKind } from './screen-suite.js';

screenSuite('city100', (s) => {
  it('keeps the search query in the address and history, and reaches every result on the 100-government landing page', async () => {
    const p: Omit<PageKind, 'fixture'> = { kind: 'search', file: 'search.html' };
    const page = await s.open(p, 375);
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
    // The governments' indexes load one after another: wait for the count, not for the first words of the status.
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(/^找到 \d+ 个/);
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
    expect(s.problems).toEqual([]);
  }, 180_000);

  it('keeps the dashboard heatmap’s first column and header in view while its box scrolls (100 governments)', async () => {
    for (const width of [1366, 375]) {
      const page = await s.open({ kind: 'report dashboard', file: 'report' }, width);
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
    }
  });

  it('links a site up to its parent and the landing page, and down to its children (100 governments)', async () => {
    const page = await s.open({ kind: 'village site index', file: 'county-001/town-001/village-001/index.html' }, 1024);
    const up = page.getByRole('navigation', { name: '上级和全部政府' });
    await up.locator('li', { hasText: '上级：' }).getByRole('link').click();
    await page.waitForURL(/county-001\/town-001\/index\.html$/);
    const children = page.getByRole('navigation', { name: '下级政府' }).getByRole('link');
    expect(await children.count()).toBeGreaterThan(0);
    expect(await children.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')))).toContain('village-001/index.html');
    await page.getByRole('navigation', { name: '上级和全部政府' }).getByRole('link', { name: '示例市全部政府' }).click();
    await page.waitForURL((u) => u.pathname.endsWith('/city100-site/index.html'));
    expect(await page.title()).toBe('示例市基层政务公开标准目录');
    expect(s.problems).toEqual([]);
  });

  it.skipIf(skipPoppler)('prints the 100-government build: landing page, search, a county’s index and a village’s domain page', async () => {
    const found: string[] = [];
    const pdfs = fs.mkdtempSync(path.join(s.root, 'pdf-'));
    const print = printer(s.browser);
    for (const [file, query] of [['index.html'], ['search.html', '征地'], ['county-001/index.html'], ['county-001/town-001/village-001/urban-rural-planning.html']] as Array<[string, string?]>) {
      const printed = await print(path.join(s.built.site, file), path.join(pdfs, `${file.replace(/[/.]/g, '_')}.pdf`), query);
      found.push(...printProblems(`city100 ${file}`, printed));
    }
    expect(found.join('\n')).toBe('');
  }, 180_000);
});
