// The site's pages printed by Chromium (page.pdf, A4 landscape as the stylesheet asks), read back with poppler. Domain
// tables: the official layout with its header on every page, numbers whole, pages filled, every ■/□ box printed, a merged
// 一级事项 group named on each page it runs over. Every other page kind (index, 五公开, search, the workspace landing page
// and search, and the county, township and village sites of a workspace): A4 landscape, on as many pages as its print
// height needs, nothing cut off at the edge or lost, a table's header on every page it runs over.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, skipBrowser } from '../browser.js';
import { PRINT_BOX, skipPoppler } from '../office.js';
import { gk } from '../helpers.js';
import { example, exampleWorkspace, tempDir } from './helpers.js';
import { printer, printProblems, squeeze, type Printed } from './print.js';

describe.skipIf(skipBrowser || skipPoppler)('pages printed from Chromium', () => {
  let session: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let printOn: ReturnType<typeof printer>;
  let root: string;
  const printed = new Map<string, Promise<Printed>>();

  /** `file` under the builds' folder (example/…, workspace/…), with a search query for search pages. */
  function print(file: string, query?: string): Promise<Printed> {
    let done = printed.get(file);
    if (!done) printed.set(file, (done = printOn(path.join(root, file), path.join(root, 'pdf', `${file.replace(/[/.]/g, '_')}.pdf`), query)));
    return done;
  }

  beforeAll(async () => {
    root = tempDir('gk-print-');
    fs.mkdirSync(path.join(root, 'pdf'));
    // The bundled example, and a workspace of it: the city's landing page, the county, a township and a village.
    const ws = exampleWorkspace(path.join(root, 'ws'));
    const args = ['--date', '2024-05-01', '--formats', 'html'];
    const built = await Promise.all([gk(['build', example, '--out', path.join(root, 'example'), ...args], root), gk(['build', ws, '--out', path.join(root, 'workspace'), ...args], root)]);
    for (const r of built) expect(r.code, r.err).toBe(0);
    session = await launchChromium();
    printOn = printer(session.browser);
  });

  afterAll(async () => {
    await session?.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  // 医疗卫生: 14 items under long 一级事项 groups (was 9 pages); 财政预决算: 3 items in one merged group (was 3 pages, the
  // first holding only the header); 社会救助: the example's biggest table of short rows; and 社会救助 of the workspace's
  // village (one item, drawn from its township's; the township's own tables are the example's again).
  const files = ['example/health-care.html', 'example/fiscal-budget.html', 'example/social-assistance.html', 'workspace/shiyan/chengguan/dongjie/social-assistance.html'];

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
    if (file === 'example/health-care.html') expect(continued).toBeGreaterThan(0);
  });

  it('health-care.html: 序号 10–14 print whole, each on one line', async () => {
    const p = await print('example/health-care.html');
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

  // Every other page kind, with a query for the search pages (its results print as listed).
  const others: Array<[string, string | undefined]> = [
    ['example/index.html', undefined],
    ['example/publics.html', undefined],
    ['example/search.html', '预算'],
    ['workspace/index.html', undefined],
    ['workspace/search.html', '低保'],
    ['workspace/shiyan/index.html', undefined],
    ['workspace/shiyan/chengguan/index.html', undefined],
    ['workspace/shiyan/chengguan/dongjie/index.html', undefined],
    ['workspace/shiyan/chengguan/dongjie/publics.html', undefined],
  ];

  it.each(others)('%s: A4 landscape, pages as its print height needs, nothing cut off or lost, table headers on every page', async (file, query) => {
    expect(printProblems(file, await print(file, query))).toEqual([]);
  });

  it('example/index.html: its domain table runs over two pages, with its header on both', async () => {
    const p = await print('example/index.html');
    expect(p.tables.length).toBeGreaterThan(0);
    expect(p.count).toBeGreaterThanOrEqual(2);
    const t = p.tables[0]!;
    expect(squeeze(p.texts[0]!)).toContain(t.first);
    expect(squeeze(p.texts[1]!)).toContain(t.last);
    expect(squeeze(p.texts[1]!)).toContain(t.head);
  });
});
