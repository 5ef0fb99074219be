// Which word2vec build a browser gets: the SIMD probe is a valid module where wasm SIMD exists
// (node 20 has it), and a browser that refuses it — or throws — gets the plain build.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasWasmSimd } from '../../web/src/wasm/word2vec-loader.ts';

test('the SIMD probe validates where wasm SIMD exists', () => {
  assert.equal(hasWasmSimd(), true);
});

test('a browser without wasm SIMD gets the plain build', () => {
  assert.equal(hasWasmSimd(() => false), false);
  assert.equal(hasWasmSimd(() => { throw new Error('no WebAssembly'); }), false);
});

test('the probe is the one SIMD function: without its two SIMD instructions it is an ordinary valid module', () => {
  let probe: Uint8Array | null = null;
  hasWasmSimd((bytes) => { probe = bytes; return true; });
  const bytes = Array.from(probe!);
  // i8x16.splat (0xfd 0x0f) and i8x16.popcnt (0xfd 0x62) near the end; result type v128 (0x7b = 123)
  assert.deepEqual(bytes.slice(-5), [0xfd, 0x0f, 0xfd, 0x62, 0x0b]);
  assert.equal(bytes[14], 0x7b);
  // the same function returning i32 (0x7f) with the SIMD instructions dropped: header (8 bytes),
  // type section (7), function section (4), then a code section of 6 bytes with a body of 4
  const plain = [...bytes.slice(0, 14), 0x7f, ...bytes.slice(15, 19), 10, 6, 1, 4, 0, 65, 0, 0x0b];
  assert.equal(WebAssembly.validate(new Uint8Array(plain)), true);
});
