// Builds the binary and encoded import fixtures (xlsx with merged cells, GBK and BOM CSVs) from data written out here, and
// the large CSVs of the size tests with the check that every row came in.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { gk } from '../helpers.js';

const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));

function csvLine(cells: string[], sep = ','): string {
  return cells.map((c) => (/[",\r\n\t]/.test(c) && sep === ',' ? `"${c.replace(/"/g, '""')}"` : c)).join(sep);
}

/**
 * 社会救助, as a county's Excel sheet: a merged title row, a two-row header under merged group cells, 一级事项 merged
 * over its rows, ■/□ channel checklists, √ columns (one row ticked in Wingdings 2, which Excel stores as “R”),
 * a line break inside a word, a row without 二级事项, an unknown column and a merged footnote.
 */
export async function twoRowMergedXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('公开目录');
  ws.addRow(['示例县社会救助领域基层政务公开标准目录']);
  ws.mergeCells('A1:O1');
  ws.addRow(['序号', '公开事项', '', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体\n（“■”表示必选项，“□”表示可选项）', '公开对象', '', '公开方式', '', '公开层级', '', '责任科室']);
  ws.addRow(['', '一级事项', '二级事项', '', '', '', '', '', '全社会', '特定群体', '主动', '依申请', '县级', '乡级', '']);
  ws.mergeCells('B2:C2');
  ws.mergeCells('I2:J2');
  ws.mergeCells('K2:L2');
  ws.mergeCells('M2:N2');
  for (const col of ['A', 'D', 'E', 'F', 'G', 'H', 'O']) ws.mergeCells(`${col}2:${col}3`);
  const rows: string[][] = [
    ['1', '综合业务', '政策法规文件', '●《社会救助暂行办法》(国务院令第649号) ●各地配套政策法规文件', '《社会救助暂行办法》、《中华人民共和国政府信息公开条例》', '制定或获取信息之日起10个工作日内', '示例县民政局', '■政府网站 □政府公报 ■两微一端 □发布会/听证会 ■公开查阅点', '√', '', '√', '', '√', '√', '社会救助股'],
    ['2', '', '监督检查', '●社会救助信访通讯地址\n●社会救助投诉举报电话', '《社会救助暂行办法》', '制定或获取信息之日起10个工作日内', '示例县民\n政局', '■政府网站 ■公开查阅点', '√', '', '√', '', '√', '', '社会救助股'],
    ['3', '最低生活保障', '办事指引', '●办理事项 ●办理条件 ●最低生活保障标准 ●申请材料 ●办理流程', '【行政法规】《社会救助暂行办法》(国务院令第649号)【部门规章】《最低生活保障审核确认办法》(民发〔2021〕57号)', '制定或获取信息之日起10个工作日内', '示例县民政局', '■政府网站 ■政务服务中心 □便民服务站', 'R', '', 'R', '', 'R', 'R', '低保股'],
    ['4', '', '审批信息', '低保对象名单及相关信息', '《最低生活保障审核确认办法》', '制定或获取信息之日起10个工作日内', '示例县民政局', '■政府网站 ■社区/企事业单位/村公示栏(电子屏)', '', '申请人', '√', '', '√', '', '低保股'],
    ['5', '特困人员救助供养', '', '终止供养名单', '', '', '', '', '', '', '', '', '', '', ''],
    ['6', '临时救助', '政策法规文件', '●《国务院关于全面建立临时救助制度的通知》(国发〔2014〕47号) ●各地配套政策法规文件', '《国务院关于全面建立临时救助制度的通知》(国发〔2014〕47号)', '制定或获取信息之日起10个工作日内', '示例县民政局', '■政府网站 ■政务服务中心', '√', '', '√', '', '√', '√', '社会救助股'],
    ['7', '', '急难型临时救助', '救助对象、救助标准、办理流程', '《国务院关于全面建立临时救助制度的通知》', '信息形成或变更之日起20个工作日内', '示例县民政局', '■政府网站 □两微一端 ■便民服务站', '', '√', '', '√', '√', '√', '社会救助股'],
    ['注：“■”为必选项，“□”为可选项；√ 表示适用。'],
  ];
  for (const r of rows) ws.addRow(r);
  ws.mergeCells('B4:B5');
  ws.mergeCells('B6:B7');
  ws.mergeCells('B9:B10');
  ws.mergeCells('A11:O11');
  for (const cell of ['I6', 'K6', 'M6', 'N6']) ws.getCell(cell).font = { name: 'Wingdings 2' };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * 养老服务 with the columns in an unusual order and their variant names (事项名称, 一级目录, 公开形式, 公开内容(要素)),
 * a title row, the 公开对象/方式/层级 written as words (特定群众, 依申请公开, 县级、乡级), and the header repeated mid-sheet.
 */
export async function unusualOrderXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('Sheet1');
  const header = ['公开主体', '事项名称', '公开时限', '公开内容(要素)', '一级目录', '公开依据', '公开形式', '公开对象', '公开方式', '公开层级', '序号'];
  ws.addRow(['养老服务领域基层政务公开标准目录（示例县）']);
  ws.addRow([]);
  ws.addRow(header);
  ws.addRow(['示例县民政局', '养老服务扶持政策措施清单', '制定或获取扶持政策措施之日起10个工作日内', '●扶持政策措施名称 ●扶持对象 ●实施部门', '养老服务通用政策', '信息公开规定', '政府网站；两微一端；政务服务中心', '全社会', '主动公开', '县级、乡级', '1']);
  ws.addRow(['示例县民政局', '养老机构投资指南', '制定或获取指南之日起10个工作日内', '●养老机构设立条件 ●投资优惠政策', '养老服务通用政策', '信息公开规定', '政府门户网站、政务大厅', '全社会', '主动', '县级', '2']);
  ws.addRow(header);
  ws.addRow(['示例县民政局', '老年人补贴', '制定或获取补贴政策之日起10个工作日内', '●补贴对象 ●补贴标准 ●申请材料 ●办理流程', '养老服务业务办理', '信息公开规定', '政府网站', '特定群众', '依申请公开', '县(区)级', '3']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** 财政预决算 as Excel on Chinese Windows saves a CSV: GBK, a title line, one header row, a stray empty line. */
export function gbkCsv(): Uint8Array {
  const lines = [
    csvLine(['示例县财政预决算领域基层政务公开标准目录', '', '', '', '', '', '', '', '', '', '']),
    csvLine(['序号', '一级事项', '二级事项', '公开内容', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开方式', '公开层级']),
    csvLine(['1', '财政预决算', '政府预算', '一般公共预算、政府性基金预算、国有资本经营预算、社会保险基金预算', '1.《中华人民共和国预算法》;2.《中华人民共和国政府信息公开条例》', '本级人民代表大会或其常务委员会批准后20日内', '示例县财政局', '政府网站；政府公报', '全社会', '主动', '县级']),
    '',
    csvLine(['2', '财政预决算', '政府决算', '一般公共预算、政府性基金预算决算报表及说明', '《中华人民共和国预算法》', '本级人民代表大会常务委员会批准后20日内', '示例县财政局', '政府网站', '全社会', '主动', '县级']),
    csvLine(['3', '财政预决算', '部门预算', '部门预算报表及情况说明、“三公”经费预算', '《中华人民共和国预算法》', '本级政府财政部门批复后20日内', '示例县各预算部门', '部门网站；政府网站', '全社会', '主动', '县级']),
  ];
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk');
}

/**
 * 就业 as a UTF-8 CSV with a BOM: a two-row header where the group labels sit over their first column (a CSV
 * cannot merge), an empty 一级事项 to carry down, a quoted cell with line breaks and commas.
 */
export function bomCsv(): Uint8Array {
  const lines = [
    csvLine(['序号', '公开事项', '', '公开内容', '公开依据', '公开时限', '公开主体', '公开渠道', '公开对象', '', '公开方式', '', '公开层级', '']),
    csvLine(['', '一级事项', '二级事项', '', '', '', '', '', '全社会', '特定群体', '主动', '依申请', '县级', '乡级']),
    csvLine(['1', '就业信息服务', '就业政策法规咨询', '1.就业创业政策项目\n2.对象范围\n3.政策申请条件', '《中华人民共和国就业促进法》,《就业服务与就业管理规定》', '信息形成或变更之日起20个工作日内', '示例县人力资源和社会保障局', '政府网站;政务服务中心', '√', '', '√', '', '√', '√']),
    csvLine(['2', '', '岗位信息发布', '1.招聘单位 2.岗位要求 3.福利待遇', '《人力资源市场暂行条例》', '信息形成或变更之日起20个工作日内', '示例县公共就业服务中心', '政府网站;便民服务站', '√', '', '√', '', '√', '']),
    csvLine(['3', '', '求职信息登记', '求职登记办理流程、所需材料', '《就业服务与就业管理规定》', '信息形成或变更之日起20个工作日内', '示例县公共就业服务中心', '政务服务中心', '', '√', '√', '', '√', '√']),
  ];
  return new TextEncoder().encode(`\ufeff${lines.join('\r\n')}\r\n`);
}

/**
 * 户籍管理 as text pasted from a Word table into Notepad: tab-separated, the Wingdings ◆ tick turned into “t”,
 * 口 for empty boxes, 特定群众, 依申请公开 and 乡、村级 in the header.
 */
export function checkmarkGlyphTxt(): Uint8Array {
  const lines = [
    ['户籍管理领域基层政务公开标准目录'],
    ['序号', '公开事项', '', '公开内容', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '', '公开方式', '', '公开层级', ''],
    ['', '一级事项', '二级事项', '', '', '', '', '', '全社会', '特定群众', '主动', '依申请公开', '县级', '乡、村级'],
    ['1', '出生登记', '出生登记', '受理部门、办理条件、办理流程、所需材料、办理时限', '《户口登记条例》、《政府信息公开条例》', '信息形成或变更之日起20个工作日内', '示例县公安局', 't政府网站 口政府公报 t入户/现场', 't', '', 't', '', 't', 't'],
    ['2', '注销登记', '死亡注销', '受理部门、办理条件、办理流程、所需材料', '《户口登记条例》', '信息形成或变更之日起20个工作日内', '示例县公安局', 't政府网站 口两微一端 t公开查阅点', 't', '', 't', '', 't', ''],
    ['3', '', '服现役注销', '受理部门、办理条件、办理流程、所需材料', '《户口登记条例》、《兵役法》', '信息形成或变更之日起20个工作日内', '示例县公安局', 't政府网站', 't', '', 't', '', 't', ''],
  ];
  return new TextEncoder().encode(`${lines.map((l) => l.join('\t')).join('\n')}\n`);
}

/** A CSV of at least `bytes` UTF-8 bytes (CRLF), every row an item of 财政预决算; returns the text and its item count. */
export function largeCsv(bytes: number): { text: string; items: number } {
  const header = '序号,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级';
  const lines = [header];
  let size = Buffer.byteLength(header) + 2;
  for (let i = 1; size < bytes; i++) {
    const line = `${i},预算公开类${i % 37},政府预算${i}事项,"预算报告、预算表、说明${i}",《中华人民共和国预算法》；《中华人民共和国政府信息公开条例》,信息形成或变更之日起20个工作日内,示例县财政局,政府网站；政务新媒体,全社会,主动,县级`;
    lines.push(line);
    size += Buffer.byteLength(line) + 2;
  }
  return { text: `${lines.join('\r\n')}\r\n`, items: lines.length - 1 };
}

/** `gk import big.csv --domain fiscal-budget` in `dir` (a CSV from largeCsv) succeeds quietly with every row an item, the last one included. */
export async function importsEveryRow(dir: string, items: number): Promise<void> {
  const r = await gk(['import', 'big.csv', '--domain', 'fiscal-budget'], dir);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const imported = parse(fs.readFileSync(path.join(dir, 'catalog', 'fiscal-budget.yaml'), 'utf8')).items as Array<{ name: string }>;
  expect(imported).toHaveLength(items);
  expect(imported.at(-1)!.name).toBe(`政府预算${items}事项`);
}

export const BINARY_FIXTURES: Record<string, () => Promise<Uint8Array> | Uint8Array> = {
  'two-row-merged.xlsx': twoRowMergedXlsx,
  'unusual-order.xlsx': unusualOrderXlsx,
  'gbk.csv': gbkCsv,
  'bom.csv': bomCsv,
  'checkmark-glyph.txt': checkmarkGlyphTxt,
};
