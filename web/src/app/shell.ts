// The frame around every page: header with the app's name, "Del", "Indlejr" and the language
// toggle, and a footer. In embed mode only a small link to the full page remains.
import { h, tr, trAttribute, translateAll } from './dom.ts';
import { forgetStoredData } from '../data/device-storage.ts';
import { language, loadLanguage, t, type MessageKey } from './i18n.ts';
import type { EmbeddableControl, EmbedOption } from './hidden-controls.ts';
import type { Store } from './store.ts';
import type { UrlProblem } from './url-values.ts';

export interface Shell {
  main: HTMLElement;
  setTitle(key: MessageKey): void;
  // Shows the Indlejr button; its dialog (loaded on the first click) offers these controls and options.
  onEmbed(titleKey: MessageKey, controls: EmbeddableControl[], extras?: EmbedOption[]): void;
  onLanguage(refresh: () => void): void;  // re-renders dynamic text after a change of language
  notice(text: string): void;             // a message at the top of the page
  workerStopped(detail: string): void;    // the page's calculations died: say so once, offer a reload
}

export function mountShell(body: HTMLElement, store: Store, problems: UrlProblem[]): Shell {
  const embed = store.state.embed;
  document.documentElement.classList.toggle('embedded', embed);
  const refreshers: (() => void)[] = [];
  const main = h('main', { id: 'main' });
  const notices = h('div', { class: 'notices', role: 'status' });
  const title = h('h1', { class: 'page-title' });

  const languageButton = tr('button', 'languageToggle', { type: 'button', class: 'button-quiet', lang: 'en' });
  trAttribute(languageButton, 'title', 'languageToggleTitle');
  languageButton.addEventListener('click', async () => {
    const next = language() === 'da' ? 'en' : 'da';
    try {
      await loadLanguage(next);
    } catch {  // offline before the English texts were ever fetched
      return notice(t('languageUnavailable'));
    }
    languageButton.lang = next === 'da' ? 'en' : 'da';
    store.update((s) => { s.lang = next; });
    translateAll(document.body);
    document.title = pageTitle(title.dataset.i18n as MessageKey | undefined);
    for (const refresh of refreshers) refresh();
  });
  const embedButton = tr('button', 'embedButton', { type: 'button', class: 'button-quiet', hidden: true });
  trAttribute(embedButton, 'title', 'embedButtonTitle');
  const shareButton = tr('button', 'shareButton', { type: 'button', class: 'button-quiet' });
  trAttribute(shareButton, 'title', 'shareButtonTitle');

  // Everything but the header and footer is in <main>: the title, the notices, then the page.
  main.append(h('div', { class: 'page-head' }, title), notices);
  if (embed) {
    const full = store.link(tr('a', 'openFullPage', { class: 'open-full', target: '_blank', rel: 'noopener' }),
      (s) => { s.embed = false; s.hide = []; });
    body.append(h('div', { class: 'app embedded-app' }, main, h('footer', { class: 'embed-footer' }, full)));
  } else {
    const home = store.link(h('a', { class: 'brand' }, tr('span', 'appName')), (s) => { s.page = 'home'; });
    body.append(h('div', { class: 'app' }, skipLink(main),
      h('header', { class: 'top' }, home, h('div', { class: 'top-actions' }, shareButton, embedButton, languageButton)),
      main,
      h('footer', { class: 'bottom' }, tr('p', 'footerOffline'), forgetControl(), tr('p', 'footerSource'))));
  }

  const notice = (text: string) => notices.append(h('p', { class: 'notice' }, text));
  // Loaded on the first click: the dialog and its QR encoder are not part of the first page load.
  shareButton.addEventListener('click', () => void import('./share-dialog.ts').then(({ openShareDialog }) => openShareDialog(store),
    () => notice(t('dialogUnavailable'))));  // e.g. a newer build replaced the file while the page was open
  let stopped = false;
  const workerStopped = (detail: string) => {
    if (stopped) return;
    stopped = true;
    const reload = tr('button', 'reloadPage', { type: 'button', class: 'button-primary' });
    reload.addEventListener('click', () => location.reload());
    notices.append(h('div', { class: 'notice notice-error', role: 'alert' }, h('p', {}, t('workerStopped', { detail })), reload));
  };
  for (const p of problems) notice(t('urlProblem', { key: p.key, value: p.value }));

  return {
    main,
    setTitle(key) {
      title.dataset.i18n = key;
      title.textContent = t(key);
      document.title = pageTitle(key);
    },
    onEmbed(titleKey, controls, extras = []) {
      embedButton.hidden = false;
      embedButton.addEventListener('click', () => void import('./embed-dialog.ts').then(
        ({ openEmbedDialog }) => openEmbedDialog(store, titleKey, controls, extras), () => notice(t('dialogUnavailable'))));
    },
    onLanguage(refresh) {
      refreshers.push(refresh);
    },
    notice,
    workerStopped,
  };
}

// The first stop of the Tab key: straight past the header to the page.
function skipLink(main: HTMLElement): HTMLElement {
  const link = tr('a', 'skipToContent', { class: 'skip-link', href: '#main' });
  link.addEventListener('click', (event) => {
    event.preventDefault();  // no #main in the URL: the query string is the page's state
    main.tabIndex = -1;
    main.focus();
  });
  return link;
}

// "Glem mine data": deletes what the app stored in this browser, and says so beside the button.
function forgetControl(): HTMLElement {
  const button = tr('button', 'forgetData', { type: 'button', class: 'button-quiet', 'data-action': 'forget-data' });
  trAttribute(button, 'title', 'forgetDataTitle');
  const result = h('span', { class: 'forget-result', role: 'status' });
  button.addEventListener('click', () => void forgetStoredData().then((done) => {
    result.textContent = t(done ? 'forgetDataDone' : 'forgetDataFailed');
  }));
  return h('p', { class: 'forget-data' }, button, ' ', result);
}

function pageTitle(key: MessageKey | undefined): string {
  return key && key !== 'appName' ? `${t(key)} – ${t('appName')}` : t('appName');
}
