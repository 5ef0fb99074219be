// The "Tekstgenerering" page: an N-gram model counted in a text (the note's four sentences, the
// practice sentences or an own text) continues a beginning. The next word's probabilities with
// the counts behind them, what the temperature does to them, texts written word by word (greedy
// against drawn), the note's table, and the course's small neural network by hand. Every number
// comes from the language core in a worker.
import '../styles/generate.css';
import { generateDa } from './texts-da.ts';
import { generateEn } from './texts-en.ts';
import { h, options, tr, trAttribute } from '../app/dom.ts';
import { field, inputText, numberInput, parseUserInteger } from '../app/fields.ts';
import { hideControls, type EmbeddableControl } from '../app/hidden-controls.ts';
import { addPageMessages, formatCount, formatMegabytes, formatNumber, formatPercent, parseUserNumber, t, type MessageKey } from '../app/i18n.ts';
import { texNumber, typeset } from '../app/math.ts';
import type { Shell } from '../app/shell.ts';
import type { Store } from '../app/store.ts';
import { MAX_TEXT_BYTES, utf8Bytes } from '../data/text-size.ts';
import { GenerateClient } from '../wasm/generate-client.ts';
import type { Ask, BuiltText, GenerateText, GeneratedRun, NextReply } from '../wasm/generate-protocol.ts';
import { MAX_PROMPT_CHARS, MAX_TEMPERATURE, MAX_WORDS, MIN_TEMPERATURE, type GeneratePageState, type GenerateSource } from './generate-state.ts';
import { NetworkToy } from './network-toy.ts';
import { NextWordsView } from './next-words-view.ts';
import { LADDER_AUTO_WORDS, LADDER_HELD_OUT, LADDER_MIN_WORDS, LADDER_TRAIN_SHARE, LadderView } from './ladder-view.ts';
import { NgramTableView, TABLE_ROWS } from './ngram-table-view.ts';
import { WeightCount } from './weight-count.ts';
import { writtenText } from './written-text-view.ts';

addPageMessages({ da: generateDa, en: generateEn });

