// The page's side of a table worker: one worker per file, so that Annullér simply ends it and a
// file that fails to open leaves the table in use (and its worker) as they were.
import { fail, ok, type Result } from '../data/result.ts';
import type { TableSource } from '../data/table-source.ts';
import type { TableEvents, TableRequests } from './table-protocol.ts';
import { WorkerClient } from './worker-protocol.ts';

export interface TableOpening {
  result: Promise<Result<TableSource> | 'cancelled'>;
  cancel(): void;
}

// onProgress: how far the reading is (null: it cannot be told), only for a read that takes a while.
export function openTableFile(file: File, onProgress: (fraction: number | null) => void): TableOpening {
  const worker = new Worker(new URL('./table-worker.ts', import.meta.url), { type: 'module' });
  let cancel = () => undefined as void;
  const cancelled = new Promise<'cancelled'>((resolve) => { cancel = () => resolve('cancelled'); });
  let failure = (_message: string) => undefined as void;
  const died = new Promise<Result<TableSource>>((resolve) => {
    failure = () => resolve(fail({ code: 'read_failed' }));
  });
  const client = new WorkerClient<TableRequests, TableEvents>(worker,
    { progress: ({ fraction }) => onProgress(fraction) }, (message) => failure(message));
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
