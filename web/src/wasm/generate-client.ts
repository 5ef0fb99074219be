// The Tekstgenerering page's side of its worker. A dying worker rejects what waits and calls `fatal`.
import type { GenerateRequests } from './generate-protocol.ts';
import { WorkerClient } from './worker-protocol.ts';

export class GenerateClient {
  private readonly client: WorkerClient<GenerateRequests, Record<never, never>>;

  constructor(fatal: (message: string) => void) {
    const worker = new Worker(new URL('./generate-worker.ts', import.meta.url), { type: 'module' });
    this.client = new WorkerClient(worker, {}, fatal);
  }

  request<K extends keyof GenerateRequests & string>(name: K, payload: GenerateRequests[K]['request']): Promise<GenerateRequests[K]['reply']> {
    return this.client.request(name, payload);
  }
}
