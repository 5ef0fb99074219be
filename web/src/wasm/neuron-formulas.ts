// The neuron core's formulas on the page's own thread: a prediction, the curve o(x), one example's
// terms. Each is a few microseconds of work, so views call them while they draw, and the numbers
// come from the same C++ as training (no second copy of a formula in TypeScript). Loaded by
// neuron-formulas-loader.ts; node tests hand it the module they load themselves.
import type { NeuronData } from '../data/dataset.ts';
import type { LaneSnapshot } from './neuron-protocol.ts';
import type { ActivationName, LossName, NeuronCoreModule } from './neuron-types.ts';

// One example on the scale training happens on, and its share of E and ∂E/∂w̃ for one loss.
export interface ExampleNumbers {
  index: number;       // 0-based
  raw: number[];       // x1 … xn as in the data
  scaled: number[];    // x̃0 = 1, x̃1 … x̃n
  t: number;
  z: number;
  o: number;
  slope: number;       // σ'(z) = o·(1 − o)
  loss: number;        // E_m
  gradient: number[];  // ∂E_m/∂w̃0 … ∂E_m/∂w̃n
  step: number[];      // w̃_i − η·∂E_m/∂w̃_i: where this example alone would move the weights
}

type Formulas = Pick<NeuronCoreModule, 'neuronOutput' | 'outputTable' | 'outputCurve' | 'exampleTerms'>;

export class NeuronFormulas {
  constructor(private readonly core: Formulas) {}

  // z = w0 + w1·x1 + … and o = f(z), raw weights and inputs; null when the core refuses them.
  output(activation: ActivationName, weights: readonly number[], x: readonly number[]): { z: number; o: number } | null {
    const result = this.core.neuronOutput(activation, weights, x);
    return result.ok ? { z: result.z, o: result.o } : null;
  }

  // o of every row of weights (rows × (n+1), raw) on every example of the data: rows × examples,
  // row by row; null when the core refuses them.
  outputTable(activation: ActivationName, weights: Float64Array, rows: number, data: NeuronData): Float64Array | null {
    const result = this.core.outputTable(activation, weights, rows, data.x, data.rows);
    return result.ok ? result.values : null;
  }

  // o(x) = f(w0 + w1·x) at each x.
  curve(activation: ActivationName, w0: number, w1: number, x: ArrayLike<number>): Float64Array {
    const result = this.core.outputCurve(activation, w0, w1, x);
    return result.ok ? result.values : new Float64Array(0);
  }

  // Example `index` of the data as the lane's neuron (sigmoid) sees it, with `loss`'s terms and the
  // step η would take; null when the core refuses (a shape that does not fit, η ≤ 0).
  example(data: NeuronData, lane: LaneSnapshot, index: number, loss: LossName, eta = 1): ExampleNumbers | null {
    const raw = Array.from(data.x.subarray(index * data.cols, (index + 1) * data.cols));
    const terms = this.core.exampleTerms({ loss, activation: 'sigmoid', eta }, lane.scalingMean, lane.scalingSd,
      lane.trainingWeights, raw, data.t[index]);
    if (!terms.ok) return null;
    return { index, raw, scaled: Array.from(terms.scaled), t: data.t[index], z: terms.z, o: terms.o, slope: terms.slope,
      loss: terms.loss, gradient: Array.from(terms.gradient), step: Array.from(terms.step) };
  }
}
