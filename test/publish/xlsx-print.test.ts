// The example's workbook printed as an office prints it: LibreOffice converts it to PDF, and the PDF is read back word by
// word. Only the official table prints, at a readable size, its header on every page, every cell whole in its column.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeToPdf, pdfPageCount, pdfPageTexts, pdfWords, skipOffice, type PdfPage, type PdfWord } from '../office.js';
import { build, example, tempDir } from './helpers.js';

/** The official table: 序号 … 公开渠道和载体, then 公开对象 ×2, 公开方式 ×2 and the example's two 公开层级 columns. */
const OFFICIAL = 14;
const TITLE = /领域基层政务公开标准目录$/;
/** The workbook's page margins (src/publish/xlsx.ts), in points. */
const MARGIN_TOP = 0.6 * 72;
const MARGIN_BOTTOM = 0.6 * 72;

const squeeze = (s: string) => s.replace(/\s+/g, '');
const isWide = (s: string) => /^[\p{Script=Han}（）《》、，；：]+$/u.test(s);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Sheet {
  name: string;
  widths: number[];
  /** Row heights in points: header rows 1–2, then the items. */
  heights: number[];
  /** Per official column, each item row's text (a merged 一级事项 once, at its first row). */
  cells: string[][];
}

function sheetOf(ws: ExcelJS.Worksheet): Sheet {
  const widths = Array.from({ length: OFFICIAL }, (_, i) => ws.getColumn(i + 1).width ?? 0);
  const heights: number[] = [];
  const cells: string[][] = Array.from({ length: OFFICIAL }, () => []);
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    heights.push(row.height ?? 15);
    if (r <= 2) continue;
    for (let c = 1; c <= OFFICIAL; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master !== cell) continue;
      cells[c - 1]!.push(cell.value === null || cell.value === undefined ? '' : String(cell.value));
    }
  }
  return { name: ws.name, widths, heights, cells };
}

/** The page's columns from its header: the centres of 序号 and 公开渠道和载体 place the sheet's column widths on the page. */
function columnEdges(page: PdfPage, widths: number[]): { edges: number[]; headerBottom: number } {
  const word = (text: string) => {
    const w = page.words.find((x) => x.text === text);
    if (!w) throw new Error(`no ${text} on the page`);
    return w;
  };
  const centre = (w: PdfWord) => (w.xMin + w.xMax) / 2;
  const cum = [0];
  for (const w of widths) cum.push(cum.at(-1)! + w);
  const seq = word('序号');
  const channels = word('公开渠道和载体');
  const k = (centre(channels) - centre(seq)) / (cum[7]! + widths[7]! / 2 - widths[0]! / 2);
  const x0 = centre(seq) - k * (widths[0]! / 2);
  const headerBottom = Math.max(...['序号', '公开渠道和载体', '全社会', '依申请'].map((t) => word(t).yMax));
  return { edges: cum.map((c) => x0 + k * c), headerBottom };
}

