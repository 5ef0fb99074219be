// The shared core cases (tests/cases/*.json) against the built wasm module: the same files and
// tolerances as the native tests in tests/cpp/core_cases_test.cpp.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { NeuronCoreModule, NeuronSettings } from '../../web/src/wasm/neuron-types.ts';
import { loadNeuronCore } from './wasm-module.ts';

interface Check {
  after: number;
  weights?: number[];
  gradient?: number[];
  outputs?: number[];
  loss?: number;
  predict?: { x: number[][]; o: number[] };
}

interface CoreCase {
  name: string;
  tolerance: number;
  relative?: boolean;
  data: { x: number[][]; t: number[] };
  settings: NeuronSettings;
  checks: Check[];
}

const files = ['neuron_published_cases.json', 'neuron_reference_cases.json'];
const cases: CoreCase[] = files.flatMap((name) =>
  JSON.parse(readFileSync(new URL(`../cases/${name}`, import.meta.url), 'utf8')).cases as CoreCase[]);
const core: NeuronCoreModule = await loadNeuronCore();

function expectClose(what: string, actual: ArrayLike<number>, expected: number[], c: CoreCase): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const allowed = c.relative ? c.tolerance * (1 + Math.abs(expected[i])) : c.tolerance;
    assert.ok(Math.abs(actual[i] - expected[i]) <= allowed,
      `${what}[${i}]: got ${actual[i]}, expected ${expected[i]} ± ${allowed}`);
  }
}

describe('shared core cases in wasm', () => {
  test('the case files hold cases', () => assert.ok(cases.length >= 15));
  for (const c of cases) {
    test(c.name, () => {
      const neuron = new core.Neuron();
      try {
        const rows = c.data.x.length;
        const cols = c.data.x[0].length;
        const status = neuron.setup(Float64Array.from(c.data.x.flat()), rows, cols, Float64Array.from(c.data.t), c.settings);
        assert.equal(status.status, 'ok');
        for (const check of c.checks) {
          const result = neuron.train(check.after - neuron.iteration(), 1_000_000);
          assert.equal(result.status, 'ok');
          assert.equal(neuron.iteration(), check.after);
          const at = ` after ${check.after}`;
          if (check.weights) expectClose('weights' + at, neuron.weights(), check.weights, c);
          if (check.gradient) expectClose('gradient' + at, neuron.gradient(), check.gradient, c);
          if (check.outputs) expectClose('outputs' + at, neuron.outputs(), check.outputs, c);
          if (check.loss !== undefined) expectClose('loss' + at, [neuron.loss()], [check.loss], c);
          if (check.predict) {
            const o = neuron.predict(Float64Array.from(check.predict.x.flat()), check.predict.x.length);
            expectClose('predict' + at, o, check.predict.o, c);
          }
        }
      } finally {
        neuron.delete();
      }
    });
  }
});
