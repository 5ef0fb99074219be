// Start / Pause / Ét skridt / Nulstil, and the line that says where training is.
import { h, tr } from '../app/dom.ts';
import { formatCount, formatNumber, formatPercent, t } from '../app/i18n.ts';
import type { NeuronSnapshot } from '../wasm/neuron-protocol.ts';

export interface RunActions {
  start(): void;
  pause(): void;
  step(): void;
  reset(): void;
}

export class RunBar {
  readonly buttons: HTMLElement;
  readonly status: HTMLElement;
  private readonly startButton = tr('button', 'startButton', { type: 'button', class: 'button-primary', 'data-action': 'start' });
  private readonly pauseButton = tr('button', 'pauseButton', { type: 'button', 'data-action': 'pause' });
  private readonly stepButton = tr('button', 'stepButton', { type: 'button', 'data-action': 'step' });
  private readonly resetButton = tr('button', 'resetButton', { type: 'button', 'data-action': 'reset' });
  private readonly iteration = h('span', { class: 'stat-value', 'data-stat': 'iteration' });
  private readonly loss = h('span', { class: 'stat-value', 'data-stat': 'loss' });
  private readonly accuracy = h('span', { class: 'stat-value', 'data-stat': 'accuracy' });
  private readonly remaining = h('span', { class: 'remaining' });
  private snapshot: NeuronSnapshot | null = null;

  constructor(actions: RunActions) {
    this.startButton.addEventListener('click', () => actions.start());
    this.pauseButton.addEventListener('click', () => actions.pause());
    this.stepButton.addEventListener('click', () => actions.step());
    this.resetButton.addEventListener('click', () => actions.reset());
    this.buttons = h('div', { class: 'run-buttons', 'data-control': 'buttons' },
      this.startButton, this.pauseButton, this.stepButton, this.resetButton);
    const stat = (key: 'iterationLabel' | 'lossLabel' | 'accuracyLabel', value: HTMLElement) =>
      h('div', { class: 'stat' }, tr('span', key, { class: 'stat-name' }), value);
    this.status = h('div', { class: 'run-status', role: 'status', 'aria-live': 'off' },
      stat('iterationLabel', this.iteration), stat('lossLabel', this.loss), stat('accuracyLabel', this.accuracy), this.remaining);
    this.setEnabled(false);
  }

  setEnabled(enabled: boolean): void {
    for (const b of [this.startButton, this.pauseButton, this.stepButton, this.resetButton]) b.disabled = !enabled;
  }

  show(snapshot: NeuronSnapshot): void {
    this.snapshot = snapshot;
    this.iteration.textContent = formatCount(snapshot.iteration);
    this.loss.textContent = formatNumber(snapshot.loss, 5);
    this.accuracy.textContent = formatPercent(snapshot.confusion.accuracy);
    const paused = !snapshot.running && snapshot.remaining > 0;
    this.startButton.dataset.i18n = paused ? 'continueButton' : 'startButton';
    this.startButton.textContent = t(paused ? 'continueButton' : 'startButton');
    this.startButton.disabled = snapshot.running;
    this.pauseButton.disabled = !snapshot.running;
    this.stepButton.disabled = false;
    this.resetButton.disabled = false;
    this.remaining.textContent = snapshot.remaining > 0 ? t('runningRemaining', { remaining: formatCount(snapshot.remaining) }) : '';
  }

  refresh(): void {
    if (this.snapshot) this.show(this.snapshot);
  }
}
