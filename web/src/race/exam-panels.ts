// The three oral exam questions of the course, each derivation written out step by step and then
// evaluated with the current numbers of one example, so that a teacher can project it:
// 1. σ'(x) = σ(x)·(1 − σ(x)); 2. ∂E/∂w1 for squared error; 3. ∂E/∂w1 for cross-entropy.
import { h, tr } from '../app/dom.ts';
import { t } from '../app/i18n.ts';
import { MathBlocks } from '../app/math-blocks.ts';
import { renderMath, texFactor, texNumber } from '../app/math.ts';
import type { NeuronData } from '../data/dataset.ts';
import type { ExampleNumbers, NeuronFormulas } from '../wasm/neuron-formulas.ts';
import type { LaneSnapshot } from '../wasm/neuron-protocol.ts';
import { standardized } from './lane-facts.ts';

const DIGITS = 5;

interface Panel {
  details: HTMLDetailsElement;
  derivation: HTMLElement;
  numbersLead: HTMLElement;
  numbers: HTMLElement;
  blocks: MathBlocks;  // the numbers, typeset when their turn comes
  note: HTMLElement | null;
}

export class ExamPanels {
  readonly root: HTMLElement;
  private readonly panels: Panel[];
  private data: NeuronData | null = null;
  private readonly rendered = new Set<number>();  // panels whose derivation is typeset

  // onOpen: a panel was opened, so its numbers are wanted now (training may be paused).
  constructor(private readonly formulas: NeuronFormulas, onOpen: () => void) {
    const panel = (titleKey: 'examSigmoidTitle' | 'examSquaredTitle' | 'examCrossTitle', note: HTMLElement | null): Panel => {
      const derivation = h('div', { class: 'formula' });
      const numbersLead = h('p', { class: 'exam-lead' });
      const numbers = h('div', { class: 'formula' });
      const details = h('details', { class: 'exam' }, tr('summary', titleKey), derivation, note, numbersLead, numbers);
      details.addEventListener('toggle', () => {
        if (!details.open) return;
        this.renderDerivation(this.panels.findIndex((p) => p.details === details));  // typeset on the first opening
        onOpen();
      });
      return { details, derivation, numbersLead, numbers, blocks: new MathBlocks(numbers), note };
    };
    this.panels = [panel('examSigmoidTitle', null), panel('examSquaredTitle', null),
      panel('examCrossTitle', tr('p', 'examFactorGone', { class: 'exam-point' }))];
    this.root = h('div', { class: 'exam-panels' }, ...this.panels.map((p) => p.details));
  }

  setData(data: NeuronData): void {
    this.data = data;
  }

  // lanes[0] is the squared-error neuron, lanes[1] the cross-entropy neuron; index: the example.
  show(lanes: LaneSnapshot[], index: number, eta: number): void {
    const data = this.data;
    if (!data || lanes.length !== 2 || !this.panels.some((p) => p.details.open)) return;  // closed panels cost nothing
    const se = this.formulas.example(data, lanes[0], index, 'squared', eta);
    const ce = this.formulas.example(data, lanes[1], index, 'cross_entropy', eta);
    if (!se || !ce) return;
    for (const p of this.panels) p.numbersLead.textContent = t('examWithNumbers', { m: index + 1 });
    this.panels[0].blocks.set([sigmoidNumbers(se)]);
    const scaled = standardized(lanes[0]);
    this.panels[1].blocks.set([updateNumbers(se, lanes[0].trainingWeights[1], eta, true, scaled)]);
    this.panels[2].blocks.set([updateNumbers(ce, lanes[1].trainingWeights[1], eta, false, scaled)]);
  }

  // Typesets the next panel whose numbers changed; true while more are waiting.
  typesetStep(): boolean {
    const open = this.panels.filter((p) => p.details.open);
    open.find((p) => p.blocks.pending)?.blocks.step();
    return open.some((p) => p.blocks.pending);
  }

  refresh(): void {
    for (const i of this.rendered) this.renderDerivation(i, true);
  }

  // A derivation is typeset when its panel is first opened (or again in a new language): three
  // closed panels' KaTeX cost the race page ~150 ms at its start.
  private renderDerivation(i: number, again = false): void {
    if (i < 0 || (this.rendered.has(i) && !again)) return;
    this.rendered.add(i);
    renderMath(this.panels[i].derivation, this.derivationTex(i), true);
  }

