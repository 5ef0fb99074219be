// The "Træn word2vec" page, first part: the course's own toy. Ten vectors on the unit circle that
// students drag while L changes, or let gradient descent along the circle bring L from 31,71
// towards 22,85; the numbers behind L beside them. The toy's model lives in a worker (wasm).
import { h, scrollBox, tr, trAttribute } from '../app/dom.ts';
import { trainDa } from './texts-da.ts';
import { trainEn } from './texts-en.ts';
import { hideControls, type EmbeddableControl } from '../app/hidden-controls.ts';
import { field, inputText, numberInput } from '../app/fields.ts';
import { addPageMessages, formatCount, formatFixed, parseUserNumber, t } from '../app/i18n.ts';
import type { Shell } from '../app/shell.ts';
import type { Store } from '../app/store.ts';
import { FrameBudget, setBusy } from '../app/frame-budget.ts';
import { LossView } from '../charts/loss-view.ts';
import { TrainClient } from '../wasm/train-client.ts';
import type { ToyState } from '../wasm/train-protocol.ts';
import { CircleView, degrees, type VectorKind } from './circle-view.ts';
import { CorpusPanel } from './corpus-panel.ts';
import { angleOf, TOY_BEST, TOY_SENTENCES, TOY_START, TOY_WORDS, toyCounts } from './toy-preset.ts';
import { PairFormula } from './pair-formula.ts';
import { ToyTables } from './toy-tables.ts';

addPageMessages({ da: trainDa, en: trainEn });

const EMBEDDABLE: EmbeddableControl[] = [
  { id: 'descent', label: 'controlDescent', shown: true }, { id: 'formula', label: 'controlToyFormula', shown: true },
  { id: 'table', label: 'controlToyTable', shown: false }, { id: 'corpus', label: 'controlCorpus', shown: false },
];

export function mountTrainPage(shell: Shell, store: Store): void {
  const page = new TrainPage(shell, store);
  shell.onEmbed('pageTrainTitle', EMBEDDABLE);
  shell.onLanguage(() => page.refresh());
}

class TrainPage {
  private readonly client: TrainClient;
  private readonly circle: CircleView;
  private readonly tables: ToyTables;
  private readonly lossView: LossView;
  private readonly corpus: CorpusPanel;
  private readonly pair: PairFormula;
  private readonly counts = toyCounts();
  private readonly lossValue = h('span', { class: 'toy-loss', 'data-toy': 'loss' }, '–');
  private readonly stepsValue = h('span', { class: 'stat-value', 'data-toy': 'steps' }, '0');
  private readonly gradientValue = h('span', { class: 'stat-value', 'data-toy': 'gradient' }, '–');
  private readonly goal = h('p', { class: 'toy-goal' });
  private readonly message = h('p', { class: 'run-message', role: 'alert', hidden: true });
  private readonly etaInput: HTMLInputElement;
  private readonly buttons: Record<'start' | 'pause' | 'step' | 'reset', HTMLButtonElement>;
  private state: ToyState | null = null;
  private history: { steps: number[]; losses: number[] } = { steps: [], losses: [] };
  private best = Infinity;
  // The views a few per frame from the latest states; the page is aria-busy until all show them.
  private readonly budget: FrameBudget;
  private readonly toyChanged: (() => void)[] = [];

