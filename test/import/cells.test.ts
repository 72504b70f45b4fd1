// Reading cells: marks, channel checklists, 公开依据 documents, line breaks, delimited text, headers, domains, matching.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cleanText, dropBasisTail, readChecklist, readMark, splitBasis, splitChannels, splitValues } from '../../src/import/cells.js';
import { parseDelimited, readDelimited, sniffDelimiter } from '../../src/import/csv.js';
import { findDomainsIn, guessDomain } from '../../src/import/domain.js';
import { findHeader } from '../../src/import/header.js';
import { readHtmlTables } from '../../src/import/html.js';
import { matchRows, normalizeName } from '../../src/import/match.js';
import { loadChannelVocabulary } from '../../src/load/channels.js';
import { defaultEdition } from '../../src/check/validate.js';

const vocab = loadChannelVocabulary();

describe('marks', () => {
  it.each(['√', '✓', '✔', '■', '☑', '◆', '▲', 't', 'R', ' √ ', '是'])('%j is a tick', (cell) => expect(readMark(cell)).toEqual({ checked: true }));
  it.each(['', ' ', '□', '口', '☐', '×', '否', '—', '/'])('%j is no tick', (cell) => expect(readMark(cell)).toEqual({ checked: false }));
  it('words in a tick column tick it and are kept', () => expect(readMark('申请人')).toEqual({ checked: true, text: '申请人' }));
});

describe('checklists', () => {
  it('keeps the ticked entries', () => {
    expect(readChecklist('■政府网站 □政府公报 ■两微一端')).toEqual({ checked: ['政府网站', '两微一端'], unchecked: ['政府公报'] });
    expect(readChecklist('t政府网站 口政府公报 t入户/现场')?.checked).toEqual(['政府网站', '入户/现场']);
    expect(readChecklist('R政府网站£政务服务中心')?.checked).toEqual(['政府网站']);
    expect(readChecklist('■其他(____)')?.checked).toEqual(['其他']);
  });
  it('does not take 口 inside a word for a box', () => expect(readChecklist('人口信息平台')).toBeUndefined());
  it('splits plain lists only where every part is a known channel', () => {
    expect(splitChannels('政府公报、政府网站、新闻发布会、报刊、广播、电视或其他便于公众知晓的方式', vocab).channels).toEqual([
      '政府公报',
      '政府网站',
      '新闻发布会',
      '报刊',
      '广播',
      '电视',
      '其他便于公众知晓的方式',
    ]);
    expect(splitChannels('社区/企事业单位、村公示栏(电子屏)；入户、现场', vocab).channels).toEqual(['社区/企事业单位、村公示栏(电子屏)', '入户、现场']);
  });
  it('keeps 乡、村级 whole in a list of levels', () => expect(splitValues('县级；乡、村级')).toEqual(['县级', '乡、村级']));
});

describe('公开依据', () => {
  it('one entry per document, with its number', () => {
    expect(splitBasis('《关于全面推进政务公开工作的意见》(中办发〔2016〕8号)《关于推进重大建设项目批准和实施领域政务信息公开的意见》(国办发〔2017〕94号)')).toEqual([
      '《关于全面推进政务公开工作的意见》(中办发〔2016〕8号)',
      '《关于推进重大建设项目批准和实施领域政务信息公开的意见》(国办发〔2017〕94号)',
    ]);
  });
  it('drops 【法律】 prefixes and 1. 2. numbering', () => {
    expect(splitBasis('【法律】《中华人民共和国行政许可法》(主席令第7号) 【行政法规】《计划生育技术服务管理条例》')).toEqual(['《中华人民共和国行政许可法》(主席令第7号)', '《计划生育技术服务管理条例》']);
    expect(splitBasis('1.《中华人民共和国政府信息公开条例》(国令第711号);2.建设用地审查报批有关规定')).toEqual(['《中华人民共和国政府信息公开条例》(国令第711号)', '建设用地审查报批有关规定']);
  });
  it('never splits inside 《》 or brackets, nor plain words between titles', () => {
    expect(splitBasis('《中共中央、国务院转发<中央宣传部、司法部关于…的第七个五年规划(2016-2020年)>》、各省“七五”普法规划')).toEqual([
      '《中共中央、国务院转发<中央宣传部、司法部关于…的第七个五年规划(2016-2020年)>》',
      '各省“七五”普法规划',
    ]);
    expect(splitBasis('《预算法》及相关法律、法规')).toEqual(['《预算法》及相关法律、法规']);
    expect(splitBasis('《政府信息公开条例》、《关于全面推进政务公开工作的意见》及其实施细则')).toEqual(['《政府信息公开条例》', '《关于全面推进政务公开工作的意见》及其实施细则']);
  });
  it('survives an unclosed bracket', () => expect(splitBasis('《条例》(税总发〔201744号)、《办法》')).toEqual(['《条例》(税总发〔201744号)', '《办法》']));
  it('a cell without a title is one entry', () => expect(splitBasis('信息公开规定')).toEqual(['信息公开规定']));
  it('a generic tail can be set aside', () => expect(dropBasisTail(['《A》', '《B》等法律法规'])).toEqual({ entries: ['《A》', '《B》'], tail: '等法律法规' }));
});

describe('text', () => {
  it('removes a line break inside a word, keeps list lines in multi-line fields', () => {
    expect(cleanText('财政预\n决算', false)).toBe('财政预决算');
    expect(cleanText('1.机构名称\r\n2.开放时间', true)).toBe('1.机构名称\n2.开放时间');
    expect(cleanText('ＸＸ县\u3000民政局 ', false)).toBe('XX县 民政局');
  });
});

