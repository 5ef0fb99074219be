// A page's side of the neuron worker: requests that expect an answer return a promise; the stream
// of training states goes to one listener.
import type { FromWorker, GridRequest, NeuronDataMessage, NeuronSnapshot, Speed, ToWorker } from './neuron-protocol.ts';
import type { CoreStatus, NeuronSettings } from './neuron-types.ts';

export interface Reply {
  status: CoreStatus;
  lane: number;  // which lane the status is about
  snapshot: NeuronSnapshot | null;
}

export interface LandscapeReply {
  status: CoreStatus;
  grids: Float64Array[];  // one per lane
}

export interface NeuronClientEvents {
  state(snapshot: NeuronSnapshot, problem: CoreStatus | null, lane: number): void;
  fatal(message: string): void;
}

// Distributes over the union, so that each ToWorker member loses its `id` on its own.
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export class NeuronClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (message: FromWorker) => void>();

  constructor(private readonly events: NeuronClientEvents) {
    this.worker = new Worker(new URL('./neuron-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    this.worker.onerror = (event) => events.fatal(event.message || 'worker error');
  }

  // New data and one settings object per lane; record: keep the iteration table.
  setup(data: NeuronDataMessage, lanes: NeuronSettings[], record = false): Promise<Reply> {
    const copy = { ...data, x: data.x.slice(), t: data.t.slice() };  // the page keeps its own arrays
    return this.request({ type: 'setup', data: copy, lanes, record }, [copy.x.buffer, copy.t.buffer]) as Promise<Reply>;
  }

  configure(lanes: NeuronSettings[]): Promise<Reply> {
    return this.request({ type: 'configure', lanes }) as Promise<Reply>;
  }

  setEta(eta: number): Promise<Reply> {
    return this.request({ type: 'eta', eta }) as Promise<Reply>;
  }

  landscape(grid: GridRequest): Promise<LandscapeReply> {
    return this.request({ type: 'landscape', grid }) as Promise<LandscapeReply>;
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

  private request(message: WithoutId<ToWorker>, transfer: Transferable[] = []): Promise<Reply | LandscapeReply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, (answer) => {
        if (answer.type === 'reply') resolve({ status: answer.status, lane: answer.lane, snapshot: answer.snapshot });
        else if (answer.type === 'landscape') resolve({ status: answer.status, grids: answer.grids });
      });
      this.worker.postMessage({ ...message, id } as ToWorker, transfer);
    });
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'reply':
      case 'landscape': {
        const resolve = this.pending.get(message.id);
        this.pending.delete(message.id);
        resolve?.(message);
        return;
      }
      case 'state':
        this.events.state(message.snapshot, message.problem, message.lane);
        return;
      case 'fatal':
        this.events.fatal(message.message);
        return;
    }
  }
}
