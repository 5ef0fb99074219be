// Messages between the "Tekstgenerering" page and its worker, which owns the N-gram model (wasm).
// Words travel as words: the worker knows the vocabulary, the page only shows.
import type { NetworkSteps, SampleSettings, SampleStatusName } from '@wasm/language_core.mjs';
import type { TextHeadProblem } from '../data/text-file.ts';

// A file is read by the worker a piece at a time; the page never holds its text.
export type GenerateText = { kind: 'note' } | { kind: 'practice'; sentences: number } | { kind: 'own'; text: string }
  | { kind: 'file'; file: Blob } | { kind: 'danish'; url: string };  // danish: the finished, pruned model (data/ngram-da.aing)

export interface BuiltText {
  words: number;   // different words
  tokens: number;  // words in all
  problem?: TextHeadProblem;  // a file that is not text, or mostly not letters: nothing was built
  finished?: { description: string };  // the finished model: its words were counted elsewhere
  unavailable?: boolean;      // the finished model's file could not be fetched or read: nothing changed
}

// Which model answers "the next word" and writes: the counts, or the trained network.
export type LanguageModelKind = 'ngram' | 'neural';

export interface NextReply {
  unknown: string[];       // words of the beginning the text does not have (left out)
  context: string[];       // the words the next one is counted after (after a back-off: fewer)
  asked: number;           // how many words of context N asked for
  contextCount: number;    // times the context occurs; 0: never
  prunedCount?: number;    // the finished model: further times, followed by a word it left out
  words: string[];         // the words after it, most frequent first
  counts: number[];
  p: number[];             // count / contextCount (T = 1)
  z: number[];             // with the sampler's settings
  entropyP: number;
  entropyZ: number;
  status: SampleStatusName;
  neural?: { padded: number; restP: number; restZ: number };  // the network's answer: no counts, the other words as one
}

export interface GeneratedRun {
  unknown: string[];
  prompt: string[];          // the beginning as the model read it
  words: string[];           // the words written
  probabilities: number[];   // of each word when drawn
  contextLengths: number[];
  copied: number[];          // for prompt + words: how many words from each on occur in the text word for word
  end: 'done' | 'unseen_context' | 'bad_settings';
  status: string;
}

export interface Ask {
  prompt: string;
  order: number;
  backoff: boolean;
  sample: SampleSettings;
  ends: boolean;
  model?: LanguageModelKind;  // the counts when not given
}

// The neural model's settings as the page offers them (the sampler's seed is the page's).
export interface NeuralChoice {
  contextWords: number;   // c = N − 1
  hidden: number;         // d
  activation: 'sigmoid' | 'tanh' | 'relu';
  optimiser: 'adam' | 'sgd';
  learningRate: number;   // η
  vectors: 'danish' | 'random';
  randomDim: number;      // m of random vectors
  trainVectors: boolean;
  maxWords: number;       // V without «ukendt»
  seed: number;
}

export type NeuralSetupReply =
  | { ok: true; vocabularySize: number; unknownMembers: number; trainRows: number; heldOutRows: number; dim: number;
    vectorsFound: number; weights: number; split: boolean }
  | { ok: false; problem: string };  // a NeuralStatus name, or 'vectors_unavailable'

// What the page draws while the network learns (about ten times a second, and at each pause).
export interface NeuralProgress {
  running: boolean;
  steps: number;                    // mini-batches so far
  epochs: number;                   // passes through the training rows
  curve: { steps: number[]; losses: number[] };  // mean loss per word of the batches between points
  heldOut: { lossPerWord: number; perplexity: number } | null;   // the last measurement (null: no held-out part)
  training: { lossPerWord: number; perplexity: number } | null;  // a small text's L over all rows
  problem: string | null;           // 'diverged' and the like: training stopped
}

export interface NetworkValues {
  context: string[];   // the c words read
  padded: number;
  x: number[];         // (c·m)
  h: number[];         // (d)
  dim: number;         // m
  top: { words: string[]; z: number[] };  // the most probable next words, z at T = 1
}

export interface LadderReply {
  trainWords: number;
  heldOutWords: number;
  unknownWords: number;  // held-out words the first part does not have
  loss: number[];        // per word, N = 1 … 5 (empty: the text is too short)
  perplexity: number[];
  stored?: boolean;      // the finished model's, measured when its file was written
}

export type GenerateRequests = {
  build: { request: { text: GenerateText; ends: boolean }; reply: BuiltText };
  next: { request: Ask; reply: NextReply };
  generate: { request: Ask & { count: number; seed: number }; reply: GeneratedRun };
  table: { request: { n: number; limit: number }; reply: { different: number; rows: { words: string[]; count: number }[] } };
  ladder: { request: { trainShare: number; minWords: number; maxHeldOut: number }; reply: LadderReply };
  weights: { request: { c: number; m: number; V: number; d: number }; reply: number };
  network: { request: { x: number[]; w: number[]; u: number[]; hidden: number; activation: string }; reply: NetworkSteps };
  neuralSetup: { request: { choice: NeuralChoice; vectorsUrl: string | null }; reply: NeuralSetupReply };
  neuralRun: { request: { run: boolean }; reply: void };
  neuralEta: { request: { eta: number }; reply: boolean };
  neuralValues: { request: { prompt: string; ends: boolean }; reply: NetworkValues | null };
};

export type GenerateEvents = {
  progress: { fraction: number };  // how far a file's reading is, posted only for a read that takes a while
  neural: NeuralProgress;
};
