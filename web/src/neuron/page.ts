// The "Kunstig neuron" page: wires the data panel, the controls and the views to the worker that
// trains the neuron, and keeps every setting in the URL.
import { h, tr, trAttribute } from '../app/dom.ts';
import { COLORS } from '../app/charts.ts';
import { hideControls, type EmbeddableControl } from '../app/hidden-controls.ts';
import { formatCount, formatNumber, t } from '../app/i18n.ts';
import type { Shell } from '../app/shell.ts';
import type { Store } from '../app/store.ts';
import type { NeuronPageState } from './neuron-state.ts';
import type { NeuronData } from '../data/dataset.ts';
import { saveOwnData, saveOwnDataText } from '../data/own-data.ts';
import { findPreset, PRESETS } from '../data/presets.ts';
import { NeuronClient } from '../wasm/neuron-client.ts';
import { prepareTableWorker } from '../wasm/table-client.ts';
import { whenIdle } from '../app/when-idle.ts';
import type { LaneSnapshot, NeuronSnapshot } from '../wasm/neuron-protocol.ts';
import type { CoreStatus, NeuronSettings } from '../wasm/neuron-types.ts';
import { TrainingControls, type RunSettings } from '../app/training-controls.ts';
import { DataPanel, type DataChoice } from './data-panel.ts';
import { LossView } from '../charts/loss-view.ts';
import { PredictionPanel } from './prediction-panel.ts';
import { RunBar } from '../app/run-bar.ts';
import { StatsLine } from './stats-line.ts';
import { ScatterView } from '../charts/scatter-view.ts';
import { FrameBudget, pace, setBusy } from '../app/frame-budget.ts';
import type { NeuronFormulas } from '../wasm/neuron-formulas.ts';
import { loadNeuronFormulas } from '../wasm/neuron-formulas-loader.ts';
import { WeightsPanel } from './weights-panel.ts';

const PREDICTION_EVERY_MS = 250;


export async function mountNeuronPage(shell: Shell, store: Store): Promise<void> {
  const page = new NeuronPage(shell, store, await loadNeuronFormulas());
  shell.onEmbed('pageNeuronTitle', EMBEDDABLE);
  shell.onLanguage(() => page.refresh());
  void page.start();
}

const EMBEDDABLE: EmbeddableControl[] = [
  { id: 'data', label: 'controlData', shown: false }, { id: 'loss', label: 'controlLoss', shown: false },
  { id: 'activation', label: 'controlActivation', shown: false }, { id: 'gradient', label: 'controlGradient', shown: false },
  { id: 'eta', label: 'controlEta', shown: true }, { id: 'iterations', label: 'controlIterations', shown: false },
  { id: 'start', label: 'controlStart', shown: false }, { id: 'standardize', label: 'controlStandardize', shown: false },
  { id: 'speed', label: 'controlSpeed', shown: false }, { id: 'buttons', label: 'controlButtons', shown: true },
  { id: 'weights', label: 'controlWeights', shown: true }, { id: 'predict', label: 'controlPredict', shown: false },
];

function settingsOf(state: NeuronPageState): NeuronSettings {
  return { activation: state.activation, loss: state.loss, gradient: state.gradient, eta: state.eta,
    standardize: state.standardize, start: state.start, seed: state.seed };
}

class NeuronPage {
  private readonly client: NeuronClient;
  private readonly dataPanel: DataPanel;
  private readonly controls: TrainingControls;
  private readonly runBar: RunBar;
  private readonly stats: StatsLine;
  private readonly scatter: ScatterView;
  private readonly lossView: LossView;
  private readonly weights = new WeightsPanel();
  private readonly prediction: PredictionPanel;
  private readonly runMessage = h('p', { class: 'run-message', role: 'alert', hidden: true });
  private readonly stuckHint = tr('p', 'hintStuck', { class: 'run-hint', hidden: true });
  private readonly plotNote = tr('p', 'chooseTwoToPlot', { class: 'field-help', hidden: true });
  private data: NeuronData | null = null;
  private latest: NeuronSnapshot | null = null;
  // The views a few per frame, from the latest snapshot; the page is aria-busy until all show it.
  private readonly budget = new FrameBudget({ busy: (busy) => setBusy(this.shell.main, busy) });

