// Training word2vec on a text, live: the seeded practice sentences or the student's own text, the
// settings of word2vec, and while it trains the loss, the speed, the watched words' nearest
// neighbours and their PCA picture. The text's source and settings are in the URL.
import { h, options, scrollBox, tr, trAttribute } from '../app/dom.ts';
import { field, numberInput } from '../app/fields.ts';
import { setRunning } from '../app/run-bar.ts';
import { formatCount, formatFixed, formatMegabytes, formatNumber, formatPercent, parseUserNumber, t, type MessageKey } from '../app/i18n.ts';
import { pace, type FrameBudget } from '../app/frame-budget.ts';
import type { Store } from '../app/store.ts';
import { storageAllowed } from '../data/device-storage.ts';
import { saveTrainedVectors } from '../data/trained-vectors.ts';
import { LossView } from '../charts/loss-view.ts';
import { PcaView } from '../charts/pca-view.ts';
import type { TrainClient } from '../wasm/train-client.ts';
import type { CorpusSource, CorpusState } from '../wasm/train-protocol.ts';
import { CorpusPair } from './corpus-pair.ts';
import { SpaceView } from './space-view.ts';
import { textProblem } from './text-problems.ts';
import { MAX_TEXT_BYTES, utf8Bytes } from '../data/text-size.ts';
import { fillProbabilityTable } from './toy-tables.ts';
import type { TextTraining } from './train-state.ts';

type NumberKey = 'sentences' | 'corpusSeed' | 'dim' | 'window' | 'negatives' | 'epochs' | 'learningRate' | 'minCount' | 'sample' | 'seed';

// label, help, and the allowed range of each number setting
const SLOW_WORDS_PER_SECOND = 20_000;  // the practice corpus then takes about ten seconds: time to watch
const READABLE_EVERY_MS = 250;         // the pair's formulas and the neighbours change at a readable pace while it trains

const NUMBERS: [NumberKey, MessageKey, number, number, boolean][] = [
  ['sentences', 'corpusSentences', 10, 200_000, true], ['corpusSeed', 'corpusGeneratorSeed', 0, 2 ** 31, true],
  ['dim', 'corpusDim', 2, 300, true], ['window', 'corpusWindow', 1, 20, true], ['negatives', 'corpusNegatives', 1, 30, true],
  ['epochs', 'corpusEpochs', 1, 200, true], ['learningRate', 'corpusLearningRate', 1e-6, 0.999, false],
  ['minCount', 'corpusMinCount', 1, 1000, true], ['sample', 'corpusSample', 0, 0.999, false], ['seed', 'corpusSeed', 0, 2 ** 31, true],
];

