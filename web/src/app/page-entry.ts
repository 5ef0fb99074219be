// What the app needs to know of a page: its id, its texts, its part of the URL, and how to load it.
// The list itself is in ../pages.ts; the app layer sees pages only through these entries.
import type { MessageKey } from './i18n.ts';
import type { Shell } from './shell.ts';
import type { Store } from './store.ts';
import type { PageStates } from './url-state.ts';
import type { Read, UrlProblem } from './url-values.ts';

// A page's settings in the URL: defaults, reading (problems are reported on the page) and writing.
export interface PageUrlState<S> {
  defaults(): S;
  read(read: Read, state: S): UrlProblem[] | void;
  write(params: URLSearchParams, state: S): void;
  controls: readonly string[];  // control groups a teacher can hide in an embedding (hide=…)
}

// May wait for what the page needs first (e.g. the core's formulas on this thread).
export type MountPage = (shell: Shell, store: Store) => void | Promise<void>;

export interface PageEntry {
  id: string;                   // ?page=id
  title: MessageKey;
  summary: MessageKey | null;   // null: not listed on the overview
  url: PageUrlState<object> | null;
  load(): Promise<MountPage>;   // the page's code is fetched only when it is opened
}

// An entry whose URL state is typed against the page's own part of AppState.
export function definePage<K extends keyof PageStates & string>(entry: {
  id: K; title: MessageKey; summary: MessageKey; url: PageUrlState<PageStates[K]>; load(): Promise<MountPage>;
}): PageEntry {
  return entry as unknown as PageEntry;
}

// The overview: no state of its own.
export function defineOverview(load: () => Promise<MountPage>): PageEntry {
  return { id: 'home', title: 'appName', summary: null, url: null, load };
}
