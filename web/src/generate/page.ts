// The "Tekstgenerering" page: an N-gram model counted in a text (the note's four sentences, the
// practice sentences or an own text) continues a beginning. The next word's probabilities with
// the counts behind them, what the temperature does to them, texts written word by word (greedy
// against drawn), the note's table, and the course's small neural network by hand. Every number
// comes from the language core in a worker.
import '../styles/generate.css';
import { generateDa } from './texts-da.ts';
import { generateEn } from './texts-en.ts';
import { h, options, tr } from '../app/dom.ts';
import { field, inputText, numberInput, parseUserInteger } from '../app/fields.ts';
import { hideControls, type EmbeddableControl } from '../app/hidden-controls.ts';
import { addPageMessages, formatCount, formatNumber, parseUserNumber, t, type MessageKey } from '../app/i18n.ts';
import { texNumber, typeset } from '../app/math.ts';
import type { Shell } from '../app/shell.ts';
import type { Store } from '../app/store.ts';
import { MAX_TEXT_BYTES, utf8Bytes } from '../data/text-size.ts';
import vectorsUrl from '@data/vectors-da.aivec?url';
import { GenerateClient } from '../wasm/generate-client.ts';
import type { Ask, BuiltText, GenerateText, GeneratedRun, NeuralProgress, NextReply } from '../wasm/generate-protocol.ts';
import { MAX_PROMPT_CHARS, MAX_TEMPERATURE, MAX_WORDS, MIN_TEMPERATURE, type GeneratePageState } from './generate-state.ts';
import { NetworkToy } from './network-toy.ts';
import { NeuralPanel } from './neural-panel.ts';
import { NoteWalk } from './note-walk.ts';
import { NextWordsView } from './next-words-view.ts';
import { LADDER_AUTO_WORDS, LADDER_HELD_OUT, LADDER_MIN_WORDS, LADDER_TRAIN_SHARE, LadderView } from './ladder-view.ts';
import { NgramTableView, TABLE_ROWS } from './ngram-table-view.ts';
import { WeightCount } from './weight-count.ts';
import { TextPanel } from './text-panel.ts';
import { writtenText } from './written-text-view.ts';

addPageMessages({ da: generateDa, en: generateEn });

const EMBEDDABLE: EmbeddableControl[] = [
  { id: 'text', label: 'controlGenerateText', shown: true }, { id: 'next', label: 'controlGenerateNext', shown: true },
  { id: 'temperature', label: 'controlGenerateTemperature', shown: true }, { id: 'generate', label: 'controlGenerateWrite', shown: true },
  { id: 'table', label: 'controlGenerateTable', shown: true }, { id: 'ladder', label: 'controlGenerateLadder', shown: true },
  { id: 'neural', label: 'controlGenerateNeural', shown: true }, { id: 'network', label: 'controlGenerateNetwork', shown: true },
];
const COMPARED_SEEDS = 3;  // drawn runs beside the greedy one
const FORMULA_DELAY_MS = 50;
const LIVE_EVERY_MS = 400;  // while the network trains, its answer to the beginning is asked again this often

export function mountGeneratePage(shell: Shell, store: Store): void {
  const page = new GeneratePage(shell, store);
  shell.onEmbed('pageGenerateTitle', EMBEDDABLE);
  shell.onLanguage(() => page.refresh());
  void page.start();
}

