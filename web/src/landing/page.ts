// The overview: the app's pages in the order of the curriculum, as the registry lists them.
import { h, tr } from '../app/dom.ts';
import type { Shell } from '../app/shell.ts';
import type { Store } from '../app/store.ts';
import { PAGES } from '../pages.ts';

export function mountLanding(shell: Shell, store: Store): void {
  const listed = PAGES.filter((entry) => entry.summary !== null);
  const list = h('ol', { class: 'page-list' }, ...listed.map((entry) =>
    h('li', {},
      store.link(h('a', { class: 'page-card' }, tr('h2', entry.title), tr('p', entry.summary!)),
        (s) => { s.page = entry.id; }))));
  shell.main.append(
    h('section', { class: 'landing' },
      tr('p', 'appTagline', { class: 'lead' }),
      tr('p', 'landingIntro'),
      tr('h2', 'landingPagesHeading', { class: 'visually-hidden' }),
      list));
}
