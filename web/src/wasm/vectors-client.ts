// The Ordvektorer page's side of the vectors worker: each request returns a promise of its answer;
// a dying worker rejects what waits and calls onFatal.
import type { LoadReply, QueryAnswer, VectorQuery, VectorsRequests } from './vectors-protocol.ts';
import { WorkerClient } from './worker-protocol.ts';

export type { LoadReply };

export class VectorsClient {
  private readonly client: WorkerClient<VectorsRequests, Record<never, never>>;
  private readonly worker = new Worker(new URL('./vectors-worker.ts', import.meta.url), { type: 'module' });

  constructor(onFatal: (message: string) => void) {
    this.client = new WorkerClient(this.worker, {}, onFatal);
  }

  // Ends the worker and its vectors; what still waits for an answer gets none.
  terminate(): void {
    this.worker.terminate();
  }

  loadDefault(url: string): Promise<LoadReply> {
    return this.client.request('load-default', { url });
  }

  // The file itself goes to the worker (a reference, not a copy): its bytes never fill the page's memory.
  loadFile(name: string, file: Blob): Promise<LoadReply> {
    return this.client.request('load-file', { name, file });
  }

  query(query: VectorQuery): Promise<QueryAnswer> {
    return this.client.request('query', query);
  }
}
