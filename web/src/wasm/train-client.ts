// The "Træn word2vec" page's side of its worker.
import type { CorpusState, FromTrainWorker, ToTrainWorker, ToyState } from './train-protocol.ts';

export interface TrainClientEvents {
  toy(state: ToyState, history: { steps: number[]; losses: number[] }): void;
  corpus(state: CorpusState): void;
  corpusProblem(status: string): void;
  fatal(message: string): void;
}

export class TrainClient {
  private readonly worker: Worker;
  private readonly waitingForVectors: ((bytes: ArrayBuffer) => void)[] = [];

  constructor(events: TrainClientEvents) {
    this.worker = new Worker(new URL('./train-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<FromTrainWorker>) => {
      const message = event.data;
      if (message.type === 'toy-state') events.toy(message.state, message.history);
      else if (message.type === 'corpus-state') events.corpus(message.state);
      else if (message.type === 'corpus-problem') events.corpusProblem(message.status);
      else if (message.type === 'corpus-vectors') this.waitingForVectors.shift()?.(message.bytes);
      else events.fatal(message.message);
    };
    this.worker.onerror = (event) => events.fatal(event.message || 'worker error');
  }

  send(message: ToTrainWorker): void {
    this.worker.postMessage(message);
  }

  // The trained focus vectors as a word2vec text file (answers come in the order asked).
  vectors(): Promise<ArrayBuffer> {
    return new Promise((resolve) => {
      this.waitingForVectors.push(resolve);
      this.send({ type: 'corpus-vectors' });
    });
  }
}
