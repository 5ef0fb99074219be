// Two facts about a lane that the race page's panels show: the length of its gradient, and
// whether its inputs are standardised (then inputs and weights wear a tilde).
import type { LaneSnapshot } from '../wasm/neuron-protocol.ts';

// |∇E| = √(Σ_i (∂E/∂w̃_i)²) of the gradient the core reported.
export function gradientSize(lane: LaneSnapshot): number {
  return Math.hypot(...lane.trainingGradient);
}

export function standardized(lane: LaneSnapshot): boolean {
  return lane.scalingSd.some((s, j) => s !== 1 || lane.scalingMean[j] !== 0);
}
