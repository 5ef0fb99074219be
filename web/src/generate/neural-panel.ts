// The notes' neural language model, trained on the page's text in the worker: its settings (c, d,
// activation, the input vectors, frozen or trained, V, η, the update rule), Start / Pause / Nulstil,
// what the network is (V, «ukendt», vectors found, weights), the loss curve, the held-out loss
// beside the best N-gram's, and the network drawn with the values of the current beginning.
import { h, options, tr, trAttribute } from '../app/dom.ts';
import { field, inputText, numberInput, parseUserInteger, type Field } from '../app/fields.ts';
import { formatCount, formatFixed, parseUserNumber, t, type MessageKey } from '../app/i18n.ts';
import { LossView } from '../charts/loss-view.ts';
import type { NeuralProgress, NeuralSetupReply } from '../wasm/generate-protocol.ts';
import { MAX_HIDDEN, MAX_LEARNING_RATE, MAX_MODEL_WORDS, MAX_RANDOM_DIM, type NeuralPageState } from './generate-state.ts';
import { NetworkView } from './network-view.ts';

export interface NeuralPanelEvents {
  settings(change: (n: NeuralPageState) => void, restart: boolean): void;  // restart: a new network is needed
  start(): void;
  pause(): void;
  reset(): void;
}

type Info = Extract<NeuralSetupReply, { ok: true }>;

export class NeuralPanel {
  readonly root: HTMLElement;
  readonly network = new NetworkView();
  private readonly context = h('select', { name: 'neural-context' });
  private readonly activation = h('select', { name: 'neural-activation' });
  private readonly optimiser = h('select', { name: 'neural-optimiser' });
  private readonly vectors = h('select', { name: 'neural-vectors' });
  private readonly trainVectors = h('input', { type: 'checkbox', name: 'neural-train-vectors' });
  private readonly hidden: HTMLInputElement;
  private readonly eta: HTMLInputElement;
  private readonly dim: HTMLInputElement;
  private readonly words: HTMLInputElement;
  private readonly fields: Record<'hidden' | 'eta' | 'dim' | 'words', Field>;
  private readonly startButton = tr('button', 'startButton', { type: 'button', class: 'button-primary', 'data-action': 'neural-start' });
  private readonly pauseButton = tr('button', 'pauseButton', { type: 'button', 'data-action': 'neural-pause' });
  private readonly resetButton = tr('button', 'resetButton', { type: 'button', 'data-action': 'neural-reset' });
  private readonly about = h('p', { class: 'field-help', 'data-neural': 'about' });
  private readonly status = h('p', { class: 'neural-status', 'data-neural': 'status', role: 'status' });
  private readonly problem = h('p', { class: 'field-error', role: 'alert', 'data-neural': 'problem', hidden: true });
  private readonly lossView: LossView;
  private info: Info | null = null;
  private progress: NeuralProgress | null = null;
  private bestNgram: { n: number; loss: number } | null = null;
  private busy = false;  // setting up: the buttons wait

