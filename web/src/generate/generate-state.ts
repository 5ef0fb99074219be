// The "Tekstgenerering" page's settings in the URL (page=generate): the text the N-gram model
// counts in (the note's four sentences, the seeded practice sentences, or an own text, which
// cannot go into a link), N, the beginning, the sampler's settings and the seed.
import { finite, positive, type Read } from '../app/url-values.ts';
import type { PageUrlState } from '../app/page-entry.ts';

export const GENERATE_CONTROLS = ['text', 'next', 'temperature', 'generate', 'table', 'ladder', 'network'] as const;

export type GenerateSource = 'note' | 'practice' | 'own';

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
}

export const MAX_WORDS = 200;
export const MAX_PROMPT_CHARS = 500;
export const MAX_TEMPERATURE = 100;
export const MIN_TEMPERATURE = 0.01;

export function defaultGenerateState(): GeneratePageState {
  return { source: 'note', sentences: 2000, ends: false, order: 2, prompt: 'en', temperature: 1, greedy: false, backoff: false,
    count: 12, seed: 1 };
}

function whole(text: string, low: number, high: number): number | null {
  const x = finite(text);
  return x !== null && Number.isInteger(x) && x >= low && x <= high ? x : null;
}

export function readGenerateState(read: Read, s: GeneratePageState): void {
  read('src', (v) => (v === 'note' || v === 'practice' || v === 'own') && ((s.source = v), true));
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
}

declare module '../app/url-state.ts' {
  interface PageStates { generate: GeneratePageState }
}

export const GENERATE_URL: PageUrlState<GeneratePageState> = {
  defaults: defaultGenerateState, read: readGenerateState, write: writeGenerateState, controls: GENERATE_CONTROLS,
};
