// A chosen file → Table, decided by its content rather than its name: an .xlsx renamed .csv still
// opens, and a picture renamed .csv is refused in plain words.
import { parseCsv, type ReadOptions } from './csv.ts';
import { decodeText, startsWith } from './decode.ts';
import { MAX_BYTES } from './limits.ts';
import { fail, type Result } from './result.ts';
import type { Table } from './table.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];                          // "PK\x03\x04": xlsx is a zip
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];  // the old binary .xls
const SPREADSHEET_NAME = /\.xls[xmb]?$/i;

// An OpenDocument spreadsheet (.ods) is a zip whose first entry is "mimetype", stored uncompressed.
function isOds(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(30, 100));
  return head.startsWith('mimetype') && head.includes('opendocument.spreadsheet');
}

// options.onProgress: how far a CSV's parse is (0–1); an .xlsx is read in one go and reports nothing.
export async function readDataFile(name: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<Result<Table>> {
  if (bytes.length > MAX_BYTES) return fail({ code: 'too_large', limit: MAX_BYTES, found: bytes.length });
  if (startsWith(bytes, OLE)) return fail({ code: 'xls_old_format' });
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) {
    if (isOds(bytes)) return fail({ code: 'ods_format' });
    const { parseXlsx } = await import('./xlsx.ts');
    return parseXlsx(bytes, options.joined);
  }
  const text = decodeText(bytes);
  if (!text.ok) {
    // A damaged file named .xlsx is better described as an unreadable spreadsheet.
    return text.error.code === 'binary' && SPREADSHEET_NAME.test(name) ? fail({ code: 'xlsx_unreadable' }) : text;
  }
  return parseCsv(text.value, options);
}
