// A text written word by word: each word coloured by the probability it had when it was drawn,
// clickable to see the distribution it came from; stretches of six words or more that stand word
// for word in the training text are underlined ("copied or new?").
import { h, tr } from '../app/dom.ts';
import { formatFixed, t } from '../app/i18n.ts';
import type { GeneratedRun } from '../wasm/generate-protocol.ts';

export const COPIED_WORDS = 6;  // the issue's and the notes' "stochastic parrot" threshold

// Which of the words (prompt + written) lie in a stretch of ≥ COPIED_WORDS found word for word.
export function copiedMask(copied: number[]): boolean[] {
  const mask = new Array<boolean>(copied.length).fill(false);
  copied.forEach((length, i) => {
    if (length >= COPIED_WORDS) for (let k = i; k < i + length && k < mask.length; k++) mask[k] = true;
  });
  return mask;
}

// Five shades: the less probable the word was, the warmer its colour.
function shade(p: number): string {
  return p >= 0.8 ? 'p5' : p >= 0.5 ? 'p4' : p >= 0.25 ? 'p3' : p >= 0.1 ? 'p2' : 'p1';
}

export function writtenText(run: GeneratedRun, onWord: (before: string[]) => void): HTMLElement {
  const all = [...run.prompt, ...run.words];
  const copied = copiedMask(run.copied);
  const out = h('p', { class: 'written', 'data-written': 'text' });
  run.prompt.forEach((word, i) => out.append(h('span', { class: `prompt-word${copied[i] ? ' copied' : ''}` }, word), ' '));
  run.words.forEach((word, j) => {
    const i = run.prompt.length + j;
    const p = run.probabilities[j];
    const button = h('button', { type: 'button', class: `written-word ${shade(p)}${copied[i] ? ' copied' : ''}`,
      title: t('generateWordTitle', { p: formatFixed(p, 3) }), 'data-p': p }, word);
    button.addEventListener('click', () => onWord(all.slice(0, i)));
    out.append(button, ' ');
  });
  if (run.end === 'unseen_context') out.append(tr('span', 'generateStoppedUnseen', { class: 'written-end' }));
  return out;
}