class GeneratePage {
  private client: GenerateClient;
  private readonly fatal: (message: string) => void;
  private readonly next: NextWordsView;
  private readonly text: TextPanel;
  private readonly table = new NgramTableView();
  private readonly ladder = new LadderView(() => void this.showLadder());
  private readonly network: NetworkToy;
  private readonly weights: WeightCount;
  private readonly neural: NeuralPanel;
  private readonly modelChoice = h('select', { name: 'model' });
  private readonly modelHint = tr('p', 'generateModelNeuralHint', { class: 'field-help', 'data-next': 'model-hint', hidden: true });
  private lastLive = 0;
  private current: GenerateText = { kind: 'note' };  // what the model in use was counted in
  private reading = false;
  private readonly prompt = h('input', { type: 'text', name: 'prompt', autocomplete: 'off', spellcheck: 'false', maxlength: MAX_PROMPT_CHARS });
  private readonly order = h('select', { name: 'order' });
  private readonly backoff = h('input', { type: 'checkbox', name: 'backoff' });
  private readonly temperature: HTMLInputElement;
  private readonly greedy = h('input', { type: 'checkbox', name: 'greedy' });
  private readonly formula = h('div', { class: 'formula', 'data-generate': 'formula' });
  private readonly count: HTMLInputElement;
  private readonly seed: HTMLInputElement;
  private readonly written = h('div', { class: 'written-box', 'data-generate': 'written' });
  private readonly runs = h('div', { class: 'compared-runs', 'data-generate': 'runs' });
  private readonly tableOrder = h('select', { name: 'table-n' });
  private readonly walk: NoteWalk;
  private readonly fields: Record<'temperature' | 'count' | 'seed', ReturnType<typeof field>>;
  private asked = 0;  // answers to older questions are dropped
  private written0: GeneratedRun | null = null;
  private compared: { seed: number | null; temperature: number; run: GeneratedRun }[] = [];  // seed null: the greedy run
  private nextReply: NextReply | null = null;
  private formulaTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(shell: Shell, private readonly store: Store) {
    const s = store.state.generate;
    this.fatal = (message) => shell.workerStopped(message);
    this.client = this.newClient();
    this.next = new NextWordsView((word) => this.append(word));
    this.weights = new WeightCount((sizes) => this.client.request('weights', sizes));
    this.network = new NetworkToy(async (x, w, u) => this.client.request('network', { x, w, u, hidden: 2, activation: 'sigmoid' }));
    this.temperature = numberInput(s.temperature, { name: 'temperature' });
    this.count = numberInput(s.count, { name: 'count' });
    this.seed = numberInput(s.seed, { name: 'seed' });
    this.fields = {
      temperature: field('generateTemperatureLabel', this.temperature, 'generateTemperatureHelp'),
      count: field('generateCountLabel', this.count),
      seed: field('generateSeedLabel', this.seed),
    };
    options(this.modelChoice, [['ngram', 'generateModelNgram'], ['neural', 'generateModelNeural']]);
    this.neural = new NeuralPanel(s.neural, {
      settings: (change, restart) => {
        this.store.update((state) => change(state.generate.neural));
        this.neural.show(this.store.state.generate.neural);
        if (!restart) void this.client.request('neuralEta', { eta: this.store.state.generate.neural.learningRate });
        else if (this.neural.ready) void this.setupNeural();
      },
      start: () => void this.startNeural(),
      pause: () => void this.client.request('neuralRun', { run: false }),
      reset: () => void this.setupNeural(),
    });
    options(this.order, [1, 2, 3, 4, 5].map((n) => [String(n), `generateOrder${n}` as MessageKey]));
    options(this.tableOrder, [['2', 'generateTableBigrams'], ['3', 'generateTableTrigrams']]);
    const update = (change: (state: GeneratePageState) => void) => store.update((state) => change(state.generate));
    this.text = new TextPanel(s, {
      source: (source) => {
        update((state) => { state.source = source; });
        this.show(store.state.generate);
        if (source !== 'own') void this.build();
      },
      sentences: (count) => { update((state) => { state.sentences = count; }); void this.build(); },
      ends: (on) => { update((state) => { state.ends = on; }); void this.build(); },
      use: () => void this.build(),
      cancel: () => this.cancelReading(),
    });
    this.walk = new NoteWalk((prompt) => {
      this.prompt.value = prompt;
      this.store.update((state) => { state.generate.prompt = prompt; });
      void this.ask();
    });
    shell.main.append(this.layout());
    this.show(s);
    this.wire();
    hideControls(shell.main, store.state.hide);
  }

  private button(key: MessageKey, action: string, click: () => void, primary = false): HTMLButtonElement {
    const b = tr('button', key, { type: 'button', 'data-action': action, class: primary ? 'button-primary' : undefined });
    b.addEventListener('click', click);
    return b;
  }

  private layout(): HTMLElement {
    const panel = (titleKey: MessageKey, control: string, ...children: (HTMLElement | null)[]) =>
      h('section', { class: 'panel', 'data-control': control }, tr('h2', titleKey), ...children);
    const check = (box: HTMLInputElement, key: MessageKey) => h('label', { class: 'check' }, box, tr('span', key));
    return h('div', { class: 'generate-page' },
      tr('p', 'generateIntro', { class: 'intro' }),
      h('div', { class: 'generate-grid' },
        h('div', { class: 'generate-column' },
          panel('sectionGenerateText', 'text', this.text.root),
          panel('sectionGenerateNext', 'next', field('generatePromptLabel', this.prompt, 'generatePromptHelp').root,
            field('generateModelLabel', this.modelChoice).root, this.modelHint, field('generateOrderLabel', this.order).root, check(this.backoff, 'generateBackoffLabel'), this.next.root, this.walk.root),
          panel('sectionGenerateTemperature', 'temperature', this.fields.temperature.root, check(this.greedy, 'generateGreedyLabel'),
            this.formula)),
        h('div', { class: 'generate-column' },
          panel('sectionGenerateWrite', 'generate', h('div', { class: 'write-fields' }, this.fields.count.root, this.fields.seed.root),
            this.button('generateButton', 'generate', () => void this.write(), true),
            tr('p', 'generateWrittenHelp', { class: 'field-help' }), this.written,
            tr('h3', 'generateRunsTitle'), tr('p', 'generateRunsHelp', { class: 'field-help' }), this.runs),
          panel('sectionGenerateTable', 'table', tr('p', 'generateTableHelp', { class: 'field-help' }),
            field('generateTableN', this.tableOrder).root, this.table.root),
          panel('sectionGenerateLadder', 'ladder', this.ladder.root),
          panel('sectionGenerateNeural', 'neural', this.neural.root),
          panel('sectionGenerateNetwork', 'network', this.network.root, this.weights.root))));
  }

