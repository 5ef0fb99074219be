// One pair of a text's training worked out with today's numbers: for negative sampling
// ln σ(v·k_c) + Σ ln σ(−v·k_j) term by term and a table of the drawn words, for the full softmax
// P(c | w); then the gradient ∂L/∂v and the update v ← v − η·∂L/∂v that "Ét skridt" takes.
import type { PairWork } from '@wasm/word2vec_core.mjs';
import { h, scrollBox, tr } from '../app/dom.ts';
import { field } from '../app/fields.ts';
import { formatCount, formatFixed, formatNumber, t } from '../app/i18n.ts';
import { MathSlots } from '../app/math-blocks.ts';
import { texFactor, texNumber } from '../app/math.ts';
import type { CorpusState } from '../wasm/train-protocol.ts';

const SHOWN_COMPONENTS = 3;  // a longer vector is shown by its first two numbers and …
const SHOWN_TERMS = 4;       // terms of a sum written out: the first three, then ⋯

const name = (word: string) => `\\text{${word.replace(/[\\{}$&#^_%~]/g, '')}}`;

// (0{,}12;\ -0{,}5;\ \ldots) — the vector's numbers, as a column would not fit a phone.
function texVector(x: ArrayLike<number>): string {
  const all = Array.from(x);
  const shown = all.length <= SHOWN_COMPONENTS ? all : all.slice(0, SHOWN_COMPONENTS - 1);
  const parts = shown.map((c) => texNumber(c, 3));
  if (shown.length < all.length) parts.push('\\ldots');
  return `(${parts.join(';\\ ')})`;
}

// a + b + ⋯ of at most SHOWN_TERMS terms.
function texSum(terms: string[]): string {
  return terms.length <= SHOWN_TERMS ? terms.join(' + ') : `${terms.slice(0, SHOWN_TERMS - 1).join(' + ')} + \\cdots`;
}

export class CorpusPair {
  readonly root: HTMLElement;
  private readonly focusInput = h('input', { type: 'text', name: 'pair-focus', autocomplete: 'off', spellcheck: 'false' });
  private readonly contextInput = h('input', { type: 'text', name: 'pair-context', autocomplete: 'off', spellcheck: 'false' });
  private readonly note = h('p', { class: 'field-help', 'data-pair': 'note' });
  private readonly objective = h('div', { class: 'formula', 'data-pair': 'objective' });
  private readonly table = h('table', { class: 'pair-targets', 'data-pair': 'targets' });
  private readonly tableBox = scrollBox(this.table, 'corpusPairTitle');
  private readonly gradient = h('div', { class: 'formula', 'data-pair': 'gradient' });
  private readonly update = h('div', { class: 'formula', 'data-pair': 'update' });
  private readonly after = h('p', { class: 'run-status', 'data-pair': 'after' });
  private readonly details: HTMLElement;
  private readonly math = new MathSlots(() => [this.objective, this.gradient, this.update]);
  private state: CorpusState | null = null;

  // startEta: η at the start of training (the settings'), to tell when the linear decay has made η tiny.
  constructor(pair: [string, string], private readonly choose: (pair: [string, string]) => void,
    private readonly startEta: () => number) {
    [this.focusInput.value, this.contextInput.value] = pair;
    for (const input of [this.focusInput, this.contextInput]) {
      input.addEventListener('change', () => {
        const words = [this.focusInput, this.contextInput].map((i) => i.value.trim().toLocaleLowerCase('da'));
        if (words.every(Boolean)) this.choose([words[0], words[1]]);
      });
    }
    this.details = h('div', {}, this.objective, this.tableBox, this.gradient, this.update, this.after);
    this.root = h('div', { class: 'corpus-pair', 'data-corpus': 'pair' },
      tr('h3', 'corpusPairTitle'), tr('p', 'corpusPairHelp', { class: 'field-help' }),
      h('div', { class: 'formula-choice' }, field('corpusPairFocus', this.focusInput).root, field('corpusPairContext', this.contextInput).root),
      this.note, this.details);
    this.show(null);
  }

