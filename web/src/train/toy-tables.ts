// The numbers behind L for the toy: the loss written out as the course writes it, a term for each
// observed (focus, context) pair with its count, and the table of P(context | focus).
import { h, tr } from '../app/dom.ts';
import { formatFixed } from '../app/i18n.ts';
import type { ToyState } from '../wasm/train-protocol.ts';

export class ToyTables {
  readonly terms = h('table', { class: 'toy-terms' });
  readonly probabilities = h('table', { class: 'toy-probabilities' });

  constructor(private readonly words: readonly string[], private readonly counts: number[]) {}

  show(state: ToyState): void {
    const V = this.words.length;
    const rows: HTMLElement[] = [];
    for (let w = 0; w < V; w++) {
      for (let c = 0; c < V; c++) {
        const n = this.counts[w * V + c];
        if (n === 0) continue;
        const p = state.probabilities[w * V + c];
        const term = state.terms[w * V + c];  // n·(−ln P), from the core
        rows.push(h('tr', {},
          h('td', {}, `−${n}·ln P(${this.words[c]} | ${this.words[w]})`),
          h('td', { class: 'num' }, formatFixed(p, 4)),
          h('td', { class: 'num' }, formatFixed(term, 4))));
      }
    }
    this.terms.replaceChildren(
      h('thead', {}, h('tr', {}, tr('th', 'toyTerm'), h('th', { class: 'num' }, 'P'), tr('th', 'toyTermValue', { class: 'num' }))),
      h('tbody', {}, ...rows),
      h('tfoot', {}, h('tr', {}, h('th', {}, 'L'), h('td', {}), h('th', { class: 'num', 'data-toy': 'sum' }, formatFixed(state.loss, 4)))));
    fillProbabilityTable(this.probabilities, this.words, state.probabilities, (w, c) => this.counts[w * V + c] > 0);
  }
}

// The softmax table P(context | focus), a row per focus word; `seen` marks pairs the text has.
export function fillProbabilityTable(table: HTMLTableElement, words: readonly string[], probabilities: number[],
  seen: (focus: number, context: number) => boolean = () => false): void {
  const V = words.length;
  table.replaceChildren(
    h('thead', {}, h('tr', {}, tr('th', 'toyFocusContext'), ...words.map((c) => h('th', { class: 'num' }, c)))),
    h('tbody', {}, ...words.map((w, i) => h('tr', {}, h('th', {}, w),
      ...words.map((_, c) => h('td', { class: seen(i, c) ? 'num seen' : 'num' }, formatFixed(probabilities[i * V + c], 3)))))));
}
