// The numbers the race page shows about one example, on the scale training happens on:
// x̃_i (x̃_0 = 1), z = Σ w̃_i·x̃_i, o = σ(z), and each loss's share of ∂E/∂w̃_i.
import type { NeuronData } from '../data/dataset.ts';
import type { LaneSnapshot } from '../wasm/neuron-protocol.ts';
import type { LossName } from '../wasm/neuron-types.ts';

export interface ExampleNumbers {
  index: number;       // 0-based
  raw: number[];       // x1 … xn as in the data
  scaled: number[];    // x̃0 = 1, x̃1 … x̃n
  t: number;
  z: number;
  o: number;
}

export function exampleNumbers(data: NeuronData, lane: LaneSnapshot, index: number): ExampleNumbers {
  const raw = Array.from(data.x.subarray(index * data.cols, (index + 1) * data.cols));
  const scaled = [1, ...raw.map((x, j) => (x - lane.scalingMean[j]) / lane.scalingSd[j])];
  const z = scaled.reduce((sum, x, i) => sum + lane.trainingWeights[i] * x, 0);
  return { index, raw, scaled, t: data.t[index], z, o: 1 / (1 + Math.exp(-z)) };
}

// ∂E_m/∂w̃_i for this example: −(t − o)·o·(1 − o)·x̃_i (squared error), −(t − o)·x̃_i (cross-entropy).
export function exampleGradient(e: ExampleNumbers, loss: LossName): number[] {
  const factor = loss === 'squared' ? e.o * (1 - e.o) : 1;
  return e.scaled.map((x) => -(e.t - e.o) * factor * x);
}

// E_m for this example, computed so that a saturated o never gives ln 0.
export function exampleLoss(e: ExampleNumbers, loss: LossName): number {
  if (loss === 'squared') return 0.5 * (e.t - e.o) ** 2;
  const softplus = (z: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
  return e.t * softplus(-e.z) + (1 - e.t) * softplus(e.z);  // = −[t·ln o + (1 − t)·ln(1 − o)]
}

export function gradientSize(lane: LaneSnapshot): number {
  return Math.hypot(...lane.trainingGradient);
}

export function standardized(lane: LaneSnapshot): boolean {
  return lane.scalingSd.some((s, j) => s !== 1 || lane.scalingMean[j] !== 0);
}
