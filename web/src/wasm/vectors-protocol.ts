// Messages between the Ordvektorer page and its worker, which owns the word vectors in wasm.
// Every request carries an id; the answer carries the same id.
import type { VectorStatusName } from '@wasm/word2vec_core.mjs';

export type VectorSource = 'default' | 'own';

export interface VectorsInfo {
  source: VectorSource;
  name: string;   // the file's name (own vectors)
  size: number;   // words
  dim: number;
}

// Why vectors could not be loaded: the core's status, or a step before it.
export type LoadProblemKind = VectorStatusName | 'fetch_failed' | 'gzip_broken' | 'file_too_large' | 'stopped';

export interface LoadProblem {
  kind: LoadProblemKind;
  line: number;    // 1-based, −1 when not known
  vector: number;  // 1-based, −1 when not about one vector
}

export type VectorQuery =
  | { tool: 'neighbours'; word: string; k: number }
  | { tool: 'analogy'; words: [string, string, string]; method: 'add' | 'mul'; k: number }
  | { tool: 'similarity'; words: [string, string] }
  | { tool: 'odd'; words: string[] };

export interface Match {
  word: string;
  score: number;
}

export type PointRole = 'query' | 'answer' | 'sum' | 'odd';

export interface PlotPoint {
  label: string;
  x: number;
  y: number;
  role: PointRole;
}

// An arrow from point `from` to point `to` (indices into points); `kind` groups parallel arrows.
export interface PlotArrow {
  from: number;
  to: number;
  kind: 'difference' | 'offset' | 'gap';
}

export interface Plot {
  points: PlotPoint[];
  arrows: PlotArrow[];
}

export interface UnknownWord {
  word: string;
  suggestions: string[];  // known words spelled most like it
}

export interface QueryAnswer {
  unknown: UnknownWord[];            // non-empty: nothing else was computed
  matches: Match[];                  // neighbours or analogy answers, best first
  similarity: number | null;         // cos of the two words (similarity)
  odd: { index: number; means: number[] } | null;  // the odd one's position and each word's mean cosine
  plot: Plot | null;
  milliseconds: number;              // time the core took
}

// A load's answer: the vectors now in use, or what was wrong (info: the vectors still in use).
export type LoadReply =
  | { type: 'loaded'; info: VectorsInfo; words: string }
  | { type: 'load-failed'; problem: LoadProblem; info: VectorsInfo | null };

export type VectorsRequests = {
  'load-default': { request: { url: string }; reply: LoadReply };
  'load-file': { request: { name: string; file: Blob }; reply: LoadReply };  // the worker reads the file itself
  query: { request: VectorQuery; reply: QueryAnswer };
};
