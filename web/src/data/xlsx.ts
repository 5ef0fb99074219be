// .xlsx (as aimat.dk's goodfood.xlsx) → Table: the first sheet, every cell as text. Only this
// module imports read-excel-file, and the page imports it lazily, when an .xlsx file is opened.
import { readSheet } from 'read-excel-file/universal';
import { MAX_UNPACKED_BYTES } from './limits.ts';
import { fail, ok, type Result } from './result.ts';
import { declaredUnpackedBytes } from './zip-sizes.ts';
import { buildTable, type SourceRow, type Table } from './table.ts';

// A cell as the text a CSV would hold: numbers with a decimal point, dates as yyyy-mm-dd.
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

export async function parseXlsx(bytes: Uint8Array, joined = false): Promise<Result<Table>> {
  const unpacked = declaredUnpackedBytes(bytes);
  if (unpacked !== null && unpacked > MAX_UNPACKED_BYTES) {
    // found only when the directory could be read (a damaged one claims no number)
    return fail({ code: 'xlsx_too_large', limit: MAX_UNPACKED_BYTES, ...(Number.isFinite(unpacked) ? { found: unpacked } : {}) });
  }
  let sheet: unknown[][];
  try {
    // A copy, so the reader gets an ArrayBuffer holding exactly the file.
    const buffer = bytes.slice().buffer;
    sheet = (await readSheet(buffer)) as unknown[][];
  } catch {
    return fail({ code: 'xlsx_unreadable' });
  }
  // The reader keeps blank rows in place, so index + 1 is the row number Excel shows. A sheet has
  // no ragged rows: every row is padded to the widest one.
  const width = sheet.reduce((w, row) => Math.max(w, row.length), 0);
  if (sheet.every((row) => row.every((cell) => cellText(cell) === ''))) return fail({ code: 'xlsx_empty_sheet' });
  // One record at a time: the sheet is in memory already, a second copy of its cells is not needed.
  function* records(): Generator<SourceRow> {
    for (let i = 0; i < sheet.length; i++) yield { cells: Array.from({ length: width }, (_, j) => cellText(sheet[i][j])), row: i + 1 };
  }
  const table = buildTable(records(), joined ? bytes.length : undefined);
  // Numeric cells were written with String(n), so their decimal mark is a point.
  return table.ok ? ok({ ...table.value, decimal: 'point' }) : table;
}
