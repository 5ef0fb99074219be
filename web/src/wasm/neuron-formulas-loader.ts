// The neuron module on the page's own thread, loaded once per page (the worker loads its own copy
// for training), for NeuronFormulas.
import createNeuronCore from '@wasm/neuron_core.mjs';
import { NeuronFormulas } from './neuron-formulas.ts';

let loading: Promise<NeuronFormulas> | null = null;

export function loadNeuronFormulas(): Promise<NeuronFormulas> {
  loading ??= createNeuronCore().then((core) => new NeuronFormulas(core));
  return loading;
}
