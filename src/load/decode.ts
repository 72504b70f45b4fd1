// Bytes → text: UTF-8 (with or without BOM) is the format; GBK/GB18030 and UTF-16 are recognised and reported.
import { Buffer, isUtf8 } from 'node:buffer';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'binary';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Share of CJK ideographs and common full-width punctuation among non-ASCII characters. */
function cjkShare(text: string): number {
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || c === 0x2014 || c === 0x201c || c === 0x201d || c === 0x25a0 || c === 0x25a1 || c === 0x221a) cjk++;
  }
  return nonAscii === 0 ? 0 : cjk / nonAscii;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) return { text: '', encoding: 'binary' };
  if (isUtf8(body)) {
    return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  }
  const text = new TextDecoder('gb18030').decode(body);
  if (!text.includes('\uFFFD') && cjkShare(text) > 0.6) return { text, encoding: 'gb18030' };
  return { text: new TextDecoder('utf-8').decode(body), encoding: 'binary' };
}