  constructor(state: NeuralPageState, private readonly events: NeuralPanelEvents) {
    options(this.context, [1, 2, 3, 4].map((c) => [String(c), `generateNeuralContext${c}` as MessageKey]));
    options(this.activation, [['sigmoid', 'activationSigmoid'], ['tanh', 'activationTanh'], ['relu', 'activationRelu']]);
    options(this.optimiser, [['adam', 'generateNeuralAdam'], ['sgd', 'generateNeuralSgd']]);
    options(this.vectors, [['danish', 'generateNeuralVectorsDanish'], ['random', 'generateNeuralVectorsRandom']]);
    this.hidden = numberInput(state.hidden, { name: 'neural-hidden' });
    this.eta = numberInput(state.learningRate, { name: 'neural-eta' });
    this.dim = numberInput(state.randomDim, { name: 'neural-dim' });
    this.words = numberInput(state.maxWords, { name: 'neural-words' });
    this.fields = {
      hidden: field('generateNeuralHidden', this.hidden),
      eta: field('generateNeuralEta', this.eta, 'generateNeuralEtaHelp'),
      dim: field('generateNeuralDim', this.dim),
      words: field('generateNeuralWords', this.words, 'generateNeuralWordsHelp'),
    };
    const canvas = h('canvas', { role: 'img' });
    trAttribute(canvas, 'aria-label', 'generateNeuralLossDescription');
    this.lossView = new LossView(canvas, undefined, { symbol: 'L', axis: 'generateNeuralAxisLoss', description: 'generateNeuralLossDescription',
      step: 'generateNeuralAxisStep' });
    this.startButton.addEventListener('click', () => events.start());
    this.pauseButton.addEventListener('click', () => events.pause());
    this.resetButton.addEventListener('click', () => events.reset());
    this.root = h('div', { class: 'neural-panel' },
      tr('p', 'generateNeuralHelp', { class: 'field-help' }),
      h('div', { class: 'neural-settings' },
        field('generateNeuralContextLabel', this.context).root, this.fields.hidden.root,
        field('generateNeuralActivation', this.activation).root, field('generateNeuralVectors', this.vectors, 'generateNeuralVectorsHelp').root,
        this.fields.dim.root, this.fields.words.root, field('generateNeuralOptimiser', this.optimiser).root, this.fields.eta.root),
      h('label', { class: 'check' }, this.trainVectors, tr('span', 'generateNeuralTrainVectors')),
      h('div', { class: 'run-buttons' }, this.startButton, this.pauseButton, this.resetButton),
      this.problem, this.about, this.status,
      h('div', {}, tr('h3', 'generateNeuralLossTitle'), h('div', { class: 'chart-box small' }, canvas)),
      this.network.root);
    this.show(state);
    this.wire();
    this.renderButtons();
  }

  show(n: NeuralPageState): void {
    this.context.value = String(n.contextWords);
    this.activation.value = n.activation;
    this.optimiser.value = n.optimiser;
    this.vectors.value = n.vectors;
    this.trainVectors.checked = n.trainVectors;
    this.fields.dim.root.hidden = n.vectors !== 'random';
    const typeInto = (input: HTMLInputElement, x: number) => { if (document.activeElement !== input) input.value = inputText(x); };
    typeInto(this.hidden, n.hidden);
    typeInto(this.eta, n.learningRate);
    typeInto(this.dim, n.randomDim);
    typeInto(this.words, n.maxWords);
  }

  private wire(): void {
    const change = (apply: (n: NeuralPageState) => void, restart = true) => this.events.settings(apply, restart);
    this.context.addEventListener('change', () => change((n) => { n.contextWords = Number(this.context.value); }));
    this.activation.addEventListener('change', () => change((n) => { n.activation = this.activation.value as NeuralPageState['activation']; }));
    this.optimiser.addEventListener('change', () => change((n) => { n.optimiser = this.optimiser.value as NeuralPageState['optimiser']; }));
    this.vectors.addEventListener('change', () => {
      this.fields.dim.root.hidden = this.vectors.value !== 'random';
      change((n) => { n.vectors = this.vectors.value as NeuralPageState['vectors']; });
    });
    this.trainVectors.addEventListener('change', () => change((n) => { n.trainVectors = this.trainVectors.checked; }));
    const whole = (input: HTMLInputElement, f: Field, low: number, high: number, key: MessageKey, apply: (n: NeuralPageState, x: number) => void) =>
      input.addEventListener('change', () => {
        const x = parseUserInteger(input.value);
        if (x === null || x < low || x > high) return f.setError(t(key, { low: formatCount(low), high: formatCount(high) }));
        f.setError(null);
        change((n) => apply(n, x));
      });
    whole(this.hidden, this.fields.hidden, 1, MAX_HIDDEN, 'generateNeuralWholeInvalid', (n, x) => { n.hidden = x; });
    whole(this.dim, this.fields.dim, 1, MAX_RANDOM_DIM, 'generateNeuralWholeInvalid', (n, x) => { n.randomDim = x; });
    whole(this.words, this.fields.words, 2, MAX_MODEL_WORDS, 'generateNeuralWholeInvalid', (n, x) => { n.maxWords = x; });
    this.eta.addEventListener('change', () => {
      const x = parseUserNumber(this.eta.value);
      if (x === null || !(x > 0) || x > MAX_LEARNING_RATE) return this.fields.eta.setError(t('generateNeuralEtaInvalid'));
      this.fields.eta.setError(null);
      change((n) => { n.learningRate = x; }, false);
    });
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    this.renderButtons();
  }

