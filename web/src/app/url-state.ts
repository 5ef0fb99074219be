// Every setting lives in the URL, so a link or an iframe reproduces the page exactly.
// Only values that differ from the defaults are written, to keep links short.
import type { ActivationName, GradientName, LossName, StartWeights } from '../wasm/neuron-types.ts';
import type { Language } from './i18n.ts';

export type PageId = 'home' | 'neuron';
export const PAGES: readonly PageId[] = ['home', 'neuron'];

// Control groups a teacher can hide in an embedded page (hide=eta,start,…).
export const CONTROL_IDS = ['data', 'loss', 'activation', 'gradient', 'eta', 'iterations', 'start',
  'standardize', 'speed', 'buttons', 'weights', 'predict'] as const;
export type ControlId = (typeof CONTROL_IDS)[number];

// Iterations per second of the speed slider; Infinity is "as fast as possible".
export const SPEEDS = [1, 5, 25, 100, 500, 2500, 10000, 50000, Infinity] as const;
export const MAX_ITERATIONS = 10_000_000;

export interface NeuronPageState {
  data: string;               // preset id
  features: string[] | null;  // null: the preset's own choice
  target: string | null;
  loss: LossName;
  activation: ActivationName;
  gradient: GradientName;
  eta: number;
  iterations: number;         // per press of Start
  start: StartWeights;
  standardize: boolean;
  seed: number;
  speed: number;              // iterations per second, Infinity = max
  logScale: boolean;
  ask: number[] | null;       // inputs typed into the prediction panel
}

export interface AppState {
  page: PageId;
  lang: Language;
  embed: boolean;
  hide: ControlId[];
  neuron: NeuronPageState;
}

// The notes' conventions: standardised inputs, summed gradient, all start weights 0, η = 0.001,
// 1000 iterations.
export function defaultNeuronState(): NeuronPageState {
  return {
    data: 'goodfood', features: null, target: null, loss: 'squared', activation: 'sigmoid',
    gradient: 'sum', eta: 0.001, iterations: 1000, start: { kind: 'constant', value: 0 },
    standardize: true, seed: 1, speed: 500, logScale: false, ask: null,
  };
}

export function defaultState(): AppState {
  return { page: 'home', lang: 'da', embed: false, hide: [], neuron: defaultNeuronState() };
}

// A URL value that could not be used: the page says so and uses the default instead.
export interface UrlProblem {
  key: string;
  value: string;
}

const LOSS_CODES: Record<string, LossName> = { se: 'squared', ce: 'cross_entropy' };
const GRADIENT_CODES: Record<string, GradientName> = { sum: 'sum', mean: 'mean', sgd: 'stochastic' };
const ACTIVATIONS: readonly ActivationName[] = ['sigmoid', 'tanh', 'relu', 'identity'];

const codeOf = <T>(table: Record<string, T>, value: T) =>
  Object.keys(table).find((k) => table[k] === value)!;

function finite(text: string): number | null {
  if (text.trim() === '') return null;
  const x = Number(text);
  return Number.isFinite(x) ? x : null;
}

function numberList(text: string): number[] | null {
  const parts = text.split(',').map(finite);
  return parts.every((x) => x !== null) ? (parts as number[]) : null;
}

// w=0 (all equal), w=random or w=random:0.5 (uniform in ±0.5), w=-0.298,-0.0375,0.000769 (given).
export function parseStart(text: string): StartWeights | null {
  const random = /^random(?::(.+))?$/.exec(text);
  if (random) {
    const spread = random[1] === undefined ? 1 : finite(random[1]);
    return spread !== null && spread > 0 ? { kind: 'random', value: spread } : null;
  }
  const list = numberList(text);
  if (!list) return null;
  return list.length === 1 ? { kind: 'constant', value: list[0] } : { kind: 'given', weights: list };
}

export function formatStart(start: StartWeights): string {
  if (start.kind === 'random') return start.value === 1 ? 'random' : `random:${start.value}`;
  if (start.kind === 'constant') return String(start.value);
  return start.weights.join(',');
}

