// The "Ordvektorer" page: asks the word vectors (in a worker) about neighbours, analogies,
// similarities and odd ones out, shows the answer and a 2-D picture, and keeps the question in
// the URL. The default vectors are fetched only when this page opens.
import vectorsUrl from '@data/vectors-da.aivec?url';
import { h, tr, trAttribute } from '../app/dom.ts';
import { hideControls, type EmbeddableControl } from '../app/hidden-controls.ts';
import { formatCount, t, type MessageKey } from '../app/i18n.ts';
import type { Shell } from '../app/shell.ts';
import type { Store } from '../app/store.ts';
import { loadTrainedVectors } from '../data/trained-vectors.ts';
import { VectorsClient, type LoadReply } from '../wasm/vectors-client.ts';
import type { VectorQuery, VectorsInfo } from '../wasm/vectors-protocol.ts';
import { MAX_FILE_BYTES } from '../models/vector-limits.ts';
import { AnswerView } from './answer-view.ts';
import { Gallery, type Example } from './gallery.ts';
import { LoadPanel } from './load-panel.ts';
import { loadProblemText } from './load-messages.ts';
import { PcaView } from '../charts/pca-view.ts';
import { normaliseWord } from '../models/query-engine.ts';
import { QuestionForm } from './question-form.ts';
import type { VectorsPageState, VectorTool } from './vectors-state.ts';

const EMBEDDABLE: EmbeddableControl[] = [
  { id: 'tools', label: 'controlVectorTools', shown: true }, { id: 'plot', label: 'controlVectorPlot', shown: true },
  { id: 'gallery', label: 'controlVectorGallery', shown: false }, { id: 'load', label: 'controlVectorLoad', shown: false },
];

export function mountVectorsPage(shell: Shell, store: Store): void {
  const page = new VectorsPage(shell, store);
  shell.onEmbed('pageVectorsTitle', EMBEDDABLE);
  shell.onLanguage(() => page.refresh());
  void page.start();
}

class VectorsPage {
  private client: VectorsClient;
  private reading: { cancel(outcome: 'cancelled' | 'superseded'): void } | null = null;  // a file's own worker, loading
  private readonly form: QuestionForm;
  private readonly answer: AnswerView;
  private readonly pca: PcaView;
  private readonly gallery: Gallery;
  private readonly loadPanel: LoadPanel;
  private readonly info = h('p', { class: 'vectors-info', role: 'status' });
  private readonly plotNote = h('p', { class: 'field-help' });
  private readonly intro = h('p', { class: 'intro', 'data-vectors': 'intro' });  // says the loaded vectors' dimension
  private vocabulary: string[] = [];
  private loaded: VectorsInfo | null = null;
  private asked = 0;  // answers to older questions are dropped

  constructor(private readonly shell: Shell, private readonly store: Store) {
    this.client = new VectorsClient((message) => shell.workerStopped(message));
    this.form = new QuestionForm(() => this.vocabulary, {
      ask: () => this.askTyped(),
      tool: (tool) => this.choose({ tool }),
    });
    this.answer = new AnswerView({
      neighboursOf: (word) => this.choose({ tool: 'neighbours', word }),
      replace: (unknown, suggestion) => this.replaceWord(unknown, suggestion),
    });
    this.gallery = new Gallery(store, (example) => this.choose(example));
    this.loadPanel = new LoadPanel({ file: (file) => this.loadFile(file), cancel: () => this.reading?.cancel('cancelled'),
      backToDefault: () => this.loadDefault() });
    const canvas = h('canvas', { role: 'img' });
    trAttribute(canvas, 'aria-label', 'sectionVectorsPlot');
    shell.main.append(this.layout(canvas));
    this.pca = new PcaView(canvas);
    this.form.show(store.state.vectors);
    hideControls(shell.main, store.state.hide);
  }

