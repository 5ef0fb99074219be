// One pair of the toy worked out with today's numbers, as a student would by hand: the softmax
// P(c | w) from the dot products, the pair's share of L, and the update of the focus vector's
// angle with the whole gradient ∂L/∂θ_w (all pairs with w as focus contribute to it).
import { h, tr } from '../app/dom.ts';
import { field } from '../app/fields.ts';
import { renderMath, texFactor, texFixed, texNumber } from '../app/math.ts';
import type { ToyState } from '../wasm/train-protocol.ts';

export class PairFormula {
  readonly root: HTMLElement;
  private readonly select = h('select', { name: 'pair' });
  private readonly softmax = h('div', { class: 'formula', 'data-toy': 'softmax' });
  private readonly term = h('div', { class: 'formula' });
  private readonly update = h('div', { class: 'formula', 'data-toy': 'update' });
  private state: ToyState | null = null;

  constructor(private readonly words: readonly string[], private readonly counts: number[]) {
    const V = words.length;
    for (let w = 0; w < V; w++)
      for (let c = 0; c < V; c++)
        if (counts[w * V + c] > 0) this.select.append(h('option', { value: String(w * V + c) }, `${words[w]} → ${words[c]}`));
    this.select.addEventListener('change', () => this.render());
    this.root = h('div', { class: 'pair-formula' },
      field('toyPair', this.select).root,
      this.softmax, this.term, tr('p', 'toyUpdateHelp', { class: 'field-help' }), this.update);
  }

  show(state: ToyState): void {
    this.state = state;
    this.render();
  }

  private render(): void {
    const s = this.state;
    if (!s) return;
    const V = this.words.length;
    const pair = Number(this.select.value);
    const w = Math.floor(pair / V), c = pair % V;
    const dot = (o: number) => s.scores[w * V + o];  // v_w·k_o, from the core
    const name = (i: number) => `\\text{${this.words[i]}}`;
    // Dot products to two decimals, as on paper (and −0 or 10⁻¹⁶ of rounding noise shown as 0).
    const shown = (o: number) => texFixed(Math.round(dot(o) * 100) / 100 + 0, 2);
    const exps = this.words.map((_, o) => `e^{${shown(o)}}`).join(' + ');
    renderMath(this.softmax, `\\begin{aligned} P(${name(c)} \\mid ${name(w)}) &= \\frac{e^{v_{${name(w)}}\\cdot k_{${name(c)}}}}` +
      `{\\sum_o e^{v_{${name(w)}}\\cdot k_o}} \\\\ &= \\frac{e^{${shown(c)}}}{${exps}} \\\\ &= ${texFixed(s.probabilities[pair], 4)} \\end{aligned}`, true);
    const n = this.counts[pair];
    renderMath(this.term, `-${n}\\cdot\\ln P(${name(c)} \\mid ${name(w)}) = -${n}\\cdot\\ln ${texFixed(s.probabilities[pair], 4)} = ` +
      `${texFixed(s.terms[pair], 4)}`, true);
    const theta = s.focus[w], g = s.gradientFocus[w], next = s.nextFocus[w];
    this.update.dataset.next = String(next);  // the angle after Ét skridt (for tests)
    renderMath(this.update, `\\theta_{${name(w)}} \\leftarrow \\theta_{${name(w)}} - \\eta\\cdot\\frac{\\partial L}{\\partial \\theta_{${name(w)}}}` +
      ` = ${texNumber(theta, 4)} - ${texNumber(s.eta, 3)}\\cdot ${texFactor(g, 4)} = ${texNumber(next, 4)}`, true);
  }
}
