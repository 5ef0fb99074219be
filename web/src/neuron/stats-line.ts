// Where training is: iteration, E and accuracy of the neuron.
import { h, tr } from '../app/dom.ts';
import { formatCount, formatNumber, formatPercent } from '../app/i18n.ts';
import type { LaneSnapshot } from '../wasm/neuron-protocol.ts';

export class StatsLine {
  readonly root: HTMLElement;
  private readonly iteration = h('span', { class: 'stat-value', 'data-stat': 'iteration' });
  private readonly loss = h('span', { class: 'stat-value', 'data-stat': 'loss' });
  private readonly accuracy = h('span', { class: 'stat-value', 'data-stat': 'accuracy' });
  private lane: LaneSnapshot | null = null;

  constructor(extra: HTMLElement) {
    const stat = (key: 'iterationLabel' | 'lossLabel' | 'accuracyLabel', value: HTMLElement) =>
      h('div', { class: 'stat' }, tr('span', key, { class: 'stat-name' }), value);
    this.root = h('div', { class: 'run-status', role: 'status', 'aria-live': 'off' },
      stat('iterationLabel', this.iteration), stat('lossLabel', this.loss), stat('accuracyLabel', this.accuracy), extra);
  }

  show(lane: LaneSnapshot): void {
    this.lane = lane;
    this.iteration.textContent = formatCount(lane.iteration);
    this.loss.textContent = formatNumber(lane.loss, 5);
    this.accuracy.textContent = formatPercent(lane.confusion.accuracy);
  }

  refresh(): void {
    if (this.lane) this.show(this.lane);
  }
}
