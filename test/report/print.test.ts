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
});