export class CorpusPanel {
  readonly root: HTMLElement;
  private readonly ownText = h('textarea', { name: 'own-text', rows: 6, spellcheck: 'false' });
  private readonly fileInput = h('input', { type: 'file', accept: '.txt,text/plain', class: 'visually-hidden', name: 'text-file' });
  // A chosen file is never put into the text box whole (a 20 MB text would freeze the tab): the
  // worker reads it a piece at a time, and the page shows its name, size and start.
  private file: File | null = null;
  private readonly fileName = h('p', { class: 'corpus-file-name', 'data-corpus': 'file-name' });
  private readonly filePreview = h('pre', { class: 'corpus-file-preview', 'data-corpus': 'file-preview', tabindex: 0 });
  private readonly fileCard: HTMLElement;
  private readonly typedBox: HTMLElement;
  private readonly readingBar = h('progress', { max: 1, value: 0 });
  private readonly readingText = h('span', { 'data-corpus': 'reading-text' });
  private readonly readingBox: HTMLElement;
  private readonly message = h('p', { class: 'field-error', role: 'alert', hidden: true });
  private readonly stats = h('p', { class: 'run-status corpus-stats', 'data-corpus': 'stats' });
  private readonly neighbours = h('div', { class: 'corpus-neighbours' });
  private readonly watchInput = h('input', { type: 'text', name: 'watch', autocomplete: 'off', spellcheck: 'false' });
  private readonly buttons: Record<'start' | 'pause' | 'step' | 'reset', HTMLButtonElement>;
  private readonly pair: CorpusPair;
  private readonly openButton = tr('button', 'corpusOpenInExplorer', { type: 'button', 'data-action': 'corpus-open', disabled: true });
  private readonly downloadButton = tr('button', 'corpusDownload', { type: 'button', 'data-action': 'corpus-download', disabled: true });
  // beside the two buttons, where the student is looking when the hand-over fails
  private readonly handoverMessage = h('p', { class: 'field-error', role: 'alert', hidden: true, 'data-corpus': 'handover-message' });
  private readonly lossView: LossView;
  private readonly pca: PcaView;
  private readonly plane: PcaView;
  private readonly planeBox: HTMLElement;
  private readonly space = new SpaceView();
  private readonly spaceBox: HTMLElement;
  private readonly smallTable = h('table', { class: 'toy-probabilities', 'data-corpus': 'softmax' });
  private readonly smallBox: HTMLElement;
  private readonly generatedFields: HTMLElement;
  private readonly ownFields: HTMLElement;
  private readonly sourceRadios: HTMLInputElement[];
  private state: CorpusState | null = null;
  private ready = false;  // the worker holds a trainer for the current settings

  private readonly changed: (() => void)[] = [];

