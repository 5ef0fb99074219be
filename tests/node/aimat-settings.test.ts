// "The course's settings" on aimat.dk's own goodfood.xlsx, through the app's own path: the file is
// read by the page's import (readDataFile → toNeuronData) and trained by the built wasm core, and
// the numbers are checked against tests/cases/aimat_goodfood_reference.json, which the independent
// Python reference tests/reference/aimat_reference.py wrote. Optional: needs ../shared.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { toNeuronData, type NeuronData } from '../../web/src/data/dataset.ts';
import { readDataFile } from '../../web/src/data/read-file.ts';
import type { LossName, NeuronCoreModule } from '../../web/src/wasm/neuron-types.ts';
import { loadNeuronCore } from './wasm-module.ts';

interface Check {
  after: number;
  loss: number;
  weights: number[];
  accuracy: number;
  predict: { x: number[][]; o: number[] };
}

interface Configuration {
  name: string;
  features: string[];
  loss: LossName;
  start: number;
  scaling: { mean: number[]; sd: number[] };
  checks: Check[];
}

interface Reference {
  file: { path: string; sha256: string; rows: number };
  settings: { eta: number };
  configurations: Configuration[];
}

const RELATIVE = 1e-6;   // E, weights, mean and sd: |a − b| ≤ RELATIVE·(1 + |b|)
const ABSOLUTE = 1e-6;   // predicted o ∈ (0, 1)

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const reference: Reference = JSON.parse(
  readFileSync(resolve(root, 'tests/cases/aimat_goodfood_reference.json'), 'utf8'));
const xlsxPath = resolve(root, reference.file.path);
const bytes = existsSync(xlsxPath) ? new Uint8Array(readFileSync(xlsxPath)) : null;
const sha256 = bytes && createHash('sha256').update(bytes).digest('hex');
const core: NeuronCoreModule = await loadNeuronCore();

let largest = { relative: 0, where: '' };
let compared = 0;

function expectClose(what: string, actual: ArrayLike<number>, expected: number[], relative: boolean, config: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const difference = Math.abs(actual[i] - expected[i]);
    compared++;
    const scale = 1 + Math.abs(expected[i]);
    const allowed = relative ? RELATIVE * scale : ABSOLUTE;
    if (difference / scale > largest.relative) largest = { relative: difference / scale, where: `${config}: ${what}[${i}]` };
    assert.ok(difference <= allowed, `${what}[${i}]: app ${actual[i]}, reference ${expected[i]} ± ${allowed}`);
  }
}

// The page's import of the file, for one choice of inputs.
async function importGoodfood(file: Uint8Array, features: string[]): Promise<NeuronData> {
  const table = await readDataFile('goodfood.xlsx', file);
  if (!table.ok) assert.fail(`the app could not read goodfood.xlsx: ${JSON.stringify(table.error)}`);
  const data = toNeuronData(table.value, { target: 'Aktiveret', features });
  if (!data.ok) assert.fail(`the app could not use goodfood.xlsx: ${JSON.stringify(data.error)}`);
  assert.equal(data.value.rows, reference.file.rows);
  assert.deepEqual(data.value.classLabels, ['Nej', 'Ja']);
  return data.value;
}

// Skips without ../shared; fails, saying why, when the file is not the one the reference used.
function goodfoodBytes(t: TestContext): Uint8Array | null {
  if (bytes === null) {
    t.skip(`../shared is absent: ${xlsxPath} not found`);
    return null;
  }
  assert.equal(sha256, reference.file.sha256,
    `${xlsxPath} is not the file tests/cases/aimat_goodfood_reference.json was computed from ` +
    `(sha256 ${sha256}, expected ${reference.file.sha256}); regenerate the reference if the file changed on purpose`);
  return bytes;
}

describe("the course's settings on aimat.dk's goodfood.xlsx (optional: needs ../shared)", () => {
  test('the reference holds the 8 configurations', () => assert.equal(reference.configurations.length, 8));

  for (const c of reference.configurations) {
    test(c.name, async (t) => {
      const file = goodfoodBytes(t);
      if (file === null) return;
      const data = await importGoodfood(file, c.features);
      const neuron = new core.Neuron();
      try {
        const status = neuron.setup(data.x, data.rows, data.cols, data.t, {
          activation: 'sigmoid', loss: c.loss, gradient: 'sum', eta: reference.settings.eta,
          standardize: true, start: { kind: 'constant', value: c.start }, seed: 1,
        });
        assert.equal(status.status, 'ok');
        const scaling = neuron.scaling();
        expectClose('mean', scaling.mean, c.scaling.mean, true, c.name);
        expectClose('sd', scaling.sd, c.scaling.sd, true, c.name);
        for (const check of c.checks) {
          const result = neuron.train(check.after - neuron.iteration(), 10_000_000);
          assert.equal(result.status, 'ok');
          assert.equal(neuron.iteration(), check.after);
          const at = ` after ${check.after}`;
          expectClose('E' + at, [neuron.loss()], [check.loss], true, c.name);
          expectClose('weights' + at, neuron.weights(), check.weights, true, c.name);
          assert.equal(neuron.confusion().accuracy, check.accuracy, 'accuracy' + at);
          const o = neuron.predict(Float64Array.from(check.predict.x.flat()), check.predict.x.length);
          expectClose('predict' + at, o, check.predict.o, false, c.name);
        }
      } finally {
        neuron.delete();
      }
    });
  }

  // Runs after the configurations: every number was compared, and the worst stays within RELATIVE.
  test('largest difference between app and reference', (t) => {
    if (bytes === null) return t.skip(`../shared is absent: ${xlsxPath} not found`);
    assert.ok(compared > 0, 'no number was compared: the configurations above did not run');
    assert.ok(largest.relative <= RELATIVE, `largest relative difference ${largest.relative} at ${largest.where}`);
    t.diagnostic(`largest |app − reference| / (1 + |reference|): ${largest.relative.toExponential(2)} (${largest.where})`);
  });
});
