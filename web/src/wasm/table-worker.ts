// Reads one data file off the page's thread and keeps its table: progress for a long read, and
// the numbers of each column choice on request. The page ends the worker to cancel or when a new
// file replaces this one.
import { toNeuronData } from '../data/dataset.ts';
import { ownDataText } from '../data/own-data.ts';
import { readDataPieces } from '../data/read-file.ts';
import { ok } from '../data/result.ts';
import { opened } from '../data/table-source.ts';
import type { Table } from '../data/table.ts';
import type { TableEvents, TableRequests } from './table-protocol.ts';
import { serve, Transfer, type WorkerEnd } from './worker-protocol.ts';

// Workers have it; the page's TypeScript library (DOM) does not declare it.
declare class FileReaderSync {
  readAsArrayBuffer(blob: Blob): ArrayBuffer;
}

// Small pieces: their decoded text (two bytes a character) stays under V8's large-object size, so it
// dies young instead of piling up until a full collection (1 MB pieces: ~100 MB for a 16 MB file).
const PIECE_BYTES = 32 * 1024;
const QUIET_MS = 300;        // a read faster than this shows no progress bar
const PROGRESS_EVERY_MS = 100;

serve<TableRequests, TableEvents>(self as unknown as WorkerEnd, async (out) => {
  let table: Table | null = null;
  return {
    warm: async () => { await import('../data/xlsx.ts'); },
    open: async ({ name, file }) => {
      const began = performance.now();
      let last = 0;
      const report = (fraction: number | null) => {
        const now = performance.now();
        if (now - began < QUIET_MS || now - last < PROGRESS_EVERY_MS) return;
        last = now;
        out.emit('progress', { fraction });
      };
      // A piece at a time, synchronously (a worker may): the file's bytes are never all in memory
      // at once, nor its whole text.
      const reader = new FileReaderSync();
      const readPiece = (from: number, to: number) => new Uint8Array(reader.readAsArrayBuffer(file.slice(from, to)));
      const start = readPiece(0, 2);
      if (start[0] === 0x50 && start[1] === 0x4b) out.emit('progress', { fraction: null });  // "PK", a zip: no fraction to tell; shown at once
      const read = await readDataPieces(name, file.size, readPiece, { onProgress: report, joined: true, pieceBytes: PIECE_BYTES });
      if (!read.ok) return read;
      table = read.value;
      return opened(table);
    },
    convert: ({ choice, handover }) => {
      if (!table) return { ok: false, error: { code: 'empty' } };
      const data = toNeuronData(table, choice);
      if (!data.ok) return data;
      const reply = ok({ data: data.value, stored: ownDataText(handover, data.value) });
      return new Transfer(reply, [data.value.x.buffer, data.value.t.buffer]);
    },
  };
});
