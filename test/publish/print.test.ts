// The site's domain tables printed by Chromium (page.pdf, A4 landscape as the stylesheet asks), read back with poppler:
// the official layout with its header on every page, numbers whole, pages filled, every ■/□ box printed.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, skipBrowser } from '../browser.js';
import { PRINT_BOX, pdfPageCount, pdfPageTexts, pdfWords, skipPoppler, type PdfPage } from '../office.js';
import { build, example, tempDir } from './helpers.js';

const squeeze = (s: string) => s.replace(/\s+/g, '');

interface Printed {
  count: number;
  pages: PdfPage[];
  texts: string[];
  /** The document's height laid out for print, in points. */
  height: number;
  rows: number;
  boxes: number;
  /** Each row's 一级事项, in order. */
  categories: string[];
}

describe.skipIf(skipBrowser || skipPoppler)('domain pages printed from Chromium', () => {
  let session: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let browser: Browser;
  let site: string;
  let out: string;
  const printed = new Map<string, Printed>();

  async function print(file: string): Promise<Printed> {
    const done = printed.get(file);
    if (done) return done;
    const page: Page = await browser.newPage({ viewport: { width: PRINT_BOX.widthPx, height: 800 } });
    await page.goto(pathToFileURL(path.join(site, file)).href);
    const pdf = path.join(out, file.replace(/\.html$/, '.pdf'));
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'print' });
    const dom = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      rows: document.querySelectorAll('table.catalog tbody tr').length,
      boxes: document.querySelectorAll('table.catalog .boxes li').length,
      categories: [...document.querySelectorAll('table.catalog tbody tr .card-cat')].map((c) => c.textContent!.trim()),
    }));
    await page.close();
    const [count, pages, texts] = await Promise.all([pdfPageCount(pdf), pdfWords(pdf), pdfPageTexts(pdf)]);
    const result = { count, pages, texts, height: dom.height * 0.75, rows: dom.rows, boxes: dom.boxes, categories: dom.categories };
    printed.set(file, result);
    return result;
  }

  beforeAll(async () => {
    const r = await build(example, ['--date', '2024-05-01', '--formats', 'html']);
    expect(r.code).toBe(0);
    site = r.dir;
    out = tempDir('gk-print-');
    session = await launchChromium();
    browser = session.browser;
  });

  afterAll(async () => {
    await session?.close();
    if (site) fs.rmSync(path.dirname(site), { recursive: true, force: true });
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  // 医疗卫生: 14 items under long 一级事项 groups (was 9 pages); 财政预决算: 3 items in one merged group (was 3 pages, the
  // first holding only the header); 社会救助: the example's biggest table of short rows.
  const files = ['health-care.html', 'fiscal-budget.html', 'social-assistance.html'];

  it.each(files)('%s: A4 landscape, the two header rows on every page', async (file) => {
    const p = await print(file);
    expect(p.pages).toHaveLength(p.count);
    for (const page of p.pages) {
      expect(page.width).toBeCloseTo(841.9, 0);
      expect(page.height).toBeCloseTo(595.3, 0);
    }
    p.texts.forEach((text, i) => {
      if (i === p.count - 1 && !text.includes('公开内容')) return; // the page after the table: exclusions, footer
      // (the narrow √ columns may wrap 全社会 or 特定群体 onto two lines, which pdftotext reads across the row)
      for (const header of ['序号', '一级事项', '二级事项', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开方式', '公开层级', '主动']) {
        expect(squeeze(text), `${file} page ${i + 1}: ${header}`).toContain(header);
      }
    });
  });

  it.each(files)('%s: pages as full as rows allow, no page holding only the header', async (file) => {
    const p = await print(file);
    // Rows (merged 一级事项 groups included) may break across pages, so no page is left with the header alone or a
    // tall group pushed whole to the next page; Chromium sometimes moves a row whole rather than split it, which leaves
    // at most a row's height (under a third of a page here) empty.
    p.pages.slice(0, -1).forEach((page, i) => {
      const bottom = Math.max(...page.words.map((w) => w.yMax));
      expect(bottom, `${file} page ${i + 1}`).toBeGreaterThan(PRINT_BOX.marginPt + (2 / 3) * PRINT_BOX.heightPt);
    });
    // The page count is the print layout's height over a page's, plus at most a page for the header repeated on each.
    const least = Math.ceil(p.height / PRINT_BOX.heightPt);
    expect(p.count).toBeGreaterThanOrEqual(least);
    expect(p.count).toBeLessThanOrEqual(least + 1);
  });

  it.each(files)('%s: a merged 一级事项 group broken across pages names itself at the top of the new page', async (file) => {
    const p = await print(file);
    let continued = 0;
    let previous = 0;
    p.pages.forEach((page, i) => {
      const head = (text: string) => page.words.find((w) => w.text === text && w.yMax < 100);
      // (the label is centred in its column, under the heading's centre)
      const [seq, cat] = [head('序号'), head('一级事项')];
      if (!seq || !cat) return; // the page after the table
      // The first row that starts on this page: its 序号 in the first column, below the header.
      const numbers = page.words.filter((w) => /^\d+$/.test(w.text) && w.xMax < cat.xMin && w.yMin > seq.yMax + 5).sort((a, b) => a.yMin - b.yMin);
      if (numbers.length === 0) return;
      const n = Number(numbers[0]!.text);
      const category = p.categories[n - 1]!;
      if (i > 0 && n > 1 && p.categories[n - 2] === category) continued++;
      // What the 一级事项 column holds from that row's first line down (a label wraps over two or three lines).
      const top = numbers[0]!.yMin;
      const label = page.words
        .filter((w) => Math.abs((w.xMin + w.xMax) / 2 - (cat.xMin + cat.xMax) / 2) < (cat.xMax - cat.xMin) / 2 + 8 && w.yMin >= top - 2 && w.yMin < top + 3 * (numbers[0]!.yMax - numbers[0]!.yMin) + 8)
        .sort((a, b) => a.yMin - b.yMin)
        .map((w) => w.text)
        .join('');
      expect(label, `${file} page ${i + 1}, row ${n}`).toBe(squeeze(category));
      expect(n, `${file} page ${i + 1}`).toBeGreaterThan(previous);
      previous = n;
    });
    // 医疗卫生's nine-row 行政许可类事项 group runs over pages: the case the label was blank in.
    if (file === 'health-care.html') expect(continued).toBeGreaterThan(0);
  });

  it('health-care.html: 序号 10–14 print whole, each on one line', async () => {
    const p = await print('health-care.html');
    expect(p.rows).toBe(14);
    const words = new Set(p.pages.flatMap((page) => page.words.map((w) => w.text)));
    for (let n = 1; n <= p.rows; n++) expect(words.has(String(n)), `序号 ${n}`).toBe(true);
  });

  it.each(files)('%s: the channel column prints the official ■/□ list of every channel, not the on-screen summary', async (file) => {
    const p = await print(file);
    const text = p.texts.join('');
    expect(text).not.toContain('官方表格式');
    // every box of every row: the standard channels' ■/□ and ■ for each other channel
    expect(p.boxes).toBeGreaterThanOrEqual(p.rows * 13);
    expect([...text].filter((ch) => ch === '■' || ch === '□')).toHaveLength(p.boxes);
  });
});
