// "Egne vektorer": load a word2vec/fastText/GloVe file (optionally .gz) instead of the default
// vectors, or go back to them. A file that cannot be used leaves the vectors in use as they were.
import { h, tr, trAttribute } from '../app/dom.ts';
import { t } from '../app/i18n.ts';

export interface LoadEvents {
  // null when loaded, else the message to show; 'superseded' when another file was chosen meanwhile
  file(file: File): Promise<string | null | 'cancelled' | 'superseded'>;
  cancel(): void;  // the file being read is not wanted after all
  backToDefault(): Promise<void>;
}

export class LoadPanel {
  readonly root: HTMLElement;
  private readonly input = h('input', { type: 'file', class: 'visually-hidden', name: 'vectors-file',
    accept: '.vec,.txt,.bin,.gz,.aivec,.w2v,text/plain,application/gzip' });
  private readonly status = h('p', { class: 'data-summary', role: 'status' });
  private readonly busy = h('progress', { 'data-vectors': 'loading' });  // no value: the core reads in one go
  private readonly busyBox: HTMLElement;
  private readonly message = h('p', { class: 'field-error', role: 'alert', hidden: true });
  private readonly back = tr('button', 'loadDefaultButton', { type: 'button', hidden: true });

  constructor(private readonly events: LoadEvents) {
    const button = h('label', { class: 'button upload' }, this.input, tr('span', 'loadButton'));
    this.input.addEventListener('change', () => {
      const file = this.input.files?.[0];
      this.input.value = '';  // the same file again must fire change again
      if (file) void this.load(file);
    });
    this.back.addEventListener('click', () => void events.backToDefault());
    button.addEventListener('dragover', (event) => event.preventDefault());
    button.addEventListener('drop', (event) => {
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (file) void this.load(file);
    });
    trAttribute(this.busy, 'aria-label', 'vectorsLoadingLabel');
    const cancel = tr('button', 'uploadCancel', { type: 'button', 'data-action': 'vectors-cancel' });
    cancel.addEventListener('click', () => events.cancel());
    this.busyBox = h('div', { class: 'upload-reading', hidden: true }, this.busy, cancel);
    this.root = h('div', { class: 'load-panel' }, button, tr('p', 'loadHelp', { class: 'field-help' }), this.status, this.busyBox,
      this.message, this.back);
  }

  // Own vectors are in use (the way back is offered) or not.
  setOwn(own: boolean): void {
    this.back.hidden = !own;
  }

  private async load(file: File): Promise<void> {
    this.message.hidden = true;
    this.status.textContent = t('vectorsLoadingFile', { name: file.name });
    this.busyBox.hidden = false;
    const problem = await this.events.file(file);
    if (problem === 'superseded') return;  // another file was chosen meanwhile: its reading shows
    this.busyBox.hidden = true;
    this.status.textContent = problem === 'cancelled' ? t('vectorsLoadCancelled', { name: file.name }) : '';
    this.message.hidden = problem === null || problem === 'cancelled';
    this.message.textContent = problem === null || problem === 'cancelled' ? '' : problem;
  }
}
