// The workbook read back: one sheet per domain in the official layout, safe sheet names, stable bytes.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CSV_HEADERS } from '../../src/publish/csv.js';
import { readChannelCell, sheetNameOf } from '../../src/publish/xlsx.js';
import { dosDateTime, stampZipEntries } from '../../src/publish/zip.js';
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
    expect(String(ws.getCell('H5').value).split('\n').at(-1)).toBe('■基层公共服务平台');
    expect(ws.getCell('D3').alignment?.wrapText).toBe(true);
    expect(ws.getColumn(4).width).toBeGreaterThan(30);
    expect(ws.pageSetup.orientation).toBe('landscape');
  });
});

describe('the channel cell', () => {
  it('reads back the ticked boxes of a cell that is one box per line, and nothing else', () => {
    expect(readChannelCell('■政府网站\n□政府公报\r\n■两微一端\n■乡村振兴平台')).toEqual(['政府网站', '两微一端', '乡村振兴平台']);
    expect(readChannelCell('□政府网站\n□政府公报')).toEqual([]);
    expect(readChannelCell('政府网站；两微一端')).toBeUndefined();
    expect(readChannelCell('■政府网站\n两微一端')).toBeUndefined();
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
