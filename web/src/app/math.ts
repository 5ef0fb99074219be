// Formulas typeset with KaTeX (bundled with its fonts: no request leaves the page).
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { formatNumber } from './i18n.ts';

export function renderMath(element: HTMLElement, tex: string, display = false): void {
  katex.render(tex, element, { throwOnError: false, displayMode: display, output: 'htmlAndMathml' });
}

// A number for a formula, in the page's language: 0{,}627 keeps TeX from spacing the comma.
export function texNumber(x: number, significant = 4): string {
  const [mantissa, exponent] = formatNumber(x, significant).replace(/\u2212/g, '-').split('E');
  const tex = mantissa.replace(/,/g, '{,}').replace(/\u00a0/g, '\\,');
  return exponent === undefined ? tex : `${tex}\\cdot 10^{${exponent}}`;
}

// A factor in a product: negative numbers in parentheses, as written by hand.
export function texFactor(x: number, significant = 4): string {
  const text = texNumber(x, significant);
  return x < 0 ? `(${text})` : text;
}
