// The races the page offers: data and settings that show the plateau of squared error.
// Both neurons always share data, start weights and η; only the loss differs.
import type { MessageKey } from '../app/i18n.ts';
import { toNeuronData, type NeuronData } from '../data/dataset.ts';
import { loadOwnData } from '../data/own-data.ts';
import { findPreset } from '../data/presets.ts';
import type { GridRequest } from '../wasm/neuron-protocol.ts';
import type { StartWeights } from '../wasm/neuron-types.ts';

export interface RacePreset {
  id: string;
  label: MessageKey;
  about: MessageKey;            // one or two sentences under the choice
  data(): NeuronData | null;    // null: not available (own data not loaded in this tab)
  eta: number;
  iterations: number;
  start: StartWeights;
  standardize: boolean;
  speed: number;                // iterations per second
  grid?: GridRequest;           // the (w0, w1) window of the loss landscape, for one input
}

// M. Nielsen's neuron (Neural Networks and Deep Learning, ch. 3): input 1, target 0.
const nielsenData = (): NeuronData => ({ featureNames: ['x'], targetName: 't', rows: 1, cols: 1,
  x: Float64Array.of(1), t: Float64Array.of(0), classLabels: ['0', '1'] });

// Kunstige neuroner, del 3: three customers aged 25, 40 and 60; only the oldest activated the offer.
const threeData = (): NeuronData => ({ featureNames: ['Alder'], targetName: 'Aktiveret', rows: 3, cols: 1,
  x: Float64Array.of(25, 40, 60), t: Float64Array.of(0, 0, 1), classLabels: ['Nej', 'Ja'] });

function goodFoodData(): NeuronData | null {
  const table = findPreset('goodfood')!.table();
  const data = toNeuronData(table, { target: 'Aktiveret', features: ['Alder', 'Forbrug'] });
  return data.ok ? data.value : null;
}

const NIELSEN_GRID: GridRequest = { w0Min: -3, w0Max: 3, nx: 161, w1Min: -3, w1Max: 3, ny: 161 };

export const RACE_PRESETS: readonly RacePreset[] = [
  { id: 'nielsen', label: 'racePresetNielsen', about: 'racePresetNielsenAbout', data: nielsenData, eta: 0.15,
    iterations: 300, start: { kind: 'given', weights: [0.9, 0.6] }, standardize: false, speed: 100, grid: NIELSEN_GRID },
  { id: 'nielsen-saturated', label: 'racePresetNielsenSaturated', about: 'racePresetNielsenSaturatedAbout',
    data: nielsenData, eta: 0.15, iterations: 300, start: { kind: 'given', weights: [2, 2] }, standardize: false,
    speed: 100, grid: NIELSEN_GRID },
  // Standardised: with raw ages up to 60, η = 0.1 would make cross-entropy's steps far too long.
  { id: 'three', label: 'racePresetThree', about: 'racePresetThreeAbout', data: threeData, eta: 0.1, iterations: 3000,
    start: { kind: 'given', weights: [-35, 1] }, standardize: true, speed: 500,
    grid: { w0Min: -100, w0Max: 10, nx: 221, w1Min: -0.2, w1Max: 1.8, ny: 161 } },
  { id: 'goodfood10', label: 'racePresetGoodfood10', about: 'racePresetGoodfood10About', data: goodFoodData, eta: 0.001,
    iterations: 200_000, start: { kind: 'constant', value: 10 }, standardize: true, speed: Infinity },
  { id: 'aimat', label: 'racePresetAimat', about: 'racePresetAimatAbout', data: goodFoodData, eta: 0.001,
    iterations: 1000, start: { kind: 'constant', value: 0 }, standardize: true, speed: 500 },
  { id: 'own', label: 'racePresetOwn', about: 'racePresetOwnAbout', data: () => loadOwnData()?.data ?? null, eta: 0.001,
    iterations: 1000, start: { kind: 'constant', value: 0 }, standardize: true, speed: 500 },
];

export function findRacePreset(id: string): RacePreset | undefined {
  return RACE_PRESETS.find((p) => p.id === id);
}
