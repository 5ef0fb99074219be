// The note's table: every different sequence of two (or three) words in the text with its count,
// most frequent first.
import { h, scrollBox, tr } from '../app/dom.ts';
import { formatCount, t } from '../app/i18n.ts';

export const TABLE_ROWS = 20;

export class NgramTableView {
  readonly root: HTMLElement;
  private readonly summary = h('p', { class: 'field-help', 'data-table': 'summary' });
  private readonly body = h('tbody');
  private shown: { different: number; rows: { words: string[]; count: number }[] } | null = null;

  constructor() {
    const table = h('table', { class: 'ngram-table', 'data-table': 'grams' },
      h('thead', {}, h('tr', {}, tr('th', 'generateColumnSequence', { scope: 'col' }), tr('th', 'generateColumnCount', { scope: 'col' }))),
      this.body);
    this.root = h('div', {}, this.summary, scrollBox(table, 'sectionGenerateTable'));
  }

  show(table: { different: number; rows: { words: string[]; count: number }[] }): void {
    this.shown = table;
    this.render();
  }

  render(): void {
    if (!this.shown) return;
    const { different, rows } = this.shown;
    this.summary.textContent = t('generateTableCount', { different: formatCount(different), shown: formatCount(rows.length) });
    this.body.replaceChildren(...rows.map((row) => h('tr', {}, h('td', {}, row.words.join(' ')), h('td', { class: 'count' }, formatCount(row.count)))));
  }
}
