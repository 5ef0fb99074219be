// CSV text → Table: the delimiter is detected (Danish Excel writes ';' with decimal comma, others
// ',' or tab), quoted fields may hold delimiters, quotes and line breaks, and every cell is trimmed.
import { buildTable, type SourceRow, type Table } from './table.ts';
import type { Result } from './result.ts';

export type Delimiter = ';' | ',' | '\t';

const DELIMITERS: readonly Delimiter[] = [';', '\t', ','];  // the order breaks ties
const SAMPLE_RECORDS = 50;  // enough lines to see a consistent field count, few enough to be instant

const QUOTE = 34, CR = 13, LF = 10, SPACE = 32;

export const SEP_HINT = /^sep=([;,\t])[ \t]*(\r\n|\n|\r|$)/i;  // Excel's first line naming the delimiter

// How a file is read for the page: progress reports, and rows kept joined (table.ts JoinedRows).
export interface ReadOptions {
  onProgress?: (fraction: number) => void;  // how far (0–1), every few thousand records
  joined?: boolean;
}

// The whole text at once (the built-in tables; a file goes through csv-pieces.ts); onProgress is
// the pieces reader's.
export function parseCsv(text: string, { joined = false }: ReadOptions = {}): Result<Table> {
  // Excel's "sep=;" first line names the delimiter; Excel hides that line, so rows count after it.
  const hint = SEP_HINT.exec(text);
  const body = hint ? text.slice(hint[0].length) : text;
  const delimiter = hint ? (hint[1] as Delimiter) : detectDelimiter(body);
  return buildTable(csvRecords(body, delimiter), joined ? text.length : undefined);
}

// The delimiter that splits the first lines into the same number (> 1) of fields as the header;
// with decimal commas in a ';' file, ',' gives uneven counts and loses.
export function detectDelimiter(text: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1, bestFields = 1;
  for (const delimiter of DELIMITERS) {
    const counts: number[] = [];
    for (const { cells, error } of csvRecords(text, delimiter)) {
      if (error || counts.length >= SAMPLE_RECORDS) break;
      if (cells.length > 1 || cells[0] !== '') counts.push(cells.length);
    }
    const fields = counts[0] ?? 1;
    if (fields < 2) continue;
    const score = counts.filter((n) => n === fields).length;
    if (score > bestScore || (score === bestScore && fields > bestFields)) {
      best = delimiter;
      bestScore = score;
      bestFields = fields;
    }
  }
  return best;
}

// The records of a CSV text one by one, numbered as a spreadsheet numbers its rows: a line break
// inside quotes stays in its cell, and blank lines count.
export function* csvRecords(text: string, delimiter: Delimiter): Generator<SourceRow> {
  const sep = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let row = 0;
  while (i < n) {
    row++;
    const begin = i;
    const cells: string[] = [];
    for (;;) {
      let start = i;
      while (start < n && text.charCodeAt(start) === SPACE) start++;
      let cell = '';
      let j = start;
      if (start < n && text.charCodeAt(start) === QUOTE) {
        // A quoted field: "" is one quote; it ends at a lone quote.
        j = start + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            yield { cells, row, from: begin, error: { code: 'unclosed_quote', row } };
            return;
          }
          cell += text.slice(j, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            cell += '"';
            j = q + 2;
          } else {
            j = q + 1;
            break;
          }
        }
      }
      // Unquoted text, or anything after the closing quote, runs to the delimiter or the line end.
      const from = j;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === sep || c === LF || c === CR) break;
        j++;
      }
      cell += text.slice(from, j);
      cells.push(cell.trim());
      if (j < n && text.charCodeAt(j) === sep) {
        i = j + 1;
        if (i === n) cells.push('');  // "a;b;" at the very end: the last field is empty
        if (i < n) continue;
      } else {
        i = j;
        if (text.charCodeAt(i) === CR) i++;
        if (text.charCodeAt(i) === LF) i++;  // LF alone, or the LF of CRLF
      }
      break;
    }
    yield { cells, row, from: begin };
  }
}
