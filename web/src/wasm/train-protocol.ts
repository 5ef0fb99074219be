// Messages between the "Træn word2vec" page and its worker (which owns the wasm models).
import type { PairWork, Word2VecSettings } from '@wasm/word2vec_core.mjs';
import type { Match, Plot } from './vectors-protocol.ts';
import type { TextHead, TextHeadProblem } from '../data/text-file.ts';

export interface ToyState {
  focus: number[];          // θ of each focus vector v (radians)
  context: number[];        // θ of each context vector k
  loss: number;             // L
  probabilities: number[];  // (words × words) P(c | w), row = focus word
  terms: number[];          // (words × words) n(w, c)·(−ln P(c | w)), 0 where n = 0
  scores: number[];         // (words × words) v_w·k_o
  eta: number;              // the η of the next step
  nextFocus: number[];      // θ − η·∂L/∂θ of each focus vector: where Ét skridt takes it
  gradient: number;         // |∇L| over all ten angles
  gradientFocus: number[];  // ∂L/∂θ of each focus vector v
  gradientContext: number[];  // ∂L/∂θ of each context vector k
  steps: number;            // descent steps taken since the start or the last reset
  running: boolean;
}

// What to train on: the seeded practice sentences (made in the worker), a typed text, or a text
// file (read by the worker a piece at a time; the page never holds it whole). Both are normalised.
export type CorpusSource = { kind: 'generated'; sentences: number; seed: number } | { kind: 'own'; text: string }
  | { kind: 'file'; file: Blob };

// Training on a text: where it stands, and what the watched words look like now.
export interface CorpusState {
  vocabulary: number;
  tokens: number;
  wordsDone: number;
  wordsTotal: number;
  averageLoss: number;
  learningRate: number;  // η now (it falls when the decay is linear)
  wordsPerSecond: number;
  running: boolean;
  history: { words: number[]; losses: number[] };  // average loss of each stretch of training
  neighbours: { word: string; matches: Match[] | null }[];  // null: not in the vocabulary
  plot: Plot | null;
  // A vocabulary of at most 12 words: the whole table P(context | focus), row = focus word.
  small: { words: string[]; probabilities: number[] } | null;
  // The chosen pair worked out now (null: no pair in the text); status 'first_pair': a chosen word
  // is not in the text, and the text's first pair is shown instead.
  pair: { status: string; work: PairWork } | null;
  pairSteps: number;  // steps taken on the pair (Ét skridt) since the setup
  // Dimension 2: the vectors themselves (focus v and context k of each shown word), not a projection.
  plane: Plot | null;
  // Dimension 3: the shown words' v and k (words × 3 each), for the view one can turn.
  space: { words: string[]; focus: number[]; context: number[] } | null;
}

export type ToTrainWorker =
  | { type: 'corpus-setup'; source: CorpusSource; settings: Word2VecSettings; watch: string[]; pair: [string, string] }
  | { type: 'corpus-pair'; pair: [string, string] }
  | { type: 'corpus-pair-step' }  // one step of gradient descent on the chosen pair
  | { type: 'corpus-run'; wordsPerSecond: number | null }  // null: as fast as it goes
  | { type: 'corpus-pause' }
  | { type: 'corpus-cancel' }  // stop reading a file
  | { type: 'corpus-inspect'; file: Blob }  // judge a text file by its start
  | { type: 'corpus-watch'; watch: string[] }
  | { type: 'corpus-vectors' }  // the focus vectors as they are now, as a word2vec text file
  | { type: 'toy-setup'; words: number; counts: number[]; focus: number[]; context: number[]; eta: number }
  | { type: 'toy-eta'; eta: number }  // the η the formulas' next step uses (and a run's, if one runs)
  | { type: 'toy-angles'; focus: number[]; context: number[] }
  | { type: 'toy-run'; eta: number }
  | { type: 'toy-step'; eta: number }
  | { type: 'pause' };

export type TextHeadReply = { ok: true; value: TextHead } | { ok: false; problem: TextHeadProblem };

// Each message is a request of its own name; the page waits only for the vectors and a file's verdict.
export type TrainRequests = {
  [K in ToTrainWorker['type']]: { request: Extract<ToTrainWorker, { type: K }>;
    reply: K extends 'corpus-vectors' ? ArrayBuffer : K extends 'corpus-inspect' ? TextHeadReply : void };
};

export type TrainEvents = {
  toy: { state: ToyState; history: { steps: number[]; losses: number[] } };
  corpus: CorpusState;
  // The trainer refused the text or the settings: its status, and for 'not_letters' the share of
  // letters at the text's start.
  corpusProblem: { status: string; share?: number };
  // Reading a text file: how far (0–1), posted only for a read that takes a while; null: over.
  corpusReading: { fraction: number } | null;
};
