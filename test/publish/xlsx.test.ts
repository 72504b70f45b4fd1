// The workbook read back: one sheet per domain in the official layout, safe sheet names, stable bytes.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { eastAsianWidth } from 'get-east-asian-width';
import { describe, expect, it } from 'vitest';
import { CSV_HEADERS } from '../../src/publish/csv.js';
import { buildWorkbook, heightOf, linesIn, sheetNameOf, textWidth } from '../../src/publish/xlsx.js';
import { xmlText } from '../../src/publish/workbook.js';
import { loadChannelVocabulary } from '../../src/load/channels.js';
import type { ItemRow } from '../../src/publish/rows.js';
import { readChannelCell } from '../../src/model/table.js';
import { crc32, dosDateTime, stampZipEntries, zipArchive } from '../../src/publish/zip.js';
import { build, county } from './helpers.js';

async function workbookOf(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

describe('the workbook', () => {
  it('has a sheet per domain with the two merged header rows, frozen, and the items below', async () => {
    const r = await build(county, ['--date', '2024-05-01']);
    const wb = await workbookOf(path.join(r.dir, 'catalog.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['社会救助', '综合政务']);
    expect(wb.created.toISOString()).toBe('2024-05-01T00:00:00.000Z');
    const ws = wb.getWorksheet('社会救助')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const extra = ['五公开分类', '事项编号', '对应标准事项', '领域'];
    expect(ws.getRow(1).values).toEqual([undefined, '序号', '一级事项', '二级事项', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开对象', '公开方式', '公开方式', '公开层级', '公开层级', ...extra]);
    expect(CSV_HEADERS.slice(-4)).toEqual(extra);
    // a merged cell reads back as its master's value, so row 2 repeats the vertically merged headers
    expect((ws.getRow(2).values as unknown[]).slice(9)).toEqual(['全社会', '特定群体', '主动', '依申请', '县级', '乡级', ...extra]);
    const merges = (ws as unknown as { _merges: Record<string, { range: string }> })._merges;
    const ranges = Object.values(merges).map((m) => m.range);
    expect(ranges).toEqual(expect.arrayContaining(['A1:A2', 'H1:H2', 'I1:J1', 'K1:L1', 'M1:N1', 'O1:O2', 'P1:P2', 'Q1:Q2', 'R1:R2', 'B3:B4']));
    expect(ranges.filter((r) => /^[O-Z]/.test(r))).toHaveLength(4);
    expect(ws.columnCount).toBe(18);
    expect((ws.getRow(3).values as unknown[]).slice(15)).toEqual(['决策公开', 'sa-01', 'social-assistance/1', 'social-assistance']);
    expect((ws.getRow(4).values as unknown[]).slice(15)).toEqual(['管理公开；结果公开', 'sa-02', 'social-assistance/2', 'social-assistance']);
    expect(ws.getCell('P3').alignment?.horizontal).toBe('left');
    expect(ws.getCell('N3').alignment?.horizontal).toBe('center');
    expect(ws.getColumn(16).width).toBeGreaterThanOrEqual(30);
    expect(readChannelCell(String(ws.getCell('H5').value))).toEqual(['政府网站', '政务服务中心', '社区/企事业单位/村公示栏（电子屏）', '基层公共服务平台']);
    expect(ws.getCell('C3').value).toBe('政策法规文件');
    expect(ws.getCell('G3').value).toBe('测试县民政局');
    expect(String(ws.getCell('H5').value)).toContain('■社区/企事业单位/村公示栏（电子屏）');
    expect(String(ws.getCell('H5').value)).toContain('□政府公报');
    // one box after another, the cell wrapping them: a row is a few lines tall, not one line per channel
    expect(String(ws.getCell('H5').value).split(' ').at(-1)).toBe('■基层公共服务平台');
    expect(String(ws.getCell('H5').value)).not.toContain('\n');
    expect(ws.getCell('D3').alignment?.wrapText).toBe(true);
    // 公开内容 is the widest official column
    expect(ws.getColumn(4).width).toBe(Math.max(...Array.from({ length: 14 }, (_, c) => ws.getColumn(c + 1).width!)));
    expect(ws.pageSetup.orientation).toBe('landscape');
  });

  it('prints the official columns only, one A4 landscape page wide, the two header rows on every page', async () => {
    const r = await build(county, ['--date', '2024-05-01', '--formats', 'xlsx']);
    const wb = await workbookOf(path.join(r.dir, 'catalog.xlsx'));
    for (const ws of wb.worksheets) {
      // A to N: 序号 … 公开渠道和载体, 公开对象 ×2, 公开方式 ×2, 公开层级 ×2; gk's columns (O on) are not printed.
      expect(ws.getCell('N2').value).toBe('乡级');
      expect(ws.getCell('O1').value).toBe('五公开分类');
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: `A1:N${ws.rowCount}`, printTitlesRow: '1:2' });
      expect(ws.headerFooter.oddHeader).toBe(`&C测试县人民政府${ws.name}领域基层政务公开标准目录`);
      expect(ws.headerFooter.oddFooter).toContain('&P');
    }
  });

  it('makes each row as tall as its fullest official cell, counting a Chinese character as two digits wide', async () => {
    const r = await build(county, ['--date', '2024-05-01', '--formats', 'xlsx']);
    const wb = await workbookOf(path.join(r.dir, 'catalog.xlsx'));
    const ws = wb.getWorksheet('社会救助')!;
    for (let n = 3; n <= ws.rowCount; n++) {
      const row = ws.getRow(n);
      const lines = Math.max(...Array.from({ length: 14 }, (_, c) => (c === 1 ? 1 : linesIn(String(row.getCell(c + 1).value ?? ''), ws.getColumn(c + 1).width!))));
      expect(lines, `row ${n}`).toBeGreaterThan(1);
      expect(row.height, `row ${n}`).toBeGreaterThanOrEqual(heightOf(lines));
    }
    // the header: 公开内容（要素） on one line in its column, 特定群体 on one line in its √ column
    expect(linesIn('公开内容（要素）', ws.getColumn(4).width!)).toBe(1);
    expect(linesIn('特定群体', ws.getColumn(10).width!)).toBe(1);
  });
});

describe('cell measures', () => {
  it('counts wide characters (CJK, full-width, ■/□/√) as 1.9 digits and breaks lines at the column width', () => {
    expect(textWidth('abc12')).toBe(5);
    expect(textWidth('政府网站')).toBeCloseTo(7.6);
    expect(textWidth('■□√（）')).toBeCloseTo(9.5);
    expect(linesIn('', 10)).toBe(1);
    expect(linesIn('一\n二\r\n三', 10)).toBe(3);
    // 10.6 units keep 10 for the text: five characters (9.5) fit a line, six (11.4) do not
    expect(linesIn('字'.repeat(20), 10.6)).toBe(4);
    expect(linesIn('字'.repeat(21), 10.6)).toBe(5);
    expect(linesIn('x'.repeat(10), 10.6)).toBe(1);
    expect(heightOf(1)).toBeGreaterThanOrEqual(15);
    expect(heightOf(10)).toBeGreaterThan(heightOf(9) + 10);
  });

  it('measures as splitting into lines and walking their code points does, on seeded random text', () => {
    // the plain definition: lines split at CR LF, CR or LF; each code point 1.9 units when East Asian wide or ambiguous
    const width = (ch: string) => (eastAsianWidth(ch.codePointAt(0)!, { ambiguousAsWide: true }) === 2 ? 1.9 : 1);
    const plainLines = (text: string, w: number) => {
      const room = Math.max(1, w - 0.6);
      let lines = 0;
      for (const line of text.split(/\r\n?|\n/)) {
        let used = 0;
        let count = 1;
        for (const ch of line) {
          if (used + width(ch) > room && used > 0) {
            count++;
            used = 0;
          }
          used += width(ch);
        }
        lines += count;
      }
      return lines;
    };
    const plainWidth = (text: string) => [...text].reduce((n, ch) => n + width(ch), 0);
    const pieces = ['a', 'Z', '1', ' ', '政', '務', '（', '）', '■', '□', '√', '·', 'é', 'Ω', '😀', '𠀀', '\ud800', '\udc00', '\r', '\n', '\r\n', '\t', 'ｶ', '한', '\u3000'];
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]!).join('');
      const w = 1 + Math.floor(next() * 30) / 2;
      expect(linesIn(text, w), JSON.stringify([text, w])).toBe(plainLines(text, w));
      expect(textWidth(text)).toBeCloseTo(plainWidth(text), 9);
    }
  });
});

