// "Formler med tal": for one example and one loss, every step of one update written out with
// today's numbers — z, o, E, each ∂E/∂wᵢ (this example's share and the sum over all examples)
// and the update wᵢ ← wᵢ − η·∂E/∂wᵢ with its result, which is the next row of the table.
import { h, options, tr } from '../app/dom.ts';
import { t } from '../app/i18n.ts';
import { MathBlocks } from '../app/math-blocks.ts';
import { texFactor, texNumber } from '../app/math.ts';
import type { NeuronData } from '../data/dataset.ts';
import type { ExampleNumbers, NeuronFormulas } from '../wasm/neuron-formulas.ts';
import type { LaneSnapshot } from '../wasm/neuron-protocol.ts';
import type { LossName } from '../wasm/neuron-types.ts';
import { describeInputs, LANE_LOSSES } from './compare-panel.ts';
import { standardized } from './lane-facts.ts';

const WORST = 'worst';
const DIGITS = 5;  // as in the iteration table, so the same numbers read the same

export interface FormulaChoice {
  example: number | null;  // null: the example the chosen neuron is most wrong about
  loss: LossName;
}

export class FormulaPanel {
  readonly root: HTMLElement;
  readonly exampleSelect = h('select', { name: 'formula-example' });
  private readonly lossSelect = h('select', { name: 'formula-loss' });
  private readonly scaledNote = tr('p', 'formulaScaled', { class: 'field-help', hidden: true });
  private readonly formula = h('div', { class: 'formula formula-live', 'aria-live': 'off' });
  private readonly totalNote = h('p', { class: 'field-help', hidden: true });
  private data: NeuronData | null = null;
  private readonly blocks: MathBlocks;

  constructor(private readonly formulas: NeuronFormulas, private choice: FormulaChoice, private readonly onChoice: (choice: FormulaChoice) => void) {
    options(this.lossSelect, [['squared', 'laneSquared'], ['cross_entropy', 'laneCrossEntropy']]);
    this.lossSelect.value = choice.loss;
    const change = () => {
      this.choice = { example: this.exampleSelect.value === WORST ? null : Number(this.exampleSelect.value),
        loss: this.lossSelect.value as LossName };
      this.onChoice(this.choice);
    };
    this.exampleSelect.addEventListener('change', change);
    this.lossSelect.addEventListener('change', change);
    this.root = h('div', { class: 'formula-panel' },
      h('div', { class: 'formula-choice' },
        h('label', { class: 'field' }, tr('span', 'formulaExample', { class: 'label' }), this.exampleSelect),
        h('label', { class: 'field' }, tr('span', 'formulaLoss', { class: 'label' }), this.lossSelect)),
      this.scaledNote, this.formula, this.totalNote);
    this.blocks = new MathBlocks(this.formula);
  }

  // Offers every example by number (up to 200; beyond that only the one worst off).
  setData(data: NeuronData): void {
    this.data = data;
    const worst = h('option', { value: WORST }, t('formulaWorst'));
    const list = data.rows <= 200 ? Array.from({ length: data.rows }, (_, m) => h('option', { value: m },
      t('formulaExampleOption', { m: m + 1, inputs: describeInputs(data, Array.from(data.x.subarray(m * data.cols, (m + 1) * data.cols))),
        t: data.t[m] }))) : [];
    this.exampleSelect.replaceChildren(worst, ...list);
    const valid = this.choice.example !== null && this.choice.example < data.rows && data.rows <= 200;
    this.exampleSelect.value = valid ? String(this.choice.example) : WORST;
  }

  show(lanes: LaneSnapshot[], eta: number): void {
    const data = this.data;
    if (!data || lanes.length !== 2) return;
    const lane = lanes[LANE_LOSSES.indexOf(this.choice.loss)];
    const index = this.exampleSelect.value === WORST ? Math.max(0, lane.worst.index) : Number(this.exampleSelect.value);
    const e = this.formulas.example(data, lane, index, this.choice.loss, eta);
    if (!e) return;
    const scaled = standardized(lane);
    this.scaledNote.hidden = !scaled;
    this.blocks.set(updateTex(e, lane, this.choice.loss, eta, scaled, data.rows));
    this.totalNote.hidden = data.rows < 2;
    this.totalNote.textContent = t('formulaTotalNote', { m: data.rows });
  }

