// The "Langsom læring" page: two neurons — squared error and cross-entropy — trained side by side
// on the same data from the same start with the same η, step for step, with the numbers that
// explain why one of them sits on a plateau.
import { h, options, tr, trAttribute } from '../app/dom.ts';
import { hideControls, type EmbeddableControl } from '../app/hidden-controls.ts';
import { formatCount, formatNumber, t } from '../app/i18n.ts';
import { RunBar } from '../app/run-bar.ts';
import { FrameBudget, pace, setBusy } from '../app/frame-budget.ts';
import { Visibility } from '../app/visibility.ts';
import type { Shell } from '../app/shell.ts';
import type { Store } from '../app/store.ts';
import { TrainingControls, type ControlValues, type RunSettings } from '../app/training-controls.ts';
import type { NeuronData } from '../data/dataset.ts';
import { storageAllowed } from '../data/device-storage.ts';
import { LossView } from '../charts/loss-view.ts';
import { ScatterView } from '../charts/scatter-view.ts';
import type { NeuronFormulas } from '../wasm/neuron-formulas.ts';
import { loadNeuronFormulas } from '../wasm/neuron-formulas-loader.ts';
import { NeuronClient } from '../wasm/neuron-client.ts';
import type { LaneSnapshot, NeuronSnapshot } from '../wasm/neuron-protocol.ts';
import type { CoreStatus, NeuronSettings, StartWeights } from '../wasm/neuron-types.ts';
import { ComparePanel, LANE_LOSSES } from './compare-panel.ts';
import { ExamPanels } from './exam-panels.ts';
import { FormulaPanel } from './formula-panel.ts';
import { IterationTable } from './iteration-table.ts';
import { iterationTableData } from './iteration-rows.ts';
import { LANE_COLORS } from './lane-colors.ts';
import { LandscapePanel } from './landscape-panel.ts';
import { findRacePreset, RACE_PRESETS, type RacePreset } from './presets.ts';
import type { RacePageState } from './race-state.ts';

const FORMULA_EVERY_MS = 250;  // formulas change at a readable pace while training runs

const EMBEDDABLE: EmbeddableControl[] = [
  { id: 'preset', label: 'controlPreset', shown: false }, { id: 'eta', label: 'controlEta', shown: false },
  { id: 'iterations', label: 'controlIterations', shown: false }, { id: 'start', label: 'controlStart', shown: false },
  { id: 'standardize', label: 'controlStandardize', shown: false }, { id: 'speed', label: 'controlSpeed', shown: false },
  { id: 'buttons', label: 'controlButtons', shown: true }, { id: 'compare', label: 'controlCompare', shown: true },
  { id: 'landscape', label: 'controlLandscape', shown: true }, { id: 'formulas', label: 'controlFormulas', shown: false },
  { id: 'exam', label: 'controlExam', shown: false }, { id: 'table', label: 'controlTable', shown: false },
];

export async function mountRacePage(shell: Shell, store: Store): Promise<void> {
  const page = new RacePage(shell, store, await loadNeuronFormulas());
  shell.onEmbed('pageRaceTitle', EMBEDDABLE,
    [{ label: 'embedAutostart', on: true, apply: (s, on) => { s.race.autostart = on; } }]);
  shell.onLanguage(() => page.refresh());
  void page.start();
}

// The preset's settings, with the URL's own where it has them.
function effective(preset: RacePreset, r: RacePageState) {
  return { eta: r.eta ?? preset.eta, iterations: r.iterations ?? preset.iterations, start: r.start ?? preset.start,
    standardize: r.standardize ?? preset.standardize, speed: r.speed ?? preset.speed };
}

// The same neuron twice; only the loss differs.
function laneSettings(s: { eta: number; start: StartWeights; standardize: boolean }): NeuronSettings[] {
  return LANE_LOSSES.map((loss) => ({ activation: 'sigmoid', loss, gradient: 'sum', eta: s.eta,
    standardize: s.standardize, start: s.start, seed: 1 }));
}