  // budget: the page's; the panel's views are drawn in it, from the latest state.
  constructor(private readonly store: Store, private readonly client: TrainClient, budget: FrameBudget) {
    this.addViews(budget);
    const text = () => store.state.train.text;
    const lossCanvas = h('canvas', { role: 'img' });
    trAttribute(lossCanvas, 'aria-label', 'corpusAxisLoss');
    const pcaCanvas = h('canvas', { role: 'img' });
    trAttribute(pcaCanvas, 'aria-label', 'corpusPlotTitle');
    const planeCanvas = h('canvas', { role: 'img' });
    trAttribute(planeCanvas, 'aria-label', 'corpusPlaneTitle');
    this.planeBox = h('div', { hidden: true, 'data-corpus': 'plane' }, tr('h3', 'corpusPlaneTitle'),
      tr('p', 'corpusPlaneHelp', { class: 'field-help' }), h('div', { class: 'chart-box small' }, planeCanvas));
    trAttribute(this.space.root, 'aria-label', 'corpusSpaceLabel');
    this.spaceBox = h('div', { hidden: true, 'data-corpus': 'space' }, tr('h3', 'corpusSpaceTitle'),
      tr('p', 'corpusSpaceHelp', { class: 'field-help' }), h('div', { class: 'space-box' }, this.space.root));
    this.smallBox = h('div', { hidden: true }, tr('h3', 'toyTableTitle'), tr('p', 'corpusSoftmaxHelp', { class: 'field-help' }),
      scrollBox(this.smallTable, 'toyTableTitle'));
    this.sourceRadios = (['generated', 'own'] as const).map((source) => {
      const radio = h('input', { type: 'radio', name: 'corpus-source', value: source });
      radio.checked = text().source === source;
      radio.addEventListener('change', () => radio.checked && this.change((t) => { t.source = source; }));
      return radio;
    });
    const fields = new Map(NUMBERS.map(([key, label, low, high, integer]) => {
      const input = numberInput(text()[key], { name: `corpus-${key}` });
      const f = field(label, input);
      input.addEventListener('change', () => {
        const x = parseUserNumber(input.value);
        if (x === null || x < low || x > high || (integer && !Number.isInteger(x))) {
          f.setError(t('corpusNumberInvalid', { low: formatNumber(low), high: formatNumber(high) }));
          return;
        }
        f.setError(null);
        this.change((t) => { t[key] = x; });
      });
      return [key, f.root] as const;
    }));
    const select = (name: string, entries: [string, MessageKey][], value: string, apply: (v: string) => void) => {
      const s = h('select', { name });
      options(s, entries);
      s.value = value;
      s.addEventListener('change', () => this.change(() => apply(s.value)));
      return s;
    };
    const architecture = select('architecture', [['skipgram', 'corpusSkipGram'], ['cbow', 'corpusCbow']], text().architecture,
      (v) => { text().architecture = v as TextTraining['architecture']; });
    const output = select('output', [['negative', 'corpusNegativeSampling'], ['softmax', 'corpusSoftmax']], text().output,
      (v) => { text().output = v as TextTraining['output']; });
    const decay = select('decay', [['linear', 'corpusDecayLinear'], ['none', 'corpusDecayNone']], text().decay,
      (v) => { text().decay = v as TextTraining['decay']; });
    const tempo = select('tempo', [['slow', 'corpusSlow'], ['fast', 'corpusFast']], text().fast ? 'fast' : 'slow',
      (v) => { text().fast = v === 'fast'; });
    tempo.addEventListener('change', () => {
      if (this.state?.running) client.send({ type: 'corpus-run', wordsPerSecond: text().fast ? null : SLOW_WORDS_PER_SECOND });
    });
    this.watchInput.value = text().watch.join(' ');
    this.watchInput.addEventListener('change', () => {
      const watch = this.watchInput.value.toLocaleLowerCase('da').split(/[\s,]+/).filter(Boolean).slice(0, 20);
      if (watch.length === 0) return;
      store.update((s) => { s.train.text.watch = watch; });
      client.send({ type: 'corpus-watch', watch });
    });
    this.ownText.addEventListener('change', () => { this.ready = false; });
    this.fileInput.addEventListener('change', () => void this.readFile());
    const button = (key: MessageKey, action: string, primary = false) =>
      tr('button', key, { type: 'button', 'data-action': `corpus-${action}`, class: primary ? 'button-primary' : undefined });
    this.buttons = { start: button('corpusTrainButton', 'start', true), pause: button('pauseButton', 'pause'),
      step: button('stepButton', 'step'), reset: button('resetButton', 'reset') };
    trAttribute(this.buttons.step, 'title', 'corpusStepTitle');
    this.buttons.step.addEventListener('click', () => this.step());
    this.pair = new CorpusPair(text().pair, (pair) => {
      store.update((s) => { s.train.text.pair = pair; });
      client.send({ type: 'corpus-pair', pair });
    }, () => text().learningRate);
    this.buttons.start.addEventListener('click', () => this.start());
    this.buttons.pause.addEventListener('click', () => client.send({ type: 'corpus-pause' }));
    this.buttons.reset.addEventListener('click', () => this.setup());
    this.buttons.pause.disabled = true;
    this.openButton.addEventListener('click', () => void this.openInExplorer());
    this.downloadButton.addEventListener('click', () => void this.download());

    this.generatedFields = h('div', { class: 'corpus-source-fields' }, tr('p', 'corpusGeneratedAbout', { class: 'field-help' }),
      h('div', { class: 'corpus-numbers' }, fields.get('sentences')!, fields.get('corpusSeed')!));
    trAttribute(this.filePreview, 'aria-label', 'corpusFileStart');
    const typeInstead = tr('button', 'corpusFileTypeInstead', { type: 'button', 'data-action': 'corpus-type-instead' });
    typeInstead.addEventListener('click', () => this.useFile(null));
    this.fileCard = h('div', { class: 'corpus-file', hidden: true }, this.fileName, tr('p', 'corpusFileStart', { class: 'field-help' }),
      this.filePreview, typeInstead);
    this.typedBox = field('corpusOwnLabel', this.ownText).root;
    const cancel = tr('button', 'corpusCancelReading', { type: 'button', 'data-action': 'corpus-cancel' });
    cancel.addEventListener('click', () => {
      client.send({ type: 'corpus-cancel' });
      this.ready = false;
    });
    trAttribute(this.readingBar, 'aria-label', 'corpusReadingLabel');
    this.readingBox = h('div', { class: 'corpus-reading', hidden: true, 'data-corpus': 'reading' }, this.readingBar, this.readingText, cancel);
    this.ownFields = h('div', { class: 'corpus-source-fields' }, this.typedBox, this.fileCard,
      h('label', { class: 'button upload' }, this.fileInput, tr('span', 'corpusOwnFile')), tr('p', 'corpusOwnHelp', { class: 'field-help' }));
    this.root = h('section', { class: 'panel corpus-panel', 'data-control': 'corpus' },
      tr('h2', 'corpusTitle'), tr('p', 'corpusIntro', { class: 'field-help' }),
      h('div', { class: 'corpus-sources', role: 'radiogroup' }, ...this.sourceRadios.map((radio, i) =>
        h('label', { class: 'checkbox' }, radio, tr('span', i === 0 ? 'corpusGenerated' : 'corpusOwn')))),
      this.generatedFields, this.ownFields,
      h('details', { class: 'corpus-settings' }, tr('summary', 'corpusSettings'),
        h('div', { class: 'corpus-numbers' },
          field('corpusArchitecture', architecture).root,
          field('corpusOutput', output).root,
          ...['dim', 'window', 'negatives', 'epochs', 'learningRate'].map((k) => fields.get(k as NumberKey)!),
          field('corpusDecay', decay).root,
          ...['minCount', 'sample', 'seed'].map((k) => fields.get(k as NumberKey)!))),
      field('corpusWatch', this.watchInput).root,
      field('corpusTempo', tempo).root,
      h('div', { class: 'run-buttons' }, this.buttons.start, this.buttons.pause, this.buttons.step, this.buttons.reset),
      this.readingBox, this.message, this.stats,
      h('div', { class: 'corpus-views' },
        h('div', {}, tr('h3', 'corpusLossTitle'), h('div', { class: 'chart-box small' }, lossCanvas)),
        h('div', {}, tr('h3', 'corpusPlotTitle'), h('div', { class: 'chart-box small' }, pcaCanvas))),
      this.planeBox, this.spaceBox, this.smallBox,
      tr('h3', 'corpusNeighboursTitle'), this.neighbours,
      this.pair.root,
      h('div', { class: 'run-buttons corpus-handover' }, this.openButton, this.downloadButton),
      this.handoverMessage,
      tr('p', 'corpusHandoverHelp', { class: 'field-help' }),
      tr('p', storageAllowed() ? 'corpusHandoverKept' : 'storageRefused', { class: 'field-help', 'data-note': 'kept' }));
    this.lossView = new LossView(lossCanvas, undefined, { symbol: 'L', axis: 'corpusAxisLoss', description: 'corpusLossDescription', step: 'corpusAxisWords' });
    this.pca = new PcaView(pcaCanvas);
    this.plane = new PcaView(planeCanvas);
    this.showSource();
    if (text().source === 'generated') this.setup();  // the pair's numbers and the words' start at once
  }

