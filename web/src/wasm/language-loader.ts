// The text-generation module for this browser: the wasm SIMD build where the browser has SIMD
// (Chrome 91+, Firefox 89+, Safari 16.4+; the network trains about twice as fast), else the plain
// build. Not the same numbers to the last bit: the SIMD build's matrix products sum in another
// order (they agree to about 1e-15; tests/node/language-core.test.ts runs its checks on both).
import type { LanguageCoreModule } from '@wasm/language_core.mjs';
import { hasWasmSimd } from './word2vec-loader.ts';

export async function loadLanguageCore(simd = hasWasmSimd()): Promise<LanguageCoreModule> {
  const { default: create } = simd ? await import('@wasm/language_core_simd.mjs') : await import('@wasm/language_core.mjs');
  return create();
}
