// Reads one data file off the page's thread and keeps its table: progress for a long read, and
// the numbers of each column choice on request. The page ends the worker to cancel or when a new
// file replaces this one.
import { toNeuronData } from '../data/dataset.ts';
import { ownDataText } from '../data/own-data.ts';
import { readDataSource, type ByteSource } from '../data/read-file.ts';
import { ok } from '../data/result.ts';
import { filePieces } from '../data/text-file.ts';
import { opened } from '../data/table-source.ts';
import type { Table } from '../data/table.ts';
import type { TableEvents, TableRequests } from './table-protocol.ts';
import { serve, Transfer, type WorkerEnd } from './worker-protocol.ts';

// Small pieces for the parser: their decoded text (two bytes a character) stays under V8's
// large-object size, so it dies young instead of piling up until a full collection. They are cut
// from megabytes read into one reused buffer (filePieces), not read one by one: a fresh buffer a
// piece stayed in memory as garbage, as much again as the file.
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
      const source = fileSource(file);
      const start = await source.head(2);
      if (start[0] === 0x50 && start[1] === 0x4b) out.emit('progress', { fraction: null });  // "PK", a zip: no fraction to tell; shown at once
      const read = await readDataSource(name, source, { onProgress: report, joined: true });
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

function fileSource(file: Blob): ByteSource {
  return {
    size: file.size,
    head: async (n) => new Uint8Array(await file.slice(0, n).arrayBuffer()),
    whole: async () => new Uint8Array(await file.arrayBuffer()),
    pieces: async function* () {
      for await (const bytes of filePieces(file)) {
        for (let from = 0; from < bytes.length; from += PIECE_BYTES) yield bytes.subarray(from, from + PIECE_BYTES);
      }
    },
  };
}
