// Answers the page's questions from word vectors held by the wasm core: looks the words up (with
// spelling suggestions for unknown ones), asks the core, and lays out the 2-D picture. Runs in the
// vectors worker; kept free of worker code so node tests can drive it with the wasm module.
import type { Vectors } from '@wasm/word2vec_core.mjs';
import type { Match, Plot, PlotArrow, PlotPoint, PointRole, QueryAnswer, UnknownWord, VectorQuery } from '../wasm/vectors-protocol.ts';
import { closestSpellings } from './spelling.ts';

const PLOT_NEIGHBOURS = 10;      // answers drawn around a word
const SIMILARITY_NEIGHBOURS = 4; // neighbours drawn around each of two compared words

export function normaliseWord(word: string): string {
  return word.trim().toLocaleLowerCase('da');
}

export class QueryEngine {
  constructor(private readonly vectors: Vectors, private readonly words: readonly string[]) {}

  answer(query: VectorQuery): QueryAnswer {
    const began = performance.now();
    const asked = query.tool === 'neighbours' ? [query.word] : query.words;
    const indices = asked.map((w) => this.find(w));
    const unknown: UnknownWord[] = asked.filter((_, i) => indices[i] < 0).map((w) => ({
      word: normaliseWord(w), suggestions: closestSpellings(normaliseWord(w), this.words) }));
    const answer: QueryAnswer = { unknown, matches: [], similarity: null, odd: null, plot: null, milliseconds: 0 };
    if (unknown.length === 0) {
      if (query.tool === 'neighbours') this.neighbours(indices[0], query.k, answer);
      else if (query.tool === 'analogy') this.analogy(indices as [number, number, number], query.method, query.k, answer);
      else if (query.tool === 'similarity') this.similarity(indices[0], indices[1], answer);
      else this.odd(indices, answer);
    }
    answer.milliseconds = performance.now() - began;
    return answer;
  }

  // As typed, in lower case, or capitalised (own vectors may keep "København"; links are lower case).
  private find(word: string): number {
    const lower = normaliseWord(word);
    for (const form of [word.trim(), lower, lower.charAt(0).toLocaleUpperCase('da') + lower.slice(1)]) {
      const index = this.vectors.find(form);
      if (index >= 0) return index;
    }
    return -1;
  }

  private matches(found: { indices: Int32Array; scores: Float32Array }): Match[] {
    return Array.from(found.indices, (index, i) => ({ word: this.vectors.word(index), score: found.scores[i] }));
  }

  private neighbours(word: number, k: number, answer: QueryAnswer): void {
    const found = this.vectors.neighbours(word, k);
    answer.matches = this.matches(found);
    const around = Array.from(found.indices).slice(0, PLOT_NEIGHBOURS);
    answer.plot = this.picture([word, ...around], ['query', ...around.map((): PointRole => 'answer')]);
  }

  // a − b + c: the parallelogram b → a, c → a − b + c (the same difference), and the answer d.
  private analogy([a, b, c]: [number, number, number], method: 'add' | 'mul', k: number, answer: QueryAnswer): void {
    const found = this.vectors.analogy(a, b, c, k, method === 'mul' ? 1 : 0);
    answer.matches = this.matches(found);
    const va = this.vectors.vector(a), vb = this.vectors.vector(b), vc = this.vectors.vector(c);
    const sum = va.map((x, i) => x - vb[i] + vc[i]);  // (dim) â − b̂ + ĉ, as the core compares with
    const words = [b, a, c];
    const roles: PointRole[] = ['query', 'query', 'query'];
    if (found.indices.length > 0) {
      words.push(found.indices[0]);
      roles.push('answer');
    }
    const plot = this.picture(words, roles, sum);
    if (plot) {
      const sumAt = plot.points.length - 1;
      plot.points[sumAt].label = `${this.vectors.word(a)} − ${this.vectors.word(b)} + ${this.vectors.word(c)}`;
      const arrows: PlotArrow[] = [
        { from: 0, to: 1, kind: 'difference' },      // b → a
        { from: 2, to: sumAt, kind: 'difference' },  // c → a − b + c: the same vector
        { from: 0, to: 2, kind: 'offset' },          // b → c
        { from: 1, to: sumAt, kind: 'offset' },      // a → a − b + c
      ];
      if (found.indices.length > 0) arrows.push({ from: sumAt, to: 3, kind: 'gap' });
      plot.arrows = arrows;
    }
    answer.plot = plot;
  }

  private similarity(a: number, b: number, answer: QueryAnswer): void {
    answer.similarity = this.vectors.similarity(a, b);
    const near = (w: number, other: number) =>
      Array.from(this.vectors.neighbours(w, SIMILARITY_NEIGHBOURS + 1).indices).filter((n) => n !== other).slice(0, SIMILARITY_NEIGHBOURS);
    const around = [...new Set([...near(a, b), ...near(b, a)])].filter((w) => w !== a && w !== b);
    answer.plot = this.picture([a, b, ...around], ['query', 'query', ...around.map((): PointRole => 'answer')]);
    if (answer.plot) answer.plot.arrows = [{ from: 0, to: 1, kind: 'gap' }];
  }

  private odd(words: number[], answer: QueryAnswer): void {
    const result = this.vectors.oddOneOut(words);
    answer.odd = { index: result.index, means: Array.from(result.means) };
    answer.plot = this.picture(words, words.map((_, i): PointRole => (i === result.index ? 'odd' : 'query')));
  }

  // A picture of chosen words (those the vectors know), e.g. while training.
  wordsPicture(words: string[]): Plot | null {
    const indices = words.map((w) => this.find(w)).filter((i) => i >= 0);
    return this.picture(indices, indices.map((): PointRole => 'query'));
  }

  // The k nearest neighbours of a word, or null when the vectors do not know it.
  neighboursOf(word: string, k: number): Match[] | null {
    const index = this.find(word);
    return index < 0 ? null : this.matches(this.vectors.neighbours(index, k));
  }

  // PCA of the words' vectors (and an extra point), computed in the core.
  private picture(words: number[], roles: PointRole[], extra?: Float32Array): Plot | null {
    const unique = words.filter((w, i) => words.indexOf(w) === i);
    if (unique.length + (extra ? 1 : 0) < 2) return null;
    const xy = this.vectors.pca(unique, extra ?? []);
    const points: PlotPoint[] = unique.map((w, i) => ({ label: this.vectors.word(w), x: xy[2 * i], y: xy[2 * i + 1],
      role: roles[words.indexOf(w)] }));
    if (extra) points.push({ label: '', x: xy[2 * unique.length], y: xy[2 * unique.length + 1], role: 'sum' });
    return { points, arrows: [] };
  }
}
