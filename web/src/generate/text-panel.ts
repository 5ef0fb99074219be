// Tekstgenerering's first panel: which text the model counts in (the note's four sentences, the
// practice sentences, a pasted text or a .txt file, or the finished Danish model's counts), whether a sentence end is a word, the reading
// of a large file with Annullér, and what the text turned out to be — or why it was refused.
import { h, options, tr, trAttribute } from '../app/dom.ts';
import { field, numberInput, parseUserInteger } from '../app/fields.ts';
import { formatCount, formatMegabytes, formatPercent, t } from '../app/i18n.ts';
import { MAX_TEXT_BYTES } from '../data/text-size.ts';
import ngramUrl from '@data/ngram-da.aing?url';
import type { BuiltText, GenerateText } from '../wasm/generate-protocol.ts';
import type { GeneratePageState, GenerateSource } from './generate-state.ts';

const SHOW_READING_BYTES = 1_000_000;  // a larger file shows its bar at once (reading and counting take seconds)

export interface TextPanelEvents {
  source(source: GenerateSource): void;
  sentences(count: number): void;
  ends(on: boolean): void;
  use(): void;     // count in what the panel now holds (the typed text, or the chosen file)
  cancel(): void;  // stop reading the file
}

export class TextPanel {
  readonly root: HTMLElement;
  private readonly source = h('select', { name: 'source' });
  private readonly sentences: HTMLInputElement;
  private readonly sentencesField: ReturnType<typeof field>;
  private readonly ends = h('input', { type: 'checkbox', name: 'ends' });
  private readonly ownText = h('textarea', { name: 'own-text', rows: 5, spellcheck: 'false' });
  private readonly ownBox: HTMLElement;
  private readonly fileInput = h('input', { type: 'file', class: 'visually-hidden', name: 'text-file', accept: '.txt,text/plain' });
  private readonly fileName = h('p', { class: 'data-summary', 'data-generate': 'file', hidden: true });
  private readonly readingBar = h('progress', { max: 1, value: 0 });
  private readonly readingBox: HTMLElement;
  private readonly stats = h('p', { class: 'data-summary', 'data-generate': 'stats', role: 'status' });
  private readonly error = h('p', { class: 'field-error', role: 'alert', hidden: true });
  private readonly endsBox: HTMLElement;
  private readonly finishedHelp = tr('p', 'generateFinishedHelp', { class: 'field-help', hidden: true });
  private file: File | null = null;  // the chosen text file (its text stays in the worker)

  constructor(state: GeneratePageState, private readonly events: TextPanelEvents) {
    this.sentences = numberInput(state.sentences, { name: 'sentences' });
    this.sentencesField = field('generateSentencesLabel', this.sentences);
    options(this.source, [['note', 'generateSourceNote'], ['practice', 'generateSourcePractice'], ['own', 'generateSourceOwn'],
      ['danish', 'generateSourceDanish']]);
    const button = (key: Parameters<typeof tr>[1], action: string, click: () => void) => {
      const b = tr('button', key, { type: 'button', 'data-action': action });
      b.addEventListener('click', click);
      return b;
    };
    this.readingBox = h('div', { class: 'upload-reading', hidden: true, 'data-generate': 'reading' }, this.readingBar,
      button('uploadCancel', 'generate-cancel', () => events.cancel()));
    trAttribute(this.readingBar, 'aria-label', 'generateReadingLabel');
    const fileButton = h('label', { class: 'button upload' }, this.fileInput, tr('span', 'generateFileButton'));
    this.ownBox = h('div', { class: 'own-text-box' }, field('generateOwnLabel', this.ownText).root,
      h('div', { class: 'own-buttons' }, button('generateOwnUse', 'use-text', () => { this.forgetFile(); events.use(); }), fileButton),
      tr('p', 'generateFileHelp', { class: 'field-help' }), this.fileName, this.readingBox);
    this.endsBox = h('div', {}, h('label', { class: 'check' }, this.ends, tr('span', 'generateEndsLabel')),
      tr('p', 'generateNoteHelp', { class: 'field-help' }));
    this.root = h('div', {}, field('generateSourceLabel', this.source).root, this.sentencesField.root, this.ownBox, this.endsBox,
      this.finishedHelp, this.error, this.stats);
    this.wire();
  }