  // Typesets the next part of the formulas shown; true while more parts wait (see MathBlocks).
  typesetStep(): boolean {
    return this.blocks.step();
  }

  refresh(): void {
    if (this.data) this.setData(this.data);
    options(this.lossSelect, [['squared', 'laneSquared'], ['cross_entropy', 'laneCrossEntropy']]);
    this.lossSelect.value = this.choice.loss;
  }
}

// One update as aligned blocks: z, o and E first, then one block per weight. With standardisation,
// inputs and weights wear a tilde.
function updateTex(e: ExampleNumbers, lane: LaneSnapshot, loss: LossName, eta: number, scaled: boolean, examples: number): string[] {
  const w = (i: number) => (scaled ? `\\tilde w_{${i}}` : `w_{${i}}`);
  const x = (i: number) => (scaled ? `\\tilde x_{${i}}` : `x_{${i}}`);
  const weights = lane.trainingWeights;
  const n = weights.length - 1;
  const symbols = [w(0), ...Array.from({ length: n }, (_, j) => `${w(j + 1)}\\cdot ${x(j + 1)}`)].join(' + ');
  const numbers = [texNumber(weights[0], DIGITS), ...e.scaled.slice(1).map((xj, j) =>
    `${texFactor(weights[j + 1], DIGITS)}\\cdot ${texFactor(xj, DIGITS)}`)].join(' + ');
  const t_ = texNumber(e.t);
  const o = texNumber(e.o, DIGITS);
  // Each equation on two lines — the rule, then the numbers — so that it fits a phone.
  const lines = [
    `z &= ${symbols}`, `&= ${numbers} = ${texNumber(e.z, DIGITS)}`,
    `o &= \\sigma(z) = \\sigma(${texNumber(e.z, DIGITS)}) = ${o}`,
    ...(loss === 'squared'
      ? [`E_{${e.index + 1}} &= \\tfrac12(t - o)^2`, `&= \\tfrac12(${t_} - ${o})^2 = ${texNumber(e.loss, DIGITS)}`]
      : [`E_{${e.index + 1}} &= -[t\\ln o + (1 - t)\\ln(1 - o)]`, `&= ${texNumber(e.loss, DIGITS)}`]),
    `E &= \\textstyle\\sum_m E_m = ${texNumber(lane.loss, DIGITS)}`,
  ];
  const share = e.gradient;
  const blocks = [lines];
  for (let i = 0; i <= n; i++) {
    const block: string[] = [];
    const partial = (what: string) => `\\frac{\\partial ${what}}{\\partial ${w(i)}}`;
    const [rule, numbersOfRule] = loss === 'squared'
      ? [`-(t - o)\\cdot o\\cdot(1 - o)\\cdot ${x(i)}`, `-(${t_} - ${o})\\cdot ${o}\\cdot(1 - ${o})\\cdot ${texFactor(e.scaled[i], DIGITS)}`]
      : [`-(t - o)\\cdot ${x(i)}`, `-(${t_} - ${o})\\cdot ${texFactor(e.scaled[i], DIGITS)}`];
    const total = lane.trainingGradient[i];
    const next = lane.nextTrainingWeights[i];  // the core's next update, which the next table row shows
    block.push(`${partial(`E_{${e.index + 1}}`)} &= ${rule}`, `&= ${numbersOfRule} = ${texNumber(share[i], DIGITS)}`);
    if (examples > 1) block.push(`${partial('E')} &= \\textstyle\\sum_m ${partial('E_m')} = ${texNumber(total, DIGITS)}`);
    block.push(`${w(i)} &\\leftarrow ${w(i)} - \\eta\\cdot ${partial('E')}`,
      `&= ${texNumber(weights[i], DIGITS)} - ${texNumber(eta)}\\cdot ${texFactor(total, DIGITS)} = ${texNumber(next, DIGITS)}`);
    blocks.push(block);
  }
  return blocks.map((block) => `\\begin{aligned} ${block.join(' \\\\ ')} \\end{aligned}`);
}
