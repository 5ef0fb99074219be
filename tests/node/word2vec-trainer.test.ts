// The word2vec trainer through the wasm module: settings it does not know and bad seeds come back
// with their own status.
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
    assert.deepEqual([trainer.progress().vocabulary, trainer.matrices().focus.length], [0, 0]);
    assert.equal(trainer.choosePair('hunden', 'sover'), 'no_pair');
    assert.equal(trainer.train().wordsDone, 0);
  } finally {
    trainer.delete();
  }
});