describe.skipIf(skipOffice)('the workbook printed by LibreOffice', () => {
  let dir: string;
  let sheets: Sheet[];
  let pages: PdfPage[];
  let texts: string[];
  let pageCount: number;
  let title: string;

  beforeAll(async () => {
    const r = await build(example, ['--date', '2024-05-01', '--formats', 'xlsx']);
    expect(r.code).toBe(0);
    dir = tempDir('gk-xlsx-print-');
    const xlsx = path.join(dir, 'catalog.xlsx');
    fs.copyFileSync(path.join(r.dir, 'catalog.xlsx'), xlsx);
    fs.rmSync(path.dirname(r.dir), { recursive: true, force: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(xlsx) as unknown as ArrayBuffer);
    sheets = wb.worksheets.map(sheetOf);
    title = wb.title;
    const pdf = await officeToPdf(xlsx, dir);
    [pages, texts, pageCount] = await Promise.all([pdfWords(pdf), pdfPageTexts(pdf), pdfPageCount(pdf)]);
  }, 300_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the official table alone, with its two header rows, the domain’s title and a page number on every page', () => {
    expect(pages).toHaveLength(pageCount);
    expect(texts).toHaveLength(pageCount);
    texts.forEach((text, i) => {
      for (const header of ['序号', '一级事项', '二级事项', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '全社会', '特定群体', '依申请', '公开层级', '县级', '乡级']) {
        expect(squeeze(text), `page ${i + 1}: ${header}`).toContain(header);
      }
      expect(squeeze(text), `page ${i + 1}`).toMatch(new RegExp(`第${i + 1}页，共${pageCount}页`));
      // gk's own columns and links stay on screen: not printed.
      for (const not of ['五公开分类', '事项编号', '对应标准事项', 'http']) expect(text, `page ${i + 1}`).not.toContain(not);
      expect(text, `page ${i + 1}: an item id`).not.toMatch(/[a-z]+(-[a-z]+)*(\/|-)\d+/);
    });
    const titles = pages.map((p) => p.words.find((w) => TITLE.test(w.text))?.text);
    expect(titles.every((t) => t !== undefined && t.startsWith(title))).toBe(true);
  });

  it('prints every cell whole, in its own column, row after row: no row cut short, none overlapping the next', () => {
    // Consecutive pages with one title are one sheet, in the workbook's order.
    const groups: PdfPage[][] = [];
    let last: string | undefined;
    for (const page of pages) {
      const t = page.words.find((w) => TITLE.test(w.text))!.text;
      if (t !== last) groups.push([]);
      groups.at(-1)!.push(page);
      last = t;
    }
    expect(groups).toHaveLength(sheets.length);
    groups.forEach((group, s) => {
      const sheet = sheets[s]!;
      expect(group[0]!.words.find((w) => TITLE.test(w.text))!.text).toBe(`${title}${sheet.name}领域基层政务公开标准目录`);
      const streams: string[] = Array.from({ length: OFFICIAL }, () => '');
      for (const page of group) {
        const { edges, headerBottom } = columnEdges(page, sheet.widths);
        const body = page.words.filter((w) => w.yMin > headerBottom && w.yMax < page.height - MARGIN_BOTTOM);
        body.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
        for (const w of body) {
          const col = edges.findLastIndex((e) => e <= w.xMin + 0.5);
          expect(col, `${sheet.name}: ${w.text} left of the table`).toBeGreaterThanOrEqual(0);
          expect(col, `${sheet.name}: ${w.text} right of the official table`).toBeLessThan(OFFICIAL);
          streams[col] += w.text;
        }
      }
      sheet.cells.forEach((column, c) => {
        expect(squeeze(streams[c]!), `${sheet.name}, column ${c + 1}`).toBe(squeeze(column.join('')));
      });
    });
  });

  it('prints at a readable size, each sheet on the pages its rows need', () => {
    // Printed size of the 10 pt text: a Chinese character is as wide as the font is high.
    const sizes = pages.flatMap((p) => p.words.filter((w) => isWide(w.text) && [...w.text].length >= 4).map((w) => (w.xMax - w.xMin) / [...w.text].length));
    const size = median(sizes);
    expect(size).toBeGreaterThanOrEqual(8);
    expect(size).toBeLessThanOrEqual(10.5);
    // At that scale a page holds (page height − margins) / scale points of rows below the repeated header; rows are
    // never split, so each sheet takes what packing its rows one after another gives.
    const scale = size / 10;
    const room = (pages[0]!.height - MARGIN_TOP - MARGIN_BOTTOM) / scale;
    const expected = sheets.map((sheet) => {
      const header = sheet.heights[0]! + sheet.heights[1]!;
      let count = 1;
      let used = header;
      for (const h of sheet.heights.slice(2)) {
        if (used + h > room && used > header) {
          count++;
          used = header;
        }
        used += h;
      }
      return count;
    });
    const total = expected.reduce((a, b) => a + b, 0);
    // The example: a sheet for each of its 27 domains (the 26 of the standard and 综合政务); a page holds several items at
    // this size, so far fewer pages than items.
    expect(sheets.length).toBe(27);
    expect(pageCount).toBeGreaterThanOrEqual(sheets.length);
    expect(Math.abs(pageCount - total), `expected about ${total} pages`).toBeLessThanOrEqual(2);
    const items = sheets.reduce((n, s) => n + s.heights.length - 2, 0);
    expect(pageCount).toBeLessThan(items / 3);
  });
});
