// The next word's distribution as bars, the counts behind an N-gram's probabilities beside them:
// P at T = 1 and P at the chosen temperature side by side (the ten most probable words and "the
// others"), the context it was counted after, and a row of suggestions as on a phone keyboard.
import { h, scrollBox, tr } from '../app/dom.ts';
import { formatCount, formatFixed, formatNumber, t } from '../app/i18n.ts';
import type { NextReply } from '../wasm/generate-protocol.ts';

const SHOWN = 10;
const SUGGESTIONS = 5;

export class NextWordsView {
  readonly root: HTMLElement;
  private readonly context = h('p', { class: 'next-context', 'data-next': 'context', role: 'status' });
  private readonly unknown = h('p', { class: 'field-error', 'data-next': 'unknown', hidden: true });
  private readonly suggestions = h('div', { class: 'suggestions', 'data-next': 'suggestions' });
  private readonly body = h('tbody');
  private readonly zHeader = h('th', { scope: 'col' });
  private readonly entropy = h('p', { class: 'field-help', 'data-next': 'entropy' });
  private readonly table: HTMLTableElement;
  private reply: NextReply | null = null;
  private temperature = 1;
  private greedy = false;
  private marked: string | null = null;  // a word to point out (the next word of the note's walk-through)

  constructor(private readonly onSuggestion: (word: string) => void) {
    this.table = h('table', { class: 'next-words', 'data-next': 'bars' },
      h('thead', {}, h('tr', {}, tr('th', 'generateColumnWord', { scope: 'col' }), tr('th', 'generateColumnCount', { scope: 'col' }),
        tr('th', 'generateColumnP', { scope: 'col' }), this.zHeader)),
      this.body);
    this.root = h('div', { class: 'next-view' }, this.unknown, this.context,
      h('div', { class: 'suggestion-row' }, tr('span', 'generateSuggestions', { class: 'suggestion-label' }), this.suggestions),
      scrollBox(this.table, 'sectionGenerateNext'), this.entropy);
  }

  show(reply: NextReply, temperature: number, greedy: boolean, marked: string | null = null): void {
    this.reply = reply;
    this.marked = marked;
    this.temperature = temperature;
    this.greedy = greedy;
    this.render();
  }

  render(): void {
    const r = this.reply;
    if (!r) return;
    this.unknown.hidden = r.unknown.length === 0;
    const words = r.unknown.map((word) => t('generateQuoted', { word })).join(', ');
    this.unknown.textContent = t(r.unknown.length === 1 ? 'generateUnknown' : 'generateUnknownMany', { words });
    const context = r.context.join(' ');
    const asked = r.asked;
    if (r.neural) this.context.textContent = t(r.neural.padded > 0 ? 'generateNeuralContextPadded' : 'generateNeuralContext',
      { context, n: formatCount(r.context.length), padded: formatCount(r.neural.padded) });
    else if (r.contextCount === 0) this.context.textContent = t((r.prunedCount ?? 0) > 0 ? 'generateContextPrunedAll' : 'generateContextUnseen',
      { context, pruned: formatCount(r.prunedCount ?? 0) });
    else if (r.context.length === 0 && asked === 0) this.context.textContent = t('generateContextNone', { count: formatCount(r.contextCount) });
    else if (r.context.length < asked) this.context.textContent = t('generateBackedOff', { context: context || '–', count: formatCount(r.contextCount) });
    else this.context.textContent = t(r.contextCount === 1 ? 'generateContextOnce' : 'generateContext', { context, count: formatCount(r.contextCount) });
    if (!r.neural && r.contextCount > 0 && (r.prunedCount ?? 0) > 0)
      this.context.textContent += ` ${t('generateContextPruned', { pruned: formatCount(r.prunedCount ?? 0) })}`;
    this.zHeader.textContent = this.greedy ? t('generateColumnGreedy') : t('generateColumnZ', { t: formatNumber(this.temperature, 3) });
    const shown = Math.min(SHOWN, r.words.length);
    const rows: HTMLElement[] = [];
    const count = (i: number) => r.counts[i] === undefined ? '–' : formatCount(r.counts[i]);
    for (let i = 0; i < shown; i++) rows.push(this.row(r.words[i], count(i), r.p[i], r.z[i] ?? 0));
    if (r.neural) {
      let p = r.neural.restP, z = r.neural.restZ;
      for (let i = shown; i < r.words.length; i++) { p += r.p[i]; z += r.z[i] ?? 0; }
      rows.push(this.row(t('generateOthersAll'), '–', p, z, true));
    } else if (r.words.length > shown) {
      let count = 0, p = 0, z = 0;
      for (let i = shown; i < r.words.length; i++) { count += r.counts[i]; p += r.p[i]; z += r.z[i] ?? 0; }
      rows.push(this.row(t('generateOthers', { n: formatCount(r.words.length - shown) }), formatCount(count), p, z, true));
    }
    this.body.replaceChildren(...rows);
    this.suggestions.replaceChildren(...r.words.slice(0, SUGGESTIONS).map((word) => {
      const button = h('button', { type: 'button', class: 'suggestion', 'data-word': word }, word);
      button.addEventListener('click', () => this.onSuggestion(word));
      return button;
    }));
    this.entropy.hidden = r.words.length === 0;
    this.entropy.textContent = t('generateEntropy', { p: formatFixed(r.entropyP, 3), z: formatFixed(r.entropyZ, 3),
      t: this.greedy ? '0' : formatNumber(this.temperature, 3) });
  }

  private row(word: string, count: string, p: number, z: number, others = false): HTMLElement {
    const bar = (x: number, kind: string) => h('td', { class: 'bar-cell' },
      h('span', { class: `bar ${kind}`, style: `width: ${Math.max(0, Math.min(1, x)) * 100}%` }),
      h('span', { class: 'bar-value' }, formatFixed(x, 3)));
    const cls = others ? 'others' : word === this.marked ? 'marked' : undefined;
    return h('tr', { class: cls }, h('th', { scope: 'row' }, word), h('td', { class: 'count' }, count),
      bar(p, 'bar-p'), bar(z, 'bar-z'));
  }
}