  constructor(shell: Shell, private readonly store: Store) {
    this.budget = new FrameBudget({ busy: (busy) => setBusy(shell.main, busy) });
    this.client = new TrainClient({
      toy: (state, history) => this.receive(state, history),
      corpus: (state) => this.corpus.show(state),
      corpusProblem: (problem) => this.corpus.refused(problem),
      corpusReading: (reading) => this.corpus.reading(reading),
      fatal: (message) => shell.workerStopped(message),
    });
    this.circle = new CircleView(TOY_WORDS, {
      turn: (kind, word, angle) => this.turn(kind, word, angle),
      done: () => this.remember(),
    }, t('toyCircleLabel'));
    this.tables = new ToyTables(TOY_WORDS, this.counts);
    this.pair = new PairFormula(TOY_WORDS, this.counts);
    this.etaInput = numberInput(store.state.train.eta, { name: 'eta' });
    const etaField = field('toyEta', this.etaInput, 'toyEtaHelp');
    this.etaInput.addEventListener('change', () => {
      const eta = parseUserNumber(this.etaInput.value);
      if (eta === null || !(eta > 0) || eta > 10) {
        etaField.setError(t('toyEtaInvalid'));
        return;
      }
      etaField.setError(null);
      store.update((s) => { s.train.eta = eta; });
      this.client.send({ type: 'toy-eta', eta });
    });
    const button = (key: Parameters<typeof tr>[1], action: string, primary = false) =>
      tr('button', key, { type: 'button', 'data-action': action, class: primary ? 'button-primary' : undefined });
    this.buttons = { start: button('startButton', 'start', true), pause: button('pauseButton', 'pause'),
      step: button('stepButton', 'step'), reset: button('resetButton', 'reset') };
    this.buttons.start.addEventListener('click', () => this.client.send({ type: 'toy-run', eta: store.state.train.eta }));
    this.buttons.pause.addEventListener('click', () => this.client.send({ type: 'pause' }));
    this.buttons.step.addEventListener('click', () => this.client.send({ type: 'toy-step', eta: store.state.train.eta }));
    this.buttons.reset.addEventListener('click', () => this.reset());
    const lossCanvas = h('canvas', { role: 'img' });
    this.corpus = new CorpusPanel(store, this.client, this.budget);
    shell.main.append(this.layout(etaField.root, lossCanvas), this.corpus.root);
    this.lossView = new LossView(lossCanvas, undefined, { symbol: 'L', axis: 'toyAxisLoss', description: 'toyLossDescription', step: 'toyAxisStep' });
    hideControls(shell.main, store.state.hide);
    this.addToyViews();
    this.start(store.state.train.angles);
  }

  private layout(etaField: HTMLElement, lossCanvas: HTMLCanvasElement): HTMLElement {
    const sentences = h('ol', { class: 'toy-sentences' }, ...TOY_SENTENCES.map((s) => h('li', {}, s)));
    const panel = (titleKey: Parameters<typeof tr>[1], control: string | null, ...children: (HTMLElement | SVGElement | null)[]) =>
      h('section', { class: 'panel', 'data-control': control ?? undefined }, tr('h2', titleKey), ...children.filter(Boolean) as Node[]);
    trAttribute(lossCanvas, 'aria-label', 'toyAxisLoss');
    return h('div', { class: 'train-page' },
      tr('p', 'trainIntro', { class: 'intro' }),
      h('div', { class: 'train-grid' },
        panel('toyCircleTitle', null,
          h('div', { class: 'toy-score' }, h('span', { class: 'toy-loss-name' }, 'L = '), this.lossValue), this.goal,
          h('div', { class: 'circle-box' }, this.circle.root),
          tr('p', 'toyCircleHelp', { class: 'field-help' })),
        h('div', { class: 'train-column' },
          panel('toyDescentTitle', 'descent',
            tr('p', 'toyDescentHelp', { class: 'field-help' }), etaField,
            h('div', { class: 'run-buttons' }, this.buttons.start, this.buttons.pause, this.buttons.step, this.buttons.reset),
            h('div', { class: 'run-status' },
              h('span', { class: 'stat' }, tr('span', 'toySteps', { class: 'stat-name' }), this.stepsValue),
              h('span', { class: 'stat' }, tr('span', 'toyGradient', { class: 'stat-name' }), this.gradientValue)),
            this.message,
            h('div', { class: 'chart-box small' }, lossCanvas)),
          panel('toyFormulaTitle', 'formula', tr('p', 'toyFormulaHelp', { class: 'field-help' }),
            scrollBox(this.tables.terms, 'toyFormulaTitle'), tr('h3', 'toyPairTitle'), this.pair.root),
          panel('toyTableTitle', 'table', tr('p', 'toyTableHelp', { class: 'field-help' }),
            scrollBox(this.tables.probabilities, 'toyTableTitle')),
          panel('toySentencesTitle', null, sentences))));
  }

