// The Tekstgenerering page's side of its worker. A dying worker rejects what waits and calls `fatal`.
import type { GenerateEvents, GenerateRequests, NeuralProgress } from './generate-protocol.ts';
import { WorkerClient } from './worker-protocol.ts';

export class GenerateClient {
  private readonly worker = new Worker(new URL('./generate-worker.ts', import.meta.url), { type: 'module' });
  private readonly client: WorkerClient<GenerateRequests, GenerateEvents>;

  constructor(fatal: (message: string) => void, progress: (fraction: number) => void, neural: (progress: NeuralProgress) => void) {
    this.client = new WorkerClient<GenerateRequests, GenerateEvents>(this.worker, { progress: ({ fraction }) => progress(fraction), neural }, fatal);
  }

  request<K extends keyof GenerateRequests & string>(name: K, payload: GenerateRequests[K]['request']): Promise<GenerateRequests[K]['reply']> {
    return this.client.request(name, payload);
  }

  // A request whose reply nobody waits for (run, pause).
  send<K extends keyof GenerateRequests & string>(name: K, payload: GenerateRequests[K]['request']): void {
    this.client.send(name, payload);
  }

  // Ends the worker (Annullér while a file is read); what still waits gets no answer.
  terminate(): void {
    this.worker.terminate();
  }
}
