// A labelled form field with help text and a place for a Danish/English error message that says
// what is wrong; a bad value never replaces the last good one.
import { h, tr } from './dom.ts';
import { language, type MessageKey } from './i18n.ts';

let counter = 0;

export interface Field {
  root: HTMLElement;
  setError(text: string | null): void;
}

export function field(labelKey: MessageKey, control: HTMLElement, helpKey?: MessageKey): Field {
  const id = control.id || `field-${++counter}`;
  control.id = id;
  const error = h('p', { class: 'field-error', role: 'alert', hidden: true, id: `${id}-error` });
  const label = tr('label', labelKey, { for: id });
  const help = helpKey ? tr('p', helpKey, { class: 'field-help', id: `${id}-help` }) : null;
  if (help) control.setAttribute('aria-describedby', help.id);
  const root = h('div', { class: 'field' }, label, control, help, error);
  return {
    root,
    setError(text) {
      error.hidden = text === null;
      error.textContent = text ?? '';
      if (text === null) control.removeAttribute('aria-invalid');
      else control.setAttribute('aria-invalid', 'true');
    },
  };
}

// A text box for numbers that accepts the decimal comma: type=number would refuse "0,001".
export function numberInput(value: number, attributes: Record<string, string> = {}): HTMLInputElement {
  const input = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', ...attributes });
  input.value = inputText(value);
  return input;
}

// Full precision, no grouping, the language's decimal mark: what a person would type.
export function inputText(x: number): string {
  const text = String(x);
  return language() === 'da' ? text.replace('.', ',') : text;
}

// A whole number as typed, also with thousands separators: "200.000", "200,000", "200 000".
export function parseUserInteger(text: string): number | null {
  const s = text.trim().replace(/[\s\u00a0]/g, '');
  const plain = /^\d{1,3}([.,]\d{3})+$/.test(s) ? s.replace(/[.,]/g, '') : s;
  if (!/^\d+$/.test(plain)) return null;
  const n = Number(plain);
  return Number.isSafeInteger(n) ? n : null;
}
