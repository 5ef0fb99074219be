// A CSV file read a piece at a time → the same Table as parseCsv of its whole decoded text, without
// the whole text or the file's bytes in memory at once (a 16 MB file held both, and more). The
// text is cut after a line break; a cut inside a quoted cell is undone and waits for more text.
// Each piece is taken as it comes (push), so the pieces may arrive asynchronously into one reused
// buffer: a fresh buffer a piece stayed in memory as garbage, as much again as the file.
import { asciiText, isAscii } from './ascii.ts';
import { detectDelimiter, csvRecords, SEP_HINT, type Delimiter, type ReadOptions } from './csv.ts';
import { TableBuilder, type Table } from './table.ts';
import type { Result } from './result.ts';
import type { TextEncodingName } from './text-file.ts';

const PROGRESS_EVERY = 4096;  // records between two reports of how far the parse is

// pieces: the file's bytes in order (each may be overwritten once the next is asked for);
// 'undecodable' when they are not valid in the encoding (the caller reads UTF-8 again as
// windows-1252, as decodeText does for a whole file).
export async function parseCsvPieces(pieces: AsyncIterable<Uint8Array>, encoding: TextEncodingName, totalBytes: number,
  options: ReadOptions = {}): Promise<Result<Table> | 'undecodable'> {
  const reader = new CsvPieceReader(encoding, totalBytes, options);
  for await (const piece of pieces) if (!reader.push(piece)) break;
  return reader.finish();
}

class CsvPieceReader {
  // ASCII pieces skip the decoder (ascii.ts). That is safe: in valid UTF-8 a character cut between
  // two pieces goes on with bytes ≥ 0x80, so an ASCII piece never follows one; invalid bytes left
  // in the decoder still fail its last call. It must then leave a BOM to us: a U+FEFF in the middle
  // would count as one for a decoder that has not seen the start.
  private readonly bytewise: boolean;
  private readonly decoder: TextDecoder;
  private readonly builder: TableBuilder;
  private undecodable = false;
  private stopped = false;  // an error record, or the builder has given up
  private started = false;  // a character has come
  private read = 0;
  // The records of the text as it comes, numbered through the whole file.
  private pending = '';
  private delimiter: Delimiter | null = null;
  private rowsBefore = 0;
  private count = 0;
  private retryAt = 0;  // after a cut inside a quoted cell: parse again once the text has doubled (linear, not quadratic, for a stray quote)

  constructor(private readonly encoding: TextEncodingName, private readonly totalBytes: number,
    private readonly options: ReadOptions) {
    this.bytewise = encoding === 'utf-8' || encoding === 'windows-1252';
    this.decoder = new TextDecoder(encoding, { fatal: encoding !== 'windows-1252', ignoreBOM: this.bytewise });
    this.builder = new TableBuilder(options.joined ? totalBytes : undefined);
  }

  // False when the rest of the file is not needed (an error, or bytes the encoding does not allow).
  push(piece: Uint8Array): boolean {
    if (this.stopped || this.undecodable) return false;
    this.read += piece.length;
    let text: string;
    if (this.bytewise && isAscii(piece)) {
      text = asciiText(piece);
    } else {
      try {
        text = this.decoder.decode(piece, { stream: true });
      } catch {
        this.undecodable = true;
        return false;
      }
    }
    this.take(this.first(text), false);
    return !this.stopped;
  }

  finish(): Result<Table> | 'undecodable' {
    if (!this.stopped && !this.undecodable) {
      try {
        this.take(this.first(this.decoder.decode()), true);
      } catch {
        this.undecodable = true;
      }
    }
    return this.undecodable ? 'undecodable' : this.builder.finish();
  }

  private first(text: string): string {
    if (this.started || text === '') return text;
    this.started = true;
    return this.encoding === 'utf-8' && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  private take(text: string, last: boolean): void {
    this.pending += text;
    if (!last && this.pending.length < this.retryAt) return;
    if (this.delimiter === null) {
      if (!last && this.pending.length < 65536 && !enoughToDetect(this.pending)) return;
      // Excel's "sep=;" first line names the delimiter; Excel hides that line, so rows count after it.
      const hint = SEP_HINT.exec(this.pending);
      if (hint) this.pending = this.pending.slice(hint[0].length);
      this.delimiter = hint ? (hint[1] as Delimiter) : detectDelimiter(this.pending);
    }
    const cut = last ? this.pending.length : this.pending.lastIndexOf('\n') + 1;
    if (cut === 0) return;
    const segment = this.pending.slice(0, cut);
    let rest = this.pending.slice(cut);
    let records = 0;
    for (const record of csvRecords(segment, this.delimiter)) {
      if (!last && record.error?.code === 'unclosed_quote') {  // a quoted cell goes on past the cut
        rest = segment.slice(record.from) + rest;
        this.retryAt = 2 * rest.length;
        break;
      }
      const row = record.row + this.rowsBefore;
      const kept = this.builder.add(record.error ? { ...record, row, error: { ...record.error, row } } : { ...record, row });
      records++;
      if (this.options.onProgress && ++this.count % PROGRESS_EVERY === 0) {
        this.options.onProgress(Math.min(1, this.read / Math.max(1, this.totalBytes)));
      }
      if (!kept || record.error) {
        this.stopped = true;
        return;
      }
    }
    this.pending = rest;
    this.rowsBefore += records;
  }
}

// The delimiter is told from the first records (detectDelimiter's sample): wait until the text
// holds them, or 64 kB of it.
function enoughToDetect(text: string): boolean {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && lines < 60; i = text.indexOf('\n', i + 1)) lines++;
  return lines >= 60;
}
