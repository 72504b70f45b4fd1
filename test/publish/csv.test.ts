// The CSV writer's pure parts: quoting, formula neutralising and its inverse, whole files.
import { describe, expect, it } from 'vitest';
import { CSV_HEADERS, formatCsv, formatCsvRecord, neutralizeCsvCell, quoteCsvCell, restoreCsvCell } from '../../src/publish/csv.js';
import { parseCsv } from './helpers.js';

describe('CSV cells', () => {
  it('quotes only what RFC 4180 requires, doubling quotes', () => {
    expect(quoteCsvCell('政府网站')).toBe('政府网站');
    expect(quoteCsvCell('a,b')).toBe('"a,b"');
    expect(quoteCsvCell('他说"好"')).toBe('"他说""好"""');
    expect(quoteCsvCell('一\n二')).toBe('"一\n二"');
    expect(quoteCsvCell('一\r二')).toBe('"一\r二"');
    expect(quoteCsvCell('全角，逗号')).toBe('全角，逗号');
  });

  it('neutralises cells a spreadsheet would read as formulas, and nothing else', () => {
    for (const s of ['=1+1', '+86 12345', '-5', '@SUM(A1)', '\tx', '\rx']) expect(neutralizeCsvCell(s)).toBe(`'${s}`);
    for (const s of ['1+1', '《预算法》', '', '＝全角等号', "it's"]) expect(neutralizeCsvCell(s)).toBe(s);
    expect(neutralizeCsvCell("'=x")).toBe("''=x");
  });

  it('restores every value exactly, including values that start with a quote', () => {
    for (const s of ['=1+1', "'=1+1", "''-x", "'plain", 'plain', '-', "'", '@', '']) expect(restoreCsvCell(neutralizeCsvCell(s))).toBe(s);
  });

  it('writes records with CRLF and files with a BOM and the header', () => {
    expect(formatCsvRecord(['1', '=x', 'a,b'])).toBe(`1,'=x,"a,b"\r\n`);
    const text = formatCsv(CSV_HEADERS, [CSV_HEADERS.map((h, i) => (i === 3 ? '多行\n内容，"引号"' : h))]);
    expect(text.startsWith('\ufeff序号,一级事项,')).toBe(true);
    const records = parseCsv(text.slice(1));
    expect(records).toHaveLength(2);
    expect(records[1]![3]).toBe('多行\n内容，"引号"');
  });

  it('keeps the official column order, with gk’s four columns at the end', () => {
    expect(CSV_HEADERS.slice(0, 11)).toEqual(['序号', '一级事项', '二级事项', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开方式', '公开层级']);
    expect(CSV_HEADERS.slice(11)).toEqual(['五公开分类', '事项编号', '对应标准事项', '领域']);
  });
});
