// A fact about a lane that the race page's panels show: whether its inputs are standardised (then
// inputs and weights wear a tilde).
import type { LaneSnapshot } from '../wasm/neuron-protocol.ts';

export function standardized(lane: LaneSnapshot): boolean {
  return lane.scalingSd.some((s, j) => s !== 1 || lane.scalingMean[j] !== 0);
}
