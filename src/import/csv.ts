// Delimited text → a table: RFC 4180 quoting, comma or tab (sniffed), records spanning lines, each record's first line kept.
import { decodeBytes } from '../load/decode.js';
import { squareRows, type Table } from './table.js';

interface Records {
  rows: string[][];
  lines: number[];
}

/** Splits text into records; a quoted field may hold separators, doubled quotes and line breaks. */
export function parseDelimited(text: string, delimiter: string): Records {
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  let line = 1;
  let recordLine = 1;
  const endField = () => {
    row.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    rows.push(row);
    lines.push(recordLine);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (c === delimiter) {
      endField();
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      atFieldStart = false;
    }
  }
  if (field !== '' || row.length > 0) endRecord();
  return { rows, lines };
}

/**
 * Comma or tab (or semicolon, which European Excel writes): the separator that gives the most records with the
 * same, largest number of fields wins.
 */
export function sniffDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best = { delimiter: ',', score: -1 };
  for (const delimiter of [',', '\t', ';']) {
    if (!sample.includes(delimiter)) continue;
    const { rows } = parseDelimited(sample, delimiter);
    const counts = new Map<number, number>();
    for (const r of rows.slice(0, 200)) if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let score = 0;
    for (const [width, n] of counts) score = Math.max(score, n * 1000 + width);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

export function readDelimited(bytes: Uint8Array): Table {
  const decoded = decodeBytes(bytes);
  const text = decoded.text.replace(/^\ufeff/, '');
  const delimiter = sniffDelimiter(text);
  const { rows, lines } = parseDelimited(text, delimiter);
  return { kind: 'csv', name: '', index: 1, rows: squareRows(rows), lines, encoding: decoded.encoding, delimiter };
}
