// The neuron's formula on the page side, for the prediction panel and the plots:
// z = w0 + w1·x1 + … + wn·xn and o = f(z). The training itself runs in the wasm core.
import type { ActivationName } from '../wasm/neuron-types.ts';

export function weightedSum(weights: readonly number[], x: readonly number[]): number {
  let z = weights[0];
  for (let i = 0; i < x.length; i++) z += weights[i + 1] * x[i];
  return z;
}

export function activate(activation: ActivationName, z: number): number {
  switch (activation) {
    case 'sigmoid': return 1 / (1 + Math.exp(-z));
    case 'tanh': return Math.tanh(z);
    case 'relu': return Math.max(0, z);
    case 'identity': return z;
  }
}