  // A network set up (or refused: the one before, if any, stays).
  showSetup(reply: NeuralSetupReply | null): void {
    this.problem.hidden = reply === null || reply.ok;
    if (reply && !reply.ok) this.problem.textContent = t(reply.problem === 'vectors_unavailable' ? 'generateNeuralVectorsUnavailable'
      : reply.problem === 'too_many_weights' ? 'generateNeuralTooManyWeights' : reply.problem === 'no_text' ? 'generateNeuralNoText'
        : 'generateNeuralRefused', { problem: reply.problem });
    if (reply?.ok || reply === null) this.info = reply;
    if (reply === null) this.progress = null;  // a set-up network's first state came as an event, just before its reply
    this.render();
  }

  get ready(): boolean {
    return this.info !== null;
  }

  get running(): boolean {
    return this.progress?.running ?? false;
  }

  get trained(): boolean {
    return (this.progress?.steps ?? 0) > 0;
  }

  get vocabularySize(): number {
    return this.info?.vocabularySize ?? 0;
  }

  // The network's last held-out loss per word (for the ladder), when it has a held-out part.
  get heldOut(): NeuralProgress['heldOut'] {
    return this.info?.split ? this.progress?.heldOut ?? null : null;
  }

  showProgress(p: NeuralProgress): void {
    this.progress = p;
    this.lossView.setCurve(Float64Array.from(p.curve.steps), Float64Array.from(p.curve.losses));
    this.problem.hidden = p.problem === null;
    if (p.problem) this.problem.textContent = t(p.problem === 'diverged' ? 'generateNeuralDiverged' : 'generateNeuralRefused', { problem: p.problem });
    this.render();
  }

  setBestNgram(best: { n: number; loss: number } | null): void {
    this.bestNgram = best;
    this.render();
  }

  private renderButtons(): void {
    const running = this.progress?.running ?? false;
    this.startButton.disabled = this.busy || running;
    this.pauseButton.disabled = this.busy || !running;
    this.resetButton.disabled = this.busy || this.info === null;
    this.startButton.dataset.i18n = this.progress && this.progress.steps > 0 && !running ? 'continueButton' : 'startButton';
    this.startButton.textContent = t(this.startButton.dataset.i18n as MessageKey);
  }

  render(): void {
    this.renderButtons();
    const i = this.info;
    this.about.hidden = i === null;
    this.status.hidden = i === null;
    if (!i) return;
    const parts = [t('generateNeuralAboutSize', { V: formatCount(i.vocabularySize), weights: formatCount(i.weights), m: formatCount(i.dim) })];
    if (i.unknownMembers > 0) parts.push(t(i.split ? 'generateNeuralAboutUnknownSplit' : 'generateNeuralAboutUnknown', { k: formatCount(i.unknownMembers) }));
    if (i.vectorsFound > 0) parts.push(t('generateNeuralAboutVectors', { found: formatCount(i.vectorsFound), V: formatCount(i.vocabularySize) }));
    parts.push(t(i.split ? 'generateNeuralAboutSplit' : 'generateNeuralAboutWhole', { rows: formatCount(i.trainRows), held: formatCount(i.heldOutRows) }));
    this.about.textContent = parts.join(' ');
    const p = this.progress;
    const done = p ? t('generateNeuralSteps', { steps: formatCount(p.steps), epochs: formatFixed(p.epochs, 2) }) : t('generateNeuralNotTrained');
    const measured = p?.heldOut ? t('generateNeuralHeldOut', { loss: formatFixed(p.heldOut.lossPerWord, 3), ppl: formatFixed(p.heldOut.perplexity, 1) })
      : p?.training ? t('generateNeuralTraining', { loss: formatFixed(p.training.lossPerWord, 3), ppl: formatFixed(p.training.perplexity, 2) }) : '';
    const best = p?.heldOut && this.bestNgram ? t('generateNeuralBestNgram', { n: this.bestNgram.n, loss: formatFixed(this.bestNgram.loss, 3) }) : '';
    this.status.textContent = [done, measured, best].filter(Boolean).join(' ');
  }
}
