// A chosen file → Table, decided by its content rather than its name: an .xlsx renamed .csv still
// opens, and a picture renamed .csv is refused in plain words.
import { parseCsvPieces } from './csv-pieces.ts';
import type { ReadOptions } from './csv.ts';
import { startsWith } from './decode.ts';
import { MAX_BYTES } from './limits.ts';
import { fail, type Result } from './result.ts';
import type { Table } from './table.ts';
import { binaryHead, encodingOf, HEAD_BYTES, PIECE_BYTES } from './text-file.ts';

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
export function readDataFile(name: string, bytes: Uint8Array, options: PieceOptions = {}): Promise<Result<Table>> {
  return readDataSource(name, memorySource(bytes, options.pieceBytes), options);
}

export interface PieceOptions extends ReadOptions {
  pieceBytes?: number;  // how much of a CSV is read at a time
}

// Where a file's bytes come from: memory (readDataFile) or a File read by the table worker.
export interface ByteSource {
  size: number;
  head(bytes: number): Promise<Uint8Array>;
  whole(): Promise<Uint8Array>;
  pieces(): AsyncIterable<Uint8Array>;  // in order; each valid until the next is asked for
}

export function memorySource(bytes: Uint8Array, pieceBytes = PIECE_BYTES): ByteSource {
  return {
    size: bytes.length,
    head: (n) => Promise.resolve(bytes.subarray(0, n)),
    whole: () => Promise.resolve(bytes),
    pieces: async function* () {
      for (let from = 0; from < bytes.length; from += pieceBytes) yield bytes.subarray(from, from + pieceBytes);
    },
  };
}

// A file, decided by its content: a CSV is decoded and parsed as its pieces come; an .xlsx is
// unpacked whole, as it must be.
export async function readDataSource(name: string, source: ByteSource, options: ReadOptions = {}): Promise<Result<Table>> {
  const { size } = source;
  if (size > MAX_BYTES) return fail({ code: 'too_large', limit: MAX_BYTES, found: size });
  const head = await source.head(Math.min(size, HEAD_BYTES));
  if (startsWith(head, OLE)) return fail({ code: 'xls_old_format' });
  if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) {
    if (isOds(head)) return fail({ code: 'ods_format' });
    const { parseXlsx } = await import('./xlsx.ts');
    return parseXlsx(await source.whole(), options.joined);
  }
  // A damaged file named .xlsx is better described as an unreadable spreadsheet.
  const binary = () => fail(SPREADSHEET_NAME.test(name) ? { code: 'xlsx_unreadable' } : { code: 'binary' });
  let encoding = encodingOf(head, size <= HEAD_BYTES);
  if (binaryHead(head, encoding)) return binary();
  for (;;) {
    const table = await parseCsvPieces(source.pieces(), encoding, size, options);
    if (table !== 'undecodable') return table;
    if (encoding !== 'utf-8') return binary();  // UTF-16 that is not
    encoding = 'windows-1252';  // Danish Excel's "CSV (semikolonsepareret)": every byte is a character
  }
}
