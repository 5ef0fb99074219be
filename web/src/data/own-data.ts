// The user's own data, handed from the neuron page to the race page in the same browser tab.
// sessionStorage: it stays in this tab, is gone when the tab closes, and never leaves the machine.
import type { NeuronData } from './dataset.ts';

const KEY = 'ai-vaerkstedet:own-data';

interface Stored {
  name: string;
  featureNames: string[];
  targetName: string;
  rows: number;
  cols: number;
  x: number[];
  t: number[];
  classLabels: [string, string];
}

export interface OwnData {
  name: string;  // the file's name
  data: NeuronData;
}

// What is stored, as text: made in the table worker for a large file (100 000 rows take ~50 ms),
// so that the page only hands it to sessionStorage.
export function ownDataText(name: string, data: NeuronData): string {
  const stored: Stored = { name, featureNames: data.featureNames, targetName: data.targetName, rows: data.rows,
    cols: data.cols, x: Array.from(data.x), t: Array.from(data.t), classLabels: data.classLabels };
  return JSON.stringify(stored);
}

// False when the browser refuses (storage full or switched off); the race page then has no own data.
export function saveOwnData(name: string, data: NeuronData): boolean {
  return saveOwnDataText(ownDataText(name, data));
}

export function saveOwnDataText(text: string): boolean {
  try {
    sessionStorage.setItem(KEY, text);
    return true;
  } catch {
    return false;
  }
}

// True when nothing is kept any more (also when the browser never let us keep anything).
export function forgetOwnData(): boolean {
  try {
    sessionStorage.removeItem(KEY);
    return true;
  } catch {
    return true;  // storage refused: nothing was kept
  }
}

export function loadOwnData(): OwnData | null {
  try {
    const text = sessionStorage.getItem(KEY);
    if (!text) return null;
    const s = JSON.parse(text) as Stored;
    if (s.x.length !== s.rows * s.cols || s.t.length !== s.rows) return null;
    return { name: s.name, data: { featureNames: s.featureNames, targetName: s.targetName, rows: s.rows, cols: s.cols,
      x: Float64Array.from(s.x), t: Float64Array.from(s.t), classLabels: s.classLabels } };
  } catch {
    return null;
  }
}
