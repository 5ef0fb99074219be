// The ladder: models of order N = 1 … 5 counted in the first 90 % of the text and measured on the
// last 10 % (held out), loss per word and perplexity as bars — longer contexts help, until they
// run out (the notes' point about large N).
import { h, scrollBox, tr } from '../app/dom.ts';
import { formatCount, formatFixed, t } from '../app/i18n.ts';
import type { LadderReply } from '../wasm/generate-protocol.ts';

export const LADDER_TRAIN_SHARE = 0.9;
export const LADDER_MIN_WORDS = 200;
export const LADDER_HELD_OUT = 5000;     // words scored: a few seconds in the worker for a large text
export const LADDER_AUTO_WORDS = 100_000; // a text up to this size is measured at once; a larger one on request

export class LadderView {
  readonly root: HTMLElement;
  private readonly about = h('p', { class: 'field-help', 'data-ladder': 'about' });
  private readonly body = h('tbody');
  private readonly table: HTMLElement;
  private shown: LadderReply | null = null;
  private neural: { lossPerWord: number; perplexity: number } | null = null;  // the network's, on the same held-out words
  private readonly measure: HTMLButtonElement;

  constructor(onMeasure: () => void) {
    this.measure = tr('button', 'generateLadderMeasure', { type: 'button', 'data-action': 'ladder' });
    this.measure.addEventListener('click', () => {
      this.measure.disabled = true;
      this.about.textContent = t('generateLadderMeasuring');
      onMeasure();
    });
    const table = h('table', { class: 'next-words ladder', 'data-ladder': 'table' },
      h('thead', {}, h('tr', {}, tr('th', 'generateLadderModel', { scope: 'col' }), tr('th', 'generateLadderLoss', { scope: 'col' }),
        tr('th', 'generateLadderPerplexity', { scope: 'col' }))),
      this.body);
    this.table = scrollBox(table, 'sectionGenerateLadder');
    this.root = h('div', {}, tr('p', 'generateLadderHelp', { class: 'field-help' }), this.measure, this.about, this.table);
  }

  show(ladder: LadderReply): void {
    this.shown = ladder;
    this.measure.disabled = false;
    this.render();
  }

  setNeural(neural: { lossPerWord: number; perplexity: number } | null): void {
    this.neural = neural;
    this.render();
  }

  // A new text, too large to measure at once: the button asks for it.
  offer(): void {
    this.shown = null;
    this.measure.disabled = false;
    this.table.hidden = true;
    this.about.textContent = t('generateLadderOffer');
  }

  render(): void {
    const l = this.shown;
    if (!l) return;
    const enough = l.loss.length > 0;
    this.table.hidden = !enough;
    if (!enough) {
      this.about.textContent = t('generateLadderTooShort', { min: formatCount(LADDER_MIN_WORDS) });
      return;
    }
    this.about.textContent = t(l.stored ? 'generateLadderStored' : 'generateLadderAbout', { train: formatCount(l.trainWords),
      held: formatCount(l.heldOutWords), unknown: formatCount(l.unknownWords) });
    const rows = l.loss.map((loss, i) => ({ key: `n${i + 1}`, name: `N = ${i + 1}`, loss, perplexity: l.perplexity[i] }));
    if (this.neural) rows.push({ key: 'neural', name: t('generateLadderNeural'), loss: this.neural.lossPerWord, perplexity: this.neural.perplexity });
    const worst = Math.max(...rows.map((r) => r.loss));
    const best = Math.min(...rows.map((r) => r.loss));
    this.body.replaceChildren(...rows.map((r) => h('tr', { class: r.loss === best ? 'best' : undefined, 'data-ladder-row': r.key },
      h('th', { scope: 'row' }, r.name),
      h('td', { class: 'bar-cell' }, h('span', { class: 'bar bar-z', style: `width: ${(r.loss / worst) * 100}%` }),
        h('span', { class: 'bar-value' }, formatFixed(r.loss, 3))),
      h('td', { class: 'count' }, formatFixed(r.perplexity, 1)))));
  }
}
