// The page's side of the neuron worker: requests that expect an answer return a promise; the
// stream of training states goes to one listener.
import type { FromWorker, NeuronDataMessage, NeuronSnapshot, Speed, ToWorker } from './neuron-protocol.ts';
import type { CoreStatus, NeuronSettings } from './neuron-types.ts';

export interface Reply {
  status: CoreStatus;
  snapshot: NeuronSnapshot | null;
}

export interface NeuronClientEvents {
  state(snapshot: NeuronSnapshot, problem: CoreStatus | null): void;
  fatal(message: string): void;
}

// Distributes without a type argument so that each ToWorker member loses its `id` on its own.
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export class NeuronClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply) => void>();

  constructor(private readonly events: NeuronClientEvents) {
    this.worker = new Worker(new URL('./neuron-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    this.worker.onerror = (event) => events.fatal(event.message || 'worker error');
  }

  setup(data: NeuronDataMessage, settings: NeuronSettings): Promise<Reply> {
    // Copies, so that the page keeps its own arrays.
    const copy = { ...data, x: data.x.slice(), t: data.t.slice() };
    return this.request({ type: 'setup', data: copy, settings }, [copy.x.buffer, copy.t.buffer]);
  }

  configure(settings: NeuronSettings): Promise<Reply> {
    return this.request({ type: 'configure', settings });
  }

  setEta(eta: number): Promise<Reply> {
    return this.request({ type: 'eta', eta });
  }

  run(iterations: number, speed: Speed): void {
    this.send({ type: 'run', iterations, speed });
  }

  setSpeed(speed: Speed): void {
    this.send({ type: 'speed', speed });
  }

  pause(): void {
    this.send({ type: 'pause' });
  }

  step(): void {
    this.send({ type: 'step' });
  }

  reset(): void {
    this.send({ type: 'reset' });
  }

  dispose(): void {
    this.worker.terminate();
  }

  private request(message: WithoutId<ToWorker>, transfer: Transferable[] = []): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ ...message, id } as ToWorker, transfer);
    });
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'reply': {
        const resolve = this.pending.get(message.id);
        this.pending.delete(message.id);
        resolve?.({ status: message.status, snapshot: message.snapshot });
        return;
      }
      case 'state':
        this.events.state(message.snapshot, message.problem);
        return;
      case 'fatal':
        this.events.fatal(message.message);
        return;
    }
  }
}
