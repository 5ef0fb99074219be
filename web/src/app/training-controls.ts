// The training settings a page offers: loss, activation, update rule, η, iterations, start
// weights, seed, standardisation and speed (a page picks the groups it needs). Each group carries
// data-control=<id>, so that an embedded page can hide it (hide=eta,…).
import type { ActivationName, GradientName, LossName, StartWeights } from '../wasm/neuron-types.ts';
import { h, options, tr } from './dom.ts';
import { field, inputText, numberInput, parseUserInteger, type Field } from './fields.ts';
import { formatCount, parseUserNumber, t, type MessageKey } from './i18n.ts';
import { MAX_ITERATIONS, SPEEDS, startWeightFits } from './url-values.ts';

// The values the controls show.
export interface ControlValues {
  loss: LossName;
  activation: ActivationName;
  gradient: GradientName;
  eta: number;
  iterations: number;
  start: StartWeights;
  standardize: boolean;
  seed: number;
  speed: number;
}

export const CONTROL_GROUPS = ['loss', 'activation', 'gradient', 'eta', 'iterations', 'start', 'standardize', 'speed'] as const;
export type ControlGroup = (typeof CONTROL_GROUPS)[number];

// Settings that start a new run when they change (η, iterations and speed do not).
export type RunSettings = Pick<ControlValues, 'loss' | 'activation' | 'gradient' | 'start' | 'standardize' | 'seed'>;

export interface ControlCallbacks {
  settings(change: Partial<RunSettings>): void;
  eta(eta: number): void;
  iterations(iterations: number): void;
  speed(speed: number): void;
}

// Shows a value in a text box, unless the user is typing in it right now.
function typeInto(input: HTMLInputElement, text: string): void {
  if (document.activeElement !== input) input.value = text;
}

export class TrainingControls {
  readonly root: HTMLElement;
  private readonly loss = h('select');
  private readonly activation = h('select');
  private readonly gradient = h('select');
  private readonly eta = numberInput(0.001, { name: 'eta' });
  private readonly iterations = h('input', { type: 'text', inputmode: 'numeric', name: 'iterations', autocomplete: 'off' });
  private readonly startKind = h('select', { name: 'start-kind' });
  private readonly startValue = numberInput(0, { name: 'start-value' });
  private readonly givenWeights = h('div', { class: 'given-weights' });
  private readonly seed = h('input', { type: 'text', inputmode: 'numeric', name: 'seed', autocomplete: 'off' });
  private readonly standardize = h('input', { type: 'checkbox', name: 'standardize' });
  private readonly speed = h('input', { type: 'range', min: 0, max: SPEEDS.length - 1, step: 1, name: 'speed' });
  private readonly speedLabel = h('output', { class: 'speed-label' });
  private readonly lossNote = tr('p', 'lossCrossEntropyNote', { class: 'field-help' });
  private readonly gradientNote = tr('p', 'gradientStochasticNote', { class: 'field-help' });
  private readonly fields: Partial<Record<string, Field>> = {};
  private state: ControlValues;
  private featureCount = 2;

  constructor(state: ControlValues, private readonly callbacks: ControlCallbacks,
    groups: readonly ControlGroup[] = CONTROL_GROUPS) {
    this.state = state;
    options(this.loss, [['squared', 'lossSquared'], ['cross_entropy', 'lossCrossEntropy']]);
    options(this.activation, [['sigmoid', 'activationSigmoid'], ['tanh', 'activationTanh'],
      ['relu', 'activationRelu'], ['identity', 'activationIdentity']]);
    options(this.gradient, [['sum', 'gradientSum'], ['mean', 'gradientMean'], ['stochastic', 'gradientStochastic']]);
    options(this.startKind, [['constant', 'startConstant'], ['random', 'startRandom'], ['given', 'startGiven']]);

    const group = (id: ControlGroup, ...children: HTMLElement[]) =>
      groups.includes(id) ? h('div', { class: 'control', 'data-control': id }, ...children) : null;
    const make = (id: string, label: MessageKey, control: HTMLElement, help?: MessageKey) =>
      (this.fields[id] = field(label, control, help)).root;
    const standardizeLabel = h('label', { class: 'checkbox' }, this.standardize, tr('span', 'standardize'));
    this.root = h('div', { class: 'controls' },
      group('loss', make('loss', 'loss', this.loss), this.lossNote),
      group('activation', make('activation', 'activation', this.activation)),
      group('gradient', make('gradient', 'gradient', this.gradient), this.gradientNote),
      group('eta', make('eta', 'eta', this.eta)),
      group('iterations', make('iterations', 'iterations', this.iterations, 'iterationsHelp')),
      group('start', make('start', 'start', this.startKind), make('startValue', 'startValue', this.startValue),
        this.givenWeights, make('seed', 'seed', this.seed, 'seedHelp')),
      group('standardize', h('div', { class: 'field' }, standardizeLabel, tr('p', 'standardizeHelp', { class: 'field-help' }))),
      group('speed', make('speed', 'speed', this.speed), this.speedLabel),
    );
    this.listen();
    this.sync(state);
  }