  // The pair's numbers for `state`; its formulas are typeset by typesetStep(), one a call.
  show(state: CorpusState | null): void {
    this.state = state;
    const pair = state?.pair ?? null;
    this.details.hidden = pair === null;
    if (!pair) {
      this.note.textContent = t(state ? 'corpusPairNone' : 'corpusPairWaiting');
      return;
    }
    const w = pair.work;
    const softmax = w.softmax;
    const notes = [t(softmax ? 'corpusPairAboutSoftmax' : 'corpusPairAboutNegative')];
    if (pair.status === 'first_pair') notes.unshift(t('corpusPairFirst', { focus: this.focusInput.value, context: this.contextInput.value, pair: `${w.focus} → ${w.context}` }));
    if (w.input !== w.focus) notes.push(t('corpusPairCbow'));
    if (w.gradient.every((g) => g === 0)) notes.push(t('corpusPairZeroContext'));
    if (w.eta < 0.01 * this.startEta()) notes.push(t('corpusPairSmallEta'));
    this.note.textContent = notes.join(' ');
    const v = `v_{${name(w.input)}}`;
    const objective = softmax ? this.showSoftmax(w, v) : this.showNegative(w, v);
    const gradientSum = softmax ? `\\sum_o P(o \\mid ${name(w.input)})\\, k_o - k_{${name(w.target)}}`
      : '\\sum_j \\big(\\sigma(v\\cdot k_j) - t_j\\big)\\, k_j';
    // A line for each equals sign: the formulas must fit a phone.
    this.math.set([objective,
      `\\begin{aligned} \\frac{\\partial L}{\\partial ${v}} &= ${gradientSum} \\\\ &= ${texVector(w.gradient)} \\end{aligned}`,
      `\\begin{aligned} ${v} &\\leftarrow ${v} - \\eta\\cdot\\frac{\\partial L}{\\partial ${v}} \\\\ ` +
      `&= ${texVector(w.v)} - ${texFactor(w.eta, 3)}\\cdot ${texVector(w.gradient)} \\\\ &= ${texVector(w.vAfter)} \\end{aligned}`]);
    this.update.dataset.v = Array.from(w.v).join(' ');  // v now and where Ét skridt puts it (for tests)
    this.update.dataset.next = Array.from(w.vAfter).join(' ');
    this.after.textContent = t('corpusPairAfter', { now: formatFixed(w.loss, 4), after: formatFixed(w.lossAfter, 4),
      steps: formatCount(state!.pairSteps) });
    this.after.dataset.loss = String(w.loss);
  }

  // Typesets the next of the pair's formulas that changed; true while more wait.
  typesetStep(): boolean {
    return this.math.step();
  }

  // ln σ(v·k_c) + Σ_j ln σ(−v·k_j), term by term (its TeX), and the table of the real and the drawn words.
  private showNegative(w: PairWork, v: string): string {
    const scores = Array.from(w.scores);
    const logs = Array.from(w.terms, (term) => -term);  // ln σ(±v·k), from the core
    const sigmaTerms = scores.map((s, j) => `\\ln\\sigma(${j === 0 ? texNumber(s, 3) : texNumber(-s, 3)})`);
    const tex = `\\begin{aligned} &\\ln\\sigma(${v}\\cdot k_{${name(w.target)}}) + \\sum_{j=1}^{${w.negatives.length}} ` +
      `\\ln\\sigma(-${v}\\cdot k_j) \\\\ &= ${texSum(sigmaTerms)} \\\\ &= ${texSum(logs.map((x) => texFactor(x, 3)))} ` +
      `\\\\ &= ${texNumber(-w.loss, 4)} \\\\ &L = ${texNumber(w.loss, 4)} \\end{aligned}`;
    this.tableBox.hidden = false;
    const words = [w.target, ...w.negatives];
    this.table.replaceChildren(
      h('thead', {}, h('tr', {}, tr('th', 'corpusPairWord'), h('th', { class: 'num' }, 't'), h('th', { class: 'num' }, 'v·k'),
        h('th', { class: 'num' }, 'σ(v·k)'), h('th', { class: 'num' }, 'σ(v·k) − t'))),
      h('tbody', {}, ...words.map((word, j) => h('tr', { class: j === 0 ? 'seen' : undefined },
        h('td', {}, word), h('td', { class: 'num' }, j === 0 ? '1' : '0'),
        h('td', { class: 'num' }, formatNumber(scores[j], 3)),
        h('td', { class: 'num' }, formatFixed(w.predicted[j], 3)),
        h('td', { class: 'num' }, formatFixed(w.slopes[j], 3))))));
    return tex;
  }

  // P(c | w) = e^(v·k_c) / Σ_o e^(v·k_o) with the sum's first terms and its value (its TeX).
  private showSoftmax(w: PairWork, v: string): string {
    const scores = Array.from(w.scores);
    const c = w.targetIndex;
    const exps = scores.map((s) => `e^{${texNumber(s, 3)}}`);
    this.tableBox.hidden = true;
    return `\\begin{aligned} P(${name(w.target)} \\mid ${name(w.input)}) &= \\frac{e^{${v}\\cdot k_{${name(w.target)}}}}` +
      `{\\sum_o e^{${v}\\cdot k_o}} = \\frac{e^{${texNumber(scores[c], 3)}}}{${texSum(exps)}} \\\\ ` +
      `&= \\frac{${texNumber(w.expTarget, 4)}}{${texNumber(w.expSum, 4)}} = ${texNumber(w.probability, 4)} \\\\ ` +
      `L &= -\\ln P = ${texNumber(w.loss, 4)} \\end{aligned}`;
  }

  setPair(pair: [string, string]): void {
    [this.focusInput.value, this.contextInput.value] = pair;
  }

  refresh(): void {
    this.show(this.state);
  }
}