  private derivationTex(i: number): string {
    const because = `\\text{${t('examBecause')} }`;
    const chain = `\\quad\\text{(${t('examChainRule')})}`;
    if (i === 0) return `\\begin{aligned}
      \\sigma(x) &= \\frac{1}{1 + e^{-x}} = (1 + e^{-x})^{-1} \\\\
      \\sigma'(x) &= -(1 + e^{-x})^{-2}\\cdot(-e^{-x}) = \\frac{e^{-x}}{(1 + e^{-x})^2} \\\\
      &= \\frac{1}{1 + e^{-x}}\\cdot\\frac{e^{-x}}{1 + e^{-x}} = \\sigma(x)\\cdot(1 - \\sigma(x)) \\\\
      &${because}\\frac{e^{-x}}{1 + e^{-x}} = \\frac{1 + e^{-x} - 1}{1 + e^{-x}} = 1 - \\sigma(x)
      \\end{aligned}`;
    if (i === 1) return `\\begin{aligned}
      E &= \\tfrac12\\,(t - o)^2, \\qquad o = \\sigma(w_0 + w_1\\cdot x) \\\\
      \\frac{\\partial E}{\\partial w_1} &= (t - o)\\cdot\\frac{\\partial (t - o)}{\\partial w_1}
        = -(t - o)\\cdot\\frac{\\partial o}{\\partial w_1} ${chain} \\\\
      \\frac{\\partial o}{\\partial w_1} &= \\sigma'(w_0 + w_1\\cdot x)\\cdot x = o\\cdot(1 - o)\\cdot x \\\\
      \\frac{\\partial E}{\\partial w_1} &= -(t - o)\\cdot o\\cdot(1 - o)\\cdot x \\\\
      w_1 &\\leftarrow w_1 - \\eta\\cdot\\frac{\\partial E}{\\partial w_1} = w_1 + \\eta\\cdot(t - o)\\cdot o\\cdot(1 - o)\\cdot x
      \\end{aligned}`;
    return `\\begin{aligned}
      E &= -\\bigl[t\\cdot\\ln o + (1 - t)\\cdot\\ln(1 - o)\\bigr], \\qquad o = \\sigma(w_0 + w_1\\cdot x) \\\\
      \\frac{\\partial E}{\\partial o} &= -\\frac{t}{o} + \\frac{1 - t}{1 - o} = \\frac{-t\\,(1 - o) + (1 - t)\\,o}{o\\,(1 - o)}
        = \\frac{o - t}{o\\cdot(1 - o)} \\\\
      \\frac{\\partial E}{\\partial w_1} &= \\frac{\\partial E}{\\partial o}\\cdot\\frac{\\partial o}{\\partial w_1}
        = \\frac{o - t}{o\\cdot(1 - o)}\\cdot o\\cdot(1 - o)\\cdot x ${chain} \\\\
      &= (o - t)\\cdot x = -(t - o)\\cdot x \\\\
      w_1 &\\leftarrow w_1 - \\eta\\cdot\\frac{\\partial E}{\\partial w_1} = w_1 + \\eta\\cdot(t - o)\\cdot x
      \\end{aligned}`;
  }
}

function sigmoidNumbers(e: ExampleNumbers): string {
  const o = texNumber(e.o, DIGITS);
  return `\\begin{aligned} x &= z = ${texNumber(e.z, DIGITS)} \\\\
    \\sigma(x) &= \\frac{1}{1 + e^{${texNumber(-e.z, DIGITS)}}} = ${o} \\\\
    \\sigma'(x) &= \\sigma(x)\\cdot(1 - \\sigma(x)) = ${o}\\cdot(1 - ${o}) = ${texNumber(e.slope, DIGITS)}
    \\end{aligned}`;
}

// One example's ∂E/∂w1 and the update of w1 it alone would give (x = the example's first input,
// standardised as x̃ when training is).
function updateNumbers(e: ExampleNumbers, w1: number, eta: number, squared: boolean, scaled: boolean): string {
  const o = texNumber(e.o, DIGITS);
  const t_ = texNumber(e.t);
  const x = texFactor(e.scaled[1], DIGITS);
  const gradient = e.gradient[1];
  const written = squared ? `-(${t_} - ${o})\\cdot ${o}\\cdot(1 - ${o})\\cdot ${x}` : `-(${t_} - ${o})\\cdot ${x}`;
  return `\\begin{aligned} o &= \\sigma(z) = \\sigma(${texNumber(e.z, DIGITS)}) = ${o}, \\quad t = ${t_}, \\quad ${scaled ? '\\tilde x' : 'x'} = ${texNumber(e.scaled[1], DIGITS)} \\\\
    \\frac{\\partial E}{\\partial w_1} &= ${written} = ${texNumber(gradient, DIGITS)} \\\\
    w_1 &\\leftarrow ${texNumber(w1, DIGITS)} - ${texNumber(eta)}\\cdot ${texFactor(gradient, DIGITS)} = ${texNumber(e.step[1], DIGITS)}
    \\end{aligned}`;
}
