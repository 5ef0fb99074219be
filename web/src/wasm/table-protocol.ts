// Messages between the Kunstig neuron page and the worker that reads one data file (CSV or XLSX)
// and keeps its table: the page asks for the numbers of a column choice, never for the cells.
import type { ColumnChoice, NeuronData } from '../data/dataset.ts';
import type { Result } from '../data/result.ts';
import type { OpenedTable } from '../data/table-source.ts';

export type TableRequests = {
  warm: { request: null; reply: void };  // load the XLSX reader now, while there is a network
  open: { request: { name: string; file: Blob }; reply: Result<OpenedTable> };
  // The numbers, and for a usable choice the text the race page is handed (own-data.ts), made here
  // so that the page only stores it.
  convert: { request: { choice: ColumnChoice; handover: string }; reply: Result<{ data: NeuronData; stored: string }> };
};

export type TableEvents = {
  // How far the reading is (0–1), or null while that cannot be told (an .xlsx unpacking); posted
  // only for a read that takes a while.
  progress: { fraction: number | null };
};
