// Reading and writing single values of the URL state, shared by the pages' own state modules.
import type { LossName, StartWeights } from '../wasm/neuron-types.ts';

// A URL value that could not be used: the page says so and uses the default instead.
export interface UrlProblem {
  key: string;
  value: string;
}

// Reads `key` when present; a value the reader refuses becomes a UrlProblem.
export type Read = (key: string, reader: (value: string) => boolean) => void;

// Iterations per second of the speed slider; Infinity is "as fast as possible".
export const SPEEDS = [1, 5, 25, 100, 500, 2500, 10000, 50000, Infinity] as const;
export const MAX_ITERATIONS = 10_000_000;

export const LOSS_CODES: Record<string, LossName> = { se: 'squared', ce: 'cross_entropy' };

export const codeOf = <T>(table: Record<string, T>, value: T) =>
  Object.keys(table).find((k) => table[k] === value)!;

export function finite(text: string): number | null {
  if (text.trim() === '') return null;
  const x = Number(text);
  return Number.isFinite(x) ? x : null;
}

export function numberList(text: string): number[] | null {
  const parts = text.split(',').map(finite);
  return parts.every((x) => x !== null) ? (parts as number[]) : null;
}

export function positive(text: string): number | null {
  const x = finite(text);
  return x !== null && x > 0 ? x : null;
}

export function iterationCount(text: string): number | null {
  const x = finite(text);
  return x !== null && Number.isInteger(x) && x >= 1 && x <= MAX_ITERATIONS ? x : null;
}

export function speed(text: string): number | null {
  const x = text === 'max' ? Infinity : finite(text);
  return x !== null && SPEEDS.includes(x as (typeof SPEEDS)[number]) ? x : null;
}

export function formatSpeed(x: number): string {
  return Number.isFinite(x) ? String(x) : 'max';
}

// w=0 (all equal), w=random or w=random:0.5 (uniform in ±0.5), w=-0.298,-0.0375,0.000769 (given).
// Start weights beyond this make E overflow before the first step, and the message would blame η.
export const MAX_START_WEIGHT = 1e6;
export const startWeightFits = (w: number) => Math.abs(w) <= MAX_START_WEIGHT;

export function parseStart(text: string): StartWeights | null {
  const random = /^random(?::(.+))?$/.exec(text);
  if (random) {
    const spread = random[1] === undefined ? 1 : finite(random[1]);
    return spread !== null && spread > 0 && startWeightFits(spread) ? { kind: 'random', value: spread } : null;
  }
  const list = numberList(text);
  if (!list || !list.every(startWeightFits)) return null;
  return list.length === 1 ? { kind: 'constant', value: list[0] } : { kind: 'given', weights: list };
}

export function formatStart(start: StartWeights): string {
  if (start.kind === 'random') return start.value === 1 ? 'random' : `random:${start.value}`;
  if (start.kind === 'constant') return String(start.value);
  return start.weights.join(',');
}
