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
