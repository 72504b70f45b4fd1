// The dashboard printed by Chromium (page.pdf), read back with poppler: every domain of the heatmap on the page, every
// figure printed, the missing-item lists open.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gk } from '../helpers.js';
import { launchChromium, skipBrowser } from '../browser.js';
import { PRINT_BOX, pdfPageCount, pdfPageTexts, pdfWords, skipPoppler, type PdfPage } from '../office.js';
import { generateWorkspace } from '../../bench/workspace.js';
import { exampleWorkspace } from '../publish/helpers.js';

const squeeze = (s: string) => s.replace(/\s+/g, '');
const PERCENT = /\d+(?:\.\d+)?%/g;

describe.skipIf(skipBrowser || skipPoppler)('report.html printed from Chromium', () => {
  let session: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let browser: Browser;
  let tmp: string;
  let count: number;
  let pages: PdfPage[];
  let texts: string[];
  let dom: { domains: string[]; overflow: string[]; printed: string; missing: string[]; hidden: number; height: number };

  beforeAll(async () => {
    // The example county (all 26 pilot domains), a township with the same catalog and a village.
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-report-print-'));
    const city = exampleWorkspace(path.join(tmp, 'city'));
    const r = await gk(['report', city, '--out', path.join(tmp, 'out'), '--formats', 'html', '--date', '2024-05-01'], tmp);
    expect(r.code, r.err).toBe(0);
    session = await launchChromium();
    browser = session.browser;
    const page = await browser.newPage({ viewport: { width: PRINT_BOX.widthPx, height: 800 } });
    await page.goto(pathToFileURL(path.join(tmp, 'out', 'report.html')).href);
    const pdf = path.join(tmp, 'report.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'print' });
    dom = await page.evaluate((width) => {
      const heat = document.querySelector('table.heatmap')!;
      const cells = [...heat.querySelectorAll('th, td')];
      return {
        domains: [...heat.querySelectorAll('thead th')].slice(3).map((th) => th.textContent!.trim()),
        overflow: cells.filter((c) => c.getBoundingClientRect().right > width + 0.5).map((c) => c.textContent!.trim()),
        printed: document.body.innerText,
        missing: [...document.querySelectorAll('details.missing li')].map((li) => li.textContent!.trim()),
        hidden: [...document.querySelectorAll('details.missing ul')].filter((ul) => ul.getBoundingClientRect().height === 0).length,
        height: document.documentElement.scrollHeight,
      };
    }, PRINT_BOX.widthPx);
    await page.close();
    [count, pages, texts] = await Promise.all([pdfPageCount(pdf), pdfWords(pdf), pdfPageTexts(pdf)]);
  });

  afterAll(async () => {
    await session?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('keeps every domain column of the heatmap within the page, and prints every figure', () => {
    expect(dom.domains.length).toBeGreaterThanOrEqual(26);
    expect(dom.domains).toContain('农村危房改造');
    expect(dom.domains).toContain('医疗卫生');
    expect(dom.overflow).toEqual([]);
    // Every percentage the printed page shows comes out in the PDF: a column cut off at the page edge would drop its figures.
    const shown = dom.printed.match(PERCENT) ?? [];
    const inPdf = texts.join('\n').match(PERCENT) ?? [];
    expect(shown.length).toBeGreaterThan(dom.domains.length * 2);
    expect(inPdf.sort()).toEqual(shown.sort());
  });

  it('prints the missing-item lists opened', () => {
    expect(dom.missing.length).toBeGreaterThan(0);
    expect(dom.hidden).toBe(0);
    const text = squeeze(texts.join(''));
    for (const item of dom.missing) expect(text).toContain(squeeze(item));
  });

  it('prints on A4 landscape, on as many pages as its printed height needs', () => {
    expect(pages).toHaveLength(count);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(841.9, 0);
      expect(page.height).toBeCloseTo(595.3, 0);
    }
    const least = Math.ceil((dom.height * 0.75) / PRINT_BOX.heightPt);
    expect(count).toBeGreaterThanOrEqual(least);
    expect(count).toBeLessThanOrEqual(least + 1);
  });

  it('prints a city of 100 governments with the heatmap header repeated on each page it runs over, no row lost', async () => {
    // 100 governments (counties, townships, villages) over all 26 pilot domains, one item each: a heatmap of about
    // 60 rows that runs over several pages.
    const city = path.join(tmp, 'city100');
    generateWorkspace(city, { governments: 100, itemsPerDomain: 1, domains: 26, clean: true });
    const r = await gk(['report', city, '--out', path.join(tmp, 'out100'), '--formats', 'html', '--date', '2024-05-01'], tmp);
    expect(r.code, r.err).toBe(0);
    const page = await browser.newPage({ viewport: { width: PRINT_BOX.widthPx, height: 800 } });
    await page.goto(pathToFileURL(path.join(tmp, 'out100', 'report.html')).href);
    const pdf = path.join(tmp, 'report100.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'print' });
    const heat = await page.evaluate((width) => {
      const table = document.querySelector('table.heatmap')!;
      return {
        rows: [...table.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent!.trim()),
        domains: table.querySelectorAll('thead th').length - 3,
        overflow: [...table.querySelectorAll('th, td')].filter((c) => c.getBoundingClientRect().right > width + 0.5).length,
        headerGroup: getComputedStyle(table.querySelector('thead')!).display,
      };
    }, PRINT_BOX.widthPx);
    await page.close();
    expect(heat.domains).toBe(26);
    expect(heat.rows.length).toBeGreaterThan(40);
    expect(heat.overflow).toBe(0);
    expect(heat.headerGroup).toBe('table-header-group');
    const pages100 = await pdfWords(pdf);
    // The pages with the heatmap's header row (层级 and 覆盖率 side by side), and below it on each, the governments' rows:
    // the header is on every page the heatmap runs over, and together they hold every row, in order.
    const names = new Set(heat.rows);
    const headed = pages100.flatMap((p, i) => {
      const level = p.words.find((w) => w.text === '层级' && p.words.some((c) => c.text === '覆盖率' && Math.abs(c.yMin - w.yMin) < 3));
      return level ? [{ i, top: level.yMax, page: p }] : [];
    });
    expect(headed.length).toBeGreaterThanOrEqual(2);
    expect(headed.at(-1)!.i - headed[0]!.i).toBe(headed.length - 1);
    const printedRows = headed.flatMap(({ top, page: p }) => p.words.filter((w) => names.has(w.text) && w.yMin > top).sort((a, b) => a.yMin - b.yMin).map((w) => w.text));
    expect(printedRows.slice(0, heat.rows.length)).toEqual(heat.rows);
  }, 120_000);
});

