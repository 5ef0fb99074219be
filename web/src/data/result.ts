// The outcome of every import step: a value, or one error that says what is wrong and where, so the
// page can show a precise message and keep the data already in use.

// Every code the import can report; messages.ts has a Danish and an English text for each.
export const IMPORT_ERROR_CODES = [
  'empty',              // no bytes, or only blank lines
  'binary',             // not a text file (a picture, a PDF, … renamed .csv)
  'too_large',          // more bytes than MAX_BYTES (limit, found: bytes)
  'no_data_rows',       // a header row and nothing under it
  'ragged_row',         // row has `found` cells, the header has `expected`
  'unclosed_quote',     // a quoted field starting in `row` never ends
  'empty_header',       // a column with data but no header (columnNumber)
  'duplicate_column',   // two columns with the same header (column, columnNumber of the second)
  'not_a_number',       // row, column, value
  'missing_value',      // an empty cell in a chosen column (row, column)
  'target_not_binary',  // row, column, value
  'single_class',       // only one class in the target column (column, value: the class present)
  'too_many_rows',      // limit, found: data rows
  'no_features',        // no input column chosen
  'target_is_feature',  // the target column is also chosen as input (column)
  'unknown_column',     // a chosen column that the table does not have (column)
  'xlsx_unreadable',    // a corrupt zip, or a zip that is not a spreadsheet
  'xlsx_too_large',     // the zip says it unpacks to more than MAX_UNPACKED_BYTES (limit, found: bytes, absent when the directory is damaged)
  'xlsx_empty_sheet',   // the first sheet has no cells
  'xls_old_format',     // the old binary Excel format (.xls)
  'ods_format',         // an OpenDocument spreadsheet (.ods, LibreOffice)
  'read_failed',        // the browser stopped the reading (its worker died, e.g. out of memory)
] as const;

export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

// `row` is the row number a spreadsheet shows (header = 1, first data row = 2; blank rows count).
// `column` is the header text of the column. A column without a header has no name, so it is
// identified by `columnNumber` (1-based: A = 1) instead; messages show it as "kolonne 3 (C)".
export interface ImportError {
  code: ImportErrorCode;
  row?: number;
  column?: string;
  columnNumber?: number;
  value?: string;
  limit?: number;
  found?: number;
  expected?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ImportError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: ImportError): Result<T> {
  return { ok: false, error };
}
