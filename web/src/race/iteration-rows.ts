// The iteration table's columns and rows from the worker's record: per neuron w0 … wn, the output
// o of every example (when there are at most ten) and E — as the notes' spreadsheets have them.
import type { NeuronData } from '../data/dataset.ts';
import type { NeuronFormulas } from '../wasm/neuron-formulas.ts';
import type { IterationRecord } from '../wasm/neuron-protocol.ts';
import type { IterationTableData } from './iteration-table.ts';

const MAX_OUTPUT_COLUMNS = 10;
const LANE_PREFIXES = ['SE', 'CE'];

export function iterationTableData(data: NeuronData, record: IterationRecord, formulas: NeuronFormulas): IterationTableData {
  const width = data.cols + 1;
  const outputs = data.rows <= MAX_OUTPUT_COLUMNS;
  const headers = ['Iteration', ...record.lanes.flatMap((_, k) => {
    const p = LANE_PREFIXES[k] ?? `${k + 1}`;
    return [...Array.from({ length: width }, (_, i) => `${p}: w${i}`),
      ...(outputs ? Array.from({ length: data.rows }, (_, m) => `${p}: o${m + 1}`) : []), `${p}: E`];
  })];
  const count = record.iterations.length;
  // o = σ(w0 + w1·x1 + … + wn·xn) of every row on every example, from the core (rows × examples)
  const laneOutputs = record.lanes.map((lane) =>
    (outputs && count > 0 ? formulas.outputTable('sigmoid', lane.weights, count, data) : null) ?? new Float64Array(count * data.rows).fill(NaN));
  const rows = Array.from(record.iterations, (iteration, r) => [iteration, ...record.lanes.flatMap((lane, k) => {
    const w = lane.weights.subarray(r * width, (r + 1) * width);
    const o = outputs ? laneOutputs[k].subarray(r * data.rows, (r + 1) * data.rows) : [];
    return [...w, ...o, lane.losses[r]];
  })]);
  return { headers, rows };
}