  private wire(): void {
    this.source.addEventListener('change', () => {
      this.events.source(this.source.value as GenerateSource);
      if (this.source.value === 'own') this.ownText.focus();
    });
    this.sentences.addEventListener('change', () => {
      const n = parseUserInteger(this.sentences.value);
      if (n === null || n < 10 || n > 200_000) return this.sentencesField.setError(t('generateSentencesInvalid'));
      this.sentencesField.setError(null);
      this.events.sentences(n);
    });
    this.ends.addEventListener('change', () => this.events.ends(this.ends.checked));
    this.fileInput.addEventListener('change', () => {
      const file = this.fileInput.files?.[0];
      this.fileInput.value = '';
      if (file) this.chooseFile(file);
    });
  }

  show(s: GeneratePageState): void {
    this.source.value = s.source;
    this.sentencesField.root.hidden = s.source !== 'practice';
    this.ownBox.hidden = s.source !== 'own';
    this.endsBox.hidden = s.source === 'danish';  // the finished model has its own words, without sentence ends
    this.finishedHelp.hidden = s.source !== 'danish';
    this.ends.checked = s.ends;
  }

  // What to count in now; null when the own text is empty.
  wanted(s: GeneratePageState): GenerateText | null {
    if (s.source === 'note') return { kind: 'note' };
    if (s.source === 'practice') return { kind: 'practice', sentences: s.sentences };
    if (s.source === 'danish') return { kind: 'danish', url: new URL(ngramUrl, location.href).href };
    if (this.file) return { kind: 'file', file: this.file };
    return this.ownText.value.trim() ? { kind: 'own', text: this.ownText.value } : null;
  }

  // A text counted before (the first one is the note's, even when an own text is asked for).
  get counted(): boolean {
    return this.stats.textContent !== '';
  }

  showError(text: string | null): void {
    this.error.hidden = text === null;
    this.error.textContent = text ?? '';
  }

  showStats(built: BuiltText): void {
    this.stats.textContent = built.finished
      ? t('generateFinishedStats', { tokens: formatCount(built.tokens), words: formatCount(built.words), description: built.finished.description })
      : t('generateTextStats', { tokens: formatCount(built.tokens), words: formatCount(built.words) });
  }

  // Why a file could not be counted in.
  fileProblem(problem: NonNullable<BuiltText['problem']>, name: string): string {
    if (problem.code === 'binary') return t('generateFileBinary', { name });
    if (problem.code === 'empty') return t('generateFileEmpty', { name });
    return t('generateNotLettersFile', { name, share: formatPercent(problem.share) });
  }

  startReading(text: GenerateText): void {
    this.readingBox.hidden = !(text.kind === 'file' && text.file.size > SHOW_READING_BYTES);
    this.readingBar.removeAttribute('value');
  }

  progress(fraction: number): void {
    this.readingBox.hidden = false;
    this.readingBar.value = fraction;
  }

  stopReading(): void {
    this.readingBox.hidden = true;
  }

  forgetFile(): void {
    this.file = null;
    this.fileName.hidden = true;
  }

  private chooseFile(file: File): void {
    if (file.size > MAX_TEXT_BYTES) {
      this.showError(t('generateFileTooLarge', { name: file.name, size: formatMegabytes(file.size) }));
      return;
    }
    this.file = file;
    this.fileName.hidden = false;
    this.fileName.textContent = t('generateFileChosen', { name: file.name, size: formatMegabytes(file.size) });
    this.events.use();
  }
}
