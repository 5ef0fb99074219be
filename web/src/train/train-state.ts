// The "Træn word2vec" page's settings in the URL (page=train). For now the course's toy: the
// angles of the vectors (after a drag or descent, so a link shows the same picture) and η.
import { numberList, positive, type Read } from '../app/url-values.ts';

export const TRAIN_CONTROLS = ['descent', 'table', 'formula'] as const;

export interface TrainPageState {
  eta: number;                       // step size of the descent along the circle
  angles: number[] | null;           // 10 angles in degrees: v of each word, then k; null: the exercise's start
}

export function defaultTrainState(): TrainPageState {
  return { eta: 0.05, angles: null };
}

export function readTrainState(read: Read, s: TrainPageState): void {
  read('eta', (v) => {
    const x = positive(v);
    return x !== null && x <= 10 && ((s.eta = x), true);
  });
  read('angles', (v) => {
    const list = numberList(v);
    return list !== null && list.length === 10 && ((s.angles = list), true);
  });
}

export function writeTrainState(params: URLSearchParams, s: TrainPageState): void {
  const d = defaultTrainState();
  if (s.eta !== d.eta) params.set('eta', String(s.eta));
  if (s.angles) params.set('angles', s.angles.map((a) => String(Math.round(a * 10) / 10)).join(','));
}
