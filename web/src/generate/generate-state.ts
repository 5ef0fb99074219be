// The "Tekstgenerering" page's settings in the URL (page=generate): the text the N-gram model
// counts in (the note's four sentences, the seeded practice sentences, or an own text, which
// cannot go into a link), N, the beginning, the sampler's settings and the seed, which model
// answers, and the neural model's settings (n…).
import { finite, positive, type Read } from '../app/url-values.ts';
import type { PageUrlState } from '../app/page-entry.ts';
import type { NeuralChoice } from '../wasm/generate-protocol.ts';

export const GENERATE_CONTROLS = ['text', 'next', 'temperature', 'generate', 'table', 'ladder', 'neural', 'network'] as const;

export type GenerateSource = 'note' | 'practice' | 'own' | 'danish';

// The neural model's settings (what NeuralChoice sends, without the page's seed).
export type NeuralPageState = Omit<NeuralChoice, 'seed'>;

export interface GeneratePageState {
  source: GenerateSource;
  sentences: number;    // of the practice text
  ends: boolean;        // a sentence's end is a word of its own (".")
  order: number;        // N = 1 … 5: the model looks at the N − 1 words before
  prompt: string;       // the beginning typed
  temperature: number;  // T
  greedy: boolean;      // always the most probable word
  backoff: boolean;     // an unseen context falls back to a shorter one (said so)
  count: number;        // words to write
  seed: number;
  model: 'ngram' | 'neural';  // which model answers and writes
  neural: NeuralPageState;
}

export const MAX_WORDS = 200;
export const MAX_PROMPT_CHARS = 500;
export const MAX_TEMPERATURE = 100;
export const MIN_TEMPERATURE = 0.01;
export const MAX_HIDDEN = 500;
export const MAX_RANDOM_DIM = 300;
export const MAX_MODEL_WORDS = 10_000;
export const MAX_LEARNING_RATE = 10;

export function defaultNeuralState(): NeuralPageState {
  return { contextWords: 3, hidden: 30, activation: 'sigmoid', optimiser: 'adam', learningRate: 0.01, vectors: 'danish', randomDim: 10,
    trainVectors: false, maxWords: 2000 };
}

export function defaultGenerateState(): GeneratePageState {
  return { source: 'note', sentences: 2000, ends: false, order: 2, prompt: 'en', temperature: 1, greedy: false, backoff: false,
    count: 12, seed: 1, model: 'ngram', neural: defaultNeuralState() };
}

function whole(text: string, low: number, high: number): number | null {
  const x = finite(text);
  return x !== null && Number.isInteger(x) && x >= low && x <= high ? x : null;
}

export function readGenerateState(read: Read, s: GeneratePageState): void {
  read('src', (v) => (v === 'note' || v === 'practice' || v === 'own' || v === 'danish') && ((s.source = v), true));
  read('sent', (v) => { const x = whole(v, 10, 200_000); return x !== null && ((s.sentences = x), true); });
  read('ends', (v) => (v === '1' || v === '0') && ((s.ends = v === '1'), true));
  read('n', (v) => { const x = whole(v, 1, 5); return x !== null && ((s.order = x), true); });
  read('p', (v) => v.length <= MAX_PROMPT_CHARS && ((s.prompt = v), true));
  read('t', (v) => {
    const x = positive(v);
    return x !== null && x >= MIN_TEMPERATURE && x <= MAX_TEMPERATURE && ((s.temperature = x), true);
  });
  read('greedy', (v) => (v === '1' || v === '0') && ((s.greedy = v === '1'), true));
  read('backoff', (v) => (v === '1' || v === '0') && ((s.backoff = v === '1'), true));
  read('words', (v) => { const x = whole(v, 1, MAX_WORDS); return x !== null && ((s.count = x), true); });
  read('seed', (v) => { const x = whole(v, 0, 2 ** 31); return x !== null && ((s.seed = x), true); });
  read('model', (v) => (v === 'ngram' || v === 'neural') && ((s.model = v), true));
  const n = s.neural;
  read('nc', (v) => { const x = whole(v, 1, 4); return x !== null && ((n.contextWords = x), true); });
  read('nd', (v) => { const x = whole(v, 1, MAX_HIDDEN); return x !== null && ((n.hidden = x), true); });
  read('nact', (v) => (v === 'sigmoid' || v === 'tanh' || v === 'relu') && ((n.activation = v), true));
  read('nopt', (v) => (v === 'adam' || v === 'sgd') && ((n.optimiser = v), true));
  read('neta', (v) => { const x = positive(v); return x !== null && x <= MAX_LEARNING_RATE && ((n.learningRate = x), true); });
  read('nvec', (v) => (v === 'danish' || v === 'random') && ((n.vectors = v), true));
  read('nm', (v) => { const x = whole(v, 1, MAX_RANDOM_DIM); return x !== null && ((n.randomDim = x), true); });
  read('ntv', (v) => (v === '1' || v === '0') && ((n.trainVectors = v === '1'), true));
  read('nv', (v) => { const x = whole(v, 2, MAX_MODEL_WORDS); return x !== null && ((n.maxWords = x), true); });
}

export function writeGenerateState(params: URLSearchParams, s: GeneratePageState): void {
  const d = defaultGenerateState();
  if (s.source !== d.source) params.set('src', s.source);
  if (s.sentences !== d.sentences) params.set('sent', String(s.sentences));
  if (s.ends !== d.ends) params.set('ends', s.ends ? '1' : '0');
  if (s.order !== d.order) params.set('n', String(s.order));
  if (s.prompt !== d.prompt) params.set('p', s.prompt);
  if (s.temperature !== d.temperature) params.set('t', String(s.temperature));
  if (s.greedy !== d.greedy) params.set('greedy', s.greedy ? '1' : '0');
  if (s.backoff !== d.backoff) params.set('backoff', s.backoff ? '1' : '0');
  if (s.count !== d.count) params.set('words', String(s.count));
  if (s.seed !== d.seed) params.set('seed', String(s.seed));
  if (s.model !== d.model) params.set('model', s.model);
  const n = s.neural, dn = d.neural;
  if (n.contextWords !== dn.contextWords) params.set('nc', String(n.contextWords));
  if (n.hidden !== dn.hidden) params.set('nd', String(n.hidden));
  if (n.activation !== dn.activation) params.set('nact', n.activation);
  if (n.optimiser !== dn.optimiser) params.set('nopt', n.optimiser);
  if (n.learningRate !== dn.learningRate) params.set('neta', String(n.learningRate));
  if (n.vectors !== dn.vectors) params.set('nvec', n.vectors);
  if (n.randomDim !== dn.randomDim) params.set('nm', String(n.randomDim));
  if (n.trainVectors !== dn.trainVectors) params.set('ntv', n.trainVectors ? '1' : '0');
  if (n.maxWords !== dn.maxWords) params.set('nv', String(n.maxWords));
}

declare module '../app/url-state.ts' {
  interface PageStates { generate: GeneratePageState }
}

export const GENERATE_URL: PageUrlState<GeneratePageState> = {
  defaults: defaultGenerateState, read: readGenerateState, write: writeGenerateState, controls: GENERATE_CONTROLS,
};
