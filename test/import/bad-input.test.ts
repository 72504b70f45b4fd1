// gk import on files it cannot read: a clear message in the chosen language, exit 2, nothing written, never a stack trace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CSV_HEADERS, formatCsv } from '../../src/publish/csv.js';
import { gk, gkRefusal } from '../helpers.js';
import { importsEveryRow, largeCsv } from './fixtures.js';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

function workspace(files: Record<string, string | Uint8Array> = {}): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-import-bad-'));
  temps.push(tmp);
  for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(tmp, name), data);
  return tmp;
}

/** Both languages refuse with exit 2 and one line on stderr; no catalog folder appears. */
async function refusal(args: string[], cwd: string): Promise<{ zh: string; en: string }> {
  const said = await gkRefusal(args, cwd);
  expect(fs.existsSync(path.join(cwd, 'catalog'))).toBe(false);
  return said;
}

function randomBytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

describe('gk import refuses what it cannot read', () => {
  it('an empty file', async () => {
    const r = await refusal(['import', 'empty.csv'], workspace({ 'empty.csv': '' }));
    expect(r.zh).toBe('gk: empty.csv：文件是空的\n');
    expect(r.en).toBe('gk: empty.csv: the file is empty\n');
  });

  it('a binary file named .csv', async () => {
    const r = await refusal(['import', 'data.csv'], workspace({ 'data.csv': randomBytes(4000) }));
    expect(r.zh).toBe('gk: data.csv：不是文本文件，也不是 .xlsx 工作簿或网页\n');
    expect(r.en).toBe('gk: data.csv: not a text file, nor an .xlsx workbook or an HTML page\n');
  });

  it('a CSV without a recognisable header', async () => {
    const r = await refusal(['import', 'list.csv'], workspace({ 'list.csv': 'foo,bar,baz\n1,2,3\n' }));
    expect(r.zh).toContain('list.csv：没有找到目录表格');
    expect(r.en).toBe('gk: list.csv: no catalog table found (no row with headers such as 二级事项/事项名称, 公开内容, 公开依据)\n');
  });

  it('an .xlsx that is a zip of junk, a truncated zip, and random bytes', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'hello');
    zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="x" sheetId="1"/></sheets></workbook>');
    const junk = await zip.generateAsync({ type: 'uint8array' });
    const tmp = workspace({ 'junk.xlsx': junk, 'cut.xlsx': junk.subarray(0, 60), 'noise.xlsx': randomBytes(3000) });
    const j = await refusal(['import', 'junk.xlsx'], tmp);
    expect(j.zh).toBe('gk: junk.xlsx：工作簿中没有工作表\n');
    expect(j.en).toBe('gk: junk.xlsx: the workbook has no worksheets\n');
    const c = await refusal(['import', 'cut.xlsx'], tmp);
    expect(c.zh).toMatch(/^gk: cut\.xlsx：无法读取该工作簿，文件可能已损坏（.+）\n$/);
    expect(c.en).toMatch(/^gk: cut\.xlsx: cannot read the workbook; the file may be damaged \(.+\)\n$/);
    const n = await refusal(['import', 'noise.xlsx'], tmp);
    expect(n.zh).toBe('gk: noise.xlsx：不是 .xlsx 工作簿（文件开头不是 zip 格式）\n');
  });

  it('an HTML page without a table', async () => {
    const r = await refusal(['import', 'page.html'], workspace({ 'page.html': '<html><head><title>社会救助</title></head><body><p>无表格</p></body></html>' }));
    expect(r.zh).toBe('gk: page.html：网页中没有表格（<table>）\n');
    expect(r.en).toBe('gk: page.html: the page has no table (<table>)\n');
  });

  it('a file that does not exist, a folder, and an --out that is a file', async () => {
    const tmp = workspace({ 'out.txt': 'x', 'ok.csv': '二级事项,公开内容,公开依据\n预算,预算表,《预算法》\n' });
    fs.mkdirSync(path.join(tmp, 'folder.csv'));
    const missing = await refusal(['import', 'missing.csv'], tmp);
    expect(missing.zh).toBe('gk: 找不到文件：missing.csv\n');
    expect(missing.en).toBe('gk: file not found: missing.csv\n');
    const folder = await refusal(['import', 'folder.csv'], tmp);
    expect(folder.en).toBe('gk: folder.csv is a folder; name a table file\n');
    const out = await refusal(['import', 'ok.csv', '--domain', 'fiscal-budget', '--out', 'out.txt'], tmp);
    expect(out.zh).toBe('gk: out.txt 是一个文件，不是文件夹\n');
    expect(fs.readFileSync(path.join(tmp, 'out.txt'), 'utf8')).toBe('x');
  });

  it('an unknown --domain and --complete without --edition', async () => {
    const tmp = workspace({ 'ok.csv': '二级事项,公开内容,公开依据\n预算,预算表,《预算法》\n' });
    const domain = await refusal(['import', 'ok.csv', '--domain', '不存在的领域'], tmp);
    expect(domain.zh).toContain('--domain：“不存在的领域”既不是已知领域的编号');
    expect(domain.en).toContain('--domain: "不存在的领域" is neither the id of a known domain');
    const complete = await refusal(['import', 'ok.csv', '--complete'], tmp);
    expect(complete.zh).toBe('gk: --complete 须与 --edition 一起使用\n');
  });
});