const EMBEDDABLE: EmbeddableControl[] = [
  { id: 'text', label: 'controlGenerateText', shown: true }, { id: 'next', label: 'controlGenerateNext', shown: true },
  { id: 'temperature', label: 'controlGenerateTemperature', shown: true }, { id: 'generate', label: 'controlGenerateWrite', shown: true },
  { id: 'table', label: 'controlGenerateTable', shown: true }, { id: 'ladder', label: 'controlGenerateLadder', shown: true },
  { id: 'network', label: 'controlGenerateNetwork', shown: true },
];
const COMPARED_SEEDS = 3;  // drawn runs beside the greedy one
const SHOW_READING_BYTES = 1_000_000;
// The note's walk-through with bigrams: "En kat løber en kat", a word at a time.
const NOTE_WALK = ['en', 'kat', 'løber', 'en', 'kat'];
const FORMULA_DELAY_MS = 50;

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
  private readonly table = new NgramTableView();
  private readonly ladder = new LadderView(() => void this.showLadder());
  private readonly network: NetworkToy;
  private readonly weights: WeightCount;
  private readonly source = h('select', { name: 'source' });
  private readonly sentences: HTMLInputElement;
  private readonly ownText = h('textarea', { name: 'own-text', rows: 5, spellcheck: 'false' });
  private readonly ownBox: HTMLElement;
  private readonly fileInput = h('input', { type: 'file', class: 'visually-hidden', name: 'text-file', accept: '.txt,text/plain' });
  private readonly fileName = h('p', { class: 'data-summary', 'data-generate': 'file', hidden: true });
  private readonly readingBar = h('progress', { max: 1, value: 0 });
  private readonly readingBox: HTMLElement;
  private file: File | null = null;           // the chosen text file (its text stays in the worker)
  private current: GenerateText = { kind: 'note' };  // what the model in use was counted in
  private reading = false;
  private readonly practiceBox: HTMLElement;
  private readonly ends = h('input', { type: 'checkbox', name: 'ends' });
  private readonly textStats = h('p', { class: 'data-summary', 'data-generate': 'stats', role: 'status' });
  private readonly textError = h('p', { class: 'field-error', role: 'alert', hidden: true });
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
  private readonly walkBox: HTMLElement;
  private readonly walkText = h('p', { class: 'walk-text', 'data-walk': 'text', role: 'status' });
  private walkStep = -1;  // −1: not walking; k: the first k + 1 words of NOTE_WALK are the beginning
  private readonly fields: Record<'temperature' | 'count' | 'seed' | 'sentences', ReturnType<typeof field>>;
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
    this.sentences = numberInput(s.sentences, { name: 'sentences' });
    this.temperature = numberInput(s.temperature, { name: 'temperature' });
    this.count = numberInput(s.count, { name: 'count' });
    this.seed = numberInput(s.seed, { name: 'seed' });
    this.fields = {
      temperature: field('generateTemperatureLabel', this.temperature, 'generateTemperatureHelp'),
      count: field('generateCountLabel', this.count),
      seed: field('generateSeedLabel', this.seed),
      sentences: field('generateSentencesLabel', this.sentences),
    };
    options(this.source, [['note', 'generateSourceNote'], ['practice', 'generateSourcePractice'], ['own', 'generateSourceOwn']]);
    options(this.order, [1, 2, 3, 4, 5].map((n) => [String(n), `generateOrder${n}` as MessageKey]));
    options(this.tableOrder, [['2', 'generateTableBigrams'], ['3', 'generateTableTrigrams']]);
    const cancel = this.button('uploadCancel', 'generate-cancel', () => this.cancelReading());
    this.readingBox = h('div', { class: 'upload-reading', hidden: true, 'data-generate': 'reading' }, this.readingBar, cancel);
    trAttribute(this.readingBar, 'aria-label', 'generateReadingLabel');
    const fileButton = h('label', { class: 'button upload' }, this.fileInput, tr('span', 'generateFileButton'));
    this.fileInput.addEventListener('change', () => {
      const file = this.fileInput.files?.[0];
      this.fileInput.value = '';
      if (file) void this.useFile(file);
    });
    this.ownBox = h('div', { class: 'own-text-box' }, field('generateOwnLabel', this.ownText).root,
      h('div', { class: 'own-buttons' }, this.button('generateOwnUse', 'use-text', () => { this.file = null; this.fileName.hidden = true; void this.build(); }),
        fileButton),
      tr('p', 'generateFileHelp', { class: 'field-help' }), this.fileName, this.readingBox);
    this.practiceBox = this.fields.sentences.root;
    this.walkBox = h('div', { class: 'walk', 'data-walk': 'box' }, tr('h3', 'generateWalkTitle'), tr('p', 'generateWalkHelp', { class: 'field-help' }),
      h('div', { class: 'run-buttons' }, this.button('generateWalkStep', 'walk-step', () => this.walk()),
        this.button('generateWalkRestart', 'walk-restart', () => { this.walkStep = -1; this.walk(); })),
      this.walkText);
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
          panel('sectionGenerateText', 'text', field('generateSourceLabel', this.source).root, this.practiceBox, this.ownBox,
            check(this.ends, 'generateEndsLabel'), tr('p', 'generateNoteHelp', { class: 'field-help' }), this.textError, this.textStats),
          panel('sectionGenerateNext', 'next', field('generatePromptLabel', this.prompt, 'generatePromptHelp').root,
            field('generateOrderLabel', this.order).root, check(this.backoff, 'generateBackoffLabel'), this.next.root, this.walkBox),
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
          panel('sectionGenerateNetwork', 'network', this.network.root, this.weights.root))));
  }

  private show(s: GeneratePageState): void {
    this.source.value = s.source;
    this.practiceBox.hidden = s.source !== 'practice';
    this.ownBox.hidden = s.source !== 'own';
    this.ends.checked = s.ends;
    this.prompt.value = s.prompt;
    this.order.value = String(s.order);
    this.backoff.checked = s.backoff;
    this.greedy.checked = s.greedy;
    this.temperature.disabled = s.greedy;
    this.walkBox.hidden = !(s.source === 'note' && s.order === 2);  // the walk-through is the note's, with bigrams
  }

  // One step of the note's walk-through: the beginning grows by the word the note chose, and the
  // bars show the distribution it was drawn from, that word marked.
  private walk(): void {
    this.walkStep = Math.min(this.walkStep + 1, NOTE_WALK.length - 2);
    const before = NOTE_WALK.slice(0, this.walkStep + 1);
    this.prompt.value = before.join(' ');
    this.store.update((s) => { s.generate.prompt = this.prompt.value; });
    this.walkText.textContent = t('generateWalkText', { before: before.join(' '), next: NOTE_WALK[this.walkStep + 1] });
    void this.ask();
  }

  private wire(): void {
    const update = (change: (s: GeneratePageState) => void) => this.store.update((state) => change(state.generate));
    this.source.addEventListener('change', () => {
      const source = this.source.value as GenerateSource;
      update((s) => { s.source = source; });
      this.show(this.store.state.generate);
      if (source !== 'own') void this.build();
      else this.ownText.focus();
    });
    this.sentences.addEventListener('change', () => {
      const n = parseUserInteger(this.sentences.value);
      if (n === null || n < 10 || n > 200_000) return this.fields.sentences.setError(t('generateSentencesInvalid'));
      this.fields.sentences.setError(null);
      update((s) => { s.sentences = n; });
      void this.build();
    });
    this.ends.addEventListener('change', () => { update((s) => { s.ends = this.ends.checked; }); void this.build(); });
    this.prompt.addEventListener('input', () => {
      update((s) => { s.prompt = this.prompt.value; });
      void this.ask();
    });
    this.order.addEventListener('change', () => {
      update((s) => { s.order = Number(this.order.value); });
      this.show(this.store.state.generate);
      void this.ask();
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

  private textOf(s: GeneratePageState): GenerateText | null {
    if (s.source === 'note') return { kind: 'note' };
    if (s.source === 'practice') return { kind: 'practice', sentences: s.sentences };
    if (this.file) return { kind: 'file', file: this.file };
    return this.ownText.value.trim() ? { kind: 'own', text: this.ownText.value } : null;
  }

  // A new text to count in; one too short (or a file that is no text) is refused and the text in
  // use stays.
  private async build(): Promise<void> {
    const s = this.store.state.generate;
    const wanted = this.textOf(s);
    if (s.source === 'own' && !wanted) {
      this.showTextError(t('generateOwnEmpty'));
      if (this.textStats.textContent) return;  // the text in use stays; at the start the note's is counted meanwhile
    }
    const text = wanted ?? { kind: 'note' as const };
    if (text.kind === 'own' && utf8Bytes(text.text) > MAX_TEXT_BYTES) {
      this.showTextError(t('generateTextTooLarge'));
      return;
    }
    this.reading = text.kind === 'file';
    // A large file takes seconds to read and count: the bar (with Annullér) shows at once, without
    // a fraction until the worker reports one.
    this.readingBox.hidden = !(text.kind === 'file' && text.file.size > SHOW_READING_BYTES);
    this.readingBar.removeAttribute('value');
    let built: BuiltText;
    try {
      built = await this.client.request('build', { text, ends: s.ends });
    } catch {
      return;  // the worker was ended (Annullér) or died (the page says so)
    } finally {
      this.reading = false;
      this.readingBox.hidden = true;
    }
    const name = text.kind === 'file' ? (text.file as File).name : null;
    if (built.problem) {
      this.showTextError(this.fileProblem(built.problem, name ?? ''));
      return;
    }
    if (built.tokens < 2) {
      this.showTextError(t(built.tokens === 0 ? 'generateOwnEmpty' : 'generateOwnOneWord'));
      return;
    }
    this.current = text;
    this.showTextError(null);
    this.textStats.textContent = t('generateTextStats', { tokens: formatCount(built.tokens), words: formatCount(built.words) });
    // At once a text, the table and (for a text of moderate size) the ladder, not empty panels.
    if (built.tokens > LADDER_AUTO_WORDS) this.ladder.offer();
    await Promise.all([this.ask(), this.showTable(), this.write(), built.tokens > LADDER_AUTO_WORDS ? null : this.showLadder()]);
  }

  private fileProblem(problem: NonNullable<BuiltText['problem']>, name: string): string {
    if (problem.code === 'binary') return t('generateFileBinary', { name });
    if (problem.code === 'empty') return t('generateFileEmpty', { name });
    return t('generateNotLettersFile', { name, share: formatPercent(problem.share) });
  }

  private async useFile(file: File): Promise<void> {
    if (file.size > MAX_TEXT_BYTES) {
      this.showTextError(t('generateFileTooLarge', { name: file.name, size: formatMegabytes(file.size) }));
      return;
    }
    this.file = file;
    this.fileName.hidden = false;
    this.fileName.textContent = t('generateFileChosen', { name: file.name, size: formatMegabytes(file.size) });
    await this.build();
  }

  private newClient(): GenerateClient {
    return new GenerateClient(this.fatal, (fraction) => {
      if (!this.reading) return;
      this.readingBox.hidden = false;
      this.readingBar.value = fraction;
    });
  }

  // Ends the worker that reads the file and counts again, in a new one, the text in use before.
  private cancelReading(): void {
    if (!this.reading) return;
    this.client.terminate();
    this.client = this.newClient();
    this.reading = false;
    this.readingBox.hidden = true;
    this.file = null;
    this.fileName.hidden = true;
    this.showTextError(t('generateReadingCancelled'));
    const before = this.current;
    void this.client.request('build', { text: before, ends: this.store.state.generate.ends })
      .then((built) => Promise.all([this.ask(), this.showTable(), built.tokens > LADDER_AUTO_WORDS ? this.ladder.offer() : this.showLadder()]));
  }

  private showTextError(text: string | null): void {
    this.textError.hidden = text === null;
    this.textError.textContent = text ?? '';
  }

  private question(): Ask {
    const s = this.store.state.generate;
    return { prompt: s.prompt, order: s.order, backoff: s.backoff, ends: s.ends,
      sample: { temperature: s.temperature, greedy: s.greedy } };
  }

  private async ask(): Promise<void> {
    const id = ++this.asked;
    const reply = await this.client.request('next', this.question());
    if (id !== this.asked) return;
    this.nextReply = reply;
    const s = this.store.state.generate;
    const walking = this.walkStep >= 0 && this.prompt.value === NOTE_WALK.slice(0, this.walkStep + 1).join(' ');
    this.next.show(reply, s.temperature, s.greedy, walking ? NOTE_WALK[this.walkStep + 1] : null);
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
    this.ladder.show(await this.client.request('ladder', { trainShare: LADDER_TRAIN_SHARE, minWords: LADDER_MIN_WORDS,
      maxHeldOut: LADDER_HELD_OUT }));
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
    if (this.written0) this.renderWritten();
  }
}