describe('the channel cell', () => {
  it('reads back the ticked boxes of a cell that is one box per line, and nothing else', () => {
    expect(readChannelCell('■政府网站\n□政府公报\r\n■两微一端\n■乡村振兴平台')).toEqual(['政府网站', '两微一端', '乡村振兴平台']);
    expect(readChannelCell('□政府网站\n□政府公报')).toEqual([]);
    expect(readChannelCell('政府网站；两微一端')).toBeUndefined();
    expect(readChannelCell('■政府网站\n两微一端')).toBeUndefined();
    // as gk writes it now: boxes one after another on a line, wrapped by the cell
    expect(readChannelCell('■政府网站 □政府公报 ■两微一端　■社区/企事业单位/村公示栏（电子屏）')).toEqual(['政府网站', '两微一端', '社区/企事业单位/村公示栏（电子屏）']);
    expect(readChannelCell('■政府网站 两微一端')).toEqual(['政府网站 两微一端']);
  });
});

describe('sheet names', () => {
  it('follows Excel’s rules: no []:*?/\\, at most 31 characters, unique', () => {
    const taken = new Set<string>();
    expect(sheetNameOf('城乡/规划[试点]:*?', taken)).toBe('城乡_规划_试点____');
    const long = '很'.repeat(40);
    expect([...sheetNameOf(long, taken)]).toHaveLength(31);
    const again = sheetNameOf(long, taken);
    expect([...again]).toHaveLength(31);
    expect(again.endsWith('(2)')).toBe(true);
    expect(sheetNameOf('', taken)).toBe('Sheet');
    // a quote inside would end the quoted sheet name of the print area
    expect(sheetNameOf("'村'务'", taken)).toBe('村’务');
  });
});