class RacePage {
  private readonly client: NeuronClient;
  private readonly presetSelect = h('select', { name: 'preset', id: 'race-preset' });
  private readonly presetAbout = h('p', { class: 'field-help preset-about' });
  private readonly presetMessage = h('p', { class: 'field-error', role: 'alert', hidden: true });
  private readonly controls: TrainingControls;
  private readonly runBar: RunBar;
  private readonly iterationValue = h('span', { class: 'stat-value', 'data-stat': 'iteration' });
  private readonly runMessage = h('p', { class: 'run-message', role: 'alert', hidden: true });
  private readonly scatter: ScatterView;
  private readonly lossViews: LossView[];
  private readonly compare: ComparePanel;
  private readonly landscape = new LandscapePanel();
  private readonly landscapeSection: HTMLElement;
  private readonly formulas: FormulaPanel;
  private readonly exam: ExamPanels;
  private readonly table: IterationTable;
  private preset: RacePreset = RACE_PRESETS[0];
  private data: NeuronData | null = null;
  private latest: NeuronSnapshot | null = null;
  // The views are drawn a few per frame (a run at full speed never holds a frame up long); views
  // below the fold wait while training runs until they are scrolled to, then catch up.
  private readonly budget = new FrameBudget({ busy: (busy) => setBusy(this.shell.main, busy) });
  private readonly visibility = new Visibility(() => this.budget.invalidate());
  private readonly formulaSection: HTMLElement;
  private readonly tableSection: HTMLElement;
  private lastRecord: NeuronSnapshot['record'] = null;
  private tableShows: NeuronSnapshot['record'] = null;  // the record the table was last drawn from
  private readonly thinnedNote = h('p', { class: 'field-help', hidden: true });

  constructor(private readonly shell: Shell, private readonly store: Store, private readonly core: NeuronFormulas) {
    this.client = new NeuronClient({
      state: (snapshot, problem, lane) => this.receive(snapshot, problem, lane),
      fatal: (message) => shell.workerStopped(message),
    });
    this.controls = new TrainingControls(this.controlValues(), {
      settings: (change) => void this.changeSettings(change),
      eta: (eta) => void this.changeEta(eta),
      iterations: (iterations) => store.update((s) => { s.race.iterations = iterations; }),
      speed: (speed) => {
        store.update((s) => { s.race.speed = speed; });
        this.controls.sync(this.controlValues());
        this.client.setSpeed(speed);
      },
    }, ['eta', 'iterations', 'start', 'standardize', 'speed']);
    this.runBar = new RunBar({
      start: () => this.client.run(this.latest && this.latest.remaining > 0 ? this.latest.remaining : this.settings().iterations,
        this.settings().speed),
      pause: () => this.client.pause(),
      step: () => this.client.step(),
      reset: () => {
        this.showRunMessage(null);
        this.client.reset();
      },
    });
    this.compare = new ComparePanel(core);
    this.formulas = new FormulaPanel(core, { example: store.state.race.example, loss: store.state.race.formulaLoss }, (choice) => {
      store.update((s) => { s.race.example = choice.example; s.race.formulaLoss = choice.loss; });
      this.budget.invalidate();  // the formulas again, a block a frame
    });
    this.exam = new ExamPanels(core, () => this.budget.invalidate());
    this.table = new IterationTable(this.tableTexts());
    const scatterCanvas = h('canvas', { role: 'img' });
    trAttribute(scatterCanvas, 'aria-label', 'sectionPlot');
    const lossCanvases = [h('canvas', { role: 'img' }), h('canvas', { role: 'img' })];
    this.landscapeSection = this.section('sectionLandscape', 'landscape', this.landscape.root);
    this.formulaSection = this.section('sectionFormulas', 'formulas', this.formulas.root);
    this.tableSection = this.section('sectionTable', 'table', this.table.root, this.thinnedNote);
    shell.main.append(this.layout(scatterCanvas, lossCanvases));
    this.scatter = new ScatterView(scatterCanvas, core, false);
    scatterCanvas.parentElement!.after(this.scatter.note);
    this.lossViews = lossCanvases.map((canvas, k) => new LossView(canvas, LANE_COLORS[k]));
    for (const view of this.lossViews) view.setLogScale(store.state.race.logScale);
    hideControls(shell.main, store.state.hide);
    for (const section of [this.landscapeSection, this.formulaSection, this.tableSection]) this.visibility.watch(section);
    this.addViews();
    options(this.presetSelect, RACE_PRESETS.map((p) => [p.id, p.label]));
    this.presetSelect.addEventListener('change', () => void this.choosePreset(this.presetSelect.value, true));
  }

