// Messages between a page and the neuron worker: a typed union each way. The worker trains one or
// more "lanes" — neurons with their own settings on the same data, step for step (the race page
// runs squared error and cross-entropy side by side; the neuron page runs one).
import type { Confusion, CoreStatus, NeuronSettings } from './neuron-types.ts';

export interface NeuronDataMessage {
  x: Float64Array;  // rows·cols inputs, row by row, raw units
  rows: number;
  cols: number;
  t: Float64Array;  // rows targets
}

// A grid over raw (w0, w1) for the loss landscape of a one-input neuron.
export interface GridRequest {
  w0Min: number;
  w0Max: number;
  nx: number;
  w1Min: number;
  w1Max: number;
  ny: number;
}

// Iterations per second; Infinity means as fast as the machine allows.
export type Speed = number;

// One neuron at one moment of training: everything a page draws of it.
export interface LaneSnapshot {
  iteration: number;
  loss: number;                 // E
  weights: number[];            // w0 … wn, raw scale
  gradient: number[];           // ∂E/∂w0 … ∂E/∂wn, raw scale
  trainingWeights: number[];    // w̃0 … w̃n on the scale training happens on
  trainingGradient: number[];   // ∂E/∂w̃0 … on that scale
  gradientLength: number;       // |∇E| of trainingGradient
  nextTrainingWeights: number[];  // where the next (batch) update lands; empty for stochastic updates
  scalingMean: number[];        // μ_j (0 when not standardised)
  scalingSd: number[];          // s_j (1 when not standardised)
  level: number;                // boundary: w0 + w1·x1 + … = level
  confusion: Confusion;
  worst: { index: number; o: number; t: number };  // the example with the largest |t − o|
  curveIterations: Float64Array;  // the E-curve, thinned for drawing
  curveLosses: Float64Array;
}

// The iteration table: rows at every `stride`-th iteration, the same rows for every lane.
export interface IterationRecord {
  iterations: Float64Array;
  lanes: { weights: Float64Array; losses: Float64Array }[];  // weights: rows × (n+1), raw scale
}

export interface NeuronSnapshot {
  running: boolean;
  remaining: number;            // iterations left of the current run
  lanes: LaneSnapshot[];
  record: IterationRecord | null;  // when the setup asked for it
}

// A setup's or a new η's answer: which lane the status is about, and the state after it.
export interface Reply {
  status: CoreStatus;
  lane: number;
  snapshot: NeuronSnapshot | null;
}

export interface LandscapeReply {
  status: CoreStatus;
  grids: Float64Array[];  // one per lane
}

// The training state pushed while the worker trains; problem: a lane had to stop (its status).
export interface StateEvent {
  snapshot: NeuronSnapshot;
  problem: CoreStatus | null;
  lane: number;
}

export type NeuronRequests = {
  setup: { request: { data: NeuronDataMessage; lanes: NeuronSettings[]; record: boolean }; reply: Reply };
  configure: { request: NeuronSettings[]; reply: Reply };
  eta: { request: number; reply: Reply };
  landscape: { request: GridRequest; reply: LandscapeReply };
  run: { request: { iterations: number; speed: Speed }; reply: void };
  speed: { request: Speed; reply: void };
  pause: { request: null; reply: void };
  step: { request: null; reply: void };
  reset: { request: null; reply: void };
};

export type NeuronEvents = { state: StateEvent };