describe('delimited text', () => {
  it('reads quoted fields with separators, quotes and line breaks, and where each record starts', () => {
    const { rows, lines } = parseDelimited('a,"b,1","c ""q""\nd"\r\ne,f,g\n', ',');
    expect(rows).toEqual([['a', 'b,1', 'c "q"\nd'], ['e', 'f', 'g']]);
    expect(lines).toEqual([1, 3]);
  });
  it('keeps the edges as they were read a character at a time: a quote only opens a field, a last empty field, an unclosed quote', () => {
    // text after a closing quote, and a quote inside a field, are characters of the field
    expect(parseDelimited('"a"b"c,d"e\n', ',').rows).toEqual([['ab"c', 'd"e']]);
    // a separator at the very end leaves an empty field; a lone CR ends a record; blank lines are records of one empty field
    expect(parseDelimited('a,\rb\n\nc,', ',')).toEqual({ rows: [['a', ''], ['b'], [''], ['c', '']], lines: [1, 2, 3, 4] });
    // a quote never closed runs to the end of the text, line breaks and all
    expect(parseDelimited('x,"open\n,still\n', ',')).toEqual({ rows: [['x', 'open\n,still\n']], lines: [1] });
    // a text ending in one empty quoted field adds no record
    expect(parseDelimited('a\n""', ',').rows).toEqual([['a']]);
    expect(parseDelimited('a\n"q""uote"', ',').rows).toEqual([['a'], ['q"uote']]);
  });
  it('reads what Excel saves as “Unicode text”: UTF-16 with tabs', () => {
    const table = readDelimited(iconv.encode('\ufeff序号\t二级事项\n1\t政府预算\n', 'utf-16le'));
    expect([table.encoding, table.delimiter, table.rows]).toEqual(['utf-16le', '\t', [['序号', '二级事项'], ['1', '政府预算']]]);
  });
  it('tells tabs from commas', () => {
    expect(sniffDelimiter('序号\t二级事项\t公开内容\n1\t甲,乙\t丙\n')).toBe('\t');
    expect(sniffDelimiter('序号,二级事项,公开内容\n1,"甲\t乙",丙\n')).toBe(',');
  });
});

describe('headers', () => {
  it('finds a two-row header under a title, with group cells over their parts', () => {
    const header = findHeader([
      ['社会救助领域基层政务公开标准目录', '社会救助领域基层政务公开标准目录', '社会救助领域基层政务公开标准目录', '社会救助领域基层政务公开标准目录', '社会救助领域基层政务公开标准目录'],
      ['公开事项', '公开事项', '公开内容', '公开对象', '公开对象'],
      ['一级事项', '二级事项', '公开内容', '全社会', '特定群众'],
    ])!;
    expect([header.first, header.last]).toEqual([1, 2]);
    expect(header.columns.map((c) => (c.kind === 'mark' ? `${c.field}:${c.value}` : c.kind === 'text' ? c.field : 'ignored'))).toEqual(['category', 'name', 'content', 'audience:全社会', 'audience:特定群体']);
  });
  it('reads the variant names offices use', () => {
    const header = findHeader([['一级目录', '事项名称', '事项内容', '公开形式', '公开方式', '公开层级', '咨询电话']])!;
    expect(header.columns.map((c) => (c.kind === 'text' ? c.field : c.kind))).toEqual(['category', 'name', 'content', 'channels', 'mode', 'levels', 'ignored']);
  });
  it('needs an item-name column', () => expect(findHeader([['序号', '公开内容', '公开依据']])).toBeUndefined());
});

describe('HTML tables', () => {
  it('expands rowspan and colspan into a grid', () => {
    const [table] = readHtmlTables('<table><tr><td rowspan="2">A</td><td colspan="2">B</td></tr><tr><td>c<br>d</td><td>e</td></tr></table>');
    expect(table!.rows).toEqual([
      ['A', 'B', 'B'],
      ['A', 'c\nd', 'e'],
    ]);
  });
});

describe('domains', () => {
  it('reads the domain from a title, not from a name inside a longer one', () => {
    expect(findDomainsIn('国有土地上房屋征收领域基层政务公开标准目录')).toEqual(['housing-expropriation']);
    expect(findDomainsIn('农村集体土地征收领域基层政务公开标准目录')).toEqual(['land-expropriation']);
    expect(guessDomain(['社会救助和养老服务领域'])).toEqual({ ambiguous: ['elderly-care', 'social-assistance'], from: '社会救助和养老服务领域' });
    expect(guessDomain(['目录', 'social-assistance.csv'])).toEqual({ domain: 'social-assistance', from: 'social-assistance.csv' });
  });
});

describe('matching national items', () => {
  const edition = defaultEdition();
  it('ignores numbering and punctuation in names', () => expect(normalizeName('1.1 国家层面法规政策')).toBe('国家层面法规政策'));
  it('uses the category to tell same-named items apart, and gives each national item to one row', () => {
    const results = matchRows(
      [
        { name: '政策法规文件', category: '临时救助' },
        { name: '办事指引', category: '最低生活保障' },
        { name: '办事指南', category: '最低生活保障' },
        { name: '政策法规文件' },
        { name: '急难型临时救助', category: '临时救助' },
      ],
      edition,
      'social-assistance',
    );
    expect(results.map((r) => (r.kind === 'matched' || r.kind === 'taken' ? `${r.kind} ${r.item.id}` : r.kind))).toEqual([
      'matched social-assistance/11',
      'taken social-assistance/4',
      'matched social-assistance/4',
      'ambiguous',
      'none',
    ]);
  });
});