describe('gk import on large and hostile tables', () => {
  // The 2 MB case (about 10,000 rows) is in the scale suite (large.scale.test.ts); its speed is for npm run bench. This one
  // is three times the 64 KB from which the encoding and separator are sniffed, so rows past the sample count too.
  it('reads a CSV well past the 64 KB it sniffs its dialect from, every row an item', async () => {
    const csv = largeCsv(192 * 1024);
    expect(Buffer.byteLength(csv.text)).toBeGreaterThanOrEqual(3 * 64 * 1024);
    await importsEveryRow(workspace({ 'big.csv': csv.text }), csv.items);
  });

  it("takes back the ' gk build put before cells that start with = + - @, and keeps every other quote", async () => {
    const row = (category: string, name: string, content: string, basis: string, subject: string) => ['1', category, name, content, basis, '信息形成或变更之日起20个工作日内', subject, '政府网站', '全社会', '主动', '县级', '', 'fiscal-budget-01', '', 'fiscal-budget'];
    const csv = formatCsv(CSV_HEADERS, [row('=SUM(A1)', '+86 热线', '-负号开头的内容', '@某文件；《预算法》', "'=已带引号")]);
    // the file really is neutralised: no cell of it starts with a formula character
    expect(csv).toContain(",'=SUM(A1),'+86 热线,'-负号开头的内容,'@某文件；《预算法》,");
    const tmp = workspace({ 'catalog.csv': csv });
    const r = await gk(['import', 'catalog.csv'], tmp);
    expect(r.code).toBe(0);
    const item = parse(fs.readFileSync(path.join(tmp, 'catalog', 'fiscal-budget.yaml'), 'utf8')).items[0];
    expect(item).toMatchObject({ category: '=SUM(A1)', name: '+86 热线', content: '-负号开头的内容', basis: ['@某文件', '《预算法》'], subject: "'=已带引号" });
  });

  it("leaves a leading ' alone in a table gk build did not write", async () => {
    const tmp = workspace({ 'list.csv': "二级事项,公开内容,公开依据,公开主体\n'=预算,预算表,《预算法》,示例县财政局\n" });
    const r = await gk(['import', 'list.csv', '--domain', 'fiscal-budget'], tmp);
    // written, then found incomplete by validation (no 公开时限 and so on): exit 1, not a refusal
    expect(r.code).toBe(1);
    expect(parse(fs.readFileSync(path.join(tmp, 'catalog', 'fiscal-budget.yaml'), 'utf8')).items[0].name).toBe("'=预算");
  });

  it('names a value it could not read by its column, in the language of the report', async () => {
    const tmp = workspace({ 'list.csv': '二级事项,公开内容,公开依据,公开方式\n预算,预算表,《预算法》,随时\n' });
    const zh = await gk(['import', 'list.csv', '--domain', 'fiscal-budget'], tmp);
    expect(zh.out).toContain('第 2 行  公开方式“随时”无法识别，未导入');
    expect(fs.readFileSync(path.join(tmp, 'catalog', 'fiscal-budget.yaml'), 'utf8')).toContain('# 财政预决算 · 由 gk import 从 list.csv 导入\n');
    const en = await gk(['--lang', 'en', 'import', 'list.csv', '--domain', 'fiscal-budget', '--force'], tmp);
    expect(en.out).toContain('line 2  mode (公开方式) "随时" not recognised; left out');
    expect(fs.readFileSync(path.join(tmp, 'catalog', 'fiscal-budget.yaml'), 'utf8')).toContain('# 财政预决算 · imported by gk import from list.csv\n');
  });
});
