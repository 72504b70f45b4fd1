// Fixing the timestamps a zip writer stamps on every entry, so identical workbooks are identical bytes.

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
