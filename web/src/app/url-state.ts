// Every setting lives in the URL, so a link or an iframe reproduces the page exactly.
// Only values that differ from the defaults are written, to keep links short. The keys common to
// every page are read here; each page reads and writes its own part through its registry entry
// (pages.ts), so this file knows no page.
import type { Language } from './i18n.ts';
import type { PageEntry } from './page-entry.ts';
import type { Read, UrlProblem } from './url-values.ts';
import { flagReader } from './url-flag.ts';

// Each page adds its own state here from its folder, e.g. in neuron/neuron-state.ts:
//   declare module '../app/url-state.ts' { interface PageStates { neuron: NeuronPageState } }
export interface PageStates {}

export interface CommonState {
  page: string;      // a registry id; 'home' is the overview
  lang: Language;
  embed: boolean;
  hide: string[];    // control groups hidden in an embedded page
}

export type AppState = CommonState & PageStates;

export function defaultState(pages: readonly PageEntry[]): AppState {
  const state: CommonState & Record<string, unknown> = { page: 'home', lang: 'da', embed: false, hide: [] };
  for (const entry of pages) if (entry.url) state[entry.id] = entry.url.defaults();
  return state as unknown as AppState;
}

export function parseState(search: string, pages: readonly PageEntry[]): { state: AppState; problems: UrlProblem[] } {
  const params = new URLSearchParams(search);
  const state = defaultState(pages);
  const problems: UrlProblem[] = [];
  const read: Read = (key, reader) => {
    const value = params.get(key);
    if (value !== null && !reader(value)) problems.push({ key, value });
  };
  const allControls = pages.flatMap((entry) => entry.url?.controls ?? []);
  read('page', (v) => pages.some((entry) => entry.id === v) && ((state.page = v), true));
  read('lang', (v) => (v === 'da' || v === 'en') && ((state.lang = v), true));
  read('embed', flagReader((on) => { state.embed = on; }));
  read('hide', (v) => {
    const ids = v.split(',').filter(Boolean);
    state.hide = ids.filter((id) => allControls.includes(id));
    return state.hide.length === ids.length;
  });
  // Only the open page's keys are read: eta= means the neuron's η on one page, the race's on the other.
  const open = pages.find((entry) => entry.id === state.page);
  if (open?.url) problems.push(...(open.url.read(read, pageState(state, open.id)) ?? []));
  return { state, problems };
}

export function formatState(state: AppState, pages: readonly PageEntry[]): string {
  const params = new URLSearchParams();
  if (state.page !== 'home') params.set('page', state.page);
  if (state.lang !== 'da') params.set('lang', state.lang);
  if (state.embed) params.set('embed', '1');
  if (state.hide.length) params.set('hide', state.hide.join(','));
  const open = pages.find((entry) => entry.id === state.page);
  if (open?.url) open.url.write(params, pageState(state, open.id));
  const text = params.toString().replace(/%2C/g, ',');  // commas read better in a link
  return text ? `?${text}` : '';
}

// One page's part of the state, for code that knows the page only by its id.
function pageState(state: AppState, id: string): object {
  return (state as unknown as Record<string, object>)[id];
}