  private section(titleKey: Parameters<typeof tr>[1], control: string | null, ...children: (HTMLElement | null)[]): HTMLElement {
    return h('section', { class: 'panel', 'data-control': control ?? undefined }, tr('h2', titleKey), ...children);
  }

  private layout(scatterCanvas: HTMLCanvasElement, lossCanvases: HTMLCanvasElement[]): HTMLElement {
    const logBox = h('input', { type: 'checkbox', name: 'log-scale' });
    logBox.checked = this.store.state.race.logScale;
    logBox.addEventListener('change', () => {
      this.store.update((s) => { s.race.logScale = logBox.checked; });
      for (const view of this.lossViews) view.setLogScale(logBox.checked);
    });
    const lossBox = (k: number) => h('figure', { class: 'loss-box' },
      tr('figcaption', k === 0 ? 'laneSquared' : 'laneCrossEntropy', { class: `map-title lane-${k === 0 ? 'se' : 'ce'}` }),
      h('div', { class: 'chart-box small' }, lossCanvases[k]));
    const stat = h('div', { class: 'run-status' }, h('div', { class: 'stat' }, tr('span', 'iterationLabel', { class: 'stat-name' }),
      this.iterationValue), this.runBar.remaining);
    return h('div', { class: 'race-page' },
      tr('p', 'raceIntro', { class: 'intro' }),
      h('div', { class: 'race-grid page-grid' },
        h('div', { class: 'run-bar panel' }, this.runBar.buttons, stat, this.runMessage),
        h('div', { class: 'plots' },
          this.section('sectionPlot', null, h('div', { class: 'chart-box' }, scatterCanvas)),
          this.section('sectionLosses', null, h('div', { class: 'loss-pair' }, lossBox(0), lossBox(1)),
            h('label', { class: 'checkbox small' }, logBox, tr('span', 'logScale')))),
        h('aside', { class: 'sidebar' },
          h('section', { class: 'panel' }, tr('h2', 'racePreset'),
            h('div', { class: 'control field', 'data-control': 'preset' },
              tr('label', 'racePreset', { for: 'race-preset', class: 'visually-hidden' }), this.presetSelect,
              this.presetAbout, this.presetMessage),
            this.controls.root)),
        h('div', { class: 'race-details' },
          this.section('sectionCompare', 'compare', this.compare.root),
          this.section('sectionWhy', null, tr('p', 'whyText1'), tr('p', 'whyText2'))),
        h('div', { class: 'race-wide' },
          this.landscapeSection, this.formulaSection,
          this.section('sectionExam', 'exam', this.exam.root),
          this.tableSection)));
  }

  async start(): Promise<void> {
    const id = this.store.state.race.preset;
    if (!findRacePreset(id)) this.shell.notice(t('urlProblem', { key: 'preset', value: id }));
    await this.choosePreset(findRacePreset(id) ? id : RACE_PRESETS[1].id, false);
    // A link to own data that are not here: the default race, under the message that says why.
    if (!this.data) await this.choosePreset(RACE_PRESETS[1].id, false, true);
    if (this.store.state.race.autostart && this.data) this.client.run(this.settings().iterations, this.settings().speed);
  }

  refresh(): void {
    options(this.presetSelect, RACE_PRESETS.map((p) => [p.id, p.label]));
    this.presetSelect.value = this.preset.id;
    this.presetAbout.textContent = t(this.preset.about);
    this.controls.refresh();
    this.scatter.refresh();
    for (const view of this.lossViews) view.refresh();
    this.compare.refresh();
    this.landscape.refresh();
    this.formulas.refresh();
    this.exam.refresh();
    this.table.setTexts(this.tableTexts());
    this.runBar.refresh();
    this.budget.invalidate();
  }

  private settings() {
    return effective(this.preset, this.store.state.race);
  }

