// Messages between the "Træn word2vec" page and its worker (which owns the wasm models).

export interface ToyState {
  focus: number[];          // θ of each focus vector v (radians)
  context: number[];        // θ of each context vector k
  loss: number;             // L
  probabilities: number[];  // (words × words) P(c | w), row = focus word
  gradient: number;         // |∇L| over all ten angles
  steps: number;            // descent steps taken since the start or the last reset
  running: boolean;
}

export type ToTrainWorker =
  | { type: 'toy-setup'; words: number; counts: number[]; focus: number[]; context: number[] }
  | { type: 'toy-angles'; focus: number[]; context: number[] }
  | { type: 'toy-run'; eta: number }
  | { type: 'toy-step'; eta: number }
  | { type: 'pause' };

export type FromTrainWorker =
  | { type: 'toy-state'; state: ToyState; history: { steps: number[]; losses: number[] } }
  | { type: 'fatal'; message: string };
