// A page's side of the neuron worker: requests that expect an answer return a promise; the stream
// of training states goes to one listener. A dying worker rejects what waits and calls `fatal`.
import type { GridRequest, LandscapeReply, NeuronDataMessage, NeuronEvents, NeuronRequests, NeuronSnapshot, Reply, Speed }
  from './neuron-protocol.ts';
import type { CoreStatus, NeuronSettings } from './neuron-types.ts';
import { WorkerClient } from './worker-protocol.ts';


export interface NeuronClientEvents {
  state(snapshot: NeuronSnapshot, problem: CoreStatus | null, lane: number): void;
  fatal(message: string): void;
}

export class NeuronClient {
  private readonly client: WorkerClient<NeuronRequests, NeuronEvents>;

  constructor(events: NeuronClientEvents) {
    const worker = new Worker(new URL('./neuron-worker.ts', import.meta.url), { type: 'module' });
    this.client = new WorkerClient(worker,
      { state: ({ snapshot, problem, lane }) => events.state(snapshot, problem, lane) }, events.fatal);
  }

  // New data and one settings object per lane; record: keep the iteration table.
  setup(data: NeuronDataMessage, lanes: NeuronSettings[], record = false): Promise<Reply> {
    const copy = { ...data, x: data.x.slice(), t: data.t.slice() };  // the page keeps its own arrays
    return this.client.request('setup', { data: copy, lanes, record }, [copy.x.buffer, copy.t.buffer]);
  }

  configure(lanes: NeuronSettings[]): Promise<Reply> {
    return this.client.request('configure', lanes);
  }

  setEta(eta: number): Promise<Reply> {
    return this.client.request('eta', eta);
  }

  landscape(grid: GridRequest): Promise<LandscapeReply> {
    return this.client.request('landscape', grid);
  }

  run(iterations: number, speed: Speed): void {
    this.client.send('run', { iterations, speed });
  }

  setSpeed(speed: Speed): void {
    this.client.send('speed', speed);
  }

  pause(): void {
    this.client.send('pause', null);
  }

  step(): void {
    this.client.send('step', null);
  }

  reset(): void {
    this.client.send('reset', null);
  }
}
