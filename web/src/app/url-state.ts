// Every setting lives in the URL, so a link or an iframe reproduces the page exactly.
// Only values that differ from the defaults are written, to keep links short. Each page reads and
// writes its own part (neuron/neuron-state.ts, race/race-state.ts).
import { defaultNeuronState, NEURON_CONTROLS, readNeuronState, writeNeuronState, type NeuronPageState }
  from '../neuron/neuron-state.ts';
import { defaultRaceState, RACE_CONTROLS, readRaceState, writeRaceState, type RacePageState } from '../race/race-state.ts';
import { defaultVectorsState, readVectorsState, VECTOR_CONTROLS, writeVectorsState, type VectorsPageState }
  from '../vectors/vectors-state.ts';
import { defaultTrainState, readTrainState, TRAIN_CONTROLS, writeTrainState, type TrainPageState }
  from '../train/train-state.ts';
import type { Language } from './i18n.ts';
import type { Read, UrlProblem } from './url-values.ts';

export type PageId = 'home' | 'neuron' | 'race' | 'vectors' | 'train';
export const PAGES: readonly PageId[] = ['home', 'neuron', 'race', 'vectors', 'train'];

export type ControlId = (typeof NEURON_CONTROLS)[number] | (typeof RACE_CONTROLS)[number] | (typeof VECTOR_CONTROLS)[number]
  | (typeof TRAIN_CONTROLS)[number];
const ALL_CONTROLS: readonly string[] = [...NEURON_CONTROLS, ...RACE_CONTROLS, ...VECTOR_CONTROLS, ...TRAIN_CONTROLS];

export interface AppState {
  page: PageId;
  lang: Language;
  embed: boolean;
  hide: ControlId[];
  neuron: NeuronPageState;
  race: RacePageState;
  vectors: VectorsPageState;
  train: TrainPageState;
}

export function defaultState(): AppState {
  return { page: 'home', lang: 'da', embed: false, hide: [], neuron: defaultNeuronState(), race: defaultRaceState(),
    vectors: defaultVectorsState(), train: defaultTrainState() };
}

export function parseState(search: string): { state: AppState; problems: UrlProblem[] } {
  const params = new URLSearchParams(search);
  const state = defaultState();
  const problems: UrlProblem[] = [];
  const read: Read = (key, reader) => {
    const value = params.get(key);
    if (value !== null && !reader(value)) problems.push({ key, value });
  };
  read('page', (v) => PAGES.includes(v as PageId) && ((state.page = v as PageId), true));
  read('lang', (v) => (v === 'da' || v === 'en') && ((state.lang = v), true));
  read('embed', (v) => ((state.embed = v === '1' || v === 'true'), true));
  read('hide', (v) => {
    const ids = v.split(',').filter(Boolean);
    state.hide = ids.filter((id): id is ControlId => ALL_CONTROLS.includes(id));
    return state.hide.length === ids.length;
  });
  // Only the open page's keys are read: eta= means the neuron's η on one page, the race's on the other.
  if (state.page === 'neuron') problems.push(...readNeuronState(read, state.neuron));
  if (state.page === 'race') readRaceState(read, state.race);
  if (state.page === 'vectors') readVectorsState(read, state.vectors);
  if (state.page === 'train') readTrainState(read, state.train);
  return { state, problems };
}

export function formatState(state: AppState): string {
  const params = new URLSearchParams();
  const d = defaultState();
  if (state.page !== d.page) params.set('page', state.page);
  if (state.lang !== d.lang) params.set('lang', state.lang);
  if (state.embed) params.set('embed', '1');
  if (state.hide.length) params.set('hide', state.hide.join(','));
  if (state.page === 'neuron') writeNeuronState(params, state.neuron);
  if (state.page === 'race') writeRaceState(params, state.race);
  if (state.page === 'vectors') writeVectorsState(params, state.vectors);
  if (state.page === 'train') writeTrainState(params, state.train);
  const text = params.toString().replace(/%2C/g, ',');  // commas read better in a link
  return text ? `?${text}` : '';
}
