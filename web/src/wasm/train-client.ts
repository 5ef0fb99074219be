// The "Træn word2vec" page's side of its worker. A dying worker rejects what waits and calls `fatal`.
import type { CorpusState, ToTrainWorker, ToyState, TrainEvents, TrainRequests } from './train-protocol.ts';
import { WorkerClient } from './worker-protocol.ts';

export interface TrainClientEvents {
  toy(state: ToyState, history: { steps: number[]; losses: number[] }): void;
  corpus(state: CorpusState): void;
  corpusProblem(status: string): void;
  fatal(message: string): void;
}

export class TrainClient {
  private readonly client: WorkerClient<TrainRequests, TrainEvents>;

  constructor(events: TrainClientEvents) {
    const worker = new Worker(new URL('./train-worker.ts', import.meta.url), { type: 'module' });
    this.client = new WorkerClient(worker, {
      toy: ({ state, history }) => events.toy(state, history),
      corpus: (state) => events.corpus(state),
      corpusProblem: (status) => events.corpusProblem(status),
    }, events.fatal);
  }

  send(message: ToTrainWorker): void {
    this.client.send(message.type, message as never);
  }

  // The trained focus vectors as a word2vec text file.
  vectors(): Promise<ArrayBuffer> {
    return this.client.request('corpus-vectors', { type: 'corpus-vectors' });
  }
}