  private start(angles: number[] | null): void {
    const radians = angles?.map((a) => (a * Math.PI) / 180);
    this.client.send({ type: 'toy-setup', words: TOY_WORDS.length, counts: this.counts,
      focus: radians ? radians.slice(0, 5) : TOY_START.focus.map(angleOf),
      context: radians ? radians.slice(5) : TOY_START.context.map(angleOf), eta: this.store.state.train.eta });
  }

  private reset(): void {
    this.store.update((s) => { s.train.angles = null; });
    this.best = Infinity;
    this.start(null);
  }

  // A drag moves one vector; the worker answers with the new L.
  private pendingTurn: { kind: VectorKind; word: number; angle: number } | null = null;
  private turn(kind: VectorKind, word: number, angle: number): void {
    if (!this.state) return;
    const first = this.pendingTurn === null;
    this.pendingTurn = { kind, word, angle };
    if (!first) return;
    requestAnimationFrame(() => this.applyTurn());  // at most one update a frame, however fast the pointer moves
  }

  private applyTurn(): void {
    const turn = this.pendingTurn;
    if (!turn || !this.state) return;
    this.pendingTurn = null;
    const focus = this.state.focus.slice(), context = this.state.context.slice();
    (turn.kind === 'focus' ? focus : context)[turn.word] = turn.angle;
    this.state = { ...this.state, focus, context };
    this.circle.show(focus, context);
    this.client.send({ type: 'toy-angles', focus, context });
  }

  // The picture in the URL, once a drag, a key press or a run has ended (a turn still waiting for
  // its frame is taken first, or a key press would leave the link one turn behind).
  private remember(): void {
    this.applyTurn();
    if (!this.state) return;
    const angles = [...this.state.focus, ...this.state.context].map(degrees);
    this.store.update((s) => { s.train.angles = angles; });
  }

  private receive(state: ToyState, history: { steps: number[]; losses: number[] }): void {
    const wasRunning = this.state?.running ?? false;
    this.state = state;
    this.history = history;
    if (!Number.isFinite(state.loss)) {
      this.message.hidden = false;
      this.message.textContent = t('toyDiverged');
    } else {
      this.message.hidden = true;
      this.best = Math.min(this.best, state.loss);
    }
    this.buttons.start.disabled = state.running;
    this.buttons.pause.disabled = !state.running;
    if (wasRunning && !state.running) this.remember();
    for (const changed of this.toyChanged) changed();
  }

  // The toy's views, each drawn from the latest state when its turn comes.
  private addToyViews(): void {
    const view = (name: string, draw: (state: ToyState) => void) =>
      this.toyChanged.push(this.budget.add(name, () => { if (this.state) draw(this.state); }));
    view('toy circle', (state) => {
      this.circle.show(state.focus, state.context);
      this.lossValue.textContent = formatFixed(state.loss, 2);
      this.stepsValue.textContent = formatCount(state.steps);
      this.gradientValue.textContent = formatFixed(state.gradient, 3);
      this.goal.textContent = t('toyGoal', { best: formatFixed(this.best, 2), goal: formatFixed(TOY_BEST, 2) });
    });
    view('toy tables', (state) => this.tables.show(state));
    view('toy pair', (state) => this.pair.show(state));
    view('toy loss', () => this.lossView.setCurve(Float64Array.from(this.history.steps), Float64Array.from(this.history.losses)));
  }

  refresh(): void {
    this.lossView.refresh();
    this.corpus.refresh();
    this.etaInput.value = inputText(this.store.state.train.eta);
    for (const changed of this.toyChanged) changed();  // numbers again in the new language
  }
}
