// A few helpers to build DOM without a framework. Text that comes from the dictionaries is
// marked with data-i18n, so a change of language re-translates it in place (translateAll).
import { t, type MessageKey } from './i18n.ts';

type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | number | boolean | undefined | null>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = String(value);
    else if (name === 'style') element.style.cssText = String(value);  // through the CSSOM: the page's CSP forbids style attributes
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

// An element whose text is a dictionary entry, kept in the current language.
export function tr<K extends keyof HTMLElementTagNameMap>(
  tag: K, key: MessageKey, attributes: Attributes = {}): HTMLElementTagNameMap[K] {
  const element = h(tag, attributes);
  element.dataset.i18n = key;
  element.textContent = t(key);
  return element;
}

const TRANSLATED_ATTRIBUTES = { title: 'i18nTitle', 'aria-label': 'i18nAriaLabel', placeholder: 'i18nPlaceholder' };
type TranslatedAttribute = keyof typeof TRANSLATED_ATTRIBUTES;

// Sets a translated attribute (title, aria-label, placeholder) and keeps it translated.
export function trAttribute(element: HTMLElement | SVGElement, attribute: TranslatedAttribute, key: MessageKey): void {
  element.dataset[TRANSLATED_ATTRIBUTES[attribute]] = key;
  element.setAttribute(attribute, t(key));
}

// A table that scrolls sideways on a narrow screen, in a box a keyboard can reach and scroll (WCAG
// 2.1.1): focusable, and a region named by `label`.
export function scrollBox(table: HTMLElement, label: MessageKey): HTMLElement {
  const box = h('div', { class: 'table-scroll', tabindex: 0, role: 'region' }, table);
  trAttribute(box, 'aria-label', label);
  return box;
}

// Re-translates every marked element under root after a change of language.
export function translateAll(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n as MessageKey);
  });
  for (const [attribute, data] of Object.entries(TRANSLATED_ATTRIBUTES)) {
    root.querySelectorAll<HTMLElement>(`[data-i18n-${attribute}]`).forEach((element) => {
      element.setAttribute(attribute, t(element.dataset[data] as MessageKey));
    });
  }
}

// <option>s whose labels are dictionary entries.
export function options(select: HTMLSelectElement, entries: [string, MessageKey][]): void {
  select.replaceChildren(...entries.map(([value, key]) => {
    const option = tr('option', key);
    option.value = value;
    return option;
  }));
}
