// The "Træn word2vec" page's settings in the URL (page=train): the course's toy (the angles of the
// vectors after a drag or descent, so a link shows the same picture, and η), and the training on
// a text (its source and every setting; an own text itself cannot go into a link).
import { finite, numberList, positive, type Read } from '../app/url-values.ts';
import type { PageUrlState } from '../app/page-entry.ts';

export const TRAIN_CONTROLS = ['descent', 'table', 'formula', 'corpus'] as const;

export interface TextTraining {
  source: 'generated' | 'own';
  sentences: number;        // of the generated corpus
  corpusSeed: number;       // the generator's seed
  architecture: 'skipgram' | 'cbow';
  output: 'negative' | 'softmax';
  dim: number;
  window: number;
  negatives: number;
  epochs: number;
  learningRate: number;
  decay: 'linear' | 'none';  // η falls linearly to 0 over the training, or stays
  minCount: number;
  sample: number;
  seed: number;
  watch: string[];          // the words whose neighbours and picture are shown
  pair: [string, string];   // the (focus, context) pair worked out beside the formulas
  fast: boolean;            // as fast as it goes, instead of a pace one can watch
}

export interface TrainPageState {
  eta: number;                       // step size of the descent along the circle
  angles: number[] | null;           // 10 angles in degrees: v of each word, then k; null: the exercise's start
  text: TextTraining;
}

export function defaultTextTraining(): TextTraining {
  return { source: 'generated', sentences: 5000, corpusSeed: 1, architecture: 'skipgram', output: 'negative', dim: 20,
    window: 5, negatives: 5, epochs: 10, learningRate: 0.025, decay: 'linear', minCount: 1, sample: 0, seed: 1,
    watch: ['konge', 'dronning', 'mand', 'kvinde', 'hund', 'hunde', 'kat', 'katte', 'gul', 'rød'], pair: ['hund', 'gør'], fast: false };
}

export function defaultTrainState(): TrainPageState {
  return { eta: 0.05, angles: null, text: defaultTextTraining() };
}

// A whole number in [low, high].
function whole(text: string, low: number, high: number): number | null {
  const x = finite(text);
  return x !== null && Number.isInteger(x) && x >= low && x <= high ? x : null;
}

export function readTrainState(read: Read, s: TrainPageState): void {
  read('eta', (v) => {
    const x = positive(v);
    return x !== null && x <= 10 && ((s.eta = x), true);
  });
  read('angles', (v) => {
    const list = numberList(v);
    return list !== null && list.length === 10 && ((s.angles = list), true);
  });
  const t = s.text;
  const integer = (key: string, low: number, high: number, apply: (x: number) => void) =>
    read(key, (v) => { const x = whole(v, low, high); return x !== null && (apply(x), true); });
  read('src', (v) => (v === 'generated' || v === 'own') && ((t.source = v), true));
  read('arch', (v) => (v === 'sg' || v === 'cbow') && ((t.architecture = v === 'sg' ? 'skipgram' : 'cbow'), true));
  read('out', (v) => (v === 'neg' || v === 'softmax') && ((t.output = v === 'neg' ? 'negative' : 'softmax'), true));
  integer('n', 10, 200_000, (x) => { t.sentences = x; });
  integer('gseed', 0, 2 ** 31, (x) => { t.corpusSeed = x; });
  integer('dim', 2, 300, (x) => { t.dim = x; });
  integer('win', 1, 20, (x) => { t.window = x; });
  integer('neg', 1, 30, (x) => { t.negatives = x; });
  integer('epochs', 1, 200, (x) => { t.epochs = x; });
  integer('mincount', 1, 1000, (x) => { t.minCount = x; });
  integer('seed', 0, 2 ** 31, (x) => { t.seed = x; });
  read('lr', (v) => { const x = positive(v); return x !== null && x < 1 && ((t.learningRate = x), true); });
  read('sample', (v) => { const x = finite(v); return x !== null && x >= 0 && x < 1 && ((t.sample = x), true); });
  read('decay', (v) => (v === 'linear' || v === 'none') && ((t.decay = v), true));
  read('pair', (v) => {
    const list = v.split(',').map((w) => w.trim().toLocaleLowerCase('da'));
    return list.length === 2 && list.every(Boolean) && ((t.pair = [list[0], list[1]]), true);
  });
  read('tempo', (v) => (v === 'fast' || v === 'slow') && ((t.fast = v === 'fast'), true));
  read('watch', (v) => {
    const list = v.split(',').map((w) => w.trim().toLocaleLowerCase('da')).filter(Boolean);
    return list.length >= 1 && list.length <= 20 && ((t.watch = list), true);
  });
}

export function writeTrainState(params: URLSearchParams, s: TrainPageState): void {
  const d = defaultTrainState();
  if (s.eta !== d.eta) params.set('eta', String(s.eta));
  if (s.angles) params.set('angles', s.angles.map((a) => String(Math.round(a * 10) / 10)).join(','));
  const t = s.text, dt = d.text;
  if (t.source !== dt.source) params.set('src', t.source);
  if (t.architecture !== dt.architecture) params.set('arch', t.architecture === 'skipgram' ? 'sg' : 'cbow');
  if (t.output !== dt.output) params.set('out', t.output === 'negative' ? 'neg' : 'softmax');
  const numbers: [string, number, number][] = [['n', t.sentences, dt.sentences], ['gseed', t.corpusSeed, dt.corpusSeed],
    ['dim', t.dim, dt.dim], ['win', t.window, dt.window], ['neg', t.negatives, dt.negatives], ['epochs', t.epochs, dt.epochs],
    ['lr', t.learningRate, dt.learningRate], ['mincount', t.minCount, dt.minCount], ['sample', t.sample, dt.sample],
    ['seed', t.seed, dt.seed]];
  for (const [key, value, fallback] of numbers) if (value !== fallback) params.set(key, String(value));
  if (t.watch.join() !== dt.watch.join()) params.set('watch', t.watch.join(','));
  if (t.pair.join() !== dt.pair.join()) params.set('pair', t.pair.join(','));
  if (t.decay !== dt.decay) params.set('decay', t.decay);
  if (t.fast) params.set('tempo', 'fast');
}

// This page's part of the app's state (store.state.train) and of its address.
declare module '../app/url-state.ts' {
  interface PageStates { train: TrainPageState }
}

export const TRAIN_URL: PageUrlState<TrainPageState> = { defaults: defaultTrainState, read: readTrainState, write: writeTrainState, controls: TRAIN_CONTROLS };
