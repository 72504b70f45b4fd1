// The HTML dashboard in a real browser: it loads from file:// with nothing external, sorts, and draws its heatmap and charts.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gk } from '../helpers.js';
import { launchChromium, skipBrowser } from '../browser.js';
import { cityRepo } from './workspace-repo.js';

const run = skipBrowser ? describe.skip : describe;

run('report.html in Chromium', () => {
  let browser: Browser;
  let chromiumSession: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let repo: ReturnType<typeof cityRepo>;
  let html: string;
  let shared: Promise<Page> | undefined;

  /** The file's one page at this size: a new page would start a renderer afresh, which costs more than these checks. */
  async function openPage(viewport = { width: 1280, height: 720 }): Promise<Page> {
    const page = await (shared ??= browser.newPage());
    await page.setViewportSize(viewport);
    return page;
  }

  beforeAll(async () => {
    repo = cityRepo();
    const r = await gk(['report', 'city', '--out', 'out', '--formats', 'html', '--date', '2024-03-31'], repo.root);
    expect(r.code).toBe(0);
    html = path.join(repo.root, 'out', 'report.html');
    chromiumSession = await launchChromium();
    browser = chromiumSession.browser;
  });
  afterAll(async () => {
    await chromiumSession?.close();
    repo?.cleanup();
  });

  it('loads with lang="zh-CN", no requests beyond the file, no console errors', async () => {
    const page = await openPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`file://${html}`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.title()).toBe('示例市基层政务公开标准目录建设进展通报（2024-03-31）');
    expect(requests).toEqual([`file://${html}`]);
    expect(errors).toEqual([]);
  });

  it('sorts the county ranking when a header is clicked, and back', async () => {
    const page = await openPage();
    await page.goto(`file://${html}`);
    const names = () => page.$$eval('#t-county tbody tr th', (cells) => cells.map((c) => c.textContent));
    expect(await names()).toEqual(['安平县人民政府', '西河县人民政府', '北山县人民政府']);
    // The headers became buttons; the first click on 覆盖率 puts the best first, the second reverses.
    const coverage = page.getByRole('button', { name: '覆盖率' }).first();
    await coverage.click();
    expect((await names())[2]).toBe('北山县人民政府');
    expect(await page.getAttribute('#t-county thead th:nth-child(5)', 'aria-sort')).toBe('descending');
    await coverage.click();
    expect((await names())[0]).toBe('北山县人民政府');
    expect(await page.getAttribute('#t-county thead th:nth-child(5)', 'aria-sort')).toBe('ascending');
    // 得分 too: highest first on the first click.
    await page.getByRole('button', { name: '得分' }).first().click();
    expect(await names()).toEqual(['安平县人民政府', '西河县人民政府', '北山县人民政府']);
    // Text columns sort too, in the page language's collation (pinyin for zh-CN: an, bei, xi).
    await page.locator('#t-county thead th:nth-child(2) button').click();
    expect(await names()).toEqual(['安平县人民政府', '北山县人民政府', '西河县人民政府']);
  });

  it('draws the heatmap with numbers as text, colour bands, and the SVG bar charts', async () => {
    const page = await openPage({ width: 1280, height: 900 });
    await page.goto(`file://${html}`);
    // 6 ranked governments × 3 domains
    const cells = await page.$$eval('#t-heatmap td.heat', (tds) => tds.map((td) => ({ text: td.textContent, cls: td.className, bg: getComputedStyle(td).backgroundColor })));
    expect(cells).toHaveLength(18);
    expect(cells.filter((c) => c.text === '—')).toHaveLength(3);
    const beishanFiscal = await page.$eval('#t-heatmap tbody tr:nth-child(3) td:nth-child(4)', (td) => ({ text: td.textContent, bg: getComputedStyle(td).backgroundColor }));
    expect(beishanFiscal.text).toBe('50.0%');
    const full = cells.find((c) => c.text === '100.0%')!;
    expect(full.bg).not.toBe(beishanFiscal.bg);
    expect(await page.locator('#chart-domains rect.bar-fill').count()).toBe(3);
    expect(await page.locator('#chart-county rect.bar-fill').count()).toBe(3);
    expect(await page.locator('#chart-county figcaption').textContent()).toBe('县级得分');
    // Bars are drawn to scale: a score of 63.3 fills 63.3 % of its track.
    const bars = await page.$$eval('#chart-county li', (lis) =>
      lis.map((li) => ({ share: li.querySelector('.bar-fill')!.getBoundingClientRect().width / li.querySelector('svg.bar')!.getBoundingClientRect().width, score: Number(li.querySelector('.bar-value')!.textContent) })),
    );
    expect(bars).toHaveLength(3);
    for (const bar of bars) expect(bar.share).toBeCloseTo(bar.score / 100, 2);
    expect(bars[0]!.share).toBeGreaterThan(bars[2]!.share);
    // The legend is right: each cell has the colour of the legend's band whose range holds its figure.
    const legend = await page.$$eval('ul.legend li:not(.legend-label)', (lis) => lis.map((li) => ({ text: li.textContent!.trim(), bg: getComputedStyle(li).backgroundColor })));
    const bandOf = (value: number) => legend.find((b) => {
      const m = /^(\d+)(?:–(\d+))?%$/.exec(b.text);
      return m !== null && value >= Number(m[1]) && value <= Number(m[2] ?? m[1]) + 0.99;
    });
    for (const c of cells.filter((x) => x.text !== '—')) expect(bandOf(parseFloat(c.text!))?.bg, c.text!).toBe(c.bg);
    expect(legend.find((b) => b.text.startsWith('—'))?.bg).toBe(cells.find((c) => c.text === '—')!.bg);
  });

  it('fits a 1366px screen, and on a 375px phone scrolls wide tables and charts inside their boxes, not the page', async () => {
    const page = await openPage({ width: 1366, height: 900 });
    await page.goto(`file://${html}`);
    // Every ranking column, 最近更新 included, is on screen without scrolling; no date breaks inside itself.
    const boxes = await page.$$eval('.scroll', (els) => els.map((el) => ({ id: el.firstElementChild!.id, over: el.scrollWidth - el.clientWidth })));
    expect(boxes.filter((b) => b.over > 0)).toEqual([]);
    const dateLines = await page.$$eval('#t-county td .nw, #t-county td.nw', (els) => els.filter((e) => /\d{4}-\d{2}-\d{2}/.test(e.textContent!)).map((e) => e.getClientRects().length));
    expect(dateLines.length).toBeGreaterThan(0);
    expect(dateLines.every((n) => n === 1)).toBe(true);
    const phone = await openPage({ width: 375, height: 800 });
    await phone.goto(`file://${html}`);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // The bar charts scale down to the phone, their bars still to scale (a 25.9 % bar fills a quarter of its track).
    const charts = await phone.$$eval('figure svg.bar', (svgs) => svgs.map((svg) => ({ right: svg.getBoundingClientRect().right, share: svg.querySelector('.bar-fill')!.getBoundingClientRect().width / svg.getBoundingClientRect().width, value: parseFloat(svg.closest('li')!.querySelector('.bar-value')!.textContent!) })));
    expect(charts.length).toBeGreaterThan(5);
    for (const c of charts) {
      expect(c.right).toBeLessThanOrEqual(375);
      // (coverage in per cent, scores out of 100)
      expect(c.share).toBeCloseTo(c.value / 100, 2);
    }
    // A government's name stays on one line instead of one character per line.
    const nameHeight = await phone.$eval('#t-township tbody th', (th) => th.getBoundingClientRect().height);
    const lineHeight = await phone.$eval('#t-township tbody th', (th) => parseFloat(getComputedStyle(th).lineHeight));
    expect(nameHeight).toBeLessThan(lineHeight * 2 + 12);
  });

  it('reads completely without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`file://${html}`);
    expect(await page.locator('#t-county tbody tr').count()).toBe(3);
    expect(await page.locator('#t-township tbody tr').count()).toBe(3);
    expect(await page.locator('#t-heatmap td.heat').count()).toBe(18);
    expect(await page.locator('#t-county thead button').count()).toBe(0);
    await context.close();
  });
});
