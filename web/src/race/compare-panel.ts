// "Side om side": the two neurons' numbers in one table — E, accuracy, the size of the gradient,
// and, for the example each one is most wrong about, o, the factor o·(1 − o) and that example's
// share of each ∂E/∂wᵢ. The plateau of squared error shows here as a tiny number.
import { h, tr } from '../app/dom.ts';
import { formatNumber, formatPercent, t, type MessageKey } from '../app/i18n.ts';
import type { NeuronData } from '../data/dataset.ts';
import type { ExampleNumbers, NeuronFormulas } from '../wasm/neuron-formulas.ts';
import type { LaneSnapshot } from '../wasm/neuron-protocol.ts';
import type { LossName } from '../wasm/neuron-types.ts';
import { standardized } from './lane-facts.ts';

export const LANE_LOSSES: readonly LossName[] = ['squared', 'cross_entropy'];

// "Alder 40" or "x1 = 0,5; x2 = 3": an example's inputs in a few words.
export function describeInputs(data: NeuronData, raw: number[]): string {
  return raw.map((x, j) => (data.cols <= 3 ? `${data.featureNames[j]} ${formatNumber(x, 6)}` : `x${j + 1} = ${formatNumber(x, 6)}`))
    .join(', ');
}

export class ComparePanel {
  readonly root: HTMLElement;
  private readonly body = h('tbody');
  private readonly note = tr('p', 'compareScaledNote', { class: 'field-help', hidden: true });
  private data: NeuronData | null = null;
  private lanes: LaneSnapshot[] = [];

  constructor(private readonly formulas: NeuronFormulas) {
    const head = h('thead', {}, h('tr', {}, h('td'),
      tr('th', 'laneSquared', { scope: 'col', class: 'lane-se' }), tr('th', 'laneCrossEntropy', { scope: 'col', class: 'lane-ce' })));
    this.root = h('div', { class: 'compare' }, h('table', { class: 'compare-table' }, head, this.body), this.note);
  }

  setData(data: NeuronData): void {
    this.data = data;
  }

  show(lanes: LaneSnapshot[]): void {
    this.lanes = lanes;
    const data = this.data;
    if (!data || lanes.length !== 2) return;
    const examples = lanes.map((lane, k) => this.formulas.example(data, lane, Math.max(0, lane.worst.index), LANE_LOSSES[k]))
      .filter((e): e is ExampleNumbers => e !== null);
    if (examples.length !== 2) return;
    const rows: [string, string[]][] = [
      [t('compareLoss'), lanes.map((l) => formatNumber(l.loss, 5))],
      [t('compareAccuracy'), lanes.map((l) => formatPercent(l.confusion.accuracy))],
      [t('compareGradient'), lanes.map((l) => formatNumber(l.gradientLength, 4))],
      [t('compareWorst'), examples.map((e) => t('compareWorstValue', { m: e.index + 1, inputs: describeInputs(data, e.raw), t: e.t }))],
      [t('compareO'), examples.map((e) => formatNumber(e.o, 4))],
      [t('compareFactor'), examples.map((e) => formatNumber(e.slope, 3))],
    ];
    const shares = examples.map((e) => e.gradient);
    for (let i = 0; i <= data.cols; i++) {
      const formulas: MessageKey[] = ['compareFormulaSquared', 'compareFormulaCross'];
      rows.push([t('compareContribution', { i }),
        shares.map((share, k) => `${t(formulas[k], { i })} = ${formatNumber(share[i], 3)}`)]);
    }
    this.fill(rows);
    this.note.hidden = !standardized(lanes[0]);
  }

  // Writes the rows; while training runs only the texts change, so the cells stay and only the
  // ones whose text changed are touched (a new table every frame cost a layout every frame).
  private fill(rows: [string, string[]][]): void {
    const existing = Array.from(this.body.rows);
    if (existing.length !== rows.length) {
      this.body.replaceChildren(...rows.map(([name, values], r) =>
        h('tr', { class: r >= 4 ? 'worst-row' : undefined }, h('th', { scope: 'row' }, name),
          ...values.map((v) => h('td', { class: 'num' }, v)))));
      return;
    }
    rows.forEach(([name, values], r) => {
      [name, ...values].forEach((text, c) => {
        const cell = existing[r].cells[c];
        if (cell.textContent !== text) cell.textContent = text;
      });
    });
  }

  refresh(): void {
    this.show(this.lanes);
  }
}
