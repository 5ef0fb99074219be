// The practice corpus in wasm is the native generator's, sentence for sentence (w2v generate).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { loadWord2VecCore } from './wasm-module.ts';

const W2V = fileURLToPath(new URL('../../build/native/w2v', import.meta.url));

test('generateSentences in wasm gives the text of w2v generate for the same seed',
  { skip: existsSync(W2V) ? false : 'build/native/w2v is not built: run `npm test` (all tiers) first' }, async () => {
    const core = await loadWord2VecCore();
    const native = execFileSync(W2V, ['generate', '--sentences', '300', '--seed', '42'], { encoding: 'utf8' });
    assert.equal(core.generateSentences(42, 300), native);
    assert.equal(native.split('\n').length, 301);
    assert.notEqual(core.generateSentences(43, 300), native);
  });
