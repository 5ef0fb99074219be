// The answer to a question: a ranked list of words with their cosines (as numbers and bars), the
// similarity of two words, or the odd one out — and, for a word the vectors do not know, a message
// with the known words spelled most like it.
import { h, tr } from '../app/dom.ts';
import { formatCount, formatFixed, t } from '../app/i18n.ts';
import type { Match, QueryAnswer, UnknownWord } from '../wasm/vectors-protocol.ts';
import type { VectorsPageState } from './vectors-state.ts';

export interface AnswerEvents {
  neighboursOf(word: string): void;               // a word in an answer was clicked
  replace(unknown: string, suggestion: string): void;  // a suggested spelling was clicked
}

export class AnswerView {
  readonly root = h('div', { class: 'answer', 'aria-live': 'polite' });
  private last: { answer: QueryAnswer; state: VectorsPageState; size: number; own: boolean } | null = null;

  constructor(private readonly events: AnswerEvents) {}

  // own: the student's vectors (not the default ones, whose source a message may name).
  show(answer: QueryAnswer, state: VectorsPageState, vocabularySize: number, own: boolean): void {
    this.last = { answer, state, size: vocabularySize, own };
    this.render();
  }

  clear(): void {
    this.last = null;
    this.root.replaceChildren();
  }

  // Again in the current language.
  render(): void {
    if (!this.last) return;
    const { answer, state, size, own } = this.last;
    if (answer.unknown.length > 0) {
      this.root.replaceChildren(...answer.unknown.map((u) => this.unknown(u, size, own)));
      return;
    }
    const parts: (HTMLElement | null)[] = [];
    if (state.tool === 'neighbours') {
      parts.push(h('p', { class: 'answer-head' }, t('neighboursOf', { word: state.word })), this.list(answer.matches, 'columnCosine'));
    } else if (state.tool === 'analogy') {
      const [a, b, c] = state.analogy;
      parts.push(h('p', { class: 'answer-head' }, t('analogyAnswer', { a, b, c })),
        this.list(answer.matches, state.method === 'mul' ? 'columnScore' : 'columnCosine'));
    } else if (state.tool === 'similarity' && answer.similarity !== null) {
      const cos = answer.similarity;
      const angle = (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
      parts.push(h('p', { class: 'answer-big', 'data-answer': 'similarity' },
        t('similarityAnswer', { a: state.pair[0], b: state.pair[1], value: formatFixed(cos, 3) })),
        h('p', {}, t('similarityAngle', { angle: formatFixed(angle, 0) })), bar(cos));
    } else if (state.tool === 'odd' && answer.odd) {
      const odd = answer.odd;
      const matches: Match[] = state.odd.map((word, i) => ({ word, score: odd.means[i] }))
        .sort((x, y) => y.score - x.score);
      parts.push(h('p', { class: 'answer-big', 'data-answer': 'odd' }, t('oddAnswer', { word: state.odd[odd.index] })),
        h('p', { class: 'answer-head' }, t('oddMeans')), this.list(matches, 'columnCosine', state.odd[odd.index]));
    }
    parts.push(h('p', { class: 'field-help' }, `${t('clickWordHint')} ${t('answerTime', { ms: formatFixed(answer.milliseconds, 1) })}`));
    this.root.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  }

  private list(matches: Match[], scoreKey: 'columnCosine' | 'columnScore', marked?: string): HTMLElement {
    const rows = matches.map((m, i) => {
      const word = h('button', { type: 'button', class: 'word-button', 'data-word': m.word }, m.word);
      word.addEventListener('click', () => this.events.neighboursOf(m.word));
      return h('tr', { class: m.word === marked ? 'marked' : undefined },
        h('td', { class: 'rank' }, String(i + 1)), h('td', {}, word),
        h('td', { class: 'num' }, formatFixed(m.score, 3)), h('td', { class: 'bar-cell' }, bar(m.score)));
    });
    return h('table', { class: 'matches' },
      h('thead', {}, h('tr', {}, h('th', {}, '#'), tr('th', 'columnWord'), tr('th', scoreKey, { class: 'num' }), h('th', {}))),
      h('tbody', {}, ...rows));
  }

  private unknown(u: UnknownWord, size: number, own: boolean): HTMLElement {
    const box = h('div', { class: 'unknown', role: 'alert' }, h('p', {}, t('unknownWord', { word: u.word, size: formatCount(size) })));
    if (u.suggestions.length === 0) {
      box.append(h('p', {}, t(own ? 'unknownNoSuggestionsOwn' : 'unknownNoSuggestions')));
      return box;
    }
    const buttons = u.suggestions.map((s) => {
      const button = h('button', { type: 'button', class: 'word-button suggestion' }, s);
      button.addEventListener('click', () => this.events.replace(u.word, s));
      return button;
    });
    box.append(h('p', { class: 'suggestions' }, t('unknownSuggestions'), ' ', ...buttons));
    return box;
  }
}

// A bar for a cosine: its length is |cos|, a negative one drawn in another colour.
function bar(cos: number): HTMLElement {
  const width = Math.min(1, Math.abs(cos)) * 100;
  return h('span', { class: 'cos-bar', 'aria-hidden': 'true' },
    h('span', { class: cos < 0 ? 'cos-fill negative' : 'cos-fill', style: `width: ${width.toFixed(1)}%` }));
}
