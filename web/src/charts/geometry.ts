// Where the decision boundary w0 + w1·x1 + w2·x2 = level crosses the plot, and which part of the
// plot the neuron calls "class 1" (o ≥ ½), in data coordinates.

export interface Box {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export type Point = [number, number];

// The line a·x + b·y = c: a = w1, b = w2, c = level − w0 (− the other inputs' share).
export interface Line {
  a: number;
  b: number;
  c: number;
}

// Corners of the box in order, clipped to the half-plane a·x + b·y ≥ c (Sutherland–Hodgman with
// one edge). Empty when the whole box is on the other side.
export function halfPlaneInBox(box: Box, { a, b, c }: Line): Point[] {
  const corners: Point[] = [[box.xMin, box.yMin], [box.xMax, box.yMin], [box.xMax, box.yMax], [box.xMin, box.yMax]];
  const side = (p: Point) => a * p[0] + b * p[1] - c;
  const result: Point[] = [];
  for (let i = 0; i < corners.length; i++) {
    const p = corners[i];
    const q = corners[(i + 1) % corners.length];
    const sp = side(p);
    const sq = side(q);
    if (sp >= 0) result.push(p);
    if ((sp >= 0) !== (sq >= 0)) {
      const s = sp / (sp - sq);  // where the edge p→q crosses the line
      result.push([p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1])]);
    }
  }
  return result;
}

// The piece of the line inside the box, or null when it misses the box (or is not a line).
export function lineInBox(box: Box, line: Line): [Point, Point] | null {
  const { a, b, c } = line;
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c) || (a === 0 && b === 0)) return null;
  const points: Point[] = [];
  // Hits on the box's edges, allowing for rounding in the division.
  const slackX = 1e-9 * (box.xMax - box.xMin);
  const slackY = 1e-9 * (box.yMax - box.yMin);
  const add = (p: Point) => {
    const inside = p[0] >= box.xMin - slackX && p[0] <= box.xMax + slackX && p[1] >= box.yMin - slackY && p[1] <= box.yMax + slackY;
    if (inside && !points.some((q) => q[0] === p[0] && q[1] === p[1])) points.push(p);
  };
  if (b !== 0) {
    add([box.xMin, (c - a * box.xMin) / b]);
    add([box.xMax, (c - a * box.xMax) / b]);
  }
  if (a !== 0) {
    add([(c - b * box.yMin) / a, box.yMin]);
    add([(c - b * box.yMax) / a, box.yMax]);
  }
  if (points.length < 2) return null;
  // Of up to four hits (a line through corners), the two farthest apart.
  let best: [Point, Point] = [points[0], points[1]];
  let bestDistance = -1;
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      const d = (points[i][0] - points[j][0]) ** 2 + (points[i][1] - points[j][1]) ** 2;
      if (d > bestDistance) [best, bestDistance] = [[points[i], points[j]], d];
    }
  return best;
}

// The box around the data, with a margin so that no point sits on the edge.
export function paddedBox(xs: ArrayLike<number>, ys: ArrayLike<number>, margin = 0.08): Box {
  const range = (v: ArrayLike<number>): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < v.length; i++) {
      lo = Math.min(lo, v[i]);
      hi = Math.max(hi, v[i]);
    }
    const pad = hi > lo ? (hi - lo) * margin : Math.max(1, Math.abs(lo) * 0.1);
    return [lo - pad, hi + pad];
  };
  const [xMin, xMax] = range(xs);
  const [yMin, yMax] = range(ys);
  return { xMin, xMax, yMin, yMax };
}

// The step of 1, 2 or 5 times a power of ten nearest to range/count: the steps people draw axes with.
export function niceStep(range: number, count = 6): number {
  const raw = range / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10) * power;
}

// The box widened to whole steps, so that the axes start and end on round numbers.
export function niceBox(box: Box): Box {
  const round = (lo: number, hi: number): [number, number] => {
    const step = niceStep(hi - lo);
    return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
  };
  const [xMin, xMax] = round(box.xMin, box.xMax);
  const [yMin, yMax] = round(box.yMin, box.yMax);
  return { xMin, xMax, yMin, yMax };
}
