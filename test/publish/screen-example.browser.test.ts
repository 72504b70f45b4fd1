// The bundled example's pages on screen in Chromium (issue 11's "done when"): every page kind at 1366, 1024 and 375 px
// (screen-suite.ts), the 一级事项 label, several-word search, the channel column and the sticky table header.
import { expect, it } from 'vitest';
import { screenSuite, type PageKind } from './screen-suite.js';

screenSuite('example', (s) => {
  it('keeps the 一级事项 label readable: in view at the top of a tall merged group at 1366 px, on every card at 375 px', async () => {
    const p: Omit<PageKind, 'fixture'> = { kind: 'domain page', file: 'health-care.html' };
    const page = await s.open(p, 1366);
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
    const phone = await s.open(p, 375);
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
  });

  it('matches several words together on the example', async () => {
    const page = await s.open({ kind: 'search', file: 'search.html' }, 1024);
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
  });

  it('lists only the ticked channels on screen, with the official ■/□ list one click away', async () => {
    const page = await s.open({ kind: 'domain page', file: 'social-assistance.html' }, 1366);
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
  });

  it('keeps the header row of a domain table in view at 1024 px, where the table scrolls in a box of its own', async () => {
    const page = await s.open({ kind: 'domain page', file: 'health-care.html' }, 1024);
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
  });
});
