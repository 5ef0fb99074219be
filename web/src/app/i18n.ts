// Danish first, English as a toggle. Every text the page shows goes through t(), every number
// through formatNumber(), so that Danish mode shows 0,627 and English mode 0.627.
import { da, type Messages } from '../i18n/da.ts';
import { MEGABYTE } from '../data/limits.ts';

export type Language = 'da' | 'en';
// A page may bring texts of its own with its code (addPageMessages); it declares their keys here by
// declaration merging, so that t() checks them like the rest.
export interface PageMessages {}
export type MessageKey = keyof Messages | keyof PageMessages;

// English comes when first asked for (the service worker keeps it for offline use): most students
// never switch, and its ~10 KB stay out of every page's first load.
const dictionaries: Partial<Record<Language, Messages>> = { da };
const pageDictionaries: Record<Language, Record<string, string>> = { da: {}, en: {} };
let current: Language = 'da';

// A page's own texts in both languages, registered when its code loads.
export function addPageMessages<T extends Record<string, string>>(texts: Record<Language, T>): void {
  Object.assign(pageDictionaries.da, texts.da);
  Object.assign(pageDictionaries.en, texts.en);
}

// Fetches the language's texts if need be, then switches to it.
export async function loadLanguage(language: Language): Promise<void> {
  if (!dictionaries[language]) dictionaries[language] = (await import('../i18n/en.ts')).en;
  setLanguage(language);
}

// Switches at once; t() needs the language's texts loaded first (loadLanguage), numbers do not.
export function setLanguage(language: Language): void {
  current = language;
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export function language(): Language {
  return current;
}

// Text for key with {name} placeholders filled in from params.
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = (dictionaries[current] ?? da)[key as keyof Messages] ?? pageDictionaries[current][key] ?? pageDictionaries.da[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    name in params ? String(params[name]) : `{${name}}`);
}

const locales: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };
const formatters = new Map<string, Intl.NumberFormat>();

// The locale for number formatting elsewhere (the charts' axes).
export function numberLocale(): string {
  return locales[current];
}

// The first number format of a language loads its locale data (~15–25 ms): done in a task of its
// own while the page's code loads, instead of inside the page's first task or its first chart.
export function warmNumberFormats(): void {
  formatter({ maximumFractionDigits: 0 }).format(1234.5);
}

function formatter(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = current + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locales[current], options);
    formatters.set(key, f);
  }
  return f;
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

// Very large or very small numbers as mantissa·10^exponent; null for numbers shown plainly.
export function scientificParts(x: number, significant = 4): { mantissa: string; exponent: string } | null {
  if (x === 0 || (Math.abs(x) < 1e7 && Math.abs(x) >= 1e-5)) return null;
  const text = formatter({ notation: 'scientific', maximumSignificantDigits: significant }).format(x);
  const [mantissa, exponent] = text.replace(/\u2212/g, '-').split('E');
  return { mantissa, exponent };
}

// A number for the screen: 0,627 or 6,088·10⁻⁶, never "NaN" — a value that is not finite shows as "–".
export function formatNumber(x: number, significant = 4): string {
  if (!Number.isFinite(x)) return '–';
  if (x === 0) x = 0;  // −0 (e.g. −η·0) shows as 0
  const parts = scientificParts(x, significant);
  if (parts) return `${parts.mantissa}·10${parts.exponent.replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
  return formatter({ maximumSignificantDigits: significant, useGrouping: Math.abs(x) >= 1e4 }).format(x);
}

// A fixed number of decimals, as the notes print o = 0,627.
export function formatFixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return '–';
  return formatter({ minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(x);
}

// Whole numbers with thousands separators: 200.000 (da), 200,000 (en).
export function formatCount(n: number): string {
  return Number.isFinite(n) ? formatter({ maximumFractionDigits: 0 }).format(n) : '–';
}

// A size in MB of 10^6 bytes (limits.ts), to a tenth: 18,9 MB.
export function formatMegabytes(bytes: number): string {
  return Number.isFinite(bytes) ? formatter({ maximumFractionDigits: 1 }).format(bytes / MEGABYTE) : '–';
}

export function formatPercent(x: number): string {
  return Number.isFinite(x) ? formatter({ style: 'percent', maximumFractionDigits: 1 }).format(x) : '–';
}

// Parses a number typed by a person in either language: "0,001", "0.001", "1e-3", "-2,5".
export function parseUserNumber(text: string): number | null {
  const s = text.trim().replace(/\s/g, '').replace('−', '-');
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const x = Number(s.replace(',', '.'));
  return Number.isFinite(x) ? x : null;
}
