// The race page's per-example numbers, checked by hand on Nielsen's neuron and on a standardised set.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NeuronData } from '../../web/src/data/dataset.ts';
import { exampleGradient, exampleLoss, exampleNumbers, gradientSize } from '../../web/src/race/lane-math.ts';
import type { LaneSnapshot } from '../../web/src/wasm/neuron-protocol.ts';

const nielsen: NeuronData = { featureNames: ['x'], targetName: 't', rows: 1, cols: 1, x: Float64Array.of(1),
  t: Float64Array.of(0), classLabels: ['0', '1'] };

function lane(trainingWeights: number[], mean: number[], sd: number[], trainingGradient = [0, 0]): LaneSnapshot {
  return { trainingWeights, trainingGradient, scalingMean: mean, scalingSd: sd } as unknown as LaneSnapshot;
}

test('Nielsen from (w, b) = (2, 2): z = 4, o = σ(4)', () => {
  const e = exampleNumbers(nielsen, lane([2, 2], [0], [1]), 0);
  const o = 1 / (1 + Math.exp(-4));  // 0.98201…
  assert.deepEqual([e.z, e.t, e.scaled], [4, 0, [1, 1]]);
  assert.equal(e.o, o);
  // Squared error: −(0 − o)·o·(1 − o)·1 for both weights; cross-entropy: −(0 − o)·1.
  assert.deepEqual(exampleGradient(e, 'squared'), [o * o * (1 - o), o * o * (1 - o)]);
  assert.deepEqual(exampleGradient(e, 'cross_entropy'), [o, o]);
  assert.equal(exampleLoss(e, 'squared'), 0.5 * o * o);
  assert.ok(Math.abs(exampleLoss(e, 'cross_entropy') - -Math.log(1 - o)) < 1e-14);
});

test('standardised inputs: x̃ = (x − μ)/s, with x̃0 = 1', () => {
  const three: NeuronData = { featureNames: ['Alder'], targetName: 'Aktiveret', rows: 3, cols: 1,
    x: Float64Array.of(25, 40, 60), t: Float64Array.of(0, 0, 1), classLabels: ['Nej', 'Ja'] };
  const e = exampleNumbers(three, lane([0.5, 2], [40], [10]), 2);  // μ = 40 and s = 10, chosen by hand
  assert.deepEqual(e.scaled, [1, 2]);
  assert.equal(e.z, 0.5 + 2 * 2);
  assert.deepEqual(e.raw, [60]);
});

test('a saturated wrong neuron: cross-entropy stays finite', () => {
  const e = exampleNumbers(nielsen, lane([400, 400], [0], [1]), 0);
  assert.equal(e.o, 1);
  assert.equal(exampleLoss(e, 'cross_entropy'), 800);  // ln(1 + e^800) = 800 in double
  assert.deepEqual(exampleGradient(e, 'squared'), [0, 0]);  // o·(1 − o) = 0: no step at all
});

test('the size of the gradient is its length', () => {
  assert.equal(gradientSize(lane([0, 0], [0], [1], [3, 4])), 5);
});
