// A text box for a word, with suggestions from the vectors' vocabulary as one types (a datalist,
// so phones show their own native list). Enter asks the question.
import { h, tr } from '../app/dom.ts';
import type { MessageKey } from '../app/i18n.ts';
import { normaliseWord } from '../models/query-engine.ts';
import { completions } from '../models/spelling.ts';

let counter = 0;

export class WordField {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLDataListElement;

  // vocabulary: the words known now (most frequent first); it changes when other vectors load.
  constructor(labelKey: MessageKey, private readonly vocabulary: () => readonly string[], onEnter: () => void,
    name: string, wide = false) {
    const id = `word-${++counter}`;
    this.list = h('datalist', { id: `${id}-list` });
    this.input = h('input', { type: 'text', id, name, list: this.list.id, autocomplete: 'off', autocapitalize: 'none',
      spellcheck: 'false', enterkeyhint: 'search', class: wide ? 'word-input wide' : 'word-input' });
    this.input.addEventListener('input', () => this.suggest());
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        onEnter();
      }
    });
    this.root = h('div', { class: 'field word-field' }, tr('label', labelKey, { for: id }), this.input, this.list);
  }

  get value(): string {
    return this.input.value;
  }

  set value(text: string) {
    this.input.value = text;
    this.list.replaceChildren();
  }

  // The last word typed (the odd-one-out box holds several) completed from the vocabulary.
  private suggest(): void {
    const text = this.input.value;
    const parts = text.split(/([\s,]+)/);
    const last = normaliseWord(parts[parts.length - 1] ?? '');
    const before = parts.slice(0, -1).join('');
    const found = last.length >= 1 ? completions(last, this.vocabulary(), 8) : [];
    this.list.replaceChildren(...found.map((word) => h('option', { value: before + word })));
  }
}
