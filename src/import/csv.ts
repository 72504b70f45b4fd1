// Delimited text → a table: RFC 4180 quoting, comma or tab (sniffed), records spanning lines, each record's first line kept.
import { decodeBytes } from '../load/decode.js';
import { squareRows, type Table } from './table.js';

interface Records {
  rows: string[][];
  lines: number[];
}

/**
 * Splits text into records; a quoted field may hold separators, doubled quotes and line breaks. A quote opens a
 * quoted part only at the start of a field; after its closing quote, and anywhere else, a quote is a character.
 * Fields are cut out of the text whole (not built a character at a time): on a 30 MB table a field grown by `+=`
 * left a chain of small pieces per cell, several times the text's size.
 */
export function parseDelimited(text: string, delimiter: string): Records {
  const rows: string[][] = [];
  const lines: number[] = [];
  const separator = delimiter.charCodeAt(0);
  const n = text.length;
  let row: string[] = [];
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    rows.push(row);
    lines.push(recordLine);
    row = [];
  };
  let i = 0;
  while (i < n) {
    let field = '';
    if (text.charCodeAt(i) === QUOTE) {
      // the quoted part: up to the quote that is not doubled, or to the end of the text when it is never closed
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        const to = q === -1 ? n : q;
        line += countLineFeeds(text, from, to);
        if (q === -1) {
          field += text.slice(from);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          field += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        field += text.slice(from, q);
        i = q + 1;
        break;
      }
    }
    // the unquoted part: the whole field, or what follows a closing quote
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === separator || c === CR || c === LF) break;
      j++;
    }
    if (j > i) field = field === '' ? text.slice(i, j) : field + text.slice(i, j);
    row.push(field);
    i = j;
    if (i >= n) {
      // the text ends inside a record: kept unless it is one empty field
      if (field !== '' || row.length > 1) endRecord();
      break;
    }
    if (text.charCodeAt(i) === separator) {
      i++;
      // a separator at the very end leaves an empty last field
      if (i === n) {
        row.push('');
        endRecord();
      }
      continue;
    }
    if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i++;
    i++;
    endRecord();
    line++;
    recordLine = line;
  }
  return { rows, lines };
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = text.indexOf('\n', from); k !== -1 && k < to; k = text.indexOf('\n', k + 1)) count++;
  return count;
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
