// Where training is: iteration, E and accuracy of the neuron.
import { h, tr } from '../app/dom.ts';
import { formatCount, formatNumber, formatPercent, t } from '../app/i18n.ts';
import type { LaneSnapshot } from '../wasm/neuron-protocol.ts';

export class StatsLine {
  readonly root: HTMLElement;
  private readonly iteration = h('span', { class: 'stat-value', 'data-stat': 'iteration' });
  private readonly loss = h('span', { class: 'stat-value', 'data-stat': 'loss' });
  private readonly accuracy = h('span', { class: 'stat-value', 'data-stat': 'accuracy' });
  // A run's result, said once when it stops (the figures above change too fast to be read aloud).
  private readonly announcement = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'data-stat': 'announce' });
  private lane: LaneSnapshot | null = null;
  private wasRunning = false;

  constructor(extra: HTMLElement) {
    const stat = (key: 'iterationLabel' | 'lossLabel' | 'accuracyLabel', value: HTMLElement) =>
      h('div', { class: 'stat' }, tr('span', key, { class: 'stat-name' }), value);
    this.root = h('div', { class: 'run-status', role: 'status', 'aria-live': 'off' },
      stat('iterationLabel', this.iteration), stat('lossLabel', this.loss), stat('accuracyLabel', this.accuracy), extra,
      this.announcement);
  }

  // running: whether training runs now. The result is announced when a run ends, and when training
  // moved on while stopped (Ét skridt, or a run too short to be seen running); not at load or reset.
  show(lane: LaneSnapshot, running = false): void {
    const movedOn = this.lane !== null && lane.iteration > this.lane.iteration;
    this.lane = lane;
    if (!running && (this.wasRunning || movedOn)) {
      this.announcement.textContent = t(this.wasRunning ? 'runAnnounce' : 'stepAnnounce', { iteration: formatCount(lane.iteration), loss: formatNumber(lane.loss, 5),
        accuracy: formatPercent(lane.confusion.accuracy) });
    }
    this.wasRunning = running;
    this.render(lane);
  }

  private render(lane: LaneSnapshot): void {
    this.iteration.textContent = formatCount(lane.iteration);
    this.loss.textContent = formatNumber(lane.loss, 5);
    this.accuracy.textContent = formatPercent(lane.confusion.accuracy);
  }

  // The figures in the new language (a change of language is not news to announce).
  refresh(): void {
    if (this.lane) this.render(this.lane);
  }
}
