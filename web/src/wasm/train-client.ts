// The "Træn word2vec" page's side of its worker. A dying worker rejects what waits and calls `fatal`.
import type { CorpusState, ToTrainWorker, ToyState, TrainEvents, TrainRequests } from './train-protocol.ts';
import { WorkerClient } from './worker-protocol.ts';
import type { TextHeadReply } from './train-protocol.ts';

export interface TrainClientEvents {
  toy(state: ToyState, history: { steps: number[]; losses: number[] }): void;
  corpus(state: CorpusState): void;
  corpusProblem(problem: { status: string; share?: number }): void;
  corpusReading(reading: { fraction: number } | null): void;
  fatal(message: string): void;
}

export class TrainClient {
  private readonly client: WorkerClient<TrainRequests, TrainEvents>;

  constructor(events: TrainClientEvents) {
    const worker = new Worker(new URL('./train-worker.ts', import.meta.url), { type: 'module' });
    this.client = new WorkerClient(worker, {
      toy: ({ state, history }) => events.toy(state, history),
      corpus: (state) => events.corpus(state),
      corpusProblem: (problem) => events.corpusProblem(problem),
      corpusReading: (reading) => events.corpusReading(reading),
    }, events.fatal);
  }

  send(message: ToTrainWorker): void {
    this.client.send(message.type, message as never);
  }

  // A text file judged by its start (encoding, the start to show, or why it cannot be trained on).
  inspect(file: Blob): Promise<TextHeadReply> {
    return this.client.request('corpus-inspect', { type: 'corpus-inspect', file });
  }

  // The trained focus vectors as a word2vec text file.
  vectors(): Promise<ArrayBuffer> {
    return this.client.request('corpus-vectors', { type: 'corpus-vectors' });
  }
}
