// Entry point: read the state from the URL, draw the frame, and load the page asked for.
import './styles/base.css';
import { loadLanguage, warmNumberFormats } from './app/i18n.ts';
import { mountShell } from './app/shell.ts';
import { Store } from './app/store.ts';
import { parseState } from './app/url-state.ts';
import { PAGES } from './pages.ts';
import { WorkerFailure } from './wasm/worker-protocol.ts';

const { state, problems } = parseState(location.search, PAGES);
await loadLanguage(state.lang);
const store = new Store(state, PAGES);
const shell = mountShell(document.body, store, problems);

// The offline copy (dist/sw.js) exists in the built site only.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(() => undefined);  // e.g. a sandboxed iframe
}

// A request cut short by a dying worker: the page has already said so (Shell.workerStopped).
addEventListener('unhandledrejection', (event) => {
  if (event.reason instanceof WorkerFailure) event.preventDefault();
});

const entry = PAGES.find((page) => page.id === state.page) ?? PAGES[0];
shell.setTitle(entry.title);
setTimeout(warmNumberFormats);
try {
  const mount = await entry.load();
  await mount(shell, store);
} catch (error) {  // the page's code or its wasm could not load (e.g. the network went while opening)
  shell.workerStopped(error instanceof Error ? error.message : String(error));
}
