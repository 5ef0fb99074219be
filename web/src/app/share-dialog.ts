// "Del": the link to the page as it is now, a copy button and a QR code large enough to scan from a
// projector, so the students open exactly the teacher's setting on their phones. Loaded on the
// first click (shell.ts), so neither this nor the QR encoder weighs on the first page load.
import { h, tr } from './dom.ts';
import { t } from './i18n.ts';
import { QR_MAX_LINK_LENGTH, qrCodeSvg } from './qr-code.ts';
import type { Store } from './store.ts';
import '../styles/share-dialog.css';

export function openShareDialog(store: Store): void {
  if (document.querySelector('dialog.share-dialog')) return;  // a second click while the first was loading
  const link = store.urlWith((s) => { s.embed = false; s.hide = []; });
  // The link as the field's text rather than its value: a set value leaves the field scrolled to its end.
  const field = h('textarea', { class: 'share-link', id: 'share-link', readonly: true, rows: 3, spellcheck: 'false' }, link);
  const status = h('p', { class: 'share-status', role: 'status' });
  const copy = tr('button', 'shareCopy', { type: 'button', class: 'button-primary' });
  copy.addEventListener('click', () => void copyLink(link, field, status));
  const close = tr('button', 'close', { type: 'button' });
  const fits = link.length <= QR_MAX_LINK_LENGTH;
  const large = fits ? tr('button', 'shareLarge', { type: 'button', 'aria-pressed': 'false' }) : null;
  const dialog = h('dialog', { class: 'share-dialog', 'aria-labelledby': 'share-title' },
    h('div', { class: 'share-text' },
      tr('h2', 'shareTitle', { id: 'share-title' }), tr('p', 'shareIntro', { class: 'share-intro' }),
      tr('label', 'shareLink', { class: 'label', for: 'share-link' }), field,
      h('div', { class: 'dialog-actions' }, copy, large, close), status),
    fits ? h('div', { class: 'share-qr' }, qrCodeSvg(link))
      : h('p', { class: 'notice share-too-long' }, t('shareTooLong', { length: link.length })));
  large?.addEventListener('click', () => {
    large.setAttribute('aria-pressed', String(dialog.classList.toggle('share-large')));
  });
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  copy.focus();  // not autofocus: Chromium refuses that in an iframe on another site, and says so in the console
}

// The clipboard API is refused in an iframe without permission and on a page served over plain
// http: then the link is selected, and the reader is told to copy it with the keyboard.
async function copyLink(link: string, field: HTMLTextAreaElement, status: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(link);
    status.textContent = t('shareCopied');
  } catch {
    field.focus();
    field.select();
    status.textContent = t('shareCopyByHand');
  }
}