  private layout(canvas: HTMLCanvasElement): HTMLElement {
    const panel = (titleKey: MessageKey, control: string | null, ...children: (HTMLElement | null)[]) =>
      h('section', { class: `panel vectors-${control ?? 'answer'}`, 'data-control': control ?? undefined },
        tr('h2', titleKey), ...children);
    return h('div', { class: 'vectors-page' },
      this.intro,
      this.info,
      h('div', { class: 'vectors-grid' },
        h('div', { class: 'vectors-column' },
          panel('sectionVectorsQuestion', 'tools', this.form.root),
          panel('sectionVectorsAnswer', null, this.answer.root)),
        h('div', { class: 'vectors-column' },
          panel('sectionVectorsPlot', 'plot', h('div', { class: 'chart-box pca-box' }, canvas), this.plotNote),
          panel('sectionVectorsGallery', 'gallery', this.gallery.root),
          panel('sectionVectorsLoad', 'load', this.loadPanel.root))));
  }

  // The default vectors, or (from=train) the ones just trained on the training page.
  async start(): Promise<void> {
    if (this.store.state.vectors.from === 'train') {
      const trained = await loadTrainedVectors();
      if (trained) {
        this.info.textContent = t('vectorsLoadingFile', { name: trained.name });
        const reply = await this.client.loadFile(trained.name, new Blob([trained.bytes]));
        if (reply.type === 'loaded') return this.accept(reply);
      }
      this.shell.notice(t('vectorsTrainedMissing'));
      this.store.update((s) => { s.vectors.from = null; });
    }
    await this.loadDefault();
  }

  refresh(): void {
    this.showInfo();
    this.answer.render();
    this.gallery.render();
    this.form.show(this.store.state.vectors);
    this.showPlotNote();
  }

  private async loadDefault(): Promise<void> {
    this.reading?.cancel('cancelled');  // "Tilbage til standardvektorerne" while a file is read
    if (this.store.state.vectors.from) this.store.update((s) => { s.vectors.from = null; });
    this.info.textContent = t('vectorsLoading');
    const reply = await this.client.loadDefault(new URL(vectorsUrl, location.href).href).catch(() => null);
    if (reply === null) {  // the worker died; the page says so above (Shell.workerStopped)
      this.info.textContent = t('vectorsNotLoaded');
      this.info.classList.add('problem');
    } else if (reply.type === 'loaded') {
      this.accept(reply);
    } else {
      this.info.textContent = t('vectorsFetchFailed');
      this.info.classList.add('problem');
    }
  }

  // A file is read by a worker of its own, so that Annullér simply ends it and a file that cannot
  // be used leaves the vectors in use (and their worker) as they were; a large one takes seconds.
  private async loadFile(file: File): Promise<string | null | 'cancelled' | 'superseded'> {
    if (file.size > MAX_FILE_BYTES) return loadProblemText(file.name, { kind: 'file_too_large', line: -1, vector: -1 });
    this.reading?.cancel('superseded');
    let cancel = (_outcome: 'cancelled' | 'superseded') => undefined as void;
    const stopped = new Promise<'cancelled' | 'superseded'>((resolve) => { cancel = resolve; });
    const reading = { cancel };
    this.reading = reading;
    const next = new VectorsClient((message) => { if (this.client === next) this.shell.workerStopped(message); });
    const reply = await Promise.race([next.loadFile(file.name, file).catch(() => null), stopped]);
    if (this.reading === reading) this.reading = null;
    if (reply === null || typeof reply === 'string' || reply.type === 'load-failed') {
      next.terminate();
      if (typeof reply === 'string') return reply;
      return loadProblemText(file.name, reply?.problem ?? { kind: 'stopped', line: -1, vector: -1 });
    }
    this.client.terminate();
    this.client = next;
    this.accept(reply);
    return null;
  }

  private accept(reply: Extract<LoadReply, { type: 'loaded' }>): void {
    this.loaded = reply.info;
    this.vocabulary = reply.words.split('\n').slice(0, -1);
    this.info.classList.remove('problem');
    this.loadPanel.setOwn(reply.info.source === 'own');
    this.showInfo();
    this.gallery.offer(new Set(this.vocabulary), reply.info.source === 'own');
    void this.run();
  }