  private show(s: GeneratePageState): void {
    this.text.show(s);
    this.prompt.value = s.prompt;
    this.order.value = String(s.order);
    this.backoff.checked = s.backoff;
    this.modelChoice.value = s.model;
    const neural = s.model === 'neural';
    this.order.disabled = neural;
    this.backoff.disabled = neural;
    this.greedy.checked = s.greedy;
    this.temperature.disabled = s.greedy;
    this.walk.show(s.source, s.order);  // the note's walk-throughs, with bigrams and trigrams
  }

  private wire(): void {
    const update = (change: (s: GeneratePageState) => void) => this.store.update((state) => change(state.generate));
    this.prompt.addEventListener('input', () => {
      update((s) => { s.prompt = this.prompt.value; });
      void this.ask();
    });
    this.order.addEventListener('change', () => {
      update((s) => { s.order = Number(this.order.value); });
      this.show(this.store.state.generate);
      void this.ask();
    });
    this.modelChoice.addEventListener('change', () => {
      update((s) => { s.model = this.modelChoice.value === 'neural' ? 'neural' : 'ngram'; });
      this.show(this.store.state.generate);
      if (this.store.state.generate.model === 'neural' && !this.neural.ready) void this.setupNeural();
      else void Promise.all([this.ask(), this.write()]);
    });
    this.backoff.addEventListener('change', () => { update((s) => { s.backoff = this.backoff.checked; }); void this.ask(); });
    this.greedy.addEventListener('change', () => {
      update((s) => { s.greedy = this.greedy.checked; });
      this.temperature.disabled = this.greedy.checked;
      void this.ask();
    });
    this.temperature.addEventListener('change', () => {
      const x = parseUserNumber(this.temperature.value);
      if (x === null || x < MIN_TEMPERATURE || x > MAX_TEMPERATURE) return this.fields.temperature.setError(t('generateTemperatureInvalid'));
      this.fields.temperature.setError(null);
      update((s) => { s.temperature = x; });
      void this.ask();
    });
    this.count.addEventListener('change', () => {
      const n = parseUserInteger(this.count.value);
      if (n === null || n < 1 || n > MAX_WORDS) return this.fields.count.setError(t('generateCountInvalid'));
      this.fields.count.setError(null);
      update((s) => { s.count = n; });
    });
    this.seed.addEventListener('change', () => {
      const n = parseUserInteger(this.seed.value);
      if (n === null || n < 0 || n > 2 ** 31) return this.fields.seed.setError(t('generateSeedInvalid'));
      this.fields.seed.setError(null);
      update((s) => { s.seed = n; });
    });
    this.tableOrder.addEventListener('change', () => void this.showTable());
  }

  async start(): Promise<void> {
    await this.build();
    await Promise.all([this.network.recompute(), this.weights.recompute()]);
  }