  private change(apply: (t: TextTraining) => void): void {
    this.store.update((s) => apply(s.train.text));
    this.ready = false;
    this.showSource();
  }

  private showSource(): void {
    const own = this.store.state.train.text.source === 'own';
    this.generatedFields.hidden = own;
    this.ownFields.hidden = !own;
  }

  // The worker judges the file by its start (a picture, or mostly not letters, is refused here);
  // the text box and an earlier file stay as they were when it is refused.
  private async readFile(): Promise<void> {
    const file = this.fileInput.files?.[0];
    this.fileInput.value = '';
    if (!file) return;
    if (file.size > MAX_TEXT_BYTES) return this.problem(t('corpusTooLarge', { name: file.name, size: formatMegabytes(file.size) }));
    const head = await this.client.inspect(file);
    if (!head.ok) return this.problem(textProblem(head.problem, file.name));
    this.problem(null);
    this.useFile(file, head.value.whole ? head.value.preview : `${head.value.preview} …`);
  }

  // Trains on this file from now on, or (null) on the text box again.
  private useFile(file: File | null, preview = ''): void {
    this.file = file;
    this.ready = false;
    this.fileCard.hidden = file === null;
    this.typedBox.hidden = file !== null;
    if (!file) return;
    this.fileName.textContent = t('corpusFileChosen', { name: file.name, size: formatMegabytes(file.size) });
    this.filePreview.textContent = preview;
  }

