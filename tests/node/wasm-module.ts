// Loads the built wasm module in node the way docs/wasm-api.md describes: pass the .wasm bytes
// (the glue of emcc 3.1.6 would otherwise fetch() a file URL, which node refuses).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { NeuronCoreModule } from '../../web/src/wasm/neuron-types.ts';

const buildDir = new URL('../../build/wasm/', import.meta.url);

export async function loadNeuronCore(): Promise<NeuronCoreModule> {
  const glue = fileURLToPath(new URL('neuron_core.mjs', buildDir));
  const { default: createNeuronCore } = (await import(glue)) as {
    default: (options: { wasmBinary: Uint8Array }) => Promise<NeuronCoreModule>;
  };
  return createNeuronCore({ wasmBinary: await readFile(new URL('neuron_core.wasm', buildDir)) });
}