  private showInfo(): void {
    const info = this.loaded;
    this.intro.textContent = t('vectorsIntro', { dim: info ? formatCount(info.dim) : t('vectorsManyNumbers') });
    if (!info) return;
    this.info.textContent = info.source === 'default'
      ? t('vectorsInfoDefault', { size: formatCount(info.size), dim: info.dim })
      : t('vectorsInfoOwn', { name: info.name, size: formatCount(info.size), dim: info.dim });
  }

  // A new question from a click (gallery, a word in an answer, a tool tab).
  private choose(change: Example | { tool: VectorTool; word?: string }): void {
    this.store.update((s) => { Object.assign(s.vectors, change); });
    this.form.show(this.store.state.vectors);
    this.form.message.hidden = true;
    void this.run();
  }

  private replaceWord(unknown: string, suggestion: string): void {
    const swap = (w: string) => (normaliseWord(w) === unknown ? suggestion : w);
    this.store.update((s) => {
      const v = s.vectors;
      v.word = swap(v.word);
      v.analogy = v.analogy.map(swap) as VectorsPageState['analogy'];
      v.pair = v.pair.map(swap) as VectorsPageState['pair'];
      v.odd = v.odd.map(swap);
    });
    this.form.show(this.store.state.vectors);
    void this.run();
  }

  // The words typed into the form: checked, then asked (and put in the URL).
  private askTyped(): void {
    const typed = this.form.read();
    const tool = this.store.state.vectors.tool;
    const words = tool === 'neighbours' ? [typed.word] : tool === 'analogy' ? typed.analogy : tool === 'similarity' ? typed.pair : typed.odd;
    const normalised = words.map(normaliseWord);
    let problem: MessageKey | null = null;
    if (tool === 'odd' && (normalised.length < 3 || normalised.length > 12 || new Set(normalised).size !== normalised.length)) problem = 'oddTooFew';
    else if (normalised.some((w) => w === '' || /[\s,]/.test(w))) problem = 'emptyWord';
    this.form.message.hidden = problem === null;
    this.form.message.textContent = problem ? t(problem) : '';
    if (problem) return;
    this.store.update((s) => {
      const v = s.vectors;
      if (tool === 'neighbours') v.word = normalised[0];
      if (tool === 'analogy') v.analogy = normalised as VectorsPageState['analogy'];
      if (tool === 'similarity') v.pair = normalised as VectorsPageState['pair'];
      if (tool === 'odd') v.odd = normalised;
      v.method = typed.method;
      v.k = typed.k;
    });
    void this.run();
  }

  private query(state: VectorsPageState): VectorQuery {
    switch (state.tool) {
      case 'neighbours': return { tool: 'neighbours', word: state.word, k: state.k };
      case 'analogy': return { tool: 'analogy', words: state.analogy, method: state.method, k: state.k };
      case 'similarity': return { tool: 'similarity', words: state.pair };
      case 'odd': return { tool: 'odd', words: state.odd };
    }
  }

  private async run(): Promise<void> {
    if (!this.loaded) return;
    const id = ++this.asked;
    const state = structuredClone(this.store.state.vectors);
    const answer = await this.client.query(this.query(state));
    if (id !== this.asked) return;
    this.answer.show(answer, state, this.loaded.size, this.loaded.source === 'own');
    this.pca.show(answer.unknown.length ? null : answer.plot);
    this.showPlotNote();
  }

  // What the picture is, for the loaded vectors' dimension (2 numbers need no projection, only a turn).
  private showPlotNote(): void {
    const dim = this.loaded?.dim ?? 0;
    const about = dim === 2 ? t('plotAboutPlane') : t('plotAbout', { dim: dim > 0 ? formatCount(dim) : t('vectorsManyNumbers') });
    this.plotNote.textContent = this.store.state.vectors.tool === 'analogy' ? `${about} ${t('plotAboutAnalogy')}` : about;
  }
}