  // Reading a large file: how far, with a Cancel (null: the reading is over).
  reading(progress: { fraction: number } | null): void {
    this.readingBox.hidden = progress === null;
    if (!progress) return;
    this.readingBar.value = progress.fraction;
    this.readingText.textContent = t('corpusReadingText', { percent: formatPercent(progress.fraction) });
  }

  private problem(text: string | null): void {
    this.message.hidden = text === null;
    this.message.textContent = text ?? '';
  }

  // A fresh trainer for the current source and settings (not yet running).
  private setup(): boolean {
    const s = this.store.state.train.text;
    let source: CorpusSource;
    if (s.source === 'own' && this.file) {
      source = { kind: 'file', file: this.file };  // read and normalised by the worker, a piece at a time
    } else if (s.source === 'own') {
      if (utf8Bytes(this.ownText.value) > MAX_TEXT_BYTES) {
        this.problem(t('corpusTooLarge', { name: t('corpusOwn'), size: formatMegabytes(utf8Bytes(this.ownText.value)) }));
        return false;
      }
      if (!/[\p{L}\p{N}]/u.test(this.ownText.value)) {
        this.problem(t('corpusEmpty'));
        return false;
      }
      source = { kind: 'own', text: this.ownText.value };  // judged and normalised in the worker, as a file is
    } else {
      source = { kind: 'generated', sentences: s.sentences, seed: s.corpusSeed };
    }
    this.problem(null);
    this.client.send({ type: 'corpus-setup', source, watch: s.watch, settings: { architecture: s.architecture, output: s.output,
      dim: s.dim, window: s.window, negatives: s.negatives, epochs: s.epochs, learningRate: s.learningRate, decay: s.decay, minCount: s.minCount,
      sample: s.sample, seed: s.seed, normalise: s.source === 'own' }, pair: s.pair });
    this.ready = true;
    return true;
  }

  private start(): void {
    const finished = this.state !== null && this.state.wordsDone >= this.state.wordsTotal;
    if ((!this.ready || finished) && !this.setup()) return;
    this.client.send({ type: 'corpus-run', wordsPerSecond: this.store.state.train.text.fast ? null : SLOW_WORDS_PER_SECOND });
  }

  // Ét skridt: one step of gradient descent on the pair shown below (a trainer is set up first).
  private step(): void {
    if (!this.ready && !this.setup()) return;
    this.client.send({ type: 'corpus-pair-step' });
  }

  // The worker refused the text or the settings (e.g. the full softmax for a large vocabulary).
  refused({ status, share }: { status: string; share?: number }): void {
    this.ready = false;
    this.reading(null);
    if (status === 'not_letters' || status === 'binary_text') {
      return this.problem(textProblem(status === 'binary_text' ? { code: 'binary' } : { code: 'not_letters', share: share ?? 0 }, null));
    }
    const key = ({ empty_corpus: 'corpusEmpty', softmax_vocabulary_too_large: 'corpusSoftmaxTooLarge',
      unknown_architecture: 'corpusUnknownArchitecture', unknown_output: 'corpusUnknownOutput',
      unknown_decay: 'corpusUnknownDecay', invalid_seed: 'corpusInvalidSeed' } as Record<string, MessageKey>)[status];
    this.problem(key ? t(key) : t('corpusRefused', { status }));
  }