  // A new text to count in; one too short (or a file that is no text) is refused and the text in
  // use stays.
  private async build(): Promise<void> {
    const s = this.store.state.generate;
    const wanted = this.text.wanted(s);
    if (s.source === 'own' && !wanted) {
      this.text.showError(t('generateOwnEmpty'));
      if (this.text.counted) return;  // the text in use stays; at the start the note's is counted meanwhile
    }
    const text = wanted ?? { kind: 'note' as const };
    if (text.kind === 'own' && utf8Bytes(text.text) > MAX_TEXT_BYTES) {
      this.text.showError(t('generateTextTooLarge'));
      return;
    }
    this.reading = text.kind === 'file';
    this.text.startReading(text);
    let built: BuiltText;
    try {
      built = await this.client.request('build', { text, ends: s.ends });
    } catch {
      return;  // the worker was ended (Annullér) or died (the page says so)
    } finally {
      this.reading = false;
      this.text.stopReading();
    }
    const name = text.kind === 'file' ? (text.file as File).name : null;
    if (built.unavailable) {
      this.text.showError(t('generateFinishedUnavailable'));
      return;
    }
    if (built.problem) {
      this.text.showError(this.text.fileProblem(built.problem, name ?? ''));
      return;
    }
    if (built.tokens < 2) {
      this.text.showError(t(built.tokens === 0 ? 'generateOwnEmpty' : 'generateOwnOneWord'));
      return;
    }
    this.current = text;
    this.text.showError(null);
    this.text.showStats(built);
    await this.forgetNeural();
    // At once a text, the table and (for a text of moderate size) the ladder, not empty panels.
    // The finished model's ladder is stored in its file: shown at once, whatever its size.
    const measureNow = built.finished !== undefined || built.tokens <= LADDER_AUTO_WORDS;
    if (!measureNow) this.ladder.offer();
    await Promise.all([this.ask(), this.showTable(), this.write(), measureNow ? this.showLadder() : null]);
  }

  private newClient(): GenerateClient {
    return new GenerateClient(this.fatal, (fraction) => {
      if (this.reading) this.text.progress(fraction);
    }, (progress) => this.neuralProgress(progress));
  }

  // A new network with the page's settings (paused; the one before is replaced, or kept on a refusal).
  private async setupNeural(): Promise<boolean> {
    const s = this.store.state.generate;
    this.neural.setBusy(true);
    try {
      const reply = await this.client.request('neuralSetup', { choice: { ...s.neural, seed: s.seed },
        vectorsUrl: new URL(vectorsUrl, location.href).href });
      this.neural.showSetup(reply);
      this.ladder.setNeural(this.neural.heldOut);
      await Promise.all([this.ask(), s.model === 'neural' ? this.write() : null]);
      return reply.ok;
    } catch {
      return false;  // the worker was ended or died (the page says so)
    } finally {
      this.neural.setBusy(false);
    }
  }

  private async startNeural(): Promise<void> {
    if (!this.neural.ready && !(await this.setupNeural())) return;
    this.client.send('neuralRun', { run: true });
  }

  // While the network learns: its curve, its held-out loss in the ladder, and (now and then) its
  // answer to the beginning, so that the bars change as it learns.
  private neuralProgress(p: NeuralProgress): void {
    const stopped = this.neural.running && !p.running;
    this.neural.showProgress(p);
    if (stopped && this.store.state.generate.model === 'neural') void this.write();  // the texts of the network as it is now
    this.ladder.setNeural(this.neural.heldOut);
    const now = performance.now();
    if (!p.running || now - this.lastLive > LIVE_EVERY_MS) {
      this.lastLive = now;
      void this.ask();
    }
  }

  // Ends the worker that reads the file and counts again, in a new one, the text in use before.
  private cancelReading(): void {
    if (!this.reading) return;
    this.client.terminate();
    this.client = this.newClient();
    this.reading = false;
    this.text.stopReading();
    this.text.forgetFile();
    this.text.showError(t('generateReadingCancelled'));
    const before = this.current;
    void this.client.request('build', { text: before, ends: this.store.state.generate.ends })
      .then(async (built) => {
        await this.forgetNeural();  // the new worker has no network
        const measureNow = built.finished !== undefined || built.tokens <= LADDER_AUTO_WORDS;
        return Promise.all([this.ask(), this.showTable(), measureNow ? this.showLadder() : this.ladder.offer()]);
      });
  }

  // The network belonged to the text before: gone, and a new one set up if it is the one asked.
  private async forgetNeural(): Promise<void> {
    this.neural.showSetup(null);
    this.ladder.setNeural(null);
    if (this.store.state.generate.model === 'neural') await this.setupNeural();
  }

  private question(): Ask {
    const s = this.store.state.generate;
    return { prompt: s.prompt, order: s.order, backoff: s.backoff, ends: s.ends,
      sample: { temperature: s.temperature, greedy: s.greedy }, model: s.model === 'neural' && this.neural.ready ? 'neural' : 'ngram' };
  }

