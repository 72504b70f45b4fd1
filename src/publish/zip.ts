// Zip archives with fixed timestamps, so identical workbooks are identical bytes: writing one (the catalog workbook),
// and stamping the entries of one another writer made (exceljs's, for the report).
import { deflateRawSync } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;

/** MS-DOS date and time words for a UTC date (two-second resolution, 1980 at the earliest). */
export function dosDateTime(date: Date): { date: number; time: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
  };
}

/**
 * Sets the modification time of every entry, in the central directory and in each local header, to `date`.
 * Throws if the bytes are not a zip archive this function understands (no zip64, no trailing data).
 */
export function stampZipEntries(zip: Uint8Array, date: Date): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const { date: d, time: t } = dosDateTime(date);
  let end = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new Error(`zip central directory entry ${n} is malformed`);
    view.setUint16(at + 12, t, true);
    view.setUint16(at + 14, d, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error(`zip local header of entry ${n} is malformed`);
    view.setUint16(local + 10, t, true);
    view.setUint16(local + 12, d, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** CRC-32 (the zip polynomial, reflected), one table lookup a byte. */
const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * A zip archive of `entries` (name, text as UTF-8) in their order, each deflated at `level` by Node's zlib and stamped
 * with `date`: nothing in it depends on the clock or the machine, so identical entries give identical bytes. No zip64:
 * an entry or archive over 4 GB is refused.
 */
export function zipArchive(entries: ReadonlyArray<readonly [string, string | Uint8Array]>, date: Date, level: number): Uint8Array {
  const { date: d, time: t } = dosDateTime(date);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const packed = deflateRawSync(data, { level });
    const nameBytes = Buffer.from(name, 'utf8');
    if (data.length > 0xfffffffe || offset + packed.length > 0xfffffffe) throw new Error(`zip entry ${name} is too large`);
    const crc = crc32(data);
    // The fields a local header and its central directory entry share, from "version needed" to the name's length.
    const shared = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
      header.writeUInt16LE(0x0800, at + 2); // names in UTF-8
      header.writeUInt16LE(8, at + 4); // deflate
      header.writeUInt16LE(t, at + 6);
      header.writeUInt16LE(d, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(packed.length, at + 14);
      header.writeUInt32LE(data.length, at + 18);
      header.writeUInt16LE(nameBytes.length, at + 22);
      return header;
    };
    const local = Buffer.alloc(30); // the extra field's length after the shared fields: 0
    local.writeUInt32LE(LOCAL_HEADER, 0);
    shared(local, 4);
    const entry = Buffer.alloc(46); // extra and comment lengths, disk number, internal and external attributes: 0
    entry.writeUInt32LE(CENTRAL_HEADER, 0);
    entry.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    shared(entry, 6);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
