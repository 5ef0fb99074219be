// Entry point: read the state from the URL, draw the frame, and load the page asked for.
import './styles/base.css';
import { setLanguage } from './app/i18n.ts';
import { mountShell } from './app/shell.ts';
import { Store } from './app/store.ts';
import { parseState } from './app/url-state.ts';

const { state, problems } = parseState(location.search);
setLanguage(state.lang);
const store = new Store(state);
const shell = mountShell(document.body, store, problems);

// The offline copy (dist/sw.js) exists in the built site only.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(() => undefined);  // e.g. a sandboxed iframe
}

if (state.page === 'neuron') {
  const { mountNeuronPage } = await import('./neuron/page.ts');
  mountNeuronPage(shell, store);
} else if (state.page === 'race') {
  const { mountRacePage } = await import('./race/page.ts');
  mountRacePage(shell, store);
} else if (state.page === 'vectors') {
  const { mountVectorsPage } = await import('./vectors/page.ts');
  mountVectorsPage(shell, store);
} else if (state.page === 'train') {
  const { mountTrainPage } = await import('./train/page.ts');
  mountTrainPage(shell, store);
} else {
  const { mountLanding } = await import('./landing/page.ts');
  mountLanding(shell, store);
}
