// What a .zip (an .xlsx is one) says it unpacks to, read from its central directory before anything
// is unpacked: a damaged or hostile file can claim hundreds of megabytes in a few kilobytes, and
// the spreadsheet reader would try to allocate them. Returns the sum of the declared sizes, or
// Infinity when the directory is damaged or uses ZIP64 (sizes this app never needs); null when
// there is no directory at all (then the reader itself says what is wrong).
const END_SIGNATURE = 0x06054b50;    // end of central directory record
const ENTRY_SIGNATURE = 0x02014b50;  // central directory file header
const END_SIZE = 22;
const ENTRY_SIZE = 46;
const MAX_COMMENT = 0xffff;

export function declaredUnpackedBytes(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus a comment of at most 65 535 bytes.
  let end = -1;
  for (let i = bytes.length - END_SIZE; i >= Math.max(0, bytes.length - END_SIZE - MAX_COMMENT); i--) {
    if (view.getUint32(i, true) === END_SIGNATURE) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryStart = view.getUint32(end + 16, true);
  if (entries === 0xffff || directoryStart === 0xffffffff || directoryStart + directorySize > end) return Infinity;
  let total = 0;
  let at = directoryStart;
  for (let k = 0; k < entries; k++) {
    if (at + ENTRY_SIZE > end || view.getUint32(at, true) !== ENTRY_SIGNATURE) return Infinity;
    const size = view.getUint32(at + 24, true);  // uncompressed size
    if (size === 0xffffffff) return Infinity;    // ZIP64
    total += size;
    at += ENTRY_SIZE + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}
