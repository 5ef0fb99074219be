// The question to ask the vectors: a tool (neighbours, analogy, similarity, odd one out) and its
// words. Reads what is typed into a VectorsPageState and shows a state (from a link or the gallery).
import { h, options, tr, trAttribute } from '../app/dom.ts';
import { t, type MessageKey } from '../app/i18n.ts';
import { VECTOR_TOOLS, type VectorsPageState, type VectorTool } from './vectors-state.ts';
import { WordField } from './word-field.ts';

const TOOL_LABELS: Record<VectorTool, MessageKey> = {
  neighbours: 'toolNeighbours', analogy: 'toolAnalogy', similarity: 'toolSimilarity', odd: 'toolOdd',
};
const TOOL_HELP: Record<VectorTool, MessageKey> = {
  neighbours: 'toolNeighboursHelp', analogy: 'toolAnalogyHelp', similarity: 'toolSimilarityHelp', odd: 'toolOddHelp',
};
const ANSWER_COUNTS = [5, 10, 20, 50];

export interface QuestionEvents {
  ask(): void;               // the Spørg button or Enter in a box
  tool(tool: VectorTool): void;
}

export class QuestionForm {
  readonly root: HTMLElement;
  private readonly radios = new Map<VectorTool, HTMLInputElement>();
  private readonly panes = new Map<VectorTool, HTMLElement>();
  private readonly help = h('p', { class: 'field-help tool-help' });
  private readonly word: WordField;
  private readonly analogy: [WordField, WordField, WordField];
  private readonly pair: [WordField, WordField];
  private readonly odd: WordField;
  private readonly method = h('select', { name: 'method', id: 'analogy-method' });
  private readonly count = h('select', { name: 'k', id: 'answer-count' });
  private readonly countField = h('div', { class: 'field small-field' },
    tr('label', 'answersCount', { class: 'label', for: 'answer-count' }), this.count);
  readonly message = h('p', { class: 'field-error', role: 'alert', hidden: true });

  constructor(vocabulary: () => readonly string[], events: QuestionEvents) {
    const ask = () => events.ask();
    this.word = new WordField('wordLabel', vocabulary, ask, 'w');
    this.analogy = [new WordField('wordA', vocabulary, ask, 'a'), new WordField('wordB', vocabulary, ask, 'b'),
      new WordField('wordC', vocabulary, ask, 'c')];
    this.pair = [new WordField('wordFirst', vocabulary, ask, 'sim1'), new WordField('wordSecond', vocabulary, ask, 'sim2')];
    this.odd = new WordField('oddWords', vocabulary, ask, 'odd', true);
    options(this.method, [['add', 'analogyAdd'], ['mul', 'analogyMul']]);
    this.count.replaceChildren(...ANSWER_COUNTS.map((n) => h('option', { value: n }, String(n))));
    this.method.addEventListener('change', ask);
    this.count.addEventListener('change', ask);

    const tabs = h('div', { class: 'tool-tabs', role: 'radiogroup' }, ...VECTOR_TOOLS.map((tool) => {
      const radio = h('input', { type: 'radio', name: 'tool', value: tool });
      radio.addEventListener('change', () => radio.checked && events.tool(tool));
      this.radios.set(tool, radio);
      return h('label', { class: 'tool-tab' }, radio, tr('span', TOOL_LABELS[tool]));
    }));
    trAttribute(tabs, 'aria-label', 'sectionVectorsQuestion');
    const sign = (text: string) => h('span', { class: 'analogy-sign', 'aria-hidden': 'true' }, text);
    this.panes.set('neighbours', h('div', { class: 'tool-pane' }, this.word.root));
    this.panes.set('analogy', h('div', { class: 'tool-pane' },
      h('div', { class: 'analogy-row' }, this.analogy[0].root, sign('−'), this.analogy[1].root, sign('+'), this.analogy[2].root),
      h('div', { class: 'field' }, tr('label', 'analogyMethod', { class: 'label', for: 'analogy-method' }), this.method,
        tr('p', 'analogyMethodHelp', { class: 'field-help' }))));
    this.panes.set('similarity', h('div', { class: 'tool-pane pair-row' }, this.pair[0].root, this.pair[1].root));
    this.panes.set('odd', h('div', { class: 'tool-pane' }, this.odd.root));
    const askButton = tr('button', 'askButton', { type: 'button', class: 'button-primary ask-button' });
    askButton.addEventListener('click', ask);
    this.root = h('div', { class: 'question-form' }, tabs, this.help, ...this.panes.values(), this.message,
      h('div', { class: 'ask-row' }, askButton, this.countField));
  }

  // Shows the state's tool and words.
  show(state: VectorsPageState): void {
    this.radios.get(state.tool)!.checked = true;
    for (const [tool, pane] of this.panes) pane.hidden = tool !== state.tool;
    this.help.dataset.i18n = TOOL_HELP[state.tool];  // kept translated by translateAll
    this.help.textContent = t(TOOL_HELP[state.tool]);
    this.word.value = state.word;
    state.analogy.forEach((w, i) => { this.analogy[i].value = w; });
    state.pair.forEach((w, i) => { this.pair[i].value = w; });
    this.odd.value = state.odd.join(' ');
    this.method.value = state.method;
    this.count.value = String(state.k);
    this.countField.hidden = state.tool === 'similarity' || state.tool === 'odd';  // one answer only
  }

  // What is typed, as the words of the state (raw: checked by the page).
  read(): { word: string; analogy: string[]; pair: string[]; odd: string[]; method: 'add' | 'mul'; k: number } {
    return {
      word: this.word.value.trim(),
      analogy: this.analogy.map((f) => f.value.trim()),
      pair: this.pair.map((f) => f.value.trim()),
      odd: this.odd.value.split(/[\s,]+/).filter(Boolean),
      method: this.method.value === 'mul' ? 'mul' : 'add',
      k: Number(this.count.value) || 10,
    };
  }

  focusFirst(tool: VectorTool): void {
    (this.panes.get(tool)?.querySelector('input') as HTMLInputElement | null)?.focus();
  }
}
