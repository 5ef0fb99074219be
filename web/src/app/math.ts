// Formulas typeset with KaTeX (bundled with its fonts: no request leaves the page).
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { formatFixed, formatNumber, scientificParts } from './i18n.ts';

// KaTeX's first formula costs ~40 ms more than later ones (its tables, its fonts' first layout):
// paid in a task of its own once this module has loaded, not inside a page's first frame.
setTimeout(() => {
  const scratch = document.createElement('span');
  scratch.style.cssText = 'position:absolute;visibility:hidden;pointer-events:none';
  scratch.setAttribute('aria-hidden', 'true');
  document.body.append(scratch);
  katex.render('\\begin{aligned} o &= \\sigma(w_0 + w_1\\cdot x_1) \\\\ &= 0{,}5 \\end{aligned}', scratch,
    { throwOnError: false, displayMode: true, output: 'htmlAndMathml' });
  void scratch.offsetHeight;
  scratch.remove();
});

export function renderMath(element: HTMLElement, tex: string, display = false): void {
  katex.render(tex, element, { throwOnError: false, displayMode: display, output: 'htmlAndMathml' });
  // A formula box scrolls sideways on a phone: it takes keyboard focus so that a keyboard can scroll
  // it (WCAG 2.1.1), as documentation sites do with code blocks.
  const box = (element.closest('.formula') as HTMLElement | null) ?? element;
  if (display && !box.hasAttribute('tabindex')) box.tabIndex = 0;
}

// Typesets and lays the formula out at once, for views drawn in a frame budget: KaTeX's boxes take
// longer to lay out than to build, and the budget only counts what happens inside the draw.
export function typeset(element: HTMLElement, tex: string, display = true): void {
  renderMath(element, tex, display);
  void element.offsetHeight;  // forces the layout now
}

// Screen text of a number → TeX: 0{,}627 keeps TeX from spacing the comma; the dash of a missing
// number is text (in math mode KaTeX warns about it).
function tex(text: string): string {
  if (text === '–') return '\\text{–}';
  return text.replace(/\u2212/g, '-').replace(/,/g, '{,}').replace(/\u00a0/g, '\\,');
}

// A number for a formula, in the page's language: 0{,}627 or 6{,}088\cdot 10^{-6}.
export function texNumber(x: number, significant = 4): string {
  const parts = Number.isFinite(x) ? scientificParts(x, significant) : null;
  return parts ? `${tex(parts.mantissa)}\\cdot 10^{${parts.exponent}}` : tex(formatNumber(x, significant));
}

// A fixed number of decimals, as the notes print o = 0,627.
export function texFixed(x: number, decimals: number): string {
  return tex(formatFixed(x, decimals));
}

// A factor in a product: negative numbers in parentheses, as written by hand.
export function texFactor(x: number, significant = 4): string {
  const text = texNumber(x, significant);
  return x < 0 ? `(${text})` : text;
}
