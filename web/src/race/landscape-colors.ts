// Pure helpers for the loss-landscape view: the viridis colour map, E scaled to [0, 1], the
// heat-map pixels and the thinning of long training paths. No DOM, so they run in Node tests.

export interface LandscapeGrid {
  w0Min: number; w0Max: number; w1Min: number; w1Max: number;
  nx: number; ny: number;            // grid points along w0 and w1 (≥ 2)
  values: Float64Array;              // E(w0_i, w1_j) at values[j * nx + i]
}

export type ColorScale = 'linear' | 'log';

export interface Point { x: number; y: number }

// matplotlib's viridis at 17 even steps (from its 256-entry table). Straight lines between them
// stay within 6/255 of the table, and the map is dark for low E, yellow for high E, also in grey.
const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84], [72, 24, 106], [71, 45, 123], [66, 64, 134], [59, 82, 139], [51, 99, 141],
  [44, 114, 142], [38, 130, 142], [33, 145, 141], [31, 159, 136], [39, 173, 129], [62, 188, 116],
  [93, 200, 99], [130, 211, 77], [170, 220, 50], [213, 226, 26], [253, 231, 37],
];

// The log map spans this factor between the smallest and the largest E − min (three decades).
const LOG_RANGE = 1000;

// v in [0, 1] → [r, g, b] in 0–255; values outside are clamped, NaN counts as the top (like normalise).
export function viridis(v: number): [number, number, number] {
  const last = VIRIDIS.length - 1;
  const x = (Number.isNaN(v) ? 1 : Math.min(1, Math.max(0, v))) * last;
  const k = Math.min(last - 1, Math.floor(x));
  const u = x - k;
  const [a, b] = [VIRIDIS[k], VIRIDIS[k + 1]];
  return [0, 1, 2].map((c) => Math.round(a[c] + (b[c] - a[c]) * u)) as [number, number, number];
}

// A CSS gradient through the colour map, left = 0, right = 1 (for the colour bar).
export function viridisGradient(direction = 'to right'): string {
  const stops = VIRIDIS.map(([r, g, b], k) => `rgb(${r} ${g} ${b}) ${((100 * k) / (VIRIDIS.length - 1)).toFixed(2)}%`);
  return `linear-gradient(${direction}, ${stops.join(', ')})`;
}

// Smallest and largest finite value; NaN for both when there is none.
export function finiteRange(values: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : { min: NaN, max: NaN };
}

// E → [0, 1]. 'log' uses log(E − min + ε) with ε = (max − min)/1000, so a range from 0,01 to
// 200 (cross-entropy) still shows structure near the valley, and the map does not depend on E's unit.
export function normalise(values: Float64Array, scale: ColorScale): Float64Array {
  const { min, max } = finiteRange(values);
  const span = max - min;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) out[i] = 1;
    else if (!(span > 0)) out[i] = 0;
    else out[i] = scale === 'linear' ? (v - min) / span : Math.log1p((LOG_RANGE * (v - min)) / span) / Math.log1p(LOG_RANGE);
  }
  return out;
}

// The inverse of normalise: the E shown by colour u ∈ [0, 1] (labels on the colour bar).
export function valueAt(u: number, min: number, max: number, scale: ColorScale): number {
  const span = max - min;
  return scale === 'linear' ? min + u * span : min + (span * Math.expm1(u * Math.log1p(LOG_RANGE))) / LOG_RANGE;
}

// RGBA pixels of the heat map, one per grid point. Row 0 of an image is its top, where w1 is
// largest, so grid row j goes to image row ny − 1 − j.
export function heatmapPixels(grid: LandscapeGrid, scale: ColorScale): Uint8ClampedArray<ArrayBuffer> {
  const { nx, ny } = grid;
  const u = normalise(grid.values, scale);
  const pixels = new Uint8ClampedArray(nx * ny * 4);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const [r, g, b] = viridis(u[j * nx + i]);
      const p = ((ny - 1 - j) * nx + i) * 4;
      pixels[p] = r;
      pixels[p + 1] = g;
      pixels[p + 2] = b;
      pixels[p + 3] = 255;
    }
  }
  return pixels;
}

// A path (w0, w1, w0, w1, …) as at most maxPoints chart points, first and last always kept.
// Points closer than (stepX, stepY) to the last kept one go first: on a plateau thousands of
// iterations sit within one pixel. If still too many, every k-th point is kept. Pairs that are
// not finite (a diverged run) are left out.
export function thinPath(points: Float64Array, maxPoints: number, stepX = 0, stepY = 0): Point[] {
  const kept: Point[] = [];
  let last: Point | null = null;
  let skipped: Point | null = null;
  for (let k = 0; k + 1 < points.length; k += 2) {
    const p = { x: points[k], y: points[k + 1] };
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    if (last && Math.abs(p.x - last.x) < stepX && Math.abs(p.y - last.y) < stepY) {
      skipped = p;
      continue;
    }
    kept.push(p);
    last = p;
    skipped = null;
  }
  if (skipped) kept.push(skipped);
  const max = Math.max(2, Math.floor(maxPoints));
  if (kept.length <= max) return kept;
  const out: Point[] = new Array(max);
  for (let k = 0; k < max; k++) out[k] = kept[Math.round((k * (kept.length - 1)) / (max - 1))];
  return out;
}
