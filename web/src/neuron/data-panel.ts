// Choosing the training data: a built-in set or the user's own CSV/XLSX file, then the target t
// and the inputs. A file or a choice that cannot be used gets a message naming the row and column,
// and the data in use stay as they were.
import { h, options, tr } from '../app/dom.ts';
import { formatCount, language, t } from '../app/i18n.ts';
import { suggestColumns, toNeuronData, type NeuronData } from '../data/dataset.ts';
import { storageAllowed } from '../data/device-storage.ts';
import { importErrorMessage } from '../data/messages.ts';
import { PRESETS, type Preset } from '../data/presets.ts';
import { readDataFile } from '../data/read-file.ts';
import type { Table } from '../data/table.ts';

export interface DataChoice {
  preset: Preset | null;  // null: the user's own file
  fileName: string;
  table: Table;
  target: string;
  features: string[];
}

// Tries the data on the neuron; resolves to an error message, or null when they are in use.
export type ApplyData = (data: NeuronData, choice: DataChoice) => Promise<string | null>;

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
  private current: DataChoice | null = null;
  private data: NeuronData | null = null;

  constructor(private readonly apply: ApplyData) {
    const upload = h('label', { class: 'button upload' }, this.fileInput, tr('span', 'uploadButton'));
    this.root = h('div', { class: 'data-panel' },
      h('div', { class: 'field' }, tr('label', 'dataset', { for: 'dataset' }), this.presetSelect),
      upload, tr('p', 'uploadHelp', { class: 'field-help' }),
      tr('p', storageAllowed() ? 'uploadKept' : 'uploadNotKept', { class: 'field-help', 'data-note': 'kept' }), this.progress, this.message,
      h('div', { class: 'field' }, tr('label', 'targetColumn', { for: 'target' }), this.targetSelect),
      h('fieldset', { class: 'field' }, tr('legend', 'featureColumns'), this.featureBoxes),
      this.summary);
    this.presetSelect.id = 'dataset';
    this.targetSelect.id = 'target';
    this.listen(upload);
  }

  // Opens a built-in data set, with the URL's column choice when it fits the table.
  async openPreset(preset: Preset, target: string | null, features: string[] | null): Promise<boolean> {
    const table = preset.table();
    const fits = (name: string) => table.columns.includes(name);
    const choice: DataChoice = {
      preset, fileName: '', table,
      target: target && fits(target) ? target : preset.target,
      features: features && features.every(fits) ? features : preset.features,
    };
    return this.tryChoice(choice);
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

  async openFile(file: File): Promise<boolean> {
    this.progress.textContent = t('uploadReading', { name: file.name });
    this.showError(null);
    const result = await readDataFile(file.name, new Uint8Array(await file.arrayBuffer()));
    this.progress.textContent = '';
    if (!result.ok) {
      this.showError(importErrorMessage(result.error, language()));
      return false;
    }
    const suggested = suggestColumns(result.value);
    const choice: DataChoice = { preset: null, fileName: file.name, table: result.value,
      target: suggested.target ?? result.value.columns[result.value.columns.length - 1], features: suggested.features };
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

  // Converts and applies a choice; on any problem shows it and keeps the data in use.
  private async tryChoice(choice: DataChoice): Promise<boolean> {
    const converted = toNeuronData(choice.table, { target: choice.target, features: choice.features });
    if (!converted.ok) {
      this.showError(importErrorMessage(converted.error, language()));
      return false;
    }
    const problem = await this.apply(converted.value, choice);
    if (problem) {
      this.showError(problem);
      return false;
    }
    this.current = choice;
    this.data = converted.value;
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
    this.targetSelect.replaceChildren(...choice.table.columns.map((c) => h('option', { value: c }, c)));
    this.targetSelect.value = choice.target;
    this.featureBoxes.replaceChildren(...choice.table.columns.filter((c) => c !== choice.target).map((c) => {
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
