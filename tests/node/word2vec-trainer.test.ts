// The word2vec trainer through the wasm module: settings it does not know and bad seeds come back
// with their own status, and the table P(context | focus) it hands the page is the softmax of its
// own matrices, recomputed here in plain JS.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Word2VecCoreModule, Word2VecSettings } from '@wasm/word2vec_core.mjs';
import { loadWord2VecCore } from './wasm-module.ts';

let core: Word2VecCoreModule;
before(async () => { core = await loadWord2VecCore(); });

const TEXT = 'hunden sover\nkatten spinder\nhunden gør\nkatten sover\nfuglen synger\n'.repeat(10);
const SMALL: Word2VecSettings = { dim: 3, window: 1, epochs: 2, minCount: 1, sample: 0 };

function setupStatus(settings: Record<string, unknown>): string {
  const trainer = new core.Word2VecTrainer();
  try {
    return trainer.setup(TEXT, { ...SMALL, ...settings } as Word2VecSettings);
  } finally {
    trainer.delete();
  }
}

test('an unknown name is refused with its own status, not taken as the default', () => {
  assert.equal(setupStatus({ architecture: 'skip-gram' }), 'unknown_architecture');
  assert.equal(setupStatus({ architecture: 3 }), 'unknown_architecture');
  assert.equal(setupStatus({ output: 'hierarchical' }), 'unknown_output');
  assert.equal(setupStatus({ decay: 'cosine' }), 'unknown_decay');
  assert.equal(setupStatus({ dim: 'ti' }), 'invalid_dim');  // a number of the wrong type is no number
  assert.equal(setupStatus({ architecture: 'cbow', output: 'softmax', decay: 'none' }), 'ok');
  assert.equal(setupStatus({ architecture: undefined, decay: null }), 'ok');  // missing: the default
});

test('a seed that is not a whole number from 0 to 2^53 − 1 is invalid_seed', () => {
  for (const seed of [-1, 0.5, 2 ** 53, NaN, Infinity]) assert.equal(setupStatus({ seed }), 'invalid_seed', String(seed));
  assert.equal(setupStatus({ seed: 0 }), 'ok');
  assert.equal(setupStatus({ seed: 2 ** 53 - 1 }), 'ok');
  assert.equal(core.generateSentences(-3, 5), '');
  assert.equal(core.generateSentences(3, 5).split('\n').length, 6);  // five lines, each ending in \n
});

test('a refused setup leaves nothing to train or show', () => {
  const trainer = new core.Word2VecTrainer();
  try {
    assert.equal(trainer.setup(TEXT, SMALL), 'ok');
    assert.equal(trainer.setup(TEXT, { ...SMALL, decay: 'fast' as never }), 'unknown_decay');
    assert.deepEqual([trainer.progress().vocabulary, trainer.probabilities().length, trainer.matrices().focus.length], [0, 0, 0]);
    assert.equal(trainer.choosePair('hunden', 'sover'), 'no_pair');
    assert.equal(trainer.train().wordsDone, 0);
  } finally {
    trainer.delete();
  }
});

// P(c | w) = e^(v_w·k_c) / Σ_o e^(v_w·k_o) from the matrices, written out again in plain JS.
function softmaxTable(focus: Float32Array, context: Float32Array, words: number, dim: number): number[] {
  const p: number[] = [];
  for (let w = 0; w < words; w++) {
    const e: number[] = [];
    for (let o = 0; o < words; o++) {
      let s = 0;
      for (let i = 0; i < dim; i++) s += focus[w * dim + i] * context[o * dim + i];
      e.push(Math.exp(s));
    }
    const sum = e.reduce((a, x) => a + x, 0);
    p.push(...e.map((x) => x / sum));
  }
  return p;
}

for (const output of ['negative', 'softmax'] as const) {
  test(`the P(context | focus) table is the softmax of the trainer's own matrices (${output})`, () => {
    const trainer = new core.Word2VecTrainer();
    try {
      assert.equal(trainer.setup(TEXT, { ...SMALL, output, seed: 4 }), 'ok');
      const V = trainer.progress().vocabulary;
      assert.equal(V, 7);
      // Before training every k is 0: every score is 0 and each P is 1/V.
      assert.ok(Array.from(trainer.probabilities()).every((p) => Math.abs(p - 1 / V) < 1e-15));
      const check = (when: string) => {
        const { focus, context } = trainer.matrices();
        const want = softmaxTable(focus, context, V, 3);
        const got = trainer.probabilities();
        assert.equal(got.length, V * V);
        want.forEach((p, i) => assert.ok(Math.abs(got[i] - p) < 1e-12, `${when} [${i}]: ${got[i]} vs ${p}`));
      };
      trainer.train();
      check('after training');
      assert.ok(Math.max(...Array.from(trainer.probabilities())) > 1 / V + 1e-3, 'training moved the table away from uniform');
      assert.equal(trainer.choosePair('hunden', 'sover'), 'ok');
      trainer.pairStep();
      check('after a pair step');
    } finally {
      trainer.delete();
    }
  });
}

test('a text read step by step as bytes trains as the same text read at once', () => {
  const raw = 'Hunden sover. Katten spinder!\nHunden gør, katten sover på gården.\n'.repeat(5);
  const bytes = new Uint8Array(Buffer.from(raw, 'utf8'));
  const settings: Word2VecSettings = { ...SMALL, normalise: true, seed: 3 };
  const atOnce = new core.Word2VecTrainer();
  const steps = new core.Word2VecTrainer();
  try {
    assert.equal(atOnce.setup(raw, settings), 'ok');
    assert.equal(steps.begin(settings), 'ok');
    const pieces = (size: number, feed: (piece: Uint8Array) => void) => {
      for (let i = 0; i < bytes.length; i += size) feed(bytes.subarray(i, i + size));  // cuts "å" and "ø" in two
    };
    pieces(5, (p) => steps.count(p));
    steps.startEncoding();
    pieces(11, (p) => steps.encode(p));
    assert.equal(steps.finish(), 'ok');
    // 10 words a repeat, 7 of them distinct: hunden sover katten spinder gør på gården
    assert.equal(steps.progress().vocabulary, 7);
    assert.equal(steps.progress().tokens, 50);
    assert.deepEqual(steps.train(), atOnce.train());
    assert.deepEqual(steps.focusVectors(), atOnce.focusVectors());
  } finally {
    atOnce.delete();
    steps.delete();
  }
});
