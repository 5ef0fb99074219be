// Choosing the training data: a built-in set or the user's own CSV/XLSX file, then the target t
// and the inputs. A file or a choice that cannot be used gets a message naming the row and column,
// and the data in use stay as they were.
import { h, options, tr, trAttribute } from '../app/dom.ts';
import { formatCount, formatPercent, language, t } from '../app/i18n.ts';
import type { NeuronData } from '../data/dataset.ts';
import { storageAllowed } from '../data/device-storage.ts';
import { importErrorMessage } from '../data/messages.ts';
import { PRESETS, type Preset } from '../data/presets.ts';
import { localTable, type TableSource } from '../data/table-source.ts';
import { openTableFile, type TableOpening } from '../wasm/table-client.ts';

export interface DataChoice {
  preset: Preset | null;  // null: the user's own file
  fileName: string;
  source: TableSource;
  target: string;
  features: string[];
}

// Tries the data on the neuron; resolves to an error message, or null when they are in use.
// stored: the race page's hand-over text for a file, made off the page (null: make it here).
export type ApplyData = (data: NeuronData, choice: DataChoice, stored: string | null) => Promise<string | null>;

const OWN = 'own';

export class DataPanel {
  readonly root: HTMLElement;
  private readonly presetSelect = h('select', { name: 'dataset' });
  private readonly fileInput = h('input', { type: 'file', name: 'file', class: 'visually-hidden',
    accept: '.csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  private readonly targetSelect = h('select', { name: 'target' });
  private readonly featureBoxes = h('div', { class: 'feature-boxes', role: 'group' });
  private readonly summary = h('p', { class: 'data-summary' });
  private readonly message = h('p', { class: 'field-error', role: 'alert', hidden: true });
  private readonly progress = h('p', { class: 'field-help', 'aria-live': 'polite' });
  private readonly readingBar = h('progress', { max: 1 });
  private readonly readingBox: HTMLElement;
  private opening: TableOpening | null = null;  // a file being read
  private current: DataChoice | null = null;
  private data: NeuronData | null = null;

  constructor(private readonly apply: ApplyData) {
    const upload = h('label', { class: 'button upload' }, this.fileInput, tr('span', 'uploadButton'));
    const cancel = tr('button', 'uploadCancel', { type: 'button', 'data-action': 'upload-cancel' });
    cancel.addEventListener('click', () => this.opening?.cancel());
    trAttribute(this.readingBar, 'aria-label', 'uploadReadingLabel');
    this.readingBox = h('div', { class: 'upload-reading', hidden: true, 'data-upload': 'reading' }, this.readingBar, cancel);
    this.root = h('div', { class: 'data-panel' },
      h('div', { class: 'field' }, tr('label', 'dataset', { for: 'dataset' }), this.presetSelect),
      upload, tr('p', 'uploadHelp', { class: 'field-help' }),
      tr('p', storageAllowed() ? 'uploadKept' : 'uploadNotKept', { class: 'field-help', 'data-note': 'kept' }),
      this.progress, this.readingBox, this.message,
      h('div', { class: 'field' }, tr('label', 'targetColumn', { for: 'target' }), this.targetSelect),
      h('fieldset', { class: 'field' }, tr('legend', 'featureColumns'), this.featureBoxes),
      this.summary);
    this.presetSelect.id = 'dataset';
    this.targetSelect.id = 'target';
    this.listen(upload);
  }

  // Opens a built-in data set, with the URL's column choice when it fits the table.
  async openPreset(preset: Preset, target: string | null, features: string[] | null): Promise<boolean> {
    const source = localTable(preset.table());
    const fits = (name: string) => source.columns.includes(name);
    const choice: DataChoice = {
      preset, fileName: '', source,
      target: target && fits(target) ? target : preset.target,
      features: features && features.every(fits) ? features : preset.features,
    };
    return this.tryChoice(choice);
  }

  // The columns in use (null before any data).
  choice(): { target: string; features: string[] } | null {
    return this.current && { target: this.current.target, features: this.current.features };
  }

  refresh(): void {
    this.renderChoice();
  }

  private listen(upload: HTMLElement): void {
    this.presetSelect.addEventListener('change', async () => {
      const preset = PRESETS.find((p) => p.id === this.presetSelect.value);
      if (preset && !(await this.openPreset(preset, null, null))) this.renderChoice();
    });
    this.fileInput.addEventListener('change', () => {
      const file = this.fileInput.files?.[0];
      this.fileInput.value = '';  // so that choosing the same file again reads it again
      if (file) void this.openFile(file);
    });
    this.targetSelect.addEventListener('change', () => this.changeColumns());
    this.featureBoxes.addEventListener('change', () => this.changeColumns());
    // Dropping a file on the panel works like choosing it.
    this.root.addEventListener('dragover', (event) => {
      event.preventDefault();
      upload.classList.add('dragging');
    });
    this.root.addEventListener('dragleave', () => upload.classList.remove('dragging'));
    this.root.addEventListener('drop', (event) => {
      event.preventDefault();
      upload.classList.remove('dragging');
      const file = event.dataTransfer?.files[0];
      if (file) void this.openFile(file);
    });
  }

  // Read by a worker of its own (a large file never blocks the page); a long read shows its
  // progress and can be cancelled, and the data in use stay until the new file is ready.
  async openFile(file: File): Promise<boolean> {
    this.opening?.cancel();
    this.progress.textContent = t('uploadReading', { name: file.name });
    this.showError(null);
    const opening = openTableFile(file, (fraction) => {
      if (this.opening !== opening) return;
      this.readingBox.hidden = false;
      if (fraction === null) this.readingBar.removeAttribute('value');  // unpacking an .xlsx: no fraction to tell
      else this.readingBar.value = fraction;
      this.progress.textContent = fraction === null ? t('uploadReading', { name: file.name })
        : t('uploadReadingShare', { name: file.name, percent: formatPercent(fraction) });
    });
    this.opening = opening;
    const result = await opening.result;
    if (this.opening !== opening) return false;  // a newer file took over
    this.opening = null;
    this.readingBox.hidden = true;
    this.progress.textContent = '';
    if (result === 'cancelled') {
      this.progress.textContent = t('uploadCancelled', { name: file.name });
      return false;
    }
    if (!result.ok) {
      this.showError(importErrorMessage(result.error, language()));
      return false;
    }
    const source = result.value;
    const choice: DataChoice = { preset: null, fileName: file.name, source,
      target: source.suggested.target ?? source.columns[source.columns.length - 1], features: source.suggested.features };
    const ok = await this.tryChoice(choice);
    if (ok) this.progress.textContent = t('uploadLoaded', { name: file.name });
    return ok;
  }

  private async changeColumns(): Promise<void> {
    if (!this.current) return;
    const target = this.targetSelect.value;
    const features = Array.from(this.featureBoxes.querySelectorAll<HTMLInputElement>('input:checked'))
      .map((box) => box.value).filter((name) => name !== target);
    if (!(await this.tryChoice({ ...this.current, target, features }))) this.renderChoice();
  }

  // Converts and applies a choice; on any problem shows it and keeps the data in use (a new
  // source that is not taken is closed; one that replaces another closes the other).
  private async tryChoice(choice: DataChoice): Promise<boolean> {
    const keep = (): false => {
      if (choice.source !== this.current?.source) choice.source.close();
      return false;
    };
    const converted = await choice.source.convert({ target: choice.target, features: choice.features });
    if (!converted.ok) {
      this.showError(importErrorMessage(converted.error, language()));
      return keep();
    }
    const problem = await this.apply(converted.value.data, choice, converted.value.stored);
    if (problem) {
      this.showError(problem);
      return keep();
    }
    if (this.current && this.current.source !== choice.source) this.current.source.close();
    this.current = choice;
    this.data = converted.value.data;
    this.showError(null);
    this.renderChoice();
    return true;
  }

  private showError(text: string | null): void {
    this.message.hidden = text === null;
    this.message.textContent = text ?? '';
  }

  // Shows the choice in use: data set, target, inputs and a one-line summary.
  private renderChoice(): void {
    const choice = this.current;
    const entries: [string, Parameters<typeof t>[0]][] = PRESETS.map((p) => [p.id, p.label]);
    options(this.presetSelect, entries);
    if (choice && !choice.preset) {
      const own = h('option', { value: OWN }, t('presetOwn', { name: choice.fileName }));
      this.presetSelect.append(own);
    }
    if (!choice) return;
    this.presetSelect.value = choice.preset ? choice.preset.id : OWN;
    this.targetSelect.replaceChildren(...choice.source.columns.map((c) => h('option', { value: c }, c)));
    this.targetSelect.value = choice.target;
    this.featureBoxes.replaceChildren(...choice.source.columns.filter((c) => c !== choice.target).map((c) => {
      const box = h('input', { type: 'checkbox', value: c, name: 'feature' });
      box.checked = choice.features.includes(c);
      return h('label', { class: 'checkbox' }, box, h('span', {}, c));
    }));
    const data = this.data!;
    let ones = 0;
    for (let m = 0; m < data.rows; m++) ones += data.t[m] >= 0.5 ? 1 : 0;
    const [zero, one] = data.classLabels;
    const inputs = data.cols === 1 ? t('oneInput') : t('manyInputs', { n: formatCount(data.cols) });
    this.summary.textContent = t('dataSummary', { rows: formatCount(data.rows), inputs,
      ones: formatCount(ones), one, zeros: formatCount(data.rows - ones), zero });
  }
}
