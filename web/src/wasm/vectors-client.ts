// The Ordvektorer page's side of the vectors worker: each request returns a promise of its answer.
import type { FromVectorsWorker, QueryAnswer, ToVectorsWorker, VectorQuery } from './vectors-protocol.ts';

export type LoadReply = Extract<FromVectorsWorker, { type: 'loaded' | 'load-failed' }>;

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export class VectorsClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (message: FromVectorsWorker) => void>();

  constructor(onFatal: (message: string) => void) {
    this.worker = new Worker(new URL('./vectors-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<FromVectorsWorker>) => {
      const message = event.data;
      if (message.type === 'fatal') return onFatal(message.message);
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message);
    };
    this.worker.onerror = (event) => onFatal(event.message || 'worker error');
  }

  loadDefault(url: string): Promise<LoadReply> {
    return this.request({ type: 'load-default', url }) as Promise<LoadReply>;
  }

  loadFile(name: string, bytes: ArrayBuffer): Promise<LoadReply> {
    return this.request({ type: 'load-file', name, bytes }, [bytes]) as Promise<LoadReply>;
  }

  async query(query: VectorQuery): Promise<QueryAnswer> {
    const reply = await this.request({ type: 'query', query });
    if (reply.type !== 'answer') throw new Error('unexpected reply');
    return reply.answer;
  }

  private request(message: WithoutId<ToVectorsWorker>, transfer: Transferable[] = []): Promise<FromVectorsWorker> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ ...message, id } as ToVectorsWorker, transfer);
    });
  }
}
