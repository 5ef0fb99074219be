// The overview: the app's pages in the order of the curriculum (more appear as they are built).
import { h, tr } from '../app/dom.ts';
import type { MessageKey } from '../app/i18n.ts';
import type { Shell } from '../app/shell.ts';
import type { Store } from '../app/store.ts';
import type { PageId } from '../app/url-state.ts';

interface PageEntry {
  page: PageId;
  title: MessageKey;
  summary: MessageKey;
}

const PAGES_IN_ORDER: PageEntry[] = [
  { page: 'neuron', title: 'pageNeuronTitle', summary: 'pageNeuronSummary' },
  { page: 'race', title: 'pageRaceTitle', summary: 'pageRaceSummary' },
  { page: 'vectors', title: 'pageVectorsTitle', summary: 'pageVectorsSummary' },
  { page: 'train', title: 'pageTrainTitle', summary: 'pageTrainSummary' },
];

export function mountLanding(shell: Shell, store: Store): void {
  shell.setTitle('appName');
  const list = h('ol', { class: 'page-list' }, ...PAGES_IN_ORDER.map((entry) =>
    h('li', {},
      store.link(h('a', { class: 'page-card' }, tr('h2', entry.title), tr('p', entry.summary)),
        (s) => { s.page = entry.page; }))));
  shell.main.append(
    h('section', { class: 'landing' },
      tr('p', 'appTagline', { class: 'lead' }),
      tr('p', 'landingIntro'),
      tr('h2', 'landingPagesHeading', { class: 'visually-hidden' }),
      list));
}
