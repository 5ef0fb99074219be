// The word2vec module for this browser: the wasm SIMD build where the browser has SIMD (Chrome 91+,
// Firefox 89+, Safari 16.4+; training about a quarter faster), else the plain build. Both give the
// same numbers to the last bit (tests/node/word2vec-native.test.ts checks both against w2v).
import type { Word2VecCoreModule } from '@wasm/word2vec_core.mjs';

// The smallest module that uses SIMD: (func (result v128) i32.const 0, i8x16.splat, i8x16.popcnt).
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

export function hasWasmSimd(validate: (bytes: Uint8Array<ArrayBuffer>) => boolean = (bytes) => WebAssembly.validate(bytes)): boolean {
  try {
    return validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

export async function loadWord2VecCore(simd = hasWasmSimd()): Promise<Word2VecCoreModule> {
  const { default: create } = simd ? await import('@wasm/word2vec_core_simd.mjs') : await import('@wasm/word2vec_core.mjs');
  return create();
}
