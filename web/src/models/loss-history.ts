// The loss curve of a long run, kept small enough to draw every frame: iterations are grouped in
// buckets of equal width, and each bucket keeps its lowest and highest E, so an oscillating run
// (η too large) still shows its band. When there are too many buckets, neighbours merge in pairs.

interface Bucket {
  minIteration: number;
  minLoss: number;
  maxIteration: number;
  maxLoss: number;
}

export interface LossSeries {
  iterations: Float64Array;
  losses: Float64Array;
}

export class LossHistory {
  private buckets: Bucket[] = [];
  private width = 1;  // iterations per bucket
  private lastIteration = -1;
  private lastLoss = NaN;

  constructor(private readonly maxBuckets = 1000) {}

  clear(): void {
    this.buckets = [];
    this.width = 1;
    this.lastIteration = -1;
    this.lastLoss = NaN;
  }

  // E after `iteration`; iterations must come in increasing order, starting from 0.
  push(iteration: number, loss: number): void {
    const index = Math.floor(iteration / this.width);
    const open = this.buckets[this.buckets.length - 1];
    if (open && index === this.buckets.length - 1) {
      if (loss < open.minLoss) [open.minIteration, open.minLoss] = [iteration, loss];
      if (loss > open.maxLoss) [open.maxIteration, open.maxLoss] = [iteration, loss];
    } else {
      this.buckets.push({ minIteration: iteration, minLoss: loss, maxIteration: iteration, maxLoss: loss });
    }
    this.lastIteration = iteration;
    this.lastLoss = loss;
    if (this.buckets.length > this.maxBuckets) this.halve();
  }

  // Losses of consecutive iterations first+1, first+2, … (as one train() call returns them).
  pushRun(first: number, losses: Float64Array): void {
    for (let i = 0; i < losses.length; i++) this.push(first + i + 1, losses[i]);
  }

  get latestIteration(): number {
    return this.lastIteration;
  }

  // Points in iteration order: each bucket's min and max, and the latest E last.
  series(): LossSeries {
    const its: number[] = [];
    const values: number[] = [];
    for (const b of this.buckets) {
      const first = b.minIteration <= b.maxIteration;
      const a: [number, number] = first ? [b.minIteration, b.minLoss] : [b.maxIteration, b.maxLoss];
      const z: [number, number] = first ? [b.maxIteration, b.maxLoss] : [b.minIteration, b.minLoss];
      its.push(a[0]);
      values.push(a[1]);
      if (z[0] !== a[0]) {
        its.push(z[0]);
        values.push(z[1]);
      }
    }
    if (this.lastIteration >= 0 && its[its.length - 1] !== this.lastIteration) {
      its.push(this.lastIteration);
      values.push(this.lastLoss);
    }
    return { iterations: Float64Array.from(its), losses: Float64Array.from(values) };
  }

  private halve(): void {
    const merged: Bucket[] = [];
    for (let k = 0; k < this.buckets.length; k += 2) {
      const a = this.buckets[k];
      const b = this.buckets[k + 1];
      if (!b) {
        merged.push(a);
        continue;
      }
      merged.push({
        ...(b.minLoss < a.minLoss ? { minIteration: b.minIteration, minLoss: b.minLoss }
          : { minIteration: a.minIteration, minLoss: a.minLoss }),
        ...(b.maxLoss > a.maxLoss ? { maxIteration: b.maxIteration, maxLoss: b.maxLoss }
          : { maxIteration: a.maxIteration, maxLoss: a.maxLoss }),
      });
    }
    this.buckets = merged;
    this.width *= 2;
  }
}
