// The iteration table's columns and rows from the worker's record: per neuron w0 … wn, the output
// o of every example (when there are at most ten) and E — as the notes' spreadsheets have them.
import type { NeuronData } from '../data/dataset.ts';
import type { IterationRecord } from '../wasm/neuron-protocol.ts';
import type { IterationTableData } from './iteration-table.ts';

const MAX_OUTPUT_COLUMNS = 10;
const LANE_PREFIXES = ['SE', 'CE'];

export function iterationTableData(data: NeuronData, record: IterationRecord): IterationTableData {
  const width = data.cols + 1;
  const outputs = data.rows <= MAX_OUTPUT_COLUMNS;
  const headers = ['Iteration', ...record.lanes.flatMap((_, k) => {
    const p = LANE_PREFIXES[k] ?? `${k + 1}`;
    return [...Array.from({ length: width }, (_, i) => `${p}: w${i}`),
      ...(outputs ? Array.from({ length: data.rows }, (_, m) => `${p}: o${m + 1}`) : []), `${p}: E`];
  })];
  const rows = Array.from(record.iterations, (iteration, r) => [iteration, ...record.lanes.flatMap((lane) => {
    const w = lane.weights.subarray(r * width, (r + 1) * width);
    return [...w, ...(outputs ? outputsOf(data, w) : []), lane.losses[r]];
  })]);
  return { headers, rows };
}

// o = σ(w0 + w1·x1 + … + wn·xn) for every example, with raw weights and inputs.
function outputsOf(data: NeuronData, w: Float64Array): number[] {
  return Array.from({ length: data.rows }, (_, m) => {
    let z = w[0];
    for (let j = 0; j < data.cols; j++) z += w[j + 1] * data.x[m * data.cols + j];
    return 1 / (1 + Math.exp(-z));
  });
}
