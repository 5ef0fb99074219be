// The iteration table as a teacher builds it in a spreadsheet: one row per recorded iteration with
// the weights, the outputs and E of both neurons. The page shows the first and last rows only; the
// CSV download has them all. setData runs up to ~10 times a second, so it only rewrites cells whose
// number changed, and builds the CSV text only when the button is pressed.
import { h } from '../app/dom.ts';
import { formatCount, formatNumber, language } from '../app/i18n.ts';
import { formatCsv } from './csv-export.ts';

export interface IterationTableData {
  headers: string[];                     // e.g. ["Iteration", "SE: w0", …, "SE: E", "CE: w0", …]
  rows: readonly (readonly number[])[];  // one per recorded iteration, first column the iteration
}

export interface IterationTableTexts {
  caption: string;
  exportButton: string;
  danishExcel: string;
  rowsShown: (shown: number, total: number) => string;
}

export const CSV_FILE_NAME = 'iterationer.csv';
const HEAD_ROWS = 30, TAIL_ROWS = 30;  // a screenful at each end; the middle is in the CSV file
const SIGNIFICANT = 5;
const URL_LIFETIME_MS = 40_000;        // some browsers read the Blob after click() returns

interface Slot {
  tr: HTMLTableRowElement;
  cells: HTMLTableCellElement[];
  values: number[];                     // what the cells show now, to skip unchanged ones
}

export class IterationTable {
  readonly root: HTMLElement;
  private readonly captionEl = h('figcaption', { class: 'iteration-table-caption' });
  private readonly scroller = h('div', { class: 'iteration-table-scroll', role: 'region', tabindex: 0 });
  private readonly headRow = h('tr');
  private readonly body = h('tbody');
  private readonly gapRow = h('tr', { class: 'iteration-table-gap' });
  private readonly count = h('p', { class: 'iteration-table-count' });
  private readonly exportButton = h('button', { type: 'button', class: 'button' });
  private readonly danishBox = h('input', { type: 'checkbox' });
  private readonly danishLabel = h('span');
  private slots: Slot[] = [];
  private headers: string[] = [];
  private laneStarts: boolean[] = [];
  private data: IterationTableData = { headers: [], rows: [] };
  private styleChosen = false;          // once the user ticks or unticks, a language change keeps it
  private texts: IterationTableTexts;

  constructor(texts: IterationTableTexts) {
    this.texts = texts;
    const table = h('table', { class: 'iteration-table-grid' }, h('thead', {}, this.headRow), this.body);
    this.scroller.append(table);
    this.danishBox.checked = language() === 'da';
    this.danishBox.addEventListener('change', () => { this.styleChosen = true; });
    this.exportButton.addEventListener('click', () => this.download());
    this.root = h('figure', { class: 'iteration-table' }, this.captionEl, this.scroller, this.count,
      h('div', { class: 'iteration-table-actions' }, this.exportButton,
        h('label', { class: 'checkbox small' }, this.danishBox, this.danishLabel)));
    this.setTexts(texts);
  }

  setTexts(texts: IterationTableTexts): void {
    this.texts = texts;
    this.captionEl.textContent = texts.caption;
    this.scroller.setAttribute('aria-label', texts.caption);
    this.exportButton.textContent = texts.exportButton;
    this.danishLabel.textContent = texts.danishExcel;
    if (!this.styleChosen) this.danishBox.checked = language() === 'da';
    for (const slot of this.slots) slot.values.fill(NaN);  // numbers change their decimal mark too
    this.render();
  }

  setData(data: IterationTableData): void {
    this.data = data;
    this.render();
  }

  private render(): void {
    const { headers, rows } = this.data;
    if (!sameHeaders(headers, this.headers)) this.setHeaders(headers);
    const total = rows.length;
    const cut = total > HEAD_ROWS + TAIL_ROWS;
    const shown = cut ? HEAD_ROWS + TAIL_ROWS : total;
    this.resize(shown, cut);
    for (let s = 0; s < shown; s++) {
      const r = cut && s >= HEAD_ROWS ? total - (shown - s) : s;
      this.fill(this.slots[s], rows[r]);
    }
    this.count.textContent = this.texts.rowsShown(shown, total);
    this.exportButton.disabled = total === 0;
  }

  // A new set of columns (another data set or number of inputs): start the rows afresh.
  private setHeaders(headers: string[]): void {
    this.headers = headers.slice();
    this.laneStarts = headers.map((name, j) => j > 1 && lanePrefix(name) !== lanePrefix(headers[j - 1]));
    this.headRow.replaceChildren(...headers.map((name, j) =>
      h('th', { scope: 'col', class: this.columnClass(j) }, name)));
    this.gapRow.replaceChildren(h('th', { scope: 'row', class: 'iteration-col' }, '…'),
      h('td', { colspan: Math.max(1, headers.length - 1) }));
    this.slots = [];
    this.body.replaceChildren();
  }

  // Adds or removes row slots, and puts the "…" row between the first and the last rows when cut.
  private resize(shown: number, cut: boolean): void {
    while (this.slots.length > shown) this.slots.pop()!.tr.remove();
    while (this.slots.length < shown) {
      const cells = this.headers.map((_, j) => j === 0
        ? h('th', { scope: 'row', class: this.columnClass(0) })
        : h('td', { class: this.columnClass(j) }));
      const slot = { tr: h('tr', {}, ...cells), cells, values: cells.map(() => NaN) };
      this.slots.push(slot);
      this.body.append(slot.tr);
    }
    const gapWanted = cut ? this.slots[HEAD_ROWS].tr : null;
    if (gapWanted && this.gapRow.nextSibling !== gapWanted) this.body.insertBefore(this.gapRow, gapWanted);
    if (!gapWanted) this.gapRow.remove();
  }

  private fill(slot: Slot, row: readonly number[]): void {
    for (let j = 0; j < slot.cells.length; j++) {
      const x = row[j] ?? NaN;
      if (Object.is(x, slot.values[j]) && !Number.isNaN(x)) continue;  // NaN marks a cell to redo
      slot.values[j] = x;
      // x === 0 ? 0 : x: Intl writes -0 as "-0", which means nothing to a student.
      const text = j === 0 ? formatCount(x) : formatNumber(x === 0 ? 0 : x, SIGNIFICANT);
      if (slot.cells[j].textContent !== text) slot.cells[j].textContent = text;
    }
  }

  private columnClass(j: number): string {
    return j === 0 ? 'iteration-col num' : this.laneStarts[j] ? 'num lane-start' : 'num';
  }

  private download(): void {
    const style = this.danishBox.checked ? 'danish' : 'international';
    downloadCsv(CSV_FILE_NAME, formatCsv(this.data.headers, this.data.rows, style));
  }
}

// Saves text as a file: the text is written as UTF-8 as it is (formatCsv's text already has its BOM).
export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
}

// "SE: w0" → "SE"; a change of prefix starts the other neuron's columns, which get a divider.
function lanePrefix(header: string): string {
  const colon = header.indexOf(':');
  return colon < 0 ? '' : header.slice(0, colon);
}

function sameHeaders(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, j) => name === b[j]);
}
