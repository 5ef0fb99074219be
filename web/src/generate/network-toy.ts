// The course's small network (Sprogmodeller del 4, "Et lille neuralt netværk"): "en kat" as the
// stacked vectors x = (v_en; v_kat), two hidden sigmoid neurons and two candidates, spinder and
// danser. Every number can be edited; the worker's core recomputes a, h, y and z, shown step by
// step with the numbers of now.
import { h, tr } from '../app/dom.ts';
import { inputText } from '../app/fields.ts';
import { formatFixed, parseUserNumber, t } from '../app/i18n.ts';
import { texNumber, typeset } from '../app/math.ts';
import type { NetworkSteps } from '@wasm/language_core.mjs';

// The exercise's numbers (typed in from the course's text).
const X = [1, -2, 3, 0];
const W = [[1, 0, 1, 1, 5], [2, 4, 2, -1, 3]];
const U = [[0.5, 1, 2], [0.2, 0, -4]];
const CANDIDATES = ['spinder', 'danser'];

export class NetworkToy {
  readonly root: HTMLElement;
  private readonly x: HTMLInputElement[];
  private readonly w: HTMLInputElement[][];
  private readonly u: HTMLInputElement[][];
  private readonly steps = h('div', { class: 'formula network-steps', 'data-network': 'steps' });
  private readonly result = h('p', { class: 'network-result', 'data-network': 'result', role: 'status' });
  private readonly error = h('p', { class: 'field-error', role: 'alert', hidden: true });
  private last: NetworkSteps | null = null;

  constructor(private readonly compute: (x: number[], w: number[], u: number[]) => Promise<NetworkSteps>) {
    const input = (value: number, label: string) => {
      const box = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', class: 'network-number',
        'aria-label': label });
      box.value = inputText(value);
      box.addEventListener('input', () => void this.recompute());
      return box;
    };
    this.x = X.map((v, k) => input(v, `x${k + 1}`));
    this.w = W.map((row, j) => row.map((v, k) => input(v, `w${j + 1},${k}`)));
    this.u = U.map((row, i) => row.map((v, j) => input(v, `u${i + 1},${j}`)));
    const grid = (rows: HTMLInputElement[][], name: string) => h('table', { class: 'network-grid' },
      h('tbody', {}, ...rows.map((row, r) => h('tr', {}, h('th', { scope: 'row' }, `${name}${r + 1}`),
        ...row.map((box) => h('td', {}, box))))));
    this.root = h('div', { class: 'network-toy' },
      tr('p', 'generateNetworkHelp', { class: 'field-help' }),
      h('div', { class: 'network-inputs' },
        h('div', {}, tr('h3', 'generateNetworkX'), h('div', { class: 'network-x' }, ...this.x)),
        h('div', {}, tr('h3', 'generateNetworkW'), grid(this.w, 'w')),
        h('div', {}, tr('h3', 'generateNetworkU'), grid(this.u, 'u'))),
      this.error, this.steps, this.result);
  }

  async recompute(): Promise<void> {
    const read = (boxes: HTMLInputElement[]) => boxes.map((b) => parseUserNumber(b.value));
    const x = read(this.x), w = this.w.flatMap(read), u = this.u.flatMap(read);
    const all = [...x, ...w, ...u];
    if (all.some((v) => v === null)) {
      this.error.hidden = false;
      this.error.textContent = t('generateNetworkInvalid');
      return;  // the steps of the last good numbers stay
    }
    const steps = await this.compute(x as number[], w as number[], u as number[]);
    if (steps.status !== 'ok') {
      this.error.hidden = false;
      this.error.textContent = t('generateNetworkInvalid');
      return;
    }
    this.error.hidden = true;
    this.last = steps;
    this.render();
  }

  render(): void {
    const s = this.last;
    if (!s || s.status !== 'ok') return;
    const n = (v: number) => texNumber(v, 4);
    const a = Array.from(s.a), hs = Array.from(s.h), y = Array.from(s.y), z = Array.from(s.z);
    const lines = [
      ...a.map((v, j) => `a_${j + 1} &= w_{${j + 1},0} + \\textstyle\\sum_k w_{${j + 1},k}\\, x_k = ${n(v)}`),
      ...hs.map((v, j) => `h_${j + 1} &= \\sigma(a_${j + 1}) = ${n(v)}`),
      ...y.map((v, i) => `y_{\\text{${CANDIDATES[i] ?? i + 1}}} &= u_{${i + 1},0} + \\textstyle\\sum_j u_{${i + 1},j}\\, h_j = ${n(v)}`),
      ...z.map((v, i) => `z_{\\text{${CANDIDATES[i] ?? i + 1}}} &= \\frac{e^{y_{${i + 1}}}}{e^{y_1} + e^{y_2}} = ${n(v)}`),
    ];
    typeset(this.steps, `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`);
    this.result.textContent = t('generateNetworkResult', { p: formatFixed(z[0], 4) });
  }
}