  constructor(private readonly shell: Shell, private readonly store: Store, formulas: NeuronFormulas) {
    const state = store.state.neuron;
    this.client = new NeuronClient({
      state: (snapshot, problem) => this.receive(snapshot, problem),
      fatal: (message) => shell.workerStopped(message),
    });
    this.dataPanel = new DataPanel((data, choice, stored) => this.applyData(data, choice, stored));
    this.controls = new TrainingControls(state, {
      settings: (change) => void this.changeSettings(change),
      eta: (eta) => void this.changeEta(eta),
      iterations: (iterations) => store.update((s) => { s.neuron.iterations = iterations; }),
      speed: (speed) => {
        store.update((s) => { s.neuron.speed = speed; });
        this.controls.sync(store.state.neuron);
        this.client.setSpeed(speed);
      },
    });
    this.runBar = new RunBar({
      start: () => this.client.run(this.latest && this.latest.remaining > 0 ? this.latest.remaining : store.state.neuron.iterations,
        store.state.neuron.speed),
      pause: () => this.client.pause(),
      step: () => this.client.step(),
      reset: () => {
        this.showRunMessage(null);
        this.client.reset();
      },
    });
    this.stats = new StatsLine(this.runBar.remaining);
    this.prediction = new PredictionPanel(formulas, (values) => store.update((s) => { s.neuron.ask = values; }));
    const scatterCanvas = h('canvas', { role: 'img' });
    trAttribute(scatterCanvas, 'aria-label', 'sectionPlot');
    const lossCanvas = h('canvas', { role: 'img', 'aria-label': t('sectionLoss') });  // then LossView describes the curve
    shell.main.append(this.layout(scatterCanvas, lossCanvas));
    this.scatter = new ScatterView(scatterCanvas, formulas, true);
    scatterCanvas.parentElement!.after(this.scatter.note);
    this.lossView = new LossView(lossCanvas);
    this.lossView.setLogScale(state.logScale);
    hideControls(shell.main, store.state.hide);
    this.addViews();
  }

  private layout(scatterCanvas: HTMLCanvasElement, lossCanvas: HTMLCanvasElement): HTMLElement {
    const logBox = h('input', { type: 'checkbox', name: 'log-scale' });
    logBox.checked = this.store.state.neuron.logScale;
    logBox.addEventListener('change', () => {
      this.store.update((s) => { s.neuron.logScale = logBox.checked; });
      this.lossView.setLogScale(logBox.checked);
    });
    const panel = (titleKey: Parameters<typeof tr>[1], control: string | null, ...children: (HTMLElement | null)[]) =>
      h('section', { class: 'panel', 'data-control': control ?? undefined }, tr('h2', titleKey), ...children);
    return h('div', { class: 'neuron-page' },
      tr('p', 'neuronIntro', { class: 'intro' }),
      h('div', { class: 'neuron-grid page-grid' },
        h('div', { class: 'run-bar panel' }, this.runBar.buttons, this.stats.root, this.runMessage, this.stuckHint),
        h('div', { class: 'plots' },
          panel('sectionPlot', null, h('div', { class: 'chart-box' }, scatterCanvas), this.plotNote),
          panel('sectionLoss', null, h('div', { class: 'chart-box' }, lossCanvas),
            h('label', { class: 'checkbox small' }, logBox, tr('span', 'logScale')))),
        h('aside', { class: 'sidebar' },
          panel('sectionData', 'data', this.dataPanel.root),
          panel('sectionNeuron', null, this.controls.root)),
        h('div', { class: 'details' },
          panel('sectionWeights', 'weights', this.weights.weightsRoot, tr('h3', 'sectionConfusion'), this.weights.confusionRoot),
          panel('sectionPredict', 'predict', this.prediction.root))));
  }

