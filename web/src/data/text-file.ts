// A text file for word2vec, read a piece at a time: its encoding told from its start, its start
// shown, a file that is mostly not letters refused, and every piece handed on as UTF-8 (what the
// core reads). Nothing here holds more than one piece of the file.
import { looksBinary, startsWith } from './decode.ts';

export const HEAD_BYTES = 64 * 1024;    // enough of the start to judge a file by
export const PIECE_BYTES = 1024 * 1024; // what the worker reads at a time (~10–30 ms of the core's work)
const MIN_LETTER_SHARE = 0.5;           // of the characters that are not white space
const PREVIEW_CHARS = 600;

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface TextHead {
  encoding: TextEncodingName;
  preview: string;      // the first characters, as the file has them
  whole: boolean;       // the preview is the whole text
  letterShare: number;  // letters among the characters that are not white space, 0–1
}

export type TextHeadProblem = { code: 'binary' } | { code: 'empty' } | { code: 'not_letters'; share: number };

// UTF-16 with a BOM (Excel's "Unicode-tekst"), else UTF-8 when the start is valid UTF-8, else
// windows-1252 (Danish Windows' old default). `complete`: the head is the whole file.
export function encodingOf(head: Uint8Array, complete: boolean): TextEncodingName {
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });  // a character cut at the end is no error
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

// Pictures, PDFs and programs, told by the start of a file read as `encoding` (UTF-16 has NUL bytes
// of its own; a UTF-8 BOM is no sign of a binary file).
export function binaryHead(head: Uint8Array, encoding: TextEncodingName): boolean {
  return !encoding.startsWith('utf-16') && looksBinary(startsWith(head, [0xef, 0xbb, 0xbf]) ? head.subarray(3) : head);
}

// Judges a file by its first HEAD_BYTES (or all of it, when shorter).
export function inspectTextHead(head: Uint8Array, complete: boolean): { ok: true; value: TextHead } | { ok: false; problem: TextHeadProblem } {
  const encoding = encodingOf(head, complete);
  if (binaryHead(head, encoding)) return { ok: false, problem: { code: 'binary' } };
  const text = new TextDecoder(encoding).decode(head, { stream: !complete });
  let letters = 0, visible = 0;
  for (const c of text) {
    if (/\s/u.test(c)) continue;
    visible++;
    if (/\p{L}/u.test(c)) letters++;
  }
  if (visible === 0) return { ok: false, problem: { code: 'empty' } };
  const letterShare = letters / visible;
  if (letterShare < MIN_LETTER_SHARE) return { ok: false, problem: { code: 'not_letters', share: letterShare } };
  const characters = Array.from(text);
  return { ok: true, value: { encoding, preview: characters.slice(0, PREVIEW_CHARS).join(''), whole: complete && characters.length <= PREVIEW_CHARS,
    letterShare } };
}

// A file's pieces of `size` bytes in order (the last one shorter), each read into the same buffer
// and valid until the next one: a fresh buffer per megabyte left ~60 MB of garbage for a 20 MB
// text before the collector ran.
export async function* filePieces(file: Blob, size = PIECE_BYTES): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader({ mode: 'byob' });
  let buffer = new ArrayBuffer(size);
  try {
    for (;;) {
      let filled = 0, done = false;
      while (filled < size && !done) {  // a byte stream may hand over less than asked for
        const read = await reader.read(new Uint8Array(buffer, filled, size - filled));
        done = read.done;
        if (read.value) {
          buffer = read.value.buffer as ArrayBuffer;  // the same memory, handed back
          filled += read.value.byteLength;
        }
      }
      if (filled > 0) yield new Uint8Array(buffer, 0, filled);
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}

// A file's pieces, in order, → UTF-8 pieces. A character cut between two pieces is joined.
export class Utf8Pieces {
  private readonly decoder: TextDecoder | null;
  private readonly encoder = new TextEncoder();
  private first = true;

  constructor(encoding: TextEncodingName) {
    this.decoder = encoding === 'utf-8' ? null : new TextDecoder(encoding);  // drops a UTF-16 BOM itself
  }

  // The first piece must hold at least the three bytes of a UTF-8 BOM (the worker's are a megabyte).
  next(bytes: Uint8Array, last: boolean): Uint8Array {
    const first = this.first;
    this.first = false;
    if (!this.decoder) return first && startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
    return this.encoder.encode(this.decoder.decode(bytes, { stream: !last }));
  }
}
