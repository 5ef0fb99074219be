// "Forudsig": type the inputs of a new example and see o = σ(w0 + w1·x1 + …) with the numbers
// put in, and the decision o ≥ 0.5.
import { h, tr } from '../app/dom.ts';
import { inputText, numberInput } from '../app/fields.ts';
import { formatFixed, parseUserNumber, t } from '../app/i18n.ts';
import { texFactor, texFixed, texNumber, typeset } from '../app/math.ts';
import type { NeuronData } from '../data/dataset.ts';
import type { ActivationName } from '../wasm/neuron-types.ts';
import type { NeuronFormulas } from '../wasm/neuron-formulas.ts';

const FUNCTION_TEX: Record<ActivationName, string> = {
  sigmoid: '\\sigma', tanh: '\\tanh', relu: '\\operatorname{ReLU}', identity: '\\operatorname{id}',
};

export class PredictionPanel {
  readonly root: HTMLElement;
  private readonly inputs = h('div', { class: 'predict-inputs' });
  private readonly formula = h('div', { class: 'formula', 'aria-live': 'polite' });
  private readonly decision = h('p', { class: 'decision' });
  private fields: HTMLInputElement[] = [];
  private data: NeuronData | null = null;
  private weights: number[] = [];
  private activation: ActivationName = 'sigmoid';
  private offerWording = false;

  constructor(private readonly formulas: NeuronFormulas, private readonly onAsk: (values: number[]) => void) {
    this.root = h('div', { class: 'predict' }, tr('p', 'predictHelp', { class: 'field-help' }), this.inputs, this.formula, this.decision);
  }

  // offer: the Good Food data, where class 1 means "vis tilbuddet".
  setData(data: NeuronData, ask: number[] | null, offer: boolean): void {
    this.data = data;
    this.offerWording = offer;
    const start = ask && ask.length === data.cols ? ask : this.defaultInputs(data);
    this.fields = data.featureNames.map((_, j) => {
      const input = numberInput(start[j], { name: `ask-${j}` });
      input.addEventListener('input', () => this.render());
      input.addEventListener('change', () => {
        const values = this.values();
        if (values) this.onAsk(values);
      });
      return input;
    });
    this.inputs.replaceChildren(...this.fields.map((input, j) =>
      h('label', { class: 'predict-input' }, h('span', {}, `x${j + 1}: ${data.featureNames[j]}`), input)));
    this.render();
  }

  setModel(weights: number[], activation: ActivationName): void {
    this.weights = weights;
    this.activation = activation;
    this.render();
  }

  refresh(): void {
    const values = this.values();
    if (values) this.fields.forEach((f, j) => { f.value = inputText(values[j]); });
    this.render();
  }

  private values(): number[] | null {
    const values = this.fields.map((f) => parseUserNumber(f.value));
    return values.every((v) => v !== null) ? (values as number[]) : null;
  }

  // Hans from the notes (50 years, 3500 kr) when the data are Good Food; else the mean example.
  private defaultInputs(data: NeuronData): number[] {
    return data.featureNames.map((name, j) => {
      if (/^alder$/i.test(name)) return 50;
      if (/^forbrug$/i.test(name)) return 3500;
      let sum = 0;
      for (let m = 0; m < data.rows; m++) sum += data.x[m * data.cols + j];
      return Math.round((sum / data.rows) * 100) / 100;
    });
  }

  private render(): void {
    const data = this.data;
    const x = this.values();
    if (!data || this.weights.length !== data.cols + 1) return;
    if (!x) {
      this.formula.textContent = '';
      this.decision.textContent = t('predictInvalid');
      return;
    }
    const w = this.weights;
    const out = this.formulas.output(this.activation, w, x);
    if (!out) {  // e.g. an input too large to be a finite number
      this.formula.textContent = '';
      this.decision.textContent = t('predictInvalid');
      return;
    }
    const { z, o } = out;
    const f = FUNCTION_TEX[this.activation];
    const symbolic = ['w_0', ...x.map((_, j) => `w_{${j + 1}}\\cdot x_{${j + 1}}`)].join(' + ');
    const terms = [texNumber(w[0]), ...x.map((xj, j) => `${texFactor(w[j + 1])}\\cdot ${texFactor(xj, 6)}`)];
    // Three terms a line, so that a neuron with many inputs still fits the panel.
    const lines: string[] = [];
    for (let i = 0; i < terms.length; i += 3) lines.push(terms.slice(i, i + 3).join(' + '));
    const numeric = lines.join(' \\\\ &\\qquad + ');
    // One equals sign a line, as the calculation is written by hand.
    typeset(this.formula, `\\begin{aligned} o &= ${f}(${symbolic}) \\\\ &= ${f}(${numeric}) \\\\ ` +
      `&= ${f}(${texNumber(z)}) \\\\ &= ${texFixed(o, 3)} \\end{aligned}`);
    const [zero, one] = data.classLabels;
    const yes = o >= 0.5;
    const text = t(yes ? 'predictYes' : 'predictNo', { o: formatFixed(o, 3), label: `"${yes ? one : zero}"` });
    const offer = this.offerWording ? ' ' + t(yes ? 'predictOffer' : 'predictNoOffer') : '';
    this.decision.textContent = text + offer;
    this.decision.classList.toggle('yes', yes);
  }
}
