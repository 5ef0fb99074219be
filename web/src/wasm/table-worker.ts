// Reads one data file off the page's thread and keeps its table: progress for a long read, and
// the numbers of each column choice on request. The page ends the worker to cancel or when a new
// file replaces this one.
import { toNeuronData } from '../data/dataset.ts';
import { ownDataText } from '../data/own-data.ts';
import { readDataFile } from '../data/read-file.ts';
import { ok } from '../data/result.ts';
import { opened } from '../data/table-source.ts';
import type { Table } from '../data/table.ts';
import type { TableEvents, TableRequests } from './table-protocol.ts';
import { serve, Transfer, type WorkerEnd } from './worker-protocol.ts';

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
      const bytes = new Uint8Array(await file.arrayBuffer());
      const spreadsheet = bytes[0] === 0x50 && bytes[1] === 0x4b;  // "PK": a zip
      if (spreadsheet) out.emit('progress', { fraction: null });  // no fraction to tell; shown at once
      const read = await readDataFile(name, bytes, { onProgress: report, joined: true });
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
