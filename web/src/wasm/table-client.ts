// The page's side of a table worker: one worker per file, so that Annullér simply ends it and a
// file that fails to open leaves the table in use (and its worker) as they were. A spare worker
// waits with the XLSX reader already loaded: the next file starts at once, and a teacher's .xlsx
// still opens after the network drops (also where no service worker keeps the files).
import { fail, ok, type Result } from '../data/result.ts';
import type { TableSource } from '../data/table-source.ts';
import type { TableEvents, TableRequests } from './table-protocol.ts';
import { WorkerClient } from './worker-protocol.ts';

export interface TableOpening {
  result: Promise<Result<TableSource> | 'cancelled'>;
  cancel(): void;
}

class TableWorker {
  readonly worker = new Worker(new URL('./table-worker.ts', import.meta.url), { type: 'module' });
  onProgress: (fraction: number | null) => void = () => undefined;
  readonly died: Promise<string>;
  readonly client: WorkerClient<TableRequests, TableEvents>;

  constructor() {
    let die = (_message: string) => undefined as void;
    this.died = new Promise((resolve) => { die = resolve; });
    this.client = new WorkerClient(this.worker, { progress: ({ fraction }) => this.onProgress(fraction) }, (message) => die(message));
  }
}

let spare: TableWorker | null = null;

// A worker ready for the next file, with the XLSX reader loaded (call when the page is idle).
export function prepareTableWorker(): void {
  if (spare) return;
  spare = new TableWorker();
  spare.client.send('warm', null);
}

// onProgress: how far the reading is (null: it cannot be told), only for a read that takes a while.
export function openTableFile(file: File, onProgress: (fraction: number | null) => void): TableOpening {
  const table = spare ?? new TableWorker();
  spare = null;
  table.onProgress = onProgress;
  const { client, worker } = table;
  let cancel = () => undefined as void;
  const cancelled = new Promise<'cancelled'>((resolve) => { cancel = () => resolve('cancelled'); });
  const died = table.died.then((): Result<TableSource> => fail({ code: 'read_failed' }));
  const opening = (async (): Promise<Result<TableSource>> => {
    const opened = await client.request('open', { name: file.name, file });
    if (!opened.ok) return opened;
    const { columns, suggested } = opened.value;
    return ok({
      columns, suggested,
      convert: async (choice) => {
        const reply = await client.request('convert', { choice, handover: file.name });
        return reply.ok ? ok({ data: reply.value.data, stored: reply.value.stored }) : reply;
      },
      close: () => worker.terminate(),
    });
  })().catch(() => fail({ code: 'read_failed' }));
  const result = Promise.race([opening, died, cancelled]).then((r) => {
    if (r === 'cancelled' || !r.ok) worker.terminate();
    return r;
  });
  return { result, cancel };
}
