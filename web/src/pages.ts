// The app's pages, in the order of the course. Adding a page: its folder (page.ts with a mount
// function, a *-state.ts with its URL state), one entry here, and its texts in i18n/da.ts and en.ts.
import { defineOverview, definePage, type PageEntry } from './app/page-entry.ts';
import { GENERATE_URL } from './generate/generate-state.ts';
import { NEURON_URL } from './neuron/neuron-state.ts';
import { RACE_URL } from './race/race-state.ts';
import { TRAIN_URL } from './train/train-state.ts';
import { VECTORS_URL } from './vectors/vectors-state.ts';

export const PAGES: readonly PageEntry[] = [
  defineOverview(() => import('./landing/page.ts').then((m) => m.mountLanding)),
  definePage({ id: 'neuron', title: 'pageNeuronTitle', summary: 'pageNeuronSummary', url: NEURON_URL,
    load: () => import('./neuron/page.ts').then((m) => m.mountNeuronPage) }),
  definePage({ id: 'race', title: 'pageRaceTitle', summary: 'pageRaceSummary', url: RACE_URL,
    load: () => import('./race/page.ts').then((m) => m.mountRacePage) }),
  definePage({ id: 'vectors', title: 'pageVectorsTitle', summary: 'pageVectorsSummary', url: VECTORS_URL,
    load: () => import('./vectors/page.ts').then((m) => m.mountVectorsPage) }),
  definePage({ id: 'train', title: 'pageTrainTitle', summary: 'pageTrainSummary', url: TRAIN_URL,
    load: () => import('./train/page.ts').then((m) => m.mountTrainPage) }),
  definePage({ id: 'generate', title: 'pageGenerateTitle', summary: 'pageGenerateSummary', url: GENERATE_URL,
    load: () => import('./generate/page.ts').then((m) => m.mountGeneratePage) }),
];
