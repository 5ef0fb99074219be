// The data sets the page can open on. Good Food is the project's own generated set
// (data/goodfood.csv, see data/README.md); the three customers are the notes' worked example.
import goodfoodCsv from '@data/goodfood.csv?raw';
import type { MessageKey } from '../app/i18n.ts';
import { parseCsv } from './csv.ts';
import type { Table } from './table.ts';

export interface Preset {
  id: string;
  label: MessageKey;
  table(): Table;
  target: string;
  features: string[];
  offer: boolean;  // class 1 means "vis tilbuddet" (the Good Food story)
}

function fromCsv(text: string): () => Table {
  let table: Table | null = null;
  return () => {
    if (!table) {
      const parsed = parseCsv(text);
      if (!parsed.ok) throw new Error(`built-in data set does not parse: ${parsed.error.code}`);
      table = parsed.value;
    }
    return table;
  };
}

export const PRESETS: readonly Preset[] = [
  { id: 'goodfood', label: 'presetGoodfood', table: fromCsv(goodfoodCsv), target: 'Aktiveret',
    features: ['Alder', 'Forbrug'], offer: true },
  // Kunstige neuroner, del 3: x = 25, 40, 60 years with t = 0, 0, 1.
  { id: 'goodfood3', label: 'presetGoodfood3', table: () => ({ columns: ['Alder', 'Aktiveret'],
    rows: [['25', 'Nej'], ['40', 'Nej'], ['60', 'Ja']] }), target: 'Aktiveret', features: ['Alder'], offer: true },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