  show(state: CorpusState): void {
    this.state = state;
    this.openButton.disabled = this.downloadButton.disabled = state.wordsDone === 0;
    setRunning(this.buttons.start, this.buttons.pause, state.running);
    this.buttons.step.disabled = state.running;
    for (const changed of this.changed) changed();
  }

  // The views of training on a text, each drawn from the latest state when its turn comes.
  private addViews(budget: FrameBudget): void {
    const view = (name: string, draw: (state: CorpusState) => boolean | void) =>
      this.changed.push(budget.add(name, () => (this.state ? draw(this.state) : false)));
    view('corpus stats', (state) => {
      this.stats.textContent = t('corpusStats', {
        progress: formatPercent(state.wordsTotal > 0 ? state.wordsDone / state.wordsTotal : 0),
        words: formatCount(state.vocabulary), tokens: formatCount(state.tokens), speed: formatCount(Math.round(state.wordsPerSecond)),
        eta: formatNumber(state.learningRate, 3), loss: state.wordsDone > 0 ? formatFixed(state.averageLoss, 3) : '–' });
    });
    const pairDue = pace(READABLE_EVERY_MS);
    view('corpus pair', (state) => {  // typeset a formula a frame
      if (pairDue(state.running)) this.pair.show(state);
      return this.pair.typesetStep();
    });
    view('corpus loss', (state) => this.lossView.setCurve(Float64Array.from(state.history.words), Float64Array.from(state.history.losses)));
    view('corpus pca', (state) => this.pca.show(state.plot));
    view('corpus plane', (state) => {
      this.planeBox.hidden = state.plane === null;
      if (state.plane) this.plane.show(state.plane);
    });
    view('corpus space', (state) => {
      this.spaceBox.hidden = state.space === null;
      if (state.space) this.space.show(state.space);
    });
    view('corpus softmax', (state) => {
      this.smallBox.hidden = state.small === null;
      if (state.small) fillProbabilityTable(this.smallTable, state.small.words, state.small.probabilities);
    });
    const neighboursDue = pace(READABLE_EVERY_MS);
    view('corpus neighbours', (state) => neighboursDue(state.running) && this.neighbours.replaceChildren(...state.neighbours.map(({ word, matches }) =>
      h('div', { class: 'corpus-word', 'data-word': word }, h('strong', {}, word), ' ',
        matches === null ? h('span', { class: 'field-help' }, t('corpusUnknownWord'))
          : h('span', {}, matches.map((m) => `${m.word} ${formatFixed(m.score, 2)}`).join(' · '))))));
  }

  // The vectors as they are now, in the explorer (same tab; the hand-over stays in this browser).
  private async openInExplorer(): Promise<void> {
    const bytes = await this.client.vectors();
    if (!(await saveTrainedVectors({ name: t('corpusTrainedName'), bytes }))) {
      this.handoverMessage.hidden = false;
      this.handoverMessage.textContent = t('corpusHandoverFailed');
      this.downloadButton.focus({ preventScroll: true });  // the way that works here
      this.handoverMessage.scrollIntoView({ block: 'nearest' });  // the message below it in view too
      return;
    }
    this.handoverMessage.hidden = true;
    location.href = this.store.urlWith((s) => {
      s.page = 'vectors';
      s.vectors.from = 'train';
      s.embed = false;
      s.hide = [];
    });
  }

  private async download(): Promise<void> {
    const bytes = await this.client.vectors();
    const url = URL.createObjectURL(new Blob([bytes], { type: 'text/plain' }));
    const link = h('a', { href: url, download: 'ordvektorer.vec' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  refresh(): void {
    this.lossView.refresh();
    this.pair.refresh();
    for (const changed of this.changed) changed();
  }
}
