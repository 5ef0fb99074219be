// Rows of the iteration table (iteration, w0 … wn and E for every lane), as a teacher builds it in
// a spreadsheet. Every iteration is kept while there are few; beyond maxRows only every 2nd, 4th, …
// (the stride doubles and the table is thinned to the new multiples), so long runs stay small.
import type { IterationRecord } from './neuron-protocol.ts';

interface Row {
  iteration: number;
  weights: Float64Array[];  // per lane, n+1 raw weights
  losses: number[];         // per lane, E
}

export class IterationRecorder {
  private rows: Row[] = [];
  private strideValue = 1;

  constructor(private readonly lanes: number, private readonly maxRows = 2000) {}

  // Snapshots are wanted at multiples of this.
  get stride(): number {
    return this.strideValue;
  }

  clear(): void {
    this.rows = [];
    this.strideValue = 1;
  }

  add(iteration: number, weights: Float64Array[], losses: number[]): void {
    if (iteration % this.strideValue !== 0) return;
    this.rows.push({ iteration, weights, losses });
    if (this.rows.length > this.maxRows) {
      this.strideValue *= 2;
      this.rows = this.rows.filter((row) => row.iteration % this.strideValue === 0);
    }
  }

  record(): IterationRecord {
    const width = this.rows[0]?.weights[0]?.length ?? 0;
    return {
      iterations: Float64Array.from(this.rows, (row) => row.iteration),
      lanes: Array.from({ length: this.lanes }, (_, lane) => {
        const weights = new Float64Array(this.rows.length * width);
        this.rows.forEach((row, r) => weights.set(row.weights[lane], r * width));
        return { weights, losses: Float64Array.from(this.rows, (row) => row.losses[lane]) };
      }),
    };
  }
}