describe('zip timestamps', () => {
  it('encodes DOS dates and stamps every entry', async () => {
    expect(dosDateTime(new Date(Date.UTC(1980, 0, 1)))).toEqual({ date: 33, time: 0 });
    expect(dosDateTime(new Date(Date.UTC(2024, 4, 1, 13, 14, 15)))).toEqual({ date: (44 << 9) | (5 << 5) | 1, time: (13 << 11) | (14 << 5) | 7 });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['一']);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const stamped = stampZipEntries(bytes, new Date(Date.UTC(2024, 4, 1)));
    expect(stamped.length).toBe(bytes.length);
    const view = new DataView(stamped.buffer);
    let seen = 0;
    for (let i = 0; i + 4 <= stamped.length; i++) {
      if (view.getUint32(i, true) === 0x04034b50) {
        expect(view.getUint16(i + 12, true)).toBe((44 << 9) | (5 << 5) | 1);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(5);
    expect(() => stampZipEntries(new Uint8Array(100), new Date())).toThrow();
  });
});

/** One item row as the build tabulates it, with `over` replacing its fields. */
function itemRow(seq: number, over: Partial<ItemRow> = {}): ItemRow {
  return {
    seq,
    id: `x-${seq}`,
    domain: 'x',
    domainName: '测试',
    category: '类别',
    name: `事项${seq}`,
    content: '内容',
    basis: ['《条例》'],
    deadline: '常年公开',
    subject: '某局',
    channels: ['政府网站'],
    audience: ['全社会'],
    mode: ['主动'],
    levels: ['县级'],
    publics: [],
    ...over,
  };
}

describe('gk’s own workbook writer', () => {
  it('writes a zip any reader takes: the CRC of every entry checked, names and timestamps as given', async () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const big = Buffer.from('政务公开'.repeat(5000));
    const bytes = zipArchive([['a.xml', '<a/>'], ['dir/b.txt', big], ['empty', '']], new Date(Date.UTC(2024, 4, 1, 13, 14, 16)), 6);
    // JSZip compares each entry's CRC with its own computation of it
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(['a.xml', 'dir/b.txt', 'empty']);
    expect(await zip.file('a.xml')!.async('string')).toBe('<a/>');
    expect(Buffer.from(await zip.file('dir/b.txt')!.async('uint8array')).equals(big)).toBe(true);
    expect(await zip.file('empty')!.async('string')).toBe('');
    expect(zip.file('a.xml')!.date.toISOString()).toBe('2024-05-01T13:14:16.000Z');
    // stamping what it wrote changes nothing: the timestamps are already the given date
    expect(Buffer.from(stampZipEntries(bytes, new Date(Date.UTC(2024, 4, 1, 13, 14, 16)))).equals(Buffer.from(bytes))).toBe(true);
  });

  it('escapes markup and leaves out only what XML cannot hold', () => {
    expect(xmlText('a<b>&"c\'')).toBe('a&lt;b&gt;&amp;&quot;c\'');
    expect(xmlText('行一\n\t行二\r')).toBe('行一\n\t行二\r');
    expect(xmlText('x\u0001\u0008\u000b\u001f\u007fy\ufffe\uffff')).toBe('xy');
    expect(xmlText('\ud800a\udc00😀')).toBe('a😀');
  });

  it('carries hostile text through unchanged (but for what XML cannot hold), in cells, sheet names and the page header', async () => {
    const content = '<script>alert("&amp;")</script> & ]]> \u0001 =1+1';
    const rows = [itemRow(1, { content, category: ' 前后空格 ', basis: ['第一', '第二'] }), itemRow(2, { name: '', category: '类别' })];
    const bytes = await buildWorkbook({
      domains: [{ id: 'x', name: "A&B<C>'\"", standard: false, rows }],
      levelColumns: ['县级', '乡级'],
      channels: loadChannelVocabulary(),
      title: '某县<人民>政府&',
      date: '2024-05-01',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('A&B<C>’"');
    expect(wb.title).toBe('某县<人民>政府&');
    expect(ws.getCell('D3').value).toBe(content.replace('\u0001', ''));
    expect(ws.getCell('B3').value).toBe(' 前后空格 ');
    expect(ws.getCell('E3').value).toBe('第一\n第二');
    expect(ws.getCell('A4').value).toBe(2);
    expect(ws.getCell('C4').value).toBe('');
    expect(ws.headerFooter.oddHeader).toBe('&C某县<人民>政府&&A&&B<C>\'"领域基层政务公开标准目录');
    expect(ws.pageSetup).toMatchObject({ printArea: 'A1:N4', printTitlesRow: '1:2' });
    // identical input, identical bytes
    const again = await buildWorkbook({ domains: [{ id: 'x', name: "A&B<C>'\"", standard: false, rows }], levelColumns: ['县级', '乡级'], channels: loadChannelVocabulary(), title: '某县<人民>政府&', date: '2024-05-01' });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('writes one empty sheet for a catalog without items', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildWorkbook({ domains: [], levelColumns: ['县级', '乡级'], channels: loadChannelVocabulary(), title: 't' })) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => [w.name, w.rowCount])).toEqual([['目录', 0]]);
    expect(wb.created.toISOString()).toBe('1980-01-01T00:00:00.000Z');
  });
});
