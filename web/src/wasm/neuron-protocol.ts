// Messages between the page and the neuron's Web Worker: a typed union each way.
import type { Confusion, CoreStatus, NeuronSettings } from './neuron-types.ts';

export interface NeuronDataMessage {
  x: Float64Array;  // rows·cols inputs, row by row, raw units
  rows: number;
  cols: number;
  t: Float64Array;  // rows targets
}

// Iterations per second; Infinity means as fast as the machine allows.
export type Speed = number;

export type ToWorker =
  | { type: 'setup'; id: number; data: NeuronDataMessage; settings: NeuronSettings }
  | { type: 'configure'; id: number; settings: NeuronSettings }
  | { type: 'eta'; id: number; eta: number }
  | { type: 'run'; iterations: number; speed: Speed }
  | { type: 'speed'; speed: Speed }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'reset' };

// Everything the page draws, at one moment of training.
export interface NeuronSnapshot {
  iteration: number;
  loss: number;            // E
  weights: number[];       // w0 … wn, raw scale
  gradient: number[];      // ∂E/∂w0 … ∂E/∂wn, raw scale
  level: number;           // boundary: w0 + w1·x1 + … = level
  confusion: Confusion;
  curveIterations: Float64Array;  // the E-curve, thinned for drawing
  curveLosses: Float64Array;
  running: boolean;
  remaining: number;       // iterations left of the current run
}

export type FromWorker =
  | { type: 'reply'; id: number; status: CoreStatus; snapshot: NeuronSnapshot | null }
  | { type: 'state'; snapshot: NeuronSnapshot; problem: CoreStatus | null }
  | { type: 'fatal'; message: string };
