// The "Ordvektorer" page's question in the URL (page=vectors), so that a teacher can link or embed
// exactly the view a class is looking at.
import type { Read } from '../app/url-values.ts';
import type { PageUrlState } from '../app/page-entry.ts';

export const VECTOR_TOOLS = ['neighbours', 'analogy', 'similarity', 'odd'] as const;
export type VectorTool = (typeof VECTOR_TOOLS)[number];

// Control groups a teacher can hide in an embedded page (hide=…).
export const VECTOR_CONTROLS = ['tools', 'gallery', 'plot', 'load'] as const;

export interface VectorsPageState {
  tool: VectorTool;
  word: string;                       // neighbours of (w=)
  analogy: [string, string, string];  // a − b + c (a=konge,mand,kvinde)
  pair: [string, string];             // similarity of (sim=hund,kat)
  odd: string[];                      // the odd one out among (odd=hund,kat,ko,stol)
  method: 'add' | 'mul';              // 3CosAdd or 3CosMul for analogies
  k: number;                          // how many answers
  from: 'train' | null;               // from=train: open the vectors just trained on the training page
}

export function defaultVectorsState(): VectorsPageState {
  return { tool: 'analogy', word: 'hund', analogy: ['konge', 'mand', 'kvinde'], pair: ['hund', 'kat'],
    odd: ['hund', 'kat', 'ko', 'stol'], method: 'add', k: 10, from: null };
}

// Words in a link: lower case, without spaces; empty entries are not words.
function words(text: string, count?: number): string[] | null {
  const list = text.split(',').map((w) => w.trim().toLocaleLowerCase('da')).filter(Boolean);
  return list.length === 0 || (count !== undefined && list.length !== count) ? null : list;
}

export function readVectorsState(read: Read, v: VectorsPageState): void {
  read('tool', (x) => (VECTOR_TOOLS as readonly string[]).includes(x) && ((v.tool = x as VectorTool), true));
  read('w', (x) => {
    const list = words(x, 1);
    return list !== null && ((v.word = list[0]), true);
  });
  read('a', (x) => {
    const list = words(x, 3);
    return list !== null && ((v.analogy = list as [string, string, string]), true);
  });
  read('sim', (x) => {
    const list = words(x, 2);
    return list !== null && ((v.pair = list as [string, string]), true);
  });
  read('odd', (x) => {
    const list = words(x);
    return list !== null && list.length >= 3 && list.length <= 12 && ((v.odd = list), true);
  });
  read('from', (x) => x === 'train' && ((v.from = 'train'), true));
  read('method', (x) => (x === 'add' || x === 'mul') && ((v.method = x), true));
  read('k', (x) => {
    const n = Number(x);
    return Number.isInteger(n) && n >= 1 && n <= 50 && ((v.k = n), true);
  });
}

export function writeVectorsState(params: URLSearchParams, v: VectorsPageState): void {
  const d = defaultVectorsState();
  if (v.tool !== d.tool) params.set('tool', v.tool);
  if (v.word !== d.word) params.set('w', v.word);
  if (v.analogy.join() !== d.analogy.join()) params.set('a', v.analogy.join(','));
  if (v.pair.join() !== d.pair.join()) params.set('sim', v.pair.join(','));
  if (v.odd.join() !== d.odd.join()) params.set('odd', v.odd.join(','));
  if (v.method !== d.method) params.set('method', v.method);
  if (v.k !== d.k) params.set('k', String(v.k));
  if (v.from) params.set('from', v.from);
}

// This page's part of the app's state (store.state.vectors) and of its address.
declare module '../app/url-state.ts' {
  interface PageStates { vectors: VectorsPageState }
}

export const VECTORS_URL: PageUrlState<VectorsPageState> = { defaults: defaultVectorsState, read: readVectorsState, write: writeVectorsState, controls: VECTOR_CONTROLS };