  // Shows the state's values (after a preset, a URL or a reset changed them).
  sync(state: ControlValues): void {
    this.state = state;
    this.loss.value = state.loss;
    this.activation.value = state.activation;
    for (const option of this.activation.options) option.disabled = state.loss === 'cross_entropy' && option.value !== 'sigmoid';
    this.lossNote.hidden = state.loss !== 'cross_entropy';
    this.gradient.value = state.gradient;
    this.gradientNote.hidden = state.gradient !== 'stochastic';
    typeInto(this.eta, inputText(state.eta));
    typeInto(this.iterations, String(state.iterations));
    this.startKind.value = state.start.kind;
    typeInto(this.startValue, inputText(state.start.kind === 'constant' ? state.start.value : 0));
    this.fields.startValue!.root.hidden = state.start.kind !== 'constant';
    this.givenWeights.hidden = state.start.kind !== 'given';
    if (state.start.kind === 'given') this.buildGivenWeights(state.start.weights);
    typeInto(this.seed, String(state.seed));
    this.standardize.checked = state.standardize;
    this.speed.value = String(SPEEDS.indexOf(state.speed as (typeof SPEEDS)[number]));
    this.speedLabel.textContent = Number.isFinite(state.speed) ? t('speedValue', { n: formatCount(state.speed) }) : t('speedMax');
    this.speed.setAttribute('aria-valuetext', this.speedLabel.textContent);  // not "5" but what it means
    for (const f of Object.values(this.fields)) f?.setError(null);
  }

  // Number boxes follow the language's decimal mark.
  refresh(): void {
    this.sync(this.state);
  }

  private listen(): void {
    this.loss.addEventListener('change', () => {
      const loss = this.loss.value as LossName;
      // Cross-entropy is defined for o in (0, 1): switching to it brings the sigmoid along.
      this.callbacks.settings(loss === 'cross_entropy' ? { loss, activation: 'sigmoid' } : { loss });
    });
    this.activation.addEventListener('change', () => this.callbacks.settings({ activation: this.activation.value as ActivationName }));
    this.gradient.addEventListener('change', () => this.callbacks.settings({ gradient: this.gradient.value as GradientName }));
    this.standardize.addEventListener('change', () => this.callbacks.settings({ standardize: this.standardize.checked }));
    this.speed.addEventListener('input', () => this.callbacks.speed(SPEEDS[Number(this.speed.value)]));
    this.onNumber(this.eta, 'eta', (text) => {
      const eta = parseUserNumber(text);
      if (eta === null || !(eta > 0)) return t('errorEta');
      this.callbacks.eta(eta);
      return null;
    });
    this.onNumber(this.iterations, 'iterations', (text) => {
      const n = parseUserInteger(text);
      if (n === null || n < 1 || n > MAX_ITERATIONS) return t('errorIterations', { max: formatCount(MAX_ITERATIONS) });
      this.callbacks.iterations(n);
      return null;
    });
    this.onNumber(this.seed, 'seed', (text) => {
      const seed = parseUserInteger(text);
      if (seed === null) return t('errorSeed');
      this.callbacks.settings({ seed });
      return null;
    });
    this.onNumber(this.startValue, 'startValue', (text) => {
      const value = parseUserNumber(text);
      if (value === null || !startWeightFits(value)) return t('errorStartValue');
      this.callbacks.settings({ start: { kind: 'constant', value } });
      return null;
    });
    this.startKind.addEventListener('change', () => {
      const kind = this.startKind.value as StartWeights['kind'];
      const size = this.featureCount + 1;
      const start: StartWeights = kind === 'constant' ? { kind, value: 0 }
        : kind === 'random' ? { kind, value: 1 } : { kind, weights: new Array(size).fill(0) };
      this.callbacks.settings({ start });
    });
  }

  // The number of inputs x1 … xn, so that "valgte vægte" offers w0 … wn.
  setFeatureCount(n: number): void {
    this.featureCount = n;
  }

  private buildGivenWeights(weights: number[]): void {
    const inputs = weights.map((w, i) => numberInput(w, { name: `w${i}`, 'aria-label': `w${i}` }));
    this.givenWeights.replaceChildren(...inputs.map((input, i) =>
      h('label', { class: 'given-weight' }, h('span', {}, `w${i}`), input)));
    for (const input of inputs) {
      input.addEventListener('change', () => {
        const values = inputs.map((e) => parseUserNumber(e.value));
        const bad = values.findIndex((v) => v === null || !startWeightFits(v));
        this.fields.start!.setError(bad >= 0 ? t('errorStartValue') : null);
        if (bad < 0) this.callbacks.settings({ start: { kind: 'given', weights: values as number[] } });
      });
    }
  }

  // Applies a typed value on change; a rejected value shows its message and changes nothing.
  private onNumber(input: HTMLInputElement, id: string, apply: (text: string) => string | null): void {
    input.addEventListener('change', () => this.fields[id]?.setError(apply(input.value)));
    input.addEventListener('input', () => this.fields[id]?.setError(null));
  }
}
