// The notes' count of weights in the neural language model, for sizes a student types: the hidden
// layer has d·(1 + c·m) weights, the output layer V·(1 + d), together d·(1 + c·m + V) + V (the
// notes' example: c = 3 words of m = 3 numbers, V = 2 000 words, d = 50 neurons give 102 500).
import { h, tr } from '../app/dom.ts';
import { inputText, parseUserInteger } from '../app/fields.ts';
import { formatCount, t } from '../app/i18n.ts';

const START = { c: 3, m: 3, V: 2000, d: 50 };

export class WeightCount {
  readonly root: HTMLElement;
  private readonly result = h('p', { class: 'network-result', 'data-weights': 'count', role: 'status' });
  private readonly boxes: Record<keyof typeof START, HTMLInputElement>;
  private last: { sizes: typeof START; count: number } | null = null;

  constructor(private readonly count: (sizes: typeof START) => Promise<number>) {
    const box = (key: keyof typeof START) => {
      const input = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'network-number', name: `weights-${key}` });
      input.value = inputText(START[key]);
      input.addEventListener('input', () => void this.recompute());
      return input;
    };
    this.boxes = { c: box('c'), m: box('m'), V: box('V'), d: box('d') };
    const label = (key: keyof typeof START, text: Parameters<typeof tr>[1]) =>
      h('label', { class: 'weight-size' }, tr('span', text), this.boxes[key]);
    this.root = h('div', { class: 'weight-count' }, tr('h3', 'generateWeightsTitle'), tr('p', 'generateWeightsHelp', { class: 'field-help' }),
      h('div', { class: 'weight-sizes' }, label('c', 'generateWeightsC'), label('m', 'generateWeightsM'), label('V', 'generateWeightsV'),
        label('d', 'generateWeightsD')),
      this.result);
  }

  async recompute(): Promise<void> {
    const read = (key: keyof typeof START) => parseUserInteger(this.boxes[key].value);
    const sizes = { c: read('c'), m: read('m'), V: read('V'), d: read('d') };
    const count = Object.values(sizes).every((v) => v !== null) ? await this.count(sizes as typeof START) : -1;
    if (count < 0) {
      this.result.textContent = t('generateWeightsInvalid');
      return;
    }
    this.last = { sizes: sizes as typeof START, count };
    this.render();
  }

  render(): void {
    if (!this.last) return;
    const { sizes: { c, m, V, d }, count } = this.last;
    this.result.textContent = t('generateWeightsResult', { c: formatCount(c), m: formatCount(m), V: formatCount(V), d: formatCount(d),
      count: formatCount(count) });
  }
}
