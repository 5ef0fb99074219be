// The JS API of the built wasm module: statuses instead of exceptions, copies that survive memory
// growth, determinism, and training in chunks.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Neuron, NeuronSettings } from '../../web/src/wasm/neuron-types.ts';
import { loadNeuronCore } from './wasm-module.ts';

const core = await loadNeuronCore();
const made: Neuron[] = [];
after(() => made.forEach((n) => n.delete()));

// Eight customers (age, kr) and whether they activated the offer.
const X = Float64Array.from([23, 2900, 31, 2400, 38, 3300, 45, 2100, 52, 3600, 58, 2500, 64, 3100, 71, 1900]);
const T = Float64Array.from([1, 1, 1, 0, 1, 0, 0, 0]);
const SETTINGS: NeuronSettings = { activation: 'sigmoid', loss: 'squared', gradient: 'sum', eta: 0.05,
  standardize: true, start: { kind: 'constant', value: 0 }, seed: 1 };

function neuron(settings: Partial<NeuronSettings> = {}): Neuron {
  const n = new core.Neuron();
  made.push(n);
  assert.equal(n.setup(X, 8, 2, T, { ...SETTINGS, ...settings }).status, 'ok');
  return n;
}

describe('wasm API', () => {
  test('the default start: all o = ½, so E = ½·Σ(t − ½)² = 1', () => {
    const n = neuron();
    assert.equal(n.loss(), 1);
    assert.deepEqual(Array.from(n.outputs()), new Array(8).fill(0.5));
    assert.equal(n.boundaryLevel(), 0);
  });

  test('train returns one E per iteration and snapshots every m iterations', () => {
    const n = neuron();
    const r = n.train(25, 10);
    assert.equal(r.ok, true);
    assert.equal(r.iteration, 25);
    assert.equal(r.losses.length, 25);
    assert.equal(r.snapshots.length, 2 * 4);  // (iteration, w0, w1, w2) at 10 and 20
    assert.deepEqual([r.snapshots[0], r.snapshots[4]], [10, 20]);
    for (let i = 1; i < 25; i++) assert.ok(r.losses[i] <= r.losses[i - 1], 'E falls with a small η');
  });

  test('the same seed trains to bit-identical weights twice, also with stochastic updates', () => {
    const settings: Partial<NeuronSettings> = { gradient: 'stochastic', start: { kind: 'random', value: 1 }, seed: 99 };
    const a = neuron(settings);
    const b = neuron(settings);
    a.train(300, 1000);
    b.train(300, 1000);
    assert.deepEqual(new Uint8Array(a.weights().buffer), new Uint8Array(b.weights().buffer));
    const other = neuron({ ...settings, seed: 100 });
    other.train(300, 1000);
    assert.notDeepEqual(Array.from(other.weights()), Array.from(a.weights()));
  });

  test('problems come back as statuses that name the setting or the cell', () => {
    const n = new core.Neuron();
    made.push(n);
    assert.equal(n.train(1, 1).status, 'not_ready');
    assert.equal(n.setup(X, 8, 2, T, { ...SETTINGS, eta: -1 }).status, 'invalid_learning_rate');
    assert.equal(n.setup(X, 8, 2, T, { ...SETTINGS, activation: 'tanh', loss: 'cross_entropy' }).status,
      'cross_entropy_needs_sigmoid');
    assert.equal(n.setup(X, 8, 2, T, { ...SETTINGS, activation: 'softmax' as never }).status, 'unknown_activation');
    const bad = X.slice();
    bad[5] = NaN;  // example 2 (0-based), input 1: age 45's spending
    const status = n.setup(bad, 8, 2, T, SETTINGS);
    assert.deepEqual([status.status, status.row, status.column], ['non_finite_input', 2, 1]);
    assert.equal(n.setup(X, 8, 3, T, SETTINGS).status, 'shape_mismatch');
    assert.equal(n.ready(), false);
  });

  test('a seed that is not a whole number from 0 to 2^53 − 1 is invalid_seed, not a start-weight problem', () => {
    const n = new core.Neuron();
    made.push(n);
    for (const seed of [-1, 1.5, 2 ** 53, NaN, Infinity])
      assert.equal(n.setup(X, 8, 2, T, { ...SETTINGS, seed }).status, 'invalid_seed', String(seed));
    assert.equal(n.setup(X, 8, 2, T, { ...SETTINGS, seed: 2 ** 53 - 1 }).status, 'ok');
    assert.equal(n.setup(X, 8, 2, T, { ...SETTINGS, seed: 0 }).status, 'ok');
  });

  test('a refused setup keeps the earlier data, settings and training state', () => {
    const n = neuron();
    n.train(40, 1000);
    const before = Array.from(n.weights());
    const status = n.setup(Float64Array.from([1, 2]), 2, 1, Float64Array.from([0, 2]),
      { ...SETTINGS, loss: 'cross_entropy' });
    assert.deepEqual([status.status, status.row], ['target_out_of_range', 1]);
    assert.equal(n.iteration(), 40);
    assert.deepEqual(Array.from(n.weights()), before);
  });

  test('an absurd η stops at the last finite state and says so', () => {
    const n = neuron({ activation: 'identity', standardize: false, eta: 1e6 });
    const r = n.train(1000, 1000);
    assert.equal(r.status, 'diverged');
    assert.ok(r.iteration < 1000);
    assert.equal(r.losses.length, r.iteration);
    assert.ok(Number.isFinite(n.loss()));
    assert.ok(Array.from(n.weights()).every(Number.isFinite));
    assert.ok(Array.from(r.losses).every(Number.isFinite));
  });

  test('η changes mid-run without starting over', () => {
    const n = neuron({ eta: 0.001 });
    n.train(10, 1000);
    assert.equal(n.setLearningRate(0.5).status, 'ok');
    assert.equal(n.setLearningRate(0).status, 'invalid_learning_rate');
    assert.equal(n.iteration(), 10);
  });

  test('arrays handed out are copies that survive wasm memory growth', () => {
    const n = neuron();
    n.train(10, 1000);
    const weights = n.weights();
    const copy = Array.from(weights);
    // 200 000 rows × 4 inputs: several MB, far beyond the initial 16 MB heap's free part.
    const big = new core.Neuron();
    made.push(big);
    const rows = 200_000;
    const x = new Float64Array(rows * 4).map((_, i) => (i % 7) - 3);
    const t = new Float64Array(rows).map((_, i) => i % 2);
    assert.equal(big.setup(x, rows, 4, t, SETTINGS).status, 'ok');
    big.train(2, 1000);
    assert.equal(weights.length, 3);
    assert.deepEqual(Array.from(weights), copy);
  });

  test('predict uses the raw-scale weights and refuses a wrong shape', () => {
    const n = neuron({ standardize: true, start: { kind: 'given', weights: [-0.298, -0.0375, 0.000769] } });
    const o = n.predict(Float64Array.from([50, 3500, 65, 2800]), 2);
    assert.ok(Math.abs(o[0] - 0.627) < 5e-4 && Math.abs(o[1] - 0.358) < 5e-4);  // Hans and Gerda
    assert.equal(n.predict(Float64Array.from([50]), 1).length, 0);
  });

  test('the confusion matrix counts o ≥ 0.5 against t', () => {
    // Boundary at age 50: o ≥ ½ ⇔ 5 − 0.1·age ≥ 0.
    const n = neuron({ standardize: false, start: { kind: 'given', weights: [5, -0.1, 0] } });
    assert.deepEqual(n.confusion(), { truePositive: 3, falseNegative: 1, falsePositive: 1, trueNegative: 3, accuracy: 0.75 });
  });

  test('training-scale weights and the scaling behind them', () => {
    const n = neuron({ start: { kind: 'constant', value: 0.5 } });
    const { mean, sd } = n.scaling();
    assert.equal(mean[0], 382 / 8);  // ages 23 … 71
    assert.equal(mean[1], 21800 / 8);  // spendings 2900 … 1900
    assert.deepEqual(Array.from(n.trainingWeights()), [0.5, 0.5, 0.5]);  // all start weights ½ on that scale
    const raw = n.weights();
    assert.ok(Math.abs(raw[1] - 0.5 / sd[0]) < 1e-15 && Math.abs(raw[2] - 0.5 / sd[1]) < 1e-15);
    const plain = neuron({ standardize: false });
    assert.deepEqual([Array.from(plain.scaling().mean), Array.from(plain.scaling().sd)], [[0, 0], [1, 1]]);
  });

  test('the loss landscape of Nielsen\'s neuron, by hand', () => {
    const n = new core.Neuron();
    made.push(n);
    assert.equal(n.setup(Float64Array.from([1]), 1, 1, Float64Array.from([0]), { ...SETTINGS, standardize: false }).status, 'ok');
    // Grid w0 ∈ {−1, 0, 1}, w1 ∈ {0, 1}: E = ½·σ(w0 + w1)².
    const map = n.landscape(-1, 1, 3, 0, 1, 2);
    assert.equal(map.status, 'ok');
    const half = (z: number) => 0.5 / (1 + Math.exp(-z)) ** 2;
    const expected = [half(-1), half(0), half(1), half(0), half(1), half(2)];
    Array.from(map.values).forEach((e, k) => assert.ok(Math.abs(e - expected[k]) < 1e-15, `value ${k}`));
    assert.equal(neuron().landscape(-1, 1, 3, 0, 1, 2).status, 'landscape_needs_one_input');
    assert.equal(n.landscape(1, -1, 3, 0, 1, 2).status, 'invalid_grid');
  });
});
