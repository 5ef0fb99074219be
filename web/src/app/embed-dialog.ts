// "Indlejr": the iframe code for the current state, with check boxes for the controls to show.
// Loaded on the first click (shell.ts): most visits never open it.
import { h, tr } from './dom.ts';
import { t, type MessageKey } from './i18n.ts';
import type { Store } from './store.ts';

import type { EmbeddableControl, EmbedOption } from './hidden-controls.ts';

export function openEmbedDialog(store: Store, titleKey: MessageKey, controls: EmbeddableControl[],
  extras: EmbedOption[] = []): void {
  const shown = new Set<string>(controls.filter((c) => c.shown).map((c) => c.id));
  const chosen = extras.map((option) => option.on);
  const code = h('textarea', { class: 'embed-code', id: 'embed-code', readonly: true, rows: 4, spellcheck: 'false' });
  const preview = tr('a', 'embedPreview', { target: '_blank', rel: 'noopener' });
  const copied = tr('span', 'embedCopied', { class: 'copied', hidden: true });
  const update = () => {
    const url = store.urlWith((s) => {
      s.embed = true;
      s.hide = controls.map((c) => c.id).filter((id) => !shown.has(id));
      extras.forEach((option, k) => option.apply(s, chosen[k]));
    });
    code.value = `<iframe src="${escapeAttribute(url)}" title="${escapeAttribute(`${t(titleKey)} – ${t('appName')}`)}" ` +
      'width="100%" height="720" style="border:0; max-width:1100px" loading="lazy"></iframe>';
    preview.href = url;
    copied.hidden = true;
  };
  const boxes = controls.map(({ id, label }) => {
    const box = h('input', { type: 'checkbox', value: id });
    box.checked = shown.has(id);
    box.addEventListener('change', () => {
      if (box.checked) shown.add(id);
      else shown.delete(id);
      update();
    });
    return h('label', { class: 'checkbox' }, box, tr('span', label));
  });
  const extraBoxes = extras.map((option, k) => {
    const box = h('input', { type: 'checkbox' });
    box.checked = chosen[k];
    box.addEventListener('change', () => {
      chosen[k] = box.checked;
      update();
    });
    return h('label', { class: 'checkbox' }, box, tr('span', option.label));
  });
  const copy = tr('button', 'embedCopy', { type: 'button', class: 'button-primary' });
  copy.addEventListener('click', async () => {
    code.select();
    try {
      await navigator.clipboard.writeText(code.value);
    } catch {
      document.execCommand('copy');  // inside an iframe without clipboard permission
    }
    copied.hidden = false;
  });
  const close = tr('button', 'close', { type: 'button' });
  const dialog = h('dialog', { class: 'embed-dialog', 'aria-labelledby': 'embed-title' },
    tr('h2', 'embedTitle', { id: 'embed-title' }), tr('p', 'embedIntro'),
    h('fieldset', {}, tr('legend', 'embedControls'), h('div', { class: 'embed-boxes' }, ...boxes)),
    extraBoxes.length ? h('div', { class: 'embed-extras' }, ...extraBoxes) : null,
    tr('label', 'embedCode', { class: 'label', for: 'embed-code' }), code,
    h('div', { class: 'dialog-actions' }, copy, copied, preview, close));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  update();
  dialog.showModal();
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
