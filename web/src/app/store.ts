// The app's state, mirrored into the URL (replaceState: a setting change is not a history step).
import type { PageEntry } from './page-entry.ts';
import { formatState, type AppState } from './url-state.ts';

type Listener = (state: AppState) => void;

export class Store {
  private readonly listeners = new Set<Listener>();

  constructor(readonly state: AppState, private readonly pages: readonly PageEntry[]) {}

  update(change: (state: AppState) => void): void {
    change(this.state);
    history.replaceState(null, '', location.pathname + formatState(this.state, this.pages));
    for (const listener of this.listeners) listener(this.state);
  }

  subscribe(listener: Listener): void {
    this.listeners.add(listener);
  }

  // Absolute URL of the current state with some changes applied (for links and the embed code).
  urlWith(change: (copy: AppState) => void): string {
    const copy: AppState = structuredClone(this.state);
    change(copy);
    return new URL(location.pathname + formatState(copy, this.pages), location.href).href;
  }

  // A link to the current state with some changes: its address is worked out again whenever it
  // may be followed or copied, so it carries settings changed since the page was drawn.
  link(anchor: HTMLAnchorElement, change: (copy: AppState) => void): HTMLAnchorElement {
    const refresh = () => { anchor.href = this.urlWith(change); };
    refresh();
    for (const event of ['pointerenter', 'focus', 'click', 'auxclick', 'contextmenu']) anchor.addEventListener(event, refresh);
    return anchor;
  }
}