  async start(): Promise<void> {
    const state = this.store.state.neuron;
    let preset = findPreset(state.data);
    if (!preset) {
      // A link made while a file was open cannot carry the file.
      this.shell.notice(state.data === 'own' ? t('ownDataNotInLink') : t('urlProblem', { key: 'data', value: state.data }));
      preset = PRESETS[0];
    }
    const linked = { target: state.target, features: state.features, start: state.start, ask: state.ask };
    if (!(await this.dataPanel.openPreset(preset, state.target, state.features)))
      await this.dataPanel.openPreset(preset, null, null);  // the URL's columns did not fit
    this.explainUnusedLink(linked);
    // A worker for the next file, with the XLSX reader loaded while there is a network (when
    // the page is idle: starting a worker and its module costs the page a little too).
    whenIdle(() => prepareTableWorker());
  }

  // The link's columns, start weights or inputs that did not fit the data: said, not silently dropped.
  private explainUnusedLink(linked: Pick<NeuronPageState, 'target' | 'features' | 'start' | 'ask'>): void {
    const used = this.dataPanel.choice();
    const cols = this.data?.cols ?? 0;
    if (!used) return;
    if (linked.target !== null && linked.target !== used.target)
      this.shell.notice(t('urlColumnUnknown', { key: 't', value: linked.target, used: used.target }));
    if (linked.features !== null && linked.features.join(',') !== used.features.join(','))
      this.shell.notice(t('urlColumnsUnknown', { key: 'x', value: linked.features.join(','), used: used.features.join(', ') }));
    if (linked.start.kind === 'given' && linked.start.weights.length !== cols + 1)
      this.shell.notice(t('urlStartWrongCount', { found: linked.start.weights.length, expected: cols + 1, last: cols }));
    if (linked.ask !== null && linked.ask.length !== cols)
      this.shell.notice(t('urlAskWrongCount', { found: linked.ask.length, expected: cols }));
  }

  refresh(): void {
    this.dataPanel.refresh();
    this.controls.refresh();
    this.scatter.refresh();
    this.lossView.refresh();
    this.weights.refresh();
    this.prediction.refresh();
    this.runBar.refresh();
    this.stats.refresh();
  }

  // New data: train from the start on them, or explain why not and keep the old ones.
  private async applyData(data: NeuronData, choice: DataChoice, stored: string | null): Promise<string | null> {
    let state = this.store.state.neuron;
    // Chosen start weights belong to a number of inputs; other data start from 0 instead.
    const start = state.start.kind === 'given' && state.start.weights.length !== data.cols + 1
      ? { kind: 'constant' as const, value: 0 } : state.start;
    const startChanged = start !== state.start;
    const reply = await this.client.setup({ x: data.x, rows: data.rows, cols: data.cols, t: data.t },
      [settingsOf({ ...state, start })]);
    if (!reply.status.ok) return this.coreMessage(reply.status, data);
    this.store.update((s) => {
      s.neuron.start = start;
      s.neuron.data = choice.preset ? choice.preset.id : 'own';
      const presetColumns = choice.preset && choice.target === choice.preset.target
        && choice.features.join() === choice.preset.features.join();
      s.neuron.target = presetColumns || !choice.preset ? null : choice.target;
      s.neuron.features = presetColumns || !choice.preset ? null : choice.features;
      if (s.neuron.ask && s.neuron.ask.length !== data.cols) s.neuron.ask = null;
    });
    // For the race page, in a task of its own (a large table's text takes ~35 ms to store; idle
    // time would be too late for a student who clicks on to the race at once).
    if (!choice.preset) setTimeout(() => (stored === null ? saveOwnData(choice.fileName, data) : saveOwnDataText(stored)));
    state = this.store.state.neuron;
    this.data = data;
    this.controls.setFeatureCount(data.cols);
    if (startChanged) this.controls.sync(state);
    this.scatter.setData(data);
    this.weights.setData(data);
    this.prediction.setData(data, state.ask, choice.preset?.offer ?? false);
    this.plotNote.hidden = data.cols <= 2;
    this.runBar.setEnabled(true);
    this.showRunMessage(null);
    if (reply.snapshot) this.show(reply.snapshot);
    return null;
  }

