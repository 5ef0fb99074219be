// Loads the built wasm modules in node the way docs/wasm-api.md describes: pass the .wasm bytes
// (the glue of emcc 3.1.6 would otherwise fetch() a file URL, which node refuses).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { LanguageCoreModule } from '@wasm/language_core.mjs';
import type { Word2VecCoreModule } from '@wasm/word2vec_core.mjs';
import type { NeuronCoreModule } from '../../web/src/wasm/neuron-types.ts';

const buildDir = new URL('../../build/wasm/', import.meta.url);

export async function loadNeuronCore(): Promise<NeuronCoreModule> {
  const glue = fileURLToPath(new URL('neuron_core.mjs', buildDir));
  const { default: createNeuronCore } = (await import(glue)) as {
    default: (options: { wasmBinary: Uint8Array }) => Promise<NeuronCoreModule>;
  };
  return createNeuronCore({ wasmBinary: await readFile(new URL('neuron_core.wasm', buildDir)) });
}

// The word2vec module (build/wasm/word2vec_core.mjs, or its SIMD build), loaded the same way.
export async function loadWord2VecCore(build: 'plain' | 'simd' = 'plain'): Promise<Word2VecCoreModule> {
  const name = build === 'simd' ? 'word2vec_core_simd' : 'word2vec_core';
  const glue = fileURLToPath(new URL(`${name}.mjs`, buildDir));
  const { default: createWord2VecCore } = (await import(glue)) as {
    default: (options: { wasmBinary: Uint8Array }) => Promise<Word2VecCoreModule>;
  };
  return createWord2VecCore({ wasmBinary: await readFile(new URL(`${name}.wasm`, buildDir)) });
}

// The text-generation module (build/wasm/language_core.mjs, or its SIMD build), loaded the same way.
export async function loadLanguageCore(build: 'plain' | 'simd' = 'plain'): Promise<LanguageCoreModule> {
  const name = build === 'simd' ? 'language_core_simd' : 'language_core';
  const glue = fileURLToPath(new URL(`${name}.mjs`, buildDir));
  const { default: createLanguageCore } = (await import(glue)) as {
    default: (options: { wasmBinary: Uint8Array }) => Promise<LanguageCoreModule>;
  };
  return createLanguageCore({ wasmBinary: await readFile(new URL(`${name}.wasm`, buildDir)) });
}
