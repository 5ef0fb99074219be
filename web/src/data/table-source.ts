// Where a choice of columns becomes numbers: a built-in table right here (small), or a file's
// table held by its own worker (table-client.ts), so a large file's cells never come to the page.
import { suggestColumns, toNeuronData, type ColumnChoice, type NeuronData } from './dataset.ts';
import { ok, type Result } from './result.ts';
import type { Table } from './table.ts';

export interface TableSource {
  readonly columns: string[];
  readonly suggested: { target: string | null; features: string[] };
  // The numbers, and for a file the race page's hand-over text (own-data.ts), made off the page.
  convert(choice: ColumnChoice): Promise<Result<{ data: NeuronData; stored: string | null }>>;
  close(): void;  // frees what holds the table (a worker); the source is not used again
}

export function localTable(table: Table): TableSource {
  return {
    columns: table.columns,
    get suggested() { return suggestColumns(table); },
    convert: (choice) => {
      const data = toNeuronData(table, choice);
      return Promise.resolve(data.ok ? ok({ data: data.value, stored: null }) : data);
    },
    close: () => undefined,
  };
}

// A file's table as the table worker describes it.
export interface OpenedTable {
  columns: string[];
  suggested: { target: string | null; features: string[] };
}

export const opened = (table: Table): Result<OpenedTable> => ok({ columns: table.columns, suggested: suggestColumns(table) });