export function parseState(search: string): { state: AppState; problems: UrlProblem[] } {
  const params = new URLSearchParams(search);
  const state = defaultState();
  const n = state.neuron;
  const problems: UrlProblem[] = [];
  // Reads key when present; a value the reader rejects becomes a problem.
  const read = (key: string, reader: (value: string) => boolean) => {
    const value = params.get(key);
    if (value !== null && !reader(value)) problems.push({ key, value });
  };
  read('page', (v) => PAGES.includes(v as PageId) && ((state.page = v as PageId), true));
  read('lang', (v) => (v === 'da' || v === 'en') && ((state.lang = v), true));
  read('embed', (v) => ((state.embed = v === '1' || v === 'true'), true));
  read('hide', (v) => {
    const ids = v.split(',').filter(Boolean);
    state.hide = ids.filter((id): id is ControlId => (CONTROL_IDS as readonly string[]).includes(id));
    return state.hide.length === ids.length;
  });
  read('data', (v) => /^[\w-]+$/.test(v) && ((n.data = v), true));
  read('x', (v) => ((n.features = v.split(',').filter(Boolean)), n.features.length > 0));
  read('t', (v) => ((n.target = v), v.length > 0));
  read('loss', (v) => v in LOSS_CODES && ((n.loss = LOSS_CODES[v]), true));
  read('act', (v) => ACTIVATIONS.includes(v as ActivationName) && ((n.activation = v as ActivationName), true));
  read('grad', (v) => v in GRADIENT_CODES && ((n.gradient = GRADIENT_CODES[v]), true));
  read('eta', (v) => {
    const x = finite(v);
    return x !== null && x > 0 && ((n.eta = x), true);
  });
  read('iter', (v) => {
    const x = finite(v);
    return x !== null && Number.isInteger(x) && x >= 1 && x <= MAX_ITERATIONS && ((n.iterations = x), true);
  });
  read('w', (v) => {
    const start = parseStart(v);
    return start !== null && ((n.start = start), true);
  });
  read('std', (v) => (v === '0' || v === '1') && ((n.standardize = v === '1'), true));
  read('seed', (v) => {
    const x = finite(v);
    return x !== null && Number.isSafeInteger(x) && x >= 0 && ((n.seed = x), true);
  });
  read('speed', (v) => {
    const x = v === 'max' ? Infinity : finite(v);
    return x !== null && SPEEDS.includes(x as (typeof SPEEDS)[number]) && ((n.speed = x), true);
  });
  read('log', (v) => ((n.logScale = v === '1'), true));
  read('ask', (v) => {
    const list = numberList(v);
    return list !== null && ((n.ask = list), true);
  });
  if (n.loss === 'cross_entropy' && n.activation !== 'sigmoid') {
    problems.push({ key: 'act', value: n.activation });  // cross-entropy is defined for the sigmoid only
    n.activation = 'sigmoid';
  }
  return { state, problems };
}

export function formatState(state: AppState): string {
  const params = new URLSearchParams();
  const d = defaultState();
  const n = state.neuron;
  const dn = d.neuron;
  if (state.page !== d.page) params.set('page', state.page);
  if (state.lang !== d.lang) params.set('lang', state.lang);
  if (state.embed) params.set('embed', '1');
  if (state.hide.length) params.set('hide', state.hide.join(','));
  if (state.page === 'neuron') {
    if (n.data !== dn.data) params.set('data', n.data);
    if (n.features) params.set('x', n.features.join(','));
    if (n.target) params.set('t', n.target);
    if (n.loss !== dn.loss) params.set('loss', codeOf(LOSS_CODES, n.loss));
    if (n.activation !== dn.activation) params.set('act', n.activation);
    if (n.gradient !== dn.gradient) params.set('grad', codeOf(GRADIENT_CODES, n.gradient));
    if (n.eta !== dn.eta) params.set('eta', String(n.eta));
    if (n.iterations !== dn.iterations) params.set('iter', String(n.iterations));
    if (formatStart(n.start) !== formatStart(dn.start)) params.set('w', formatStart(n.start));
    if (n.standardize !== dn.standardize) params.set('std', n.standardize ? '1' : '0');
    if (n.seed !== dn.seed) params.set('seed', String(n.seed));
    if (n.speed !== dn.speed) params.set('speed', Number.isFinite(n.speed) ? String(n.speed) : 'max');
    if (n.logScale) params.set('log', '1');
    if (n.ask) params.set('ask', n.ask.join(','));
  }
  const text = params.toString().replace(/%2C/g, ',');  // commas read better in a link
  return text ? `?${text}` : '';
}
