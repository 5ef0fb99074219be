// The example in docs/wasm-api.md runs as written and prints what its comments say.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('the node example of docs/wasm-api.md trains to the GeoGebra sheet\'s last row', () => {
  const doc = readFileSync(new URL('docs/wasm-api.md', `file://${root}`), 'utf8');
  const code = /```js\n([\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(code, 'docs/wasm-api.md has a js example');
  const script = `${root}docs-example-check.mjs`;  // in the root, where the example's paths start
  writeFileSync(script, code);
  try {
    const output = execFileSync(process.execPath, [script], { cwd: root, encoding: 'utf8' });
    // Row 501 of gradientnedstigning.ggb (aimat.dk): E and (w0, w1) after 499 updates.
    assert.match(output, /0\.000023586630242988/);
    assert.match(output, /-26\.5620277114633/);
    assert.match(output, /0\.533284526852172/);
  } finally {
    rmSync(script, { force: true });
  }
});

test('the word2vec example of docs/wasm-api.md finds dronning for konge − mand + kvinde', () => {
  const doc = readFileSync(new URL('docs/wasm-api.md', `file://${root}`), 'utf8');
  const code = [...doc.matchAll(/```js\n([\s\S]*?)```/g)][1]?.[1];
  assert.ok(code, 'docs/wasm-api.md has a second js example');
  const script = `${root}docs-example-vectors-check.mjs`;
  writeFileSync(script, code);
  try {
    const output = execFileSync(process.execPath, [script], { cwd: root, encoding: 'utf8' });
    assert.match(output, /^dronning 0\.\d{3}\n/, 'the issue\'s expected answer comes first');
    assert.equal(output.trim().split('\n').length, 3);
  } finally {
    rmSync(script, { force: true });
  }
});
