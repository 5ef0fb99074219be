// The numbers of the current state: the weights w0 … wn with ∂E/∂wᵢ, and the confusion matrix.
import { h, tr } from '../app/dom.ts';
import { formatCount, formatNumber, t } from '../app/i18n.ts';
import type { NeuronData } from '../data/dataset.ts';
import type { LaneSnapshot } from '../wasm/neuron-protocol.ts';

export class WeightsPanel {
  readonly weightsRoot: HTMLElement;
  readonly confusionRoot: HTMLElement;
  private readonly body = h('tbody');
  private readonly confusionTable = h('table', { class: 'confusion' });
  private data: NeuronData | null = null;
  private snapshot: LaneSnapshot | null = null;

  constructor() {
    const head = h('thead', {}, h('tr', {}, tr('th', 'weightName', { scope: 'col' }),
      tr('th', 'weightValue', { scope: 'col' }), tr('th', 'weightGradient', { scope: 'col' })));
    this.weightsRoot = h('table', { class: 'weights' }, head, this.body);
    this.confusionRoot = this.confusionTable;
  }

  setData(data: NeuronData): void {
    this.data = data;
    const row = (name: string) => h('tr', {}, h('th', { scope: 'row' }, name), h('td', { class: 'num' }), h('td', { class: 'num' }));
    this.body.replaceChildren(row(t('weightBias')),
      ...data.featureNames.map((name, i) => row(t('weightFeature', { i: i + 1, name }))));
    this.buildConfusion();
  }

  show(snapshot: LaneSnapshot): void {
    this.snapshot = snapshot;
    Array.from(this.body.rows).forEach((row, i) => {
      row.cells[1].textContent = formatNumber(snapshot.weights[i] ?? NaN, 4);
      row.cells[2].textContent = formatNumber(snapshot.gradient[i] ?? NaN, 3);
    });
    const c = snapshot.confusion;
    const cells = this.confusionTable.querySelectorAll<HTMLElement>('td.num');
    [c.truePositive, c.falseNegative, c.falsePositive, c.trueNegative].forEach((n, i) => {
      if (cells[i]) cells[i].textContent = formatCount(n);
    });
  }

  refresh(): void {
    if (this.data) this.setData(this.data);
    if (this.snapshot) this.show(this.snapshot);
  }

  // Rows: actual class 1, class 0; columns: predicted class 1, class 0 (o ≥ ½).
  private buildConfusion(): void {
    const [zero, one] = this.data!.classLabels;
    const th = (text: string, scope: string) => h('th', { scope }, text);
    this.confusionTable.replaceChildren(
      h('thead', {},
        h('tr', {}, h('td', { rowspan: 2, colspan: 2 }), tr('th', 'confusionPredicted', { colspan: 2, scope: 'colgroup' })),
        h('tr', {}, th(one, 'col'), th(zero, 'col'))),
      h('tbody', {},
        h('tr', {}, tr('th', 'confusionActual', { rowspan: 2, scope: 'rowgroup', class: 'vertical' }), th(one, 'row'),
          h('td', { class: 'num hit' }), h('td', { class: 'num miss' })),
        h('tr', {}, th(zero, 'row'), h('td', { class: 'num miss' }), h('td', { class: 'num hit' }))));
  }
}