  private async ask(): Promise<void> {
    const id = ++this.asked;
    const question = this.question();
    const [reply, values] = await Promise.all([this.client.request('next', question),
      this.neural.ready ? this.client.request('neuralValues', { prompt: question.prompt, ends: question.ends }) : null]);
    if (id !== this.asked) return;
    this.neural.network.show(values, this.neural.vocabularySize);
    this.modelHint.hidden = !(this.store.state.generate.model === 'neural' && question.model === 'neural' && !this.neural.trained);
    this.nextReply = reply;
    const s = this.store.state.generate;
    this.next.show(reply, s.temperature, s.greedy, this.walk.marked(this.prompt.value));
    // The bars first: typesetting the formula (and its layout) in a task of its own, once the typing pauses.
    clearTimeout(this.formulaTimer);
    this.formulaTimer = setTimeout(() => this.showFormula(), FORMULA_DELAY_MS);
  }

  // z_i = p_i^{1/T} / Σ_j p_j^{1/T}, with the numbers of the most probable word.
  private showFormula(): void {
    const r = this.nextReply;
    const s = this.store.state.generate;
    if (!r || r.p.length === 0 || r.z.length === 0) {
      this.formula.replaceChildren();
      return;
    }
    const T = s.greedy ? '0' : texNumber(s.temperature, 3);
    const word = `\\text{${r.words[0].replace(/[\\{}$&#^_%~]/g, '')}}`;
    const general = `z_i = \\frac{p_i^{1/T}}{\\sum_j p_j^{1/T}}`;
    const numbers = s.greedy ? `z_{${word}} = ${texNumber(r.z[0], 4)}\\quad (T \\to 0)`
      : `z_{${word}} = \\frac{${texNumber(r.p[0], 4)}^{1/${T}}}{\\sum_j p_j^{1/${T}}} = ${texNumber(r.z[0], 4)}`;
    typeset(this.formula, `${general} \\qquad ${numbers}`);
  }

  private async showLadder(): Promise<void> {
    const ladder = await this.client.request('ladder', { trainShare: LADDER_TRAIN_SHARE, minWords: LADDER_MIN_WORDS,
      maxHeldOut: LADDER_HELD_OUT });
    this.ladder.show(ladder);
    const best = ladder.loss.length > 0 ? ladder.loss.indexOf(Math.min(...ladder.loss)) : -1;
    this.neural.setBestNgram(best >= 0 ? { n: best + 1, loss: ladder.loss[best] } : null);
  }

  private async showTable(): Promise<void> {
    this.table.show(await this.client.request('table', { n: Number(this.tableOrder.value), limit: TABLE_ROWS }));
  }

  private append(word: string): void {
    const prompt = this.prompt.value.trim();
    this.prompt.value = prompt ? `${prompt} ${word}` : word;
    this.store.update((s) => { s.generate.prompt = this.prompt.value; });
    void this.ask();
  }

  // A text from the beginning with the page's settings, and beside it the greedy run and a few
  // drawn with other seeds: greedy repeats itself, drawing does not.
  private async write(): Promise<void> {
    const s = this.store.state.generate;
    const ask = { ...this.question(), count: s.count };
    const main = await this.client.request('generate', { ...ask, seed: s.seed });
    const greedy = await this.client.request('generate', { ...ask, sample: { greedy: true }, seed: s.seed });
    const drawn = await Promise.all(Array.from({ length: COMPARED_SEEDS }, (_, k) =>
      this.client.request('generate', { ...ask, sample: { temperature: s.temperature }, seed: s.seed + k + 1 })));
    this.written0 = main;
    this.compared = [{ seed: null, temperature: 0, run: greedy },
      ...drawn.map((run, k) => ({ seed: s.seed + k + 1, temperature: s.temperature, run }))];
    this.renderWritten();
  }

  private renderWritten(): void {
    const click = (before: string[]) => {
      this.prompt.value = before.join(' ');
      this.store.update((s) => { s.generate.prompt = this.prompt.value; });
      void this.ask();
      this.prompt.scrollIntoView({ block: 'center' });
    };
    this.written.replaceChildren(...(this.written0 ? [writtenText(this.written0, click)] : []));
    const label = (seed: number | null, temperature: number) => seed === null ? t('generateGreedyRun')
      : t('generateSampledRun', { seed: formatCount(seed), t: formatNumber(temperature, 3) });
    this.runs.replaceChildren(...this.compared.map(({ seed, temperature, run }) =>
      h('div', { class: 'compared-run' }, h('span', { class: 'compared-label' }, label(seed, temperature)), writtenText(run, click))));
  }

  refresh(): void {
    this.show(this.store.state.generate);
    this.temperature.value = inputText(this.store.state.generate.temperature);
    this.next.render();
    this.showFormula();
    this.table.render();
    this.ladder.render();
    this.network.render();
    this.weights.render();
    this.walk.render();
    this.neural.show(this.store.state.generate.neural);
    this.neural.render();
    this.neural.network.render();
    if (this.written0) this.renderWritten();
  }
}
