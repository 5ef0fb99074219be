// A CSV file read a piece at a time → the same Table as parseCsv of its whole decoded text, without
// the whole text or the file's bytes in memory at once (a 16 MB file held both, and more). The
// text is cut after a line break; a cut inside a quoted cell is undone and waits for more text.
import { detectDelimiter, csvRecords, SEP_HINT, type Delimiter, type ReadOptions } from './csv.ts';
import { buildTable, type SourceRow, type Table } from './table.ts';
import type { Result } from './result.ts';
import type { TextEncodingName } from './text-file.ts';

const PROGRESS_EVERY = 4096;  // records between two reports of how far the parse is

// pieces: the file's bytes in order; 'undecodable' when they are not valid in the encoding (the
// caller reads UTF-8 again as windows-1252, as decodeText does for a whole file).
export function parseCsvPieces(pieces: Iterable<Uint8Array>, encoding: TextEncodingName, totalBytes: number,
  { onProgress, joined = false }: ReadOptions = {}): Result<Table> | 'undecodable' {
  const decoder = new TextDecoder(encoding, { fatal: encoding !== 'windows-1252' });  // drops a leading BOM
  let failed = false;
  function* texts(): Generator<{ text: string; last: boolean; read: number }> {
    let read = 0;
    for (const piece of pieces) {
      read += piece.length;
      try {
        yield { text: decoder.decode(piece, { stream: true }), last: false, read };
      } catch {
        failed = true;
        return;
      }
    }
    try {
      yield { text: decoder.decode(), last: true, read };
    } catch {
      failed = true;
    }
  }
  const table = buildTable(records(texts(), totalBytes, onProgress), joined ? totalBytes : undefined);
  return failed ? 'undecodable' : table;
}

// The records of the text as it comes, numbered through the whole file.
function* records(texts: Iterable<{ text: string; last: boolean; read: number }>, totalBytes: number,
  onProgress?: (fraction: number) => void): Generator<SourceRow> {
  let pending = '';
  let delimiter: Delimiter | null = null;
  let rowsBefore = 0;
  let count = 0;
  let retryAt = 0;  // after a cut inside a quoted cell: parse again once the text has doubled (linear, not quadratic, for a stray quote)
  for (const { text, last, read } of texts) {
    pending += text;
    if (!last && pending.length < retryAt) continue;
    if (delimiter === null) {
      if (!last && pending.length < 65536 && !enoughToDetect(pending)) continue;
      // Excel's "sep=;" first line names the delimiter; Excel hides that line, so rows count after it.
      const hint = SEP_HINT.exec(pending);
      if (hint) pending = pending.slice(hint[0].length);
      delimiter = hint ? (hint[1] as Delimiter) : detectDelimiter(pending);
    }
    const cut = last ? pending.length : pending.lastIndexOf('\n') + 1;
    if (cut === 0) continue;
    const segment = pending.slice(0, cut);
    let rest = pending.slice(cut);
    let records = 0;
    for (const record of csvRecords(segment, delimiter)) {
      if (!last && record.error?.code === 'unclosed_quote') {  // a quoted cell goes on past the cut
        rest = segment.slice(record.from) + rest;
        retryAt = 2 * rest.length;
        break;
      }
      const row = record.row + rowsBefore;
      yield record.error ? { ...record, row, error: { ...record.error, row } } : { ...record, row };
      records++;
      if (onProgress && ++count % PROGRESS_EVERY === 0) onProgress(Math.min(1, read / Math.max(1, totalBytes)));
      if (record.error) return;
    }
    pending = rest;
    rowsBefore += records;
  }
}

// The delimiter is told from the first records (detectDelimiter's sample): wait until the text
// holds them, or 64 kB of it.
function enoughToDetect(text: string): boolean {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && lines < 60; i = text.indexOf('\n', i + 1)) lines++;
  return lines >= 60;
}
