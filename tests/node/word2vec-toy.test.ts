// The course's toy through the wasm module (as the Træn word2vec page uses it): the twelve
// sentences of tests/cases/word2vec_toy_cases.json give L = 31.71 at the exercise's start and the
// table P(c | w) that tests/reference/word2vec_toy_reference.py computes, and descent along the
// circle gets below 23.0 towards 22.85.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import type { CircleToy } from '@wasm/word2vec_core.mjs';
import { loadWord2VecCore } from './wasm-module.ts';

interface ToyCase {
  words: string[];
  sentences: string[];
  start: { focus: Record<string, [number, number]>; context: Record<string, [number, number]> };
  expected: { L: number; best: number; probabilities: { rows: number[][] } };
}

const toy = JSON.parse(readFileSync(new URL('../cases/word2vec_toy_cases.json', import.meta.url), 'utf8')) as ToyCase;
const V = toy.words.length;

// n(w, c) from the sentences: a window of one word on each side, within a sentence.
function counts(): number[] {
  const n = new Array<number>(V * V).fill(0);
  for (const sentence of toy.sentences) {
    const words = sentence.toLocaleLowerCase('da').replace('.', '').split(' ').map((w) => toy.words.indexOf(w));
    for (let i = 0; i < words.length; i++)
      for (const j of [i - 1, i + 1]) if (j >= 0 && j < words.length) n[words[i] * V + words[j]] += 1;
  }
  return n;
}

let model: CircleToy;
before(async () => {
  const core = await loadWord2VecCore();
  model = new core.CircleToy();
  assert.equal(model.setup(V, counts()), true);
  const angle = ([x, y]: [number, number]) => Math.atan2(y, x);
  assert.equal(model.setAngles(toy.words.map((w) => angle(toy.start.focus[w])), toy.words.map((w) => angle(toy.start.context[w]))), true);
});

test('L = 31.71 at the exercise\'s start vectors', () => {
  assert.equal(model.loss().toFixed(2), '31.71');
  assert.ok(Math.abs(model.loss() - toy.expected.L) < 1e-12);
});

test('the table P(c | w) is the reference script\'s, and e^(v_w·k_c) / Σ_o e^(v_w·k_o) from the angles', () => {
  const p = model.probabilities();
  const angles = { focus: model.focusAngles(), context: model.contextAngles() };
  assert.equal(p.length, V * V);
  for (let w = 0; w < V; w++) {
    // v_w·k_o = cos θ_w cos φ_o + sin θ_w sin φ_o
    const e = toy.words.map((_, o) => Math.exp(Math.cos(angles.focus[w]) * Math.cos(angles.context[o]) +
      Math.sin(angles.focus[w]) * Math.sin(angles.context[o])));
    const sum = e.reduce((a, x) => a + x, 0);
    for (let c = 0; c < V; c++) {
      assert.ok(Math.abs(p[w * V + c] - toy.expected.probabilities.rows[w][c]) < 1e-14, `P(${toy.words[c]} | ${toy.words[w]})`);
      assert.ok(Math.abs(p[w * V + c] - e[c] / sum) < 1e-14);
    }
  }
});

test('bad counts and angles are refused and change nothing', () => {
  assert.equal(model.setup(V, [1, 2, 3]), false);
  assert.equal(model.setAngles([0, 0], [0, 0]), false);
  assert.equal(model.setAngles(new Array(V).fill(NaN), new Array(V).fill(0)), false);
  assert.equal(model.loss().toFixed(2), '31.71');
});

test('descent along the circle gets below 23.0 and no further than the best, 22.85', () => {
  let loss = model.loss();
  let steps = 0;
  while (loss >= 23.0 && steps < 2000) {
    loss = model.descend(0.05, 10);
    steps += 10;
  }
  assert.ok(loss < 23.0, `L = ${loss} after ${steps} steps`);
  loss = model.descend(0.05, 20000);
  assert.ok(loss >= toy.expected.best - 1e-9 && loss < toy.expected.best + 1e-3, `L = ${loss}`);
  const g = model.gradient();
  assert.ok(Math.hypot(...g.focus, ...g.context) < 1e-3, 'at the bottom the gradient is near 0');
});