  private controlValues(): ControlValues {
    const s = effective(findRacePreset(this.store.state.race.preset) ?? RACE_PRESETS[1], this.store.state.race);
    return { loss: 'squared', activation: 'sigmoid', gradient: 'sum', seed: 1, ...s };
  }

  // A new preset (fresh: its own settings, dropping the link's); on any problem the race so far stays.
  // keepMessage: leave the message of the preset that could not be chosen.
  private async choosePreset(id: string, fresh: boolean, keepMessage = false): Promise<void> {
    const preset = findRacePreset(id)!;
    const data = preset.data();
    this.presetSelect.value = this.preset.id;
    if (!data) {
      this.presetMessage.hidden = false;
      this.presetMessage.textContent = t(storageAllowed() ? 'raceOwnMissing' : 'raceOwnRefused');
      return;
    }
    const race = fresh ? { ...this.store.state.race, preset: id, eta: null, iterations: null, start: null,
      standardize: null, speed: null, example: null } : { ...this.store.state.race, preset: id };
    let settings = effective(preset, race);
    if (settings.start.kind === 'given' && settings.start.weights.length !== data.cols + 1) {
      this.shell.notice(t('urlProblem', { key: 'w', value: settings.start.weights.join(',') }));
      race.start = null;
      settings = effective(preset, race);
    }
    const reply = await this.client.setup({ x: data.x, rows: data.rows, cols: data.cols, t: data.t },
      laneSettings(settings), true);
    if (!reply.status.ok) {
      this.presetMessage.hidden = false;
      this.presetMessage.textContent = t('errorCore', { detail: reply.status.status });
      return;
    }
    this.preset = preset;
    this.data = data;
    this.store.update((s) => { s.race = race; });
    this.presetSelect.value = id;
    this.presetAbout.textContent = t(preset.about);
    if (!keepMessage) this.presetMessage.hidden = true;
    this.controls.setFeatureCount(data.cols);
    this.controls.sync(this.controlValues());
    this.scatter.setData(data);
    this.compare.setData(data);
    this.formulas.setData(data);
    this.exam.setData(data);
    this.runBar.setEnabled(true);
    this.showRunMessage(null);
    await this.loadLandscape();
    if (reply.snapshot) this.show(reply.snapshot);
  }

  private async loadLandscape(): Promise<void> {
    const grid = this.preset.grid;
    const show = Boolean(grid && this.data?.cols === 1);
    this.landscapeSection.hidden = !show || this.store.state.hide.includes('landscape');
    if (!show || !grid) return;
    const reply = await this.client.landscape(grid);
    if (reply.status.ok) this.landscape.setGrids(grid, reply.grids);
  }

  // Start weights, standardisation: both neurons start over (the loss and the rest are fixed here).
  private async changeSettings(change: Partial<RunSettings>): Promise<void> {
    const race = { ...this.store.state.race };
    if (change.start) race.start = change.start;
    if (change.standardize !== undefined) race.standardize = change.standardize;
    const reply = await this.client.configure(laneSettings(effective(this.preset, race)));
    if (!reply.status.ok) {
      this.showRunMessage(t('errorCore', { detail: reply.status.status }));
      return;
    }
    this.store.update((s) => { s.race = race; });
    this.controls.sync(this.controlValues());
    this.showRunMessage(null);
    await this.loadLandscape();
    if (reply.snapshot) this.show(reply.snapshot);
  }

  private async changeEta(eta: number): Promise<void> {
    this.store.update((s) => { s.race.eta = eta; });
    this.showRunMessage(null);
    await this.client.setEta(eta);
  }

  private receive(snapshot: NeuronSnapshot, problem: CoreStatus | null, lane: number): void {
    if (problem) this.showRunMessage(problem.status === 'diverged'
      ? `${t(lane === 0 ? 'laneSquared' : 'laneCrossEntropy')}: ${t('errorDiverged', {
        iteration: formatCount(snapshot.lanes[lane].iteration), eta: formatNumber(this.settings().eta) })}`
      : t('errorCore', { detail: problem.status }));
    this.show(snapshot);
  }

  // A new moment of training: every view shows it, as the frame budget lets them.
  private show(snapshot: NeuronSnapshot): void {
    this.latest = snapshot;
    if (snapshot.record) this.lastRecord = snapshot.record;
    this.budget.invalidate();
  }

