// A workspace's pages on screen in Chromium (issue 11's "done when"): its landing page, search, a township's domain
// page, a village's index and the report dashboard at 1366, 1024 and 375 px, and the landing page's title
// (screen-suite.ts); an item whose 二级事项 is a dash named by its 一级事项.
import { expect, it } from 'vitest';
import { screenSuite } from './screen-suite.js';

screenSuite('workspace', (s) => {
  it('names an item whose 二级事项 is a dash by its 一级事项, in search results and on the 五公开 page (the workspace’s village)', async () => {
    const search = await s.open({ kind: 'search', file: 'search.html', query: '低保' }, 1024);
    const result = search.locator('#search-results a[href$="#item-dongjie-02"]');
    expect(await result.textContent()).toBe('最低生活保障');
    // The search across governments names the government of each result (search.js adds it from the index's source).
    const item = search.locator('#search-results li', { has: search.locator('a[href$="#item-dongjie-02"]') });
    await expect.poll(() => item.locator('.result-meta').textContent()).toMatch(/^示例县城关镇东街社区 · /);
    const publics = await s.open({ kind: '五公开 page', file: 'shiyan/chengguan/dongjie/publics.html' }, 1024);
    expect(await publics.locator('a[href$="#item-dongjie-02"]').textContent()).toBe('最低生活保障');
    expect(s.problems).toEqual([]);
  });

  it('the search across governments requests every government’s index at once, and still names each result’s government', async () => {
    // Before the page's scripts: note how many index scripts are in the document together, at most.
    const page = await s.open({ kind: 'landing', file: 'index.html' }, 1024);
    await page.addInitScript(() => {
      const w = window as unknown as { gkMostIndexes: number };
      w.gkMostIndexes = 0;
      new MutationObserver(() => {
        w.gkMostIndexes = Math.max(w.gkMostIndexes, document.querySelectorAll('script[src$="search-index.js"]').length);
      }).observe(document, { childList: true, subtree: true });
    });
    const search = await s.open({ kind: 'search', file: 'search.html', query: '低保' }, 1024);
    const sources = await search.locator('#search-sources [data-src]').count();
    expect(sources).toBeGreaterThan(1);
    await expect.poll(() => search.evaluate(() => (window as unknown as { gkMostIndexes: number }).gkMostIndexes)).toBe(sources);
    const item = search.locator('#search-results li', { has: search.locator('a[href$="#item-dongjie-02"]') });
    await expect.poll(() => item.locator('.result-meta').textContent()).toMatch(/^示例县城关镇东街社区 · /);
    expect(s.problems).toEqual([]);
  });
});

