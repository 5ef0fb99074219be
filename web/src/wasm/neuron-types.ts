// The neuron core's types, for the rest of the page to import.
export type {
  ActivationName, LossName, GradientName, StartWeights, NeuronSettings, StatusName, CoreStatus,
  TrainResult, Confusion, Neuron, NeuronCoreModule, ModuleOptions,
} from '@wasm/neuron_core.mjs';
