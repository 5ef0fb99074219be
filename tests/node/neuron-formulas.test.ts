// The numbers the neuron pages show about one input or example come from the built core: checked
// here by hand on Nielsen's neuron and on a standardised set (σ(z) = 1/(1 + e^−z) written out).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { NeuronData } from '../../web/src/data/dataset.ts';
import { NeuronFormulas } from '../../web/src/wasm/neuron-formulas.ts';
import type { LaneSnapshot } from '../../web/src/wasm/neuron-protocol.ts';
import { loadNeuronCore } from './wasm-module.ts';

let formulas: NeuronFormulas;
before(async () => { formulas = new NeuronFormulas(await loadNeuronCore()); });

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const close = (a: number, b: number, tolerance = 1e-14) => assert.ok(Math.abs(a - b) <= tolerance, `${a} ≉ ${b}`);

const nielsen: NeuronData = { featureNames: ['x'], targetName: 't', rows: 1, cols: 1, x: Float64Array.of(1),
  t: Float64Array.of(0), classLabels: ['0', '1'] };

function lane(trainingWeights: number[], mean: number[], sd: number[]): LaneSnapshot {
  return { trainingWeights, scalingMean: mean, scalingSd: sd } as unknown as LaneSnapshot;
}

test('a prediction: z = w0 + w1·x1 + w2·x2 and o = f(z)', () => {
  const out = formulas.output('sigmoid', [-1, 0.02, 0.001], [50, 3500])!;
  assert.equal(out.z, -1 + 0.02 * 50 + 0.001 * 3500);
  close(out.o, sigmoid(3.5));
  assert.equal(formulas.output('relu', [1, -2], [3])!.o, 0);
  close(formulas.output('tanh', [0, 1], [0.5])!.o, Math.tanh(0.5));
  assert.equal(formulas.output('sigmoid', [1, 2], [1, 2]), null);  // one weight too few
  assert.equal(formulas.output('sigmoid', [1, 2], [Number.NaN]), null);
});

test('the iteration table\'s o: every row of weights on every example, row by row', () => {
  // two rows of (w0, w1, w2), three examples of (x1, x2)
  const data: NeuronData = { featureNames: ['a', 'b'], targetName: 't', rows: 3, cols: 2, x: Float64Array.of(1, 0.25, 2, -1, 0, 0),
    t: Float64Array.of(0, 1, 0), classLabels: ['0', '1'] };
  const o = formulas.outputTable('sigmoid', Float64Array.of(0.5, 1, -2, -1, 0, 3), 2, data)!;
  const z = [[0.5 + 1 - 0.5, 0.5 + 2 + 2, 0.5], [-1 + 0.75, -1 - 3, -1]];
  assert.equal(o.length, 6);
  z.flat().forEach((zz, i) => close(o[i], sigmoid(zz)));
  assert.equal(formulas.outputTable('sigmoid', Float64Array.of(0.5, 1), 1, data), null);  // a weight too few
});

test('the curve o(x) of a one-input neuron', () => {
  const o = formulas.curve('sigmoid', 1, 0.5, [-2, 0, 2]);
  assert.equal(o.length, 3);
  close(o[0], 0.5);
  close(o[1], sigmoid(1));
  close(o[2], sigmoid(2));
});

test('Nielsen from (w, b) = (2, 2): z = 4, o = σ(4), both losses\' shares', () => {
  const se = formulas.example(nielsen, lane([2, 2], [0], [1]), 0, 'squared', 0.15)!;
  const ce = formulas.example(nielsen, lane([2, 2], [0], [1]), 0, 'cross_entropy', 0.15)!;
  const o = sigmoid(4);  // 0.98201…
  assert.deepEqual([se.z, se.t, se.scaled], [4, 0, [1, 1]]);
  close(se.o, o);
  close(se.slope, o * (1 - o));
  // Squared error: −(0 − o)·o·(1 − o)·1 for both weights; cross-entropy: −(0 − o)·1.
  se.gradient.forEach((g) => close(g, o * o * (1 - o)));
  ce.gradient.forEach((g) => close(g, o));
  close(se.loss, 0.5 * o * o);
  close(ce.loss, -Math.log(1 - o), 1e-13);
  // The example alone: w̃ − η·∂E_m/∂w̃ with η = 0.15.
  ce.step.forEach((w) => close(w, 2 - 0.15 * o));
});

test('standardised inputs: x̃ = (x − μ)/s, with x̃0 = 1', () => {
  const three: NeuronData = { featureNames: ['Alder'], targetName: 'Aktiveret', rows: 3, cols: 1,
    x: Float64Array.of(25, 40, 60), t: Float64Array.of(0, 0, 1), classLabels: ['Nej', 'Ja'] };
  const e = formulas.example(three, lane([0.5, 2], [40], [10]), 2, 'squared')!;  // μ = 40 and s = 10, chosen by hand
  assert.deepEqual(e.scaled, [1, 2]);
  assert.equal(e.z, 0.5 + 2 * 2);
  assert.deepEqual(e.raw, [60]);
});

test('a saturated wrong neuron: cross-entropy stays finite, squared error has no slope left', () => {
  const ce = formulas.example(nielsen, lane([400, 400], [0], [1]), 0, 'cross_entropy')!;
  const se = formulas.example(nielsen, lane([400, 400], [0], [1]), 0, 'squared')!;
  assert.equal(ce.o, 1);
  assert.equal(ce.loss, 800);  // ln(1 + e^800) = 800 in double
  assert.deepEqual(se.gradient, [0, 0]);  // o·(1 − o) = 0: no step at all
});

test('a refused example is null, not NaN', () => {
  assert.equal(formulas.example(nielsen, lane([2, 2], [0], [1]), 0, 'squared', 0), null);  // η must be > 0
  assert.equal(formulas.example(nielsen, lane([2, 2, 2], [0], [1]), 0, 'squared'), null);  // shape
});
