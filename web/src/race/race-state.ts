// The "Langsom læring" page's settings in the URL (page=race). A preset brings data and settings;
// eta, iter, w, std and speed override the preset's when present.
import { codeOf, formatSpeed, formatStart, iterationCount, LOSS_CODES, parseStart, positive, speed,
  finite, type Read } from '../app/url-values.ts';
import type { LossName, StartWeights } from '../wasm/neuron-types.ts';
import type { PageUrlState } from '../app/page-entry.ts';
import { flagReader } from '../app/url-flag.ts';

// Control groups a teacher can hide in an embedded page (hide=…).
export const RACE_CONTROLS = ['preset', 'eta', 'iterations', 'start', 'standardize', 'speed', 'buttons',
  'compare', 'landscape', 'formulas', 'exam', 'table'] as const;

export interface RacePageState {
  preset: string;
  eta: number | null;            // null: the preset's own
  iterations: number | null;
  start: StartWeights | null;
  standardize: boolean | null;
  speed: number | null;
  example: number | null;        // 0-based example shown in the formulas; null: the worst off
  formulaLoss: LossName;
  logScale: boolean;
  autostart: boolean;            // start training as soon as the page is ready (for an embedded race)
}

export function defaultRaceState(): RacePageState {
  return { preset: 'nielsen-saturated', eta: null, iterations: null, start: null, standardize: null, speed: null,
    example: null, formulaLoss: 'squared', logScale: false, autostart: false };
}

export function readRaceState(read: Read, r: RacePageState): void {
  const set = <T>(value: T | null, apply: (v: T) => void) => value !== null && (apply(value), true);
  read('preset', (v) => /^[\w-]+$/.test(v) && ((r.preset = v), true));
  read('eta', (v) => set(positive(v), (x) => { r.eta = x; }));
  read('iter', (v) => set(iterationCount(v), (x) => { r.iterations = x; }));
  read('w', (v) => set(parseStart(v), (x) => { r.start = x; }));
  read('std', (v) => (v === '0' || v === '1') && ((r.standardize = v === '1'), true));
  read('speed', (v) => set(speed(v), (x) => { r.speed = x; }));
  read('ex', (v) => {
    const x = finite(v);
    return x !== null && Number.isInteger(x) && x >= 1 && ((r.example = x - 1), true);  // 1-based in the link
  });
  read('floss', (v) => v in LOSS_CODES && ((r.formulaLoss = LOSS_CODES[v]), true));
  read('log', flagReader((on) => { r.logScale = on; }));
  read('run', flagReader((on) => { r.autostart = on; }));
}

export function writeRaceState(params: URLSearchParams, r: RacePageState): void {
  const d = defaultRaceState();
  if (r.preset !== d.preset) params.set('preset', r.preset);
  if (r.eta !== null) params.set('eta', String(r.eta));
  if (r.iterations !== null) params.set('iter', String(r.iterations));
  if (r.start !== null) params.set('w', formatStart(r.start));
  if (r.standardize !== null) params.set('std', r.standardize ? '1' : '0');
  if (r.speed !== null) params.set('speed', formatSpeed(r.speed));
  if (r.example !== null) params.set('ex', String(r.example + 1));
  if (r.formulaLoss !== d.formulaLoss) params.set('floss', codeOf(LOSS_CODES, r.formulaLoss));
  if (r.logScale) params.set('log', '1');
  if (r.autostart) params.set('run', '1');
}

// This page's part of the app's state (store.state.race) and of its address.
declare module '../app/url-state.ts' {
  interface PageStates { race: RacePageState }
}

export const RACE_URL: PageUrlState<RacePageState> = { defaults: defaultRaceState, read: readRaceState, write: writeRaceState, controls: RACE_CONTROLS };
