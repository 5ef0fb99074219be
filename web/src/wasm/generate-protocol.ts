// Messages between the "Tekstgenerering" page and its worker, which owns the N-gram model (wasm).
// Words travel as words: the worker knows the vocabulary, the page only shows.
import type { NetworkSteps, SampleSettings, SampleStatusName } from '@wasm/language_core.mjs';
import type { TextHeadProblem } from '../data/text-file.ts';

// A file is read by the worker a piece at a time; the page never holds its text.
export type GenerateText = { kind: 'note' } | { kind: 'practice'; sentences: number } | { kind: 'own'; text: string }
  | { kind: 'file'; file: Blob };

export interface BuiltText {
  words: number;   // different words
  tokens: number;  // words in all
  problem?: TextHeadProblem;  // a file that is not text, or mostly not letters: nothing was built
}

export interface NextReply {
  unknown: string[];       // words of the beginning the text does not have (left out)
  context: string[];       // the words the next one is counted after (after a back-off: fewer)
  asked: number;           // how many words of context N asked for
  contextCount: number;    // times the context occurs; 0: never
  words: string[];         // the words after it, most frequent first
  counts: number[];
  p: number[];             // count / contextCount (T = 1)
  z: number[];             // with the sampler's settings
  entropyP: number;
  entropyZ: number;
  status: SampleStatusName;
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
}

export interface LadderReply {
  trainWords: number;
  heldOutWords: number;
  unknownWords: number;  // held-out words the first part does not have
  loss: number[];        // per word, N = 1 … 5 (empty: the text is too short)
  perplexity: number[];
}

export type GenerateRequests = {
  build: { request: { text: GenerateText; ends: boolean }; reply: BuiltText };
  next: { request: Ask; reply: NextReply };
  generate: { request: Ask & { count: number; seed: number }; reply: GeneratedRun };
  table: { request: { n: number; limit: number }; reply: { different: number; rows: { words: string[]; count: number }[] } };
  ladder: { request: { trainShare: number; minWords: number; maxHeldOut: number }; reply: LadderReply };
  weights: { request: { c: number; m: number; V: number; d: number }; reply: number };
  network: { request: { x: number[]; w: number[]; u: number[]; hidden: number; activation: string }; reply: NetworkSteps };
};

export type GenerateEvents = {
  progress: { fraction: number };  // how far a file's reading is, posted only for a read that takes a while
};
