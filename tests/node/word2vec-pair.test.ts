// One training pair through the wasm module, as the Træn word2vec page shows it: the numbers of
// pairWork recomputed here in plain JS from the trainer's own matrices (σ, the softmax and the
// gradient written out again), the step landing where vAfter said, and CBOW reading the pair the
// other way round.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { PairWork, Word2VecCoreModule, Word2VecSettings, Word2VecTrainer } from '@wasm/word2vec_core.mjs';
import { loadWord2VecCore } from './wasm-module.ts';

let core: Word2VecCoreModule;
before(async () => { core = await loadWord2VecCore(); });

const TEXT = 'hunden sover\nkatten spinder\nhunden gør\nkatten sover\nfuglen synger\n'.repeat(20);
const sigma = (x: number) => 1 / (1 + Math.exp(-x));

function trained(settings: Word2VecSettings): { trainer: Word2VecTrainer; words: string[]; dim: number } {
  const trainer = new core.Word2VecTrainer();
  assert.equal(trainer.setup(TEXT, { dim: 5, window: 1, epochs: 3, minCount: 1, sample: 0, seed: 2, ...settings }), 'ok');
  trainer.train();
  const words = new TextDecoder().decode(trainer.focusVectors()).trim().split('\n').slice(1).map((l) => l.split(' ')[0]);
  return { trainer, words, dim: 5 };
}

// The pair's numbers from the matrices, by the formulas of the notes.
function expected(trainer: Word2VecTrainer, words: string[], dim: number, work: PairWork, softmax: boolean) {
  const { focus, context } = trainer.matrices();
  const row = (m: Float32Array, word: string) => Array.from(m.subarray(words.indexOf(word) * dim, (words.indexOf(word) + 1) * dim));
  const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
  const v = row(focus, work.input);
  const gradient = new Array<number>(dim).fill(0);
  if (softmax) {
    const scores = words.map((o) => dot(v, row(context, o)));
    const sum = scores.reduce((s, x) => s + Math.exp(x), 0);
    words.forEach((o, i) => {
      const slope = Math.exp(scores[i]) / sum - (o === work.target ? 1 : 0);  // P(o | w) − [o = c]
      row(context, o).forEach((k, d) => { gradient[d] += slope * k; });
    });
    const p = Math.exp(scores[words.indexOf(work.target)]) / sum;
    return { v, gradient, loss: -Math.log(p), probability: p, predicted: scores.map((x) => Math.exp(x) / sum), expSum: sum };
  }
  const targets: [string, number][] = [[work.target, 1], ...work.negatives.map((n): [string, number] => [n, 0])];
  let loss = 0;
  for (const [word, t] of targets) {
    const k = row(context, word);
    const s = dot(v, k);
    loss -= Math.log(t ? sigma(s) : sigma(-s));  // L = −[ln σ(v·k_c) + Σ ln σ(−v·k_j)]
    k.forEach((x, d) => { gradient[d] += (sigma(s) - t) * x; });
  }
  const predicted = targets.map(([word]) => sigma(dot(v, row(context, word))));  // the table's σ(v·k) column
  return { v, gradient, loss, probability: sigma(dot(v, row(context, work.target))), predicted, expSum: 0 };
}

function assertClose(actual: ArrayLike<number>, wanted: ArrayLike<number>, what: string) {
  assert.equal(actual.length, wanted.length, what);
  for (let i = 0; i < wanted.length; i++) assert.ok(Math.abs(actual[i] - wanted[i]) < 1e-6, `${what}[${i}]: ${actual[i]} vs ${wanted[i]}`);
}

for (const output of ['negative', 'softmax'] as const) {
  test(`skip-gram, ${output}: the pair's numbers are the formula's, and a step lands on vAfter`, () => {
    const { trainer, words, dim } = trained({ output, negatives: 4, decay: 'none', learningRate: 0.1 });
    try {
      assert.equal(trainer.choosePair('hunden', 'sover'), 'ok');
      const work = trainer.pairWork()!;
      assert.deepEqual([work.focus, work.context, work.input, work.target], ['hunden', 'sover', 'hunden', 'sover']);
      assert.equal(work.negatives.length, output === 'negative' ? 4 : 0);
      assert.ok(!work.negatives.includes('sover'));
      const want = expected(trainer, words, dim, work, output === 'softmax');
      assertClose(work.v, want.v, 'v');
      assertClose(work.gradient, want.gradient, '∂L/∂v');
      assert.ok(Math.abs(work.loss - want.loss) < 1e-6, `L ${work.loss} vs ${want.loss}`);
      assert.ok(Math.abs(work.probability - want.probability) < 1e-6);
      assertClose(work.predicted, want.predicted, output === 'softmax' ? 'P(o | w)' : 'σ(v·k)');
      assert.ok(Math.abs(work.expSum - want.expSum) < 1e-6 * Math.max(1, want.expSum), `Σ e^(v·k) ${work.expSum} vs ${want.expSum}`);
      assert.equal(work.eta, 0.1);
      assertClose(work.vAfter, want.v.map((x, d) => x - 0.1 * want.gradient[d]), 'v − η·∂L/∂v');
      assert.ok(work.lossAfter < work.loss, `${work.lossAfter} < ${work.loss}`);
      const next = trainer.pairStep()!;
      assertClose(next.v, work.vAfter, 'v after the step');
    } finally {
      trainer.delete();
    }
  });
}

test('CBOW reads the pair from the context word to the focus word; unknown words give the text\'s first pair', () => {
  const { trainer } = trained({ architecture: 'cbow' });
  try {
    assert.equal(trainer.choosePair('hunden', 'sover'), 'ok');
    const work = trainer.pairWork()!;
    assert.deepEqual([work.input, work.target], ['sover', 'hunden']);
    assert.ok(!work.negatives.includes('hunden'));
    assert.equal(trainer.choosePair('elefanten', 'sover'), 'first_pair');
    assert.deepEqual([trainer.pairWork()!.focus, trainer.pairWork()!.context], ['hunden', 'sover']);
  } finally {
    trainer.delete();
  }
  const lonely = new core.Word2VecTrainer();
  try {
    assert.equal(lonely.setup('ja\nnej\n', { minCount: 1 }), 'ok');
    assert.equal(lonely.choosePair('ja', 'måske'), 'no_pair');
    assert.equal(lonely.pairWork(), null);
  } finally {
    lonely.delete();
  }
});
