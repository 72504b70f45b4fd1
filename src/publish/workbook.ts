// A small SpreadsheetML writer for the catalog workbook: text and number cells in a few fixed styles, merged cells,
// row heights, column widths, a frozen header and the print setup (area, titles, page, header and footer), written
// as XML text and deflated by Node's zlib. exceljs wrote the same workbook at about 100 ms of CPU per government (a
// city build: some 10 s, a third of the whole); this writes it in a few. exceljs still reads workbooks (gk import)
// and writes the report's.
import { columnLetters } from '../model/table.js';
import { zipArchive } from './zip.js';

/** The cell styles the catalog workbook uses; their order is their index in styles.xml's cellXfs (0 is Excel's default). */
export const CELL_STYLE = {
  /** the official columns' headers: bold, shaded, centred, wrapped */
  header: 1,
  /** gk's own columns' headers: bold, grey, centred, one line */
  extraHeader: 2,
  /** 序号 and the √ columns: centred */
  mark: 3,
  /** the official text columns: top left, wrapped */
  text: 4,
  /** gk's own columns: top left, one line */
  extra: 5,
} as const;
export type CellStyle = (typeof CELL_STYLE)[keyof typeof CELL_STYLE];

/** A cell: its value (undefined: styled but empty, as the covered cells of a merge) and its style. */
export interface Cell {
  value: string | number | undefined;
  style: CellStyle;
}

export interface Sheet {
  name: string;
  /** column widths in Excel's units, from column A */
  widths: readonly number[];
  rows: ReadonlyArray<{ height: number; cells: readonly Cell[] }>;
  /** ranges such as A1:A2 */
  merges: readonly string[];
  /** rows kept in view and printed on every page (1:n) */
  headerRows: number;
  /** the last column printed (from 1); the print area runs from A1 to it and the last row */
  printColumns: number;
  /** page header and footer, in Excel's codes (&C centre, &P page, &N pages) */
  header: string;
  footer: string;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Text as XML content or attribute value. Characters XML cannot hold (C0 controls but tab, CR and LF; DEL; lone
 * surrogates; U+FFFE, U+FFFF) are left out, as exceljs left them out: a workbook cannot carry them at all.
 */
export function xmlText(text: string): string {
  return text.replace(/[&<>"]|[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (ch) =>
    ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '"' ? '&quot;' : '',
  );
}

const STYLES =
  `<styleSheet xmlns="${NS}">` +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="10"/><name val="宋体"/></font><font><sz val="10"/><name val="宋体"/></font></fonts>' +
  '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFE8EEF4"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color rgb="FF808080"/></left><right style="thin"><color rgb="FF808080"/></right><top style="thin"><color rgb="FF808080"/></top><bottom style="thin"><color rgb="FF808080"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="top"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** A number as SpreadsheetML writes it: finite, in JavaScript's shortest form. */
function num(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

/**
 * The workbook's bytes: one sheet per entry of `sheets` in order, strings shared (a catalog repeats 全社会, √, its
 * departments), `title` and `date` in the document properties and `date` on every zip entry, so identical input gives
 * identical bytes.
 */
export function writeWorkbook(sheets: readonly Sheet[], title: string, date: Date, level: number): Uint8Array {
  const strings = new Map<string, number>();
  let uses = 0;
  const sharedIndex = (text: string) => {
    uses++;
    let i = strings.get(text);
    if (i === undefined) {
      i = strings.size;
      strings.set(text, i);
    }
    return i;
  };
  const sheetXml = sheets.map((sheet) => {
    const parts: string[] = [];
    const lastCol = Math.max(1, sheet.widths.length, ...sheet.rows.map((r) => r.cells.length));
    const lastRow = Math.max(1, sheet.rows.length);
    const top = `A${sheet.headerRows + 1}`;
    parts.push(
      `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${columnLetters(lastCol)}${lastRow}"/>`,
      sheet.headerRows > 0
        ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${sheet.headerRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`
        : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
      '<sheetFormatPr defaultRowHeight="15"/>',
    );
    if (sheet.widths.length > 0) parts.push(`<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${num(w)}" customWidth="1"/>`).join('')}</cols>`);
    parts.push('<sheetData>');
    sheet.rows.forEach((row, r) => {
      const n = r + 1;
      let cells = '';
      row.cells.forEach((cell, c) => {
        const ref = `${columnLetters(c + 1)}${n}`;
        if (cell.value === undefined) cells += `<c r="${ref}" s="${cell.style}"/>`;
        else if (typeof cell.value === 'number') cells += `<c r="${ref}" s="${cell.style}"><v>${num(cell.value)}</v></c>`;
        else cells += `<c r="${ref}" s="${cell.style}" t="s"><v>${sharedIndex(cell.value)}</v></c>`;
      });
      parts.push(`<row r="${n}" ht="${num(row.height)}" customHeight="1">${cells}</row>`);
    });
    parts.push('</sheetData>');
    if (sheet.merges.length > 0) parts.push(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
    parts.push(
      '<printOptions horizontalCentered="1"/><pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>',
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
      `<headerFooter><oddHeader>${xmlText(sheet.header)}</oddHeader><oddFooter>${xmlText(sheet.footer)}</oddFooter></headerFooter></worksheet>`,
    );
    return parts.join('');
  });
  // The print area and titles of each sheet are names local to it; the sheet is named in quotes (sheetNameOf keeps
  // apostrophes out of sheet names).
  const names = sheets.flatMap((sheet, i) =>
    sheet.rows.length === 0
      ? []
      : [
          `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${xmlText(`'${sheet.name}'!$A$1:$${columnLetters(sheet.printColumns)}$${sheet.rows.length}`)}</definedName>`,
          ...(sheet.headerRows > 0 ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`'${sheet.name}'!$1:$${sheet.headerRows}`)}</definedName>`] : []),
        ],
  );
  const workbook =
    `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
    sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    `</sheets>${names.length > 0 ? `<definedNames>${names.join('')}</definedNames>` : ''}<calcPr calcId="171027"/></workbook>`;
  const rels =
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheets.length + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  let sst = `${XML_HEAD}<sst xmlns="${NS}" count="${uses}" uniqueCount="${strings.size}">`;
  for (const text of strings.keys()) sst += /^\s|\n|\s$/.test(text) ? `<si><t xml:space="preserve">${xmlText(text)}</t></si>` : `<si><t>${xmlText(text)}</t></si>`;
  sst += '</sst>';
  const ct = 'application/vnd.openxmlformats-officedocument';
  const types =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>` +
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>`).join('') +
    `<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.spreadsheetml.sharedStrings+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
  const rootRels =
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
  const when = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core =
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>gk</dc:creator><dc:title>${xmlText(title)}</dc:title><cp:lastModifiedBy>gk</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
  return zipArchive(
    [
      ['[Content_Types].xml', types],
      ['_rels/.rels', rootRels],
      ['docProps/core.xml', core],
      ['xl/workbook.xml', workbook],
      ['xl/_rels/workbook.xml.rels', rels],
      ['xl/styles.xml', XML_HEAD + STYLES],
      ['xl/sharedStrings.xml', sst],
      ...sheetXml.map((xml, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
    ],
    date,
    level,
  );
}
