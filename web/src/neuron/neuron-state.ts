// The "Kunstig neuron" page's settings in the URL (page=neuron).
import { codeOf, formatSpeed, formatStart, iterationCount, LOSS_CODES, numberList, parseStart, positive, speed,
  finite, type Read } from '../app/url-values.ts';
import type { ActivationName, GradientName, LossName, StartWeights } from '../wasm/neuron-types.ts';
import type { PageUrlState } from '../app/page-entry.ts';
import { flagReader } from '../app/url-flag.ts';

// Control groups a teacher can hide in an embedded page (hide=eta,start,…).
export const NEURON_CONTROLS = ['data', 'loss', 'activation', 'gradient', 'eta', 'iterations', 'start',
  'standardize', 'speed', 'buttons', 'weights', 'predict'] as const;

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

// The notes' conventions: standardised inputs, summed gradient, all start weights 0, η = 0.001,
// 1000 iterations.
export function defaultNeuronState(): NeuronPageState {
  return {
    data: 'goodfood', features: null, target: null, loss: 'squared', activation: 'sigmoid',
    gradient: 'sum', eta: 0.001, iterations: 1000, start: { kind: 'constant', value: 0 },
    standardize: true, seed: 1, speed: 500, logScale: false, ask: null,
  };
}

const GRADIENT_CODES: Record<string, GradientName> = { sum: 'sum', mean: 'mean', sgd: 'stochastic' };
const ACTIVATIONS: readonly ActivationName[] = ['sigmoid', 'tanh', 'relu', 'identity'];

// Returns extra problems found after reading (settings that do not go together).
export function readNeuronState(read: Read, n: NeuronPageState): { key: string; value: string }[] {
  const set = <T>(value: T | null, apply: (v: T) => void) => value !== null && (apply(value), true);
  read('data', (v) => /^[\w-]+$/.test(v) && ((n.data = v), true));
  read('x', (v) => ((n.features = v.split(',').filter(Boolean)), n.features.length > 0));
  read('t', (v) => ((n.target = v), v.length > 0));
  read('loss', (v) => v in LOSS_CODES && ((n.loss = LOSS_CODES[v]), true));
  read('act', (v) => ACTIVATIONS.includes(v as ActivationName) && ((n.activation = v as ActivationName), true));
  read('grad', (v) => v in GRADIENT_CODES && ((n.gradient = GRADIENT_CODES[v]), true));
  read('eta', (v) => set(positive(v), (x) => { n.eta = x; }));
  read('iter', (v) => set(iterationCount(v), (x) => { n.iterations = x; }));
  read('w', (v) => set(parseStart(v), (x) => { n.start = x; }));
  read('std', (v) => (v === '0' || v === '1') && ((n.standardize = v === '1'), true));
  read('seed', (v) => {
    const x = finite(v);
    return x !== null && Number.isSafeInteger(x) && x >= 0 && ((n.seed = x), true);
  });
  read('speed', (v) => set(speed(v), (x) => { n.speed = x; }));
  read('log', flagReader((on) => { n.logScale = on; }));
  read('ask', (v) => set(numberList(v), (x) => { n.ask = x; }));
  if (n.loss === 'cross_entropy' && n.activation !== 'sigmoid') {
    const problem = { key: 'act', value: n.activation };  // cross-entropy is defined for the sigmoid only
    n.activation = 'sigmoid';
    return [problem];
  }
  return [];
}

export function writeNeuronState(params: URLSearchParams, n: NeuronPageState): void {
  const d = defaultNeuronState();
  if (n.data !== d.data) params.set('data', n.data);
  if (n.features) params.set('x', n.features.join(','));
  if (n.target) params.set('t', n.target);
  if (n.loss !== d.loss) params.set('loss', codeOf(LOSS_CODES, n.loss));
  if (n.activation !== d.activation) params.set('act', n.activation);
  if (n.gradient !== d.gradient) params.set('grad', codeOf(GRADIENT_CODES, n.gradient));
  if (n.eta !== d.eta) params.set('eta', String(n.eta));
  if (n.iterations !== d.iterations) params.set('iter', String(n.iterations));
  if (formatStart(n.start) !== formatStart(d.start)) params.set('w', formatStart(n.start));
  if (n.standardize !== d.standardize) params.set('std', n.standardize ? '1' : '0');
  if (n.seed !== d.seed) params.set('seed', String(n.seed));
  if (n.speed !== d.speed) params.set('speed', formatSpeed(n.speed));
  if (n.logScale) params.set('log', '1');
  if (n.ask) params.set('ask', n.ask.join(','));
}

// This page's part of the app's state (store.state.neuron) and of its address.
declare module '../app/url-state.ts' {
  interface PageStates { neuron: NeuronPageState }
}

export const NEURON_URL: PageUrlState<NeuronPageState> = { defaults: defaultNeuronState, read: readNeuronState, write: writeNeuronState, controls: NEURON_CONTROLS };