  // Each view draws from the latest snapshot when its turn comes.
  private addViews(): void {
    const lanes = () => (this.latest?.lanes.length === 2 && this.data ? this.latest.lanes : null);
    type Draw = (lanes: LaneSnapshot[], snapshot: NeuronSnapshot, data: NeuronData) => boolean | void;
    const view = (name: string, draw: Draw) =>
      this.budget.add(name, () => { const l = lanes(); return l ? draw(l, this.latest!, this.data!) : undefined; });
    view('run', (l, snapshot) => {
      this.iterationValue.textContent = formatCount(l[0].iteration);
      this.runBar.show(snapshot);  // last: moving the focus lays the page out, after the change above
    });
    this.lossViews.forEach((lossView, k) => view(`loss ${k}`, (l) => lossView.setCurve(l[k].curveIterations, l[k].curveLosses)));
    view('scatter', (l) => this.scatter.setModels(l.map((lane, k) => ({ weights: lane.weights, level: lane.level, activation: 'sigmoid',
      label: t(k === 0 ? 'laneSquared' : 'laneCrossEntropy'), color: LANE_COLORS[k], dash: k === 1 ? [7, 4] : undefined }))));
    view('compare', (l) => this.compare.show(l));
    // Below the fold: drawn when in sight, or when training is not running (to catch up).
    const below = (name: string, section: HTMLElement, draw: Draw) =>
      view(name, (l, snapshot, data) => (!snapshot.running || this.visibility.isVisible(section) ? draw(l, snapshot, data) : undefined));
    below('landscape', this.landscapeSection, (l, snapshot) => {
      if (!this.landscapeSection.hidden) this.landscape.show(snapshot.record ?? this.lastRecord, l);
    });
    below('table', this.tableSection, (_, __, data) => {
      if (!this.lastRecord || this.lastRecord === this.tableShows) return;  // the table comes along now and then
      this.tableShows = this.lastRecord;
      this.showTable(data, this.lastRecord);
    });
    // The formulas and the exam questions at a readable pace while training runs, typeset a block
    // a frame (KaTeX takes tens of milliseconds for a whole derivation).
    const typeset = (prepare: () => void, step: () => boolean): Draw => {
      const due = pace(FORMULA_EVERY_MS);
      return (_, snapshot) => {
        if (due(snapshot.running)) prepare();
        return step();
      };
    };
    below('formulas', this.formulaSection, typeset(() => this.drawFormulaPanel(), () => this.formulas.typesetStep()));
    view('exam', typeset(() => this.drawExam(), () => this.exam.typesetStep()));
  }

  private showTable(data: NeuronData, record: NonNullable<NeuronSnapshot['record']>): void {
    this.table.setData(iterationTableData(data, record, this.core));
    // A long run keeps every 2nd, 4th, … iteration (the rows' step tells which).
    const stride = record.iterations.length > 1 ? record.iterations[1] - record.iterations[0] : 1;
    this.thinnedNote.hidden = stride <= 1;
    this.thinnedNote.textContent = t('tableThinned', { stride: formatCount(stride) });
  }

  private drawFormulaPanel(): void {
    if (this.latest?.lanes.length === 2) this.formulas.show(this.latest.lanes, this.settings().eta);
  }

  private drawExam(): void {
    const snapshot = this.latest;
    if (!snapshot || snapshot.lanes.length !== 2) return;
    const r = this.store.state.race;
    const lane = snapshot.lanes[LANE_LOSSES.indexOf(r.formulaLoss)];
    this.exam.show(snapshot.lanes, r.example ?? Math.max(0, lane.worst.index), this.settings().eta);
  }

  private showRunMessage(text: string | null): void {
    this.runMessage.hidden = text === null;
    this.runMessage.textContent = text ?? '';
  }

  private tableTexts() {
    return {
      caption: t('tableCaption'), exportButton: t('tableExport'), danishExcel: t('tableDanishExcel'),
      rowsShown: (shown: number, total: number) => (shown < total
        ? t('tableRowsSome', { shown: formatCount(shown), total: formatCount(total) })
        : t('tableRowsAll', { total: formatCount(total) })),
    };
  }
}

