// The table every import produces: one header row of column names and rows of trimmed text cells.
// Turning cells into numbers happens later (dataset.ts), when the user has chosen the columns.
import { asciiText, isAscii, writeAscii } from './ascii.ts';
import { MAX_ROWS } from './limits.ts';
import { fail, ok, type ImportError, type Result } from './result.ts';

export interface Table {
  columns: string[];
  rows: readonly (readonly string[])[] | JoinedRows;  // every row has columns.length cells
  rowNumbers?: number[];       // the spreadsheet row number of rows[i]; absent means i + 2
  decimal?: 'comma' | 'point'; // the decimal mark the file is known to use; absent: detect it
}

// One record of a file as its reader saw it: a CSV line or a sheet row, or the reason it is unreadable.
export interface SourceRow {
  cells: string[];
  row: number;                 // the spreadsheet row number
  error?: ImportError;
  from?: number;               // where in the CSV text the record begins
}

// A large file's rows, kept as UTF-8 bytes in one buffer (each row's cells joined by U+001F, which
// no cell keeps), about the file's own size: 100 000 rows of 20 cells as arrays of strings took ~4
// times the file, and as joined strings ~2 times (the decoder's strings have two bytes a character).
export class JoinedRows {
  private bytes: Uint8Array;
  private used = 0;
  private ends = new Int32Array(1024);  // where each row's bytes end
  private count = 0;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  // capacity: the bytes expected (the file's size), so that the buffer seldom has to grow.
  constructor(capacity = 65536) {
    this.bytes = new Uint8Array(Math.max(1024, capacity));
  }

  get length(): number {
    return this.count;
  }

  push(cells: readonly string[]): void {
    const text = cells.map((cell) => (cell.includes(SEPARATOR) ? cell.replaceAll(SEPARATOR, ' ') : cell)).join(SEPARATOR);
    let written = writeAscii(text, this.bytes, this.used);  // numbers and plain names: the common case
    if (written < 0) {
      let read: number;
      ({ read, written } = this.encoder.encodeInto(text, this.bytes.subarray(this.used)));
      if (read < text.length) {  // it did not fit: room for the worst case (3 bytes a character), then again
        this.bytes = grown(this.bytes, this.used + 3 * text.length);
        ({ written } = this.encoder.encodeInto(text, this.bytes.subarray(this.used)));
      }
    }
    this.used += written;
    if (this.count === this.ends.length) this.ends = grown(this.ends, this.count + 1);
    this.ends[this.count++] = this.used;
  }

  cells(m: number): string[] {
    const from = m > 0 ? this.ends[m - 1] : 0, to = this.ends[m];
    const text = isAscii(this.bytes, from, to) ? asciiText(this.bytes, from, to) : this.decoder.decode(this.bytes.subarray(from, to));
    return text.split(SEPARATOR);
  }
}

// A copy with room for at least `needed` (half as much again: a doubling held three times the rows
// while it copied).
function grown<T extends Uint8Array | Int32Array>(array: T, needed: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(needed, Math.ceil(array.length * 1.5)));
  bigger.set(array);
  return bigger;
}

const SEPARATOR = '\u001f';  // the unit separator, a control character no spreadsheet cell needs

export function rowCount(table: Table): number {
  return table.rows.length;
}

export function rowCells(table: Table, m: number): readonly string[] {
  return table.rows instanceof JoinedRows ? table.rows.cells(m) : table.rows[m];
}

// Every row's cells in order (a joined row is split once).
export function* eachRow(table: Table): Generator<readonly string[]> {
  for (let m = 0; m < table.rows.length; m++) yield rowCells(table, m);
}

// The rows as arrays of cells, whichever way they are kept (for exports and tests).
export function plainRows(table: Table): (readonly string[])[] {
  return Array.from(eachRow(table));
}

// The spreadsheet row number of data row i, for messages.
export function rowNumberOf(table: Table, i: number): number {
  return table.rowNumbers?.[i] ?? i + 2;
}

