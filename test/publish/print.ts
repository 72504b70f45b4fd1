// Printing a page from Chromium (page.pdf, A4 landscape as the stylesheet asks) and reading the PDF back with poppler,
// with what the page laid out for print; and the checks every printed page kind must pass. Shared by the print suite
// and the on-screen suite (which prints the 100-government build it already has).
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { PRINT_BOX, pdfPageCount, pdfPageTexts, pdfWords, type PdfPage } from '../office.js';

export const squeeze = (s: string) => s.replace(/\s+/g, '');
/** Characters whose loss would lose meaning: CJK, letters, digits. */
const meaningful = (s: string) => [...s].filter((ch) => /[\p{Script=Han}\p{L}\p{N}]/u.test(ch));

export interface Printed {
  count: number;
  pages: PdfPage[];
  texts: string[];
  /** The document's height laid out for print, in points. */
  height: number;
  rows: number;
  boxes: number;
  /** Each row's 一级事项, in order. */
  categories: string[];
  /** The page's text as laid out for print (what should reach the paper). */
  text: string;
  /** Elements reaching past the printable width. */
  overflow: string[];
  /** Tables other than the official one: their header's text and their first and last rows' heading cells. */
  tables: Array<{ head: string; first: string; last: string }>;
}

/**
 * A printer on one page of `browser`: `file` (with a search query for search pages) printed to `pdf`, and read back.
 * The page is loaded anew for each file (a fresh renderer for each would cost more than most prints); prints run one
 * at a time.
 */
export function printer(browser: Browser): (file: string, pdf: string, query?: string) => Promise<Printed> {
  let page: Promise<Page> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  return (file, pdf, query) => {
    // A short window: the document's height (scrollHeight, at least the window's) is then the content's.
    page ??= browser.newPage({ viewport: { width: PRINT_BOX.widthPx, height: 100 } });
    const done = queue.then(async () => printOn(await page!, file, pdf, query));
    queue = done.catch(() => undefined);
    return done;
  };
}

async function printOn(page: Page, file: string, pdf: string, query?: string): Promise<Printed> {
  await page.emulateMedia({ media: null });
  await page.goto(`${pathToFileURL(file).href}${query !== undefined ? `?q=${encodeURIComponent(query)}` : ''}`);
  if (query !== undefined) await page.locator('#search-results li').first().waitFor();
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'print' });
  const dom = await page.evaluate((width) => {
    const cell = (tr: Element | undefined) => (tr?.querySelector('th') ?? tr?.querySelector('td'))?.textContent!.replace(/\s+/g, '') ?? '';
    return {
      height: document.documentElement.scrollHeight,
      rows: document.querySelectorAll('table.catalog tbody tr').length,
      boxes: document.querySelectorAll('table.catalog .boxes li').length,
      categories: [...document.querySelectorAll('table.catalog tbody tr .card-cat')].map((c) => c.textContent!.trim()),
      // The text laid out for print, less what is only for screen readers (clipped to nothing)
      text: (() => {
        let out = '';
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const el = node.parentElement;
          if (!el || el.closest('.vh, script, style') || getComputedStyle(el).visibility === 'hidden') continue;
          // rendered, and not clipped to a pixel for screen readers (the √ columns' values)
          const box = el.getBoundingClientRect();
          if (el.getClientRects().length > 0 && box.width > 1 && box.height > 1) out += node.textContent;
        }
        return out;
      })(),
      overflow: [...document.body.querySelectorAll('*')]
        .filter((e) => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > width + 0.5)
        .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}"> ${e.textContent!.trim().slice(0, 20)}`),
      tables: [...document.querySelectorAll('table:not(.catalog)')]
        .filter((t) => t.querySelector('thead') && t.querySelector('tbody tr'))
        .map((t) => {
          const rows = [...t.querySelectorAll('tbody tr')];
          return { head: t.querySelector('thead')!.textContent!.replace(/\s+/g, ''), first: cell(rows[0]), last: cell(rows.at(-1)) };
        }),
    };
  }, PRINT_BOX.widthPx);
  const [count, pages, texts] = await Promise.all([pdfPageCount(pdf), pdfWords(pdf), pdfPageTexts(pdf)]);
  return { ...dom, count, pages, texts, height: dom.height * 0.75 };
}

/**
 * What is wrong with a printed page of any kind: not A4 landscape, more or fewer pages than its print height needs,
 * something past the printable width, a character laid out for print that is not on paper (as often or more: a table's
 * header repeats), a table running over pages without its header on each.
 */
export function printProblems(label: string, p: Printed): string[] {
  const found: string[] = [];
  if (p.pages.length !== p.count) found.push(`${label}: pdftotext read ${p.pages.length} of ${p.count} pages`);
  p.pages.forEach((page, i) => {
    if (Math.abs(page.width - 841.9) > 0.5 || Math.abs(page.height - 595.3) > 0.5) found.push(`${label} page ${i + 1}: ${page.width} × ${page.height} pt`);
  });
  const least = Math.ceil(p.height / PRINT_BOX.heightPt);
  if (p.count < least || p.count > least + 1) found.push(`${label}: ${p.count} pages for a print height of ${least}`);
  for (const o of p.overflow) found.push(`${label}: past the page width ${o}`);
  const onPaper = new Map<string, number>();
  for (const ch of meaningful(p.texts.join(''))) onPaper.set(ch, (onPaper.get(ch) ?? 0) + 1);
  const wanted = new Map<string, number>();
  for (const ch of meaningful(p.text)) wanted.set(ch, (wanted.get(ch) ?? 0) + 1);
  if (wanted.size < 20) found.push(`${label}: only ${wanted.size} characters laid out for print`);
  for (const [ch, n] of wanted) if ((onPaper.get(ch) ?? 0) < n) found.push(`${label}: “${ch}” ${onPaper.get(ch) ?? 0} times on paper, ${n} laid out`);
  const pages = p.texts.map(squeeze);
  for (const t of p.tables) {
    const from = pages.findIndex((text) => text.includes(t.first));
    const to = pages.findLastIndex((text) => text.includes(t.last));
    if (from < 0 || to < from) found.push(`${label}: table rows “${t.first}” … “${t.last}” not found in order`);
    for (let i = from; i >= 0 && i <= to; i++) if (!pages[i]!.includes(t.head)) found.push(`${label} page ${i + 1}: no table header “${t.head}”`);
  }
  return found;
}
