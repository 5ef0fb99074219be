// Start / Pause / Ét skridt / Nulstil, shared by the pages that train: the buttons follow the
// worker's state (Start becomes Fortsæt when a run is paused halfway).
import type { NeuronSnapshot } from '../wasm/neuron-protocol.ts';
import { h, tr } from './dom.ts';
import { formatCount, t } from './i18n.ts';

export interface RunActions {
  start(): void;
  pause(): void;
  step(): void;
  reset(): void;
}

// Start is off while running, Pause while not. A disabled button loses the keyboard's focus to
// <body>: it is handed to the partner instead.
export function setRunning(start: HTMLButtonElement, pause: HTMLButtonElement, running: boolean): void {
  const focused = document.activeElement;
  start.disabled = running;
  pause.disabled = !running;
  if (focused === start && running) pause.focus();
  if (focused === pause && !running) start.focus();
}

export class RunBar {
  readonly buttons: HTMLElement;
  readonly remaining = h('span', { class: 'remaining' });
  private readonly startButton = tr('button', 'startButton', { type: 'button', class: 'button-primary', 'data-action': 'start' });
  private readonly pauseButton = tr('button', 'pauseButton', { type: 'button', 'data-action': 'pause' });
  private readonly stepButton = tr('button', 'stepButton', { type: 'button', 'data-action': 'step' });
  private readonly resetButton = tr('button', 'resetButton', { type: 'button', 'data-action': 'reset' });
  private snapshot: NeuronSnapshot | null = null;

  constructor(actions: RunActions) {
    this.startButton.addEventListener('click', () => actions.start());
    this.pauseButton.addEventListener('click', () => actions.pause());
    this.stepButton.addEventListener('click', () => actions.step());
    this.resetButton.addEventListener('click', () => actions.reset());
    this.buttons = h('div', { class: 'run-buttons', 'data-control': 'buttons' },
      this.startButton, this.pauseButton, this.stepButton, this.resetButton);
    this.setEnabled(false);
  }

  setEnabled(enabled: boolean): void {
    for (const b of [this.startButton, this.pauseButton, this.stepButton, this.resetButton]) b.disabled = !enabled;
  }

  show(snapshot: NeuronSnapshot): void {
    this.snapshot = snapshot;
    const paused = !snapshot.running && snapshot.remaining > 0;
    this.startButton.dataset.i18n = paused ? 'continueButton' : 'startButton';
    this.startButton.textContent = t(paused ? 'continueButton' : 'startButton');
    setRunning(this.startButton, this.pauseButton, snapshot.running);
    this.stepButton.disabled = false;
    this.resetButton.disabled = false;
    this.remaining.textContent = snapshot.remaining > 0 ? t('runningRemaining', { remaining: formatCount(snapshot.remaining) }) : '';
  }

  refresh(): void {
    if (this.snapshot) this.show(this.snapshot);
  }
}