// Collects a file's records into a Table, checking the header and the row lengths. Blank records
// are skipped but keep their place in the numbering; rows past MAX_ROWS are only counted.
// joinedBytes: keep the rows as JoinedRows of about this many bytes (a file read for the page);
// absent: as arrays (tests and the built-in tables).
export function buildTable(records: Iterable<SourceRow>, joinedBytes?: number): Result<Table> {
  const builder = new TableBuilder(joinedBytes);
  for (const record of records) if (!builder.add(record)) break;
  return builder.finish();
}

// The same a record at a time, for a reader that gets its file in pieces.
export class TableBuilder {
  private header: string[] | null = null;
  private headerRow = 1;
  private readonly rows: string[][] | JoinedRows;
  private readonly rowNumbers: number[] = [];
  private dataRows = 0;
  private failure: ImportError | null = null;

  constructor(joinedBytes?: number) {
    this.rows = joinedBytes === undefined ? [] : new JoinedRows(joinedBytes);
  }

  // False once the table cannot be made: finish() says why, and later records change nothing.
  add({ cells, row, error }: SourceRow): boolean {
    if (this.failure) return false;
    if (error) return this.fail(error);
    if (cells.every((cell) => cell === '')) return true;
    if (!this.header) {
      this.header = cells;
      this.headerRow = row;
      return true;
    }
    if (++this.dataRows > MAX_ROWS) return true;
    const expected = this.header.length;
    // Empty cells after the last column (a trailing delimiter) are harmless; anything else is not.
    if (cells.length < expected || cells.slice(expected).some((cell) => cell !== '')) {
      return this.fail({ code: 'ragged_row', row, found: filledLength(cells), expected });
    }
    this.rows.push(cells.length === expected ? cells : cells.slice(0, expected));
    this.rowNumbers.push(row);
    return true;
  }

  finish(): Result<Table> {
    if (this.failure) return fail(this.failure);
    if (!this.header) return fail({ code: 'empty' });
    if (this.dataRows === 0) return fail({ code: 'no_data_rows' });
    if (this.dataRows > MAX_ROWS) return fail({ code: 'too_many_rows', limit: MAX_ROWS, found: this.dataRows });
    return checkHeader(this.header, this.headerRow, this.rows, this.rowNumbers);
  }

  private fail(error: ImportError): false {
    this.failure = error;
    return false;
  }
}

// Drops trailing columns without header or data (e.g. "a;b;c;" on every line), then demands a
// unique, non-empty name for every remaining column.
function checkHeader(header: string[], headerRow: number, rows: string[][] | JoinedRows, rowNumbers: number[]): Result<Table> {
  const table: Table = { columns: header, rows };
  const emptyColumn = (j: number) => {
    for (const cells of eachRow(table)) if (cells[j] !== '') return false;
    return true;
  };
  let width = header.length;
  while (width > 0 && header[width - 1] === '' && emptyColumn(width - 1)) width--;
  const columns = header.slice(0, width);
  const seen = new Set<string>();
  for (let j = 0; j < width; j++) {
    if (columns[j] === '') return fail({ code: 'empty_header', row: headerRow, columnNumber: j + 1 });
    if (seen.has(columns[j])) return fail({ code: 'duplicate_column', row: headerRow, column: columns[j], columnNumber: j + 1 });
    seen.add(columns[j]);
  }
  return ok({ columns, rows: width === header.length ? rows : narrowed(table, width), rowNumbers });
}

function narrowed(table: Table, width: number): Table['rows'] {
  if (!(table.rows instanceof JoinedRows)) return table.rows.map((r) => r.slice(0, width));
  const rows = new JoinedRows(table.rows.length * 16);
  for (const cells of eachRow(table)) rows.push(cells.slice(0, width));
  return rows;
}

// How many cells a row really has: trailing empty cells are not counted.
function filledLength(cells: string[]): number {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === '') n--;
  return n;
}
