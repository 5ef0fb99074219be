// From a Table to the numbers one neuron trains on: the chosen input columns as x (row by row) and
// the target column as t ∈ {0, 1}, every used cell checked and any problem named by row and column.
import { MAX_ROWS } from './limits.ts';
import { detectDecimal, parseNumber, type DecimalMark } from './numbers.ts';
import { fail, ok, type Result } from './result.ts';
import { eachRow, rowCells, rowCount, rowNumberOf, type Table } from './table.ts';

export { MAX_ROWS };

export interface NeuronData {
  featureNames: string[];
  targetName: string;
  rows: number;
  cols: number;
  x: Float64Array;                 // rows × cols, row-major: x[m * cols + j]
  t: Float64Array;                 // each 0 or 1
  classLabels: [string, string];   // how the file writes class 0 and class 1, e.g. ["Nej", "Ja"]
}

export interface ColumnChoice {
  target: string;
  features: string[];
}

const ZEROS = new Set(['0', 'nej', 'n', 'no', 'false', 'falsk']);
const ONES = new Set(['1', 'ja', 'j', 'yes', 'y', 'true', 'sand']);
const ZERO_ONE = /^([01])(?:[.,]0+)?$/;  // "1,0" and "0.0" as a spreadsheet may write 1 and 0
const TARGET_NAMES = new Set(['aktiveret', 'target', 'targetværdi', 't', 'mål', 'y', 'label', 'klasse', 'class']);
const SUGGESTED_FEATURES = 2;  // the page plots two inputs; the user may tick more

// The class a target cell names: 0/1, ja/nej, j/n, yes/no, y/n, true/false, sand/falsk.
export function targetValue(cell: string): 0 | 1 | null {
  const s = cell.trim().toLowerCase();
  if (ZEROS.has(s)) return 0;
  if (ONES.has(s)) return 1;
  const m = ZERO_ONE.exec(s);
  return m ? (m[1] === '1' ? 1 : 0) : null;
}

// How a target column names its classes: targetValue, or for a column of only -1 and 1 (the
// perceptron's convention, as in aimat.dk's afstemningsdata.csv) -1 as class 0 and 1 as class 1.
function classesOf(cells: readonly string[]): (cell: string) => 0 | 1 | null {
  const filled = cells.filter((c) => c.trim() !== '');
  if (filled.every((c) => targetValue(c) !== null)) return targetValue;
  const signs = filled.map((c) => parseNumber(c, 'point'));
  if (signs.includes(-1) && signs.every((x) => x === -1 || x === 1)) {
    return (cell) => {
      const x = parseNumber(cell, 'point');
      return x === 1 ? 1 : x === -1 ? 0 : null;
    };
  }
  return targetValue;
}

function decimalOf(table: Table): DecimalMark {
  return table.decimal ?? detectDecimal(allCells(table));
}

function* allCells(table: Table): Generator<string> {
  for (const cells of eachRow(table)) yield* cells;
}

function column(table: Table, j: number): string[] {
  return Array.from(eachRow(table), (cells) => cells[j] ?? '');
}

// What suggestColumns needs to know of a column, gathered in one pass over the rows (a large
// file's rows are split once, not once per column): whether it names two classes, as classesOf
// would read it, and whether it is mostly numbers.
class ColumnFacts {
  private filled = 0;
  private numbers = 0;
  private allNamed = true;          // every filled cell names a class (targetValue)
  private readonly named = new Set<0 | 1>();
  private allSigns = true;          // every filled cell is −1 or 1
  private readonly signs = new Set<number>();

  add(cell: string, decimal: DecimalMark): void {
    if (cell.trim() === '') return;
    this.filled++;
    if (parseNumber(cell, decimal) !== null) this.numbers++;
    const named = targetValue(cell);
    if (named === null) this.allNamed = false;
    else this.named.add(named);
    const sign = parseNumber(cell, 'point');
    if (sign === 1 || sign === -1) this.signs.add(sign);
    else this.allSigns = false;
  }

  get binary(): boolean {
    if (this.allNamed) return this.filled > 0 && this.named.size === 2;
    return this.allSigns && this.signs.size === 2;  // -1 as class 0 and 1 as class 1
  }

  // Mostly numbers: a number column with a typo stays an input, so the typo gets reported.
  get numeric(): boolean {
    return this.filled > 0 && this.numbers * 2 > this.filled;
  }
}

// The target: a column whose values name exactly two classes, preferably one named like a target
// (Aktiveret, t, y, mål, …), otherwise the last such column. The inputs: the columns of (mostly)
// numbers other than the target, in file order, at most two. When no column can be the target, the page offers
// the last column, so the inputs leave it out.
export function suggestColumns(table: Table): { target: string | null; features: string[] } {
  const decimal = decimalOf(table);
  const facts = table.columns.map(() => new ColumnFacts());
  for (const cells of eachRow(table)) facts.forEach((f, j) => f.add(cells[j] ?? '', decimal));
  const binary = table.columns.filter((_, j) => facts[j].binary);
  const numeric = table.columns.filter((_, j) => facts[j].numeric);
  const named = binary.filter((name) => TARGET_NAMES.has(name.trim().toLowerCase()));
  const target = named.at(-1) ?? binary.at(-1) ?? null;
  const excluded = target ?? table.columns.at(-1);
  return { target, features: numeric.filter((name) => name !== excluded).slice(0, SUGGESTED_FEATURES) };
}

export function toNeuronData(table: Table, choice: ColumnChoice): Result<NeuronData> {
  const features = [...new Set(choice.features)];
  if (features.length === 0) return fail({ code: 'no_features' });
  const unknown = [choice.target, ...features].find((name) => !table.columns.includes(name));
  if (unknown !== undefined) return fail({ code: 'unknown_column', column: unknown });
  if (features.includes(choice.target)) return fail({ code: 'target_is_feature', column: choice.target });
  const rows = rowCount(table);
  if (rows === 0) return fail({ code: 'no_data_rows' });
  if (rows > MAX_ROWS) return fail({ code: 'too_many_rows', limit: MAX_ROWS, found: rows });

  const decimal = decimalOf(table);
  const cols = features.length;
  const featureIndex = features.map((name) => table.columns.indexOf(name));
  const targetIndex = table.columns.indexOf(choice.target);
  const classOf = classesOf(column(table, targetIndex));
  const x = new Float64Array(rows * cols);
  const t = new Float64Array(rows);
  const labels: [string | null, string | null] = [null, null];
  // Row by row, inputs before target, so the first problem reported is the first in the file.
  for (let m = 0; m < rows; m++) {
    const cells = rowCells(table, m);
    const row = rowNumberOf(table, m);
    for (let j = 0; j < cols; j++) {
      const cell = (cells[featureIndex[j]] ?? '').trim();
      if (cell === '') return fail({ code: 'missing_value', row, column: features[j] });
      const value = parseNumber(cell, decimal);
      if (value === null) return fail({ code: 'not_a_number', row, column: features[j], value: cell });
      x[m * cols + j] = value;
    }
    const cell = (cells[targetIndex] ?? '').trim();
    if (cell === '') return fail({ code: 'missing_value', row, column: choice.target });
    const cls = classOf(cell);
    if (cls === null) return fail({ code: 'target_not_binary', row, column: choice.target, value: cell });
    t[m] = cls;
    labels[cls] ??= cell;
  }
  if (labels[0] === null || labels[1] === null) {
    return fail({ code: 'single_class', column: choice.target, value: labels[0] ?? labels[1] ?? '' });
  }
  return ok({ featureNames: features, targetName: choice.target, rows, cols, x, t, classLabels: [labels[0], labels[1]] });
}