  // Loss, activation, update rule, start weights, standardisation or seed: a new run.
  private async changeSettings(change: Partial<RunSettings>): Promise<void> {
    const next = { ...this.store.state.neuron, ...change };
    const reply = await this.client.configure([settingsOf(next)]);
    if (!reply.status.ok) {
      this.showRunMessage(this.coreMessage(reply.status, this.data));
      this.controls.sync(this.store.state.neuron);
      return;
    }
    this.store.update((s) => Object.assign(s.neuron, change));
    this.controls.sync(this.store.state.neuron);
    this.showRunMessage(null);
    if (reply.snapshot) this.show(reply.snapshot);
  }

  // η changes mid-run without a restart. The value is already checked, so the state takes it at
  // once: a setup still on its way to the worker then brings the new η along.
  private async changeEta(eta: number): Promise<void> {
    this.store.update((s) => { s.neuron.eta = eta; });
    this.showRunMessage(null);
    await this.client.setEta(eta);
  }

  private receive(snapshot: NeuronSnapshot, problem: CoreStatus | null): void {
    if (problem) this.showRunMessage(this.coreMessage(problem, this.data, snapshot.lanes[0].iteration));
    this.show(snapshot);
  }

  // A new moment of training: every view shows it, as the frame budget lets them.
  private show(snapshot: NeuronSnapshot): void {
    this.latest = snapshot;
    this.budget.invalidate();
  }

  private addViews(): void {
    const view = (name: string, draw: (lane: LaneSnapshot, snapshot: NeuronSnapshot) => void) =>
      this.budget.add(name, () => { if (this.latest) draw(this.latest.lanes[0], this.latest); });
    const activation = () => this.store.state.neuron.activation;
    view('run', (lane, snapshot) => {
      this.stats.show(lane, snapshot.running);
      // ReLU with z ≤ 0 for every example (e.g. all start weights 0): every ∂E/∂wᵢ is 0, nothing moves.
      this.stuckHint.hidden = !(lane.loss > 0 && lane.gradient.every((g) => g === 0));
      this.runBar.show(snapshot);  // last: moving the focus lays the page out, after the changes above
    });
    view('loss', (lane) => this.lossView.setCurve(lane.curveIterations, lane.curveLosses));
    view('scatter', (lane) => this.scatter.setModels([{ weights: lane.weights, level: lane.level, activation: activation(), label: '',
      color: COLORS.boundary, curveColor: COLORS.output }]));
    view('weights', (lane) => this.weights.show(lane));
    // The typeset prediction at a readable pace while training runs (KaTeX and its layout are slow).
    const due = pace(PREDICTION_EVERY_MS);
    view('prediction', (lane, snapshot) => { if (due(snapshot.running)) this.prediction.setModel(lane.weights, activation()); });
  }

  private showRunMessage(text: string | null): void {
    this.runMessage.hidden = text === null;
    this.runMessage.textContent = text ?? '';
  }

  // The core's status in words: which setting or which cell, and what to do.
  private coreMessage(status: CoreStatus, data: NeuronData | null, iteration = 0): string {
    switch (status.status) {
      case 'diverged':
        return t('errorDiverged', { iteration: formatCount(iteration), eta: formatNumber(this.store.state.neuron.eta) });
      case 'invalid_learning_rate':
        return t('errorEta');
      case 'invalid_seed':
        return t('errorSeed');
      case 'non_finite_input':
        return t('errorCore', { detail: t('errorCoreCell', { row: status.row + 2,
          column: data ? (data.featureNames[status.column] ?? data.targetName) : status.column + 1 }) });
      case 'target_out_of_range':
        return t('errorCore', { detail: t('errorCoreTarget', { row: status.row + 2 }) });
      default:
        return t('errorCore', { detail: status.status });
    }
  }
}
