// What is wrong with a file or a column choice, in the words a gymnasium teacher would use: what,
// where (row and column when known) and, where it helps, what to do about it.
import type { ImportError, ImportErrorCode } from './result.ts';
import { MEGABYTE } from './limits.ts';

export type MessageLanguage = 'da' | 'en';

// Formatting helpers handed to each message, bound to the language's number style.
interface Format {
  n: (x: number | undefined) => string;         // 120.000 / 120,000
  mb: (bytes: number | undefined) => string;    // 25,3 / 25.3
  q: (s: string | undefined) => string;          // "Forbrug"
  at: (e: ImportError) => string;               // Række 7 i kolonnen "Forbrug" / Row 7 in the column "Forbrug"
  col: (e: ImportError) => string;              // kolonne 3 (C) / column 3 (C)
  plural: (x: number | undefined, one: string, many: string) => string;
  example: (e: ImportError) => string;          // the two classes, written like the file writes them
}

type Say = (e: ImportError, f: Format) => string;

const DA: Record<ImportErrorCode, Say> = {
  empty: () => 'Filen er tom. Vælg en CSV- eller XLSX-fil med en overskriftsrække og én række pr. eksempel.',
  binary: () => 'Filen ser ikke ud til at være en tekstfil (CSV). Vælg en CSV- eller XLSX-fil.',
  too_large: (e, f) => `Filen fylder ${f.mb(e.found)} MB; den må højst fylde ${f.mb(e.limit)} MB. Gem et udsnit af dataene, og prøv igen.`,
  no_data_rows: () => 'Filen har en overskriftsrække, men ingen rækker med data under den. Tilføj én række pr. eksempel.',
  ragged_row: (e, f) => `Række ${f.n(e.row)} har ${f.plural(e.found, 'celle', 'celler')}, men overskriften har ${f.plural(e.expected, 'kolonne', 'kolonner')}. ` +
    'Ret rækken, så den har én celle pr. kolonne. Et decimalkomma i en kommasepareret fil giver fx en celle for meget.',
  unclosed_quote: (e, f) => `Række ${f.n(e.row)} har et anførselstegn ("), der ikke bliver lukket, så resten af filen ligner én celle. Tilføj det manglende anførselstegn, eller slet det.`,
  empty_header: (e, f) => `${cap(f.col(e))} har ingen overskrift i række ${f.n(e.row ?? 1)}. Giv kolonnen et navn, eller slet den.`,
  duplicate_column: (e, f) => `To kolonner i række ${f.n(e.row ?? 1)} hedder ${f.q(e.column)}${e.columnNumber ? ` (den anden er ${f.col(e)})` : ''}. Giv kolonnerne forskellige navne.`,
  not_a_number: (e, f) => `${f.at(e)}: ${f.q(e.value)} er ikke et tal. Ret cellen, eller fravælg kolonnen som input.`,
  missing_value: (e, f) => `${f.at(e)} er tom. Udfyld cellen, eller slet rækken.`,
  target_not_binary: (e, f) => `${f.at(e)}: ${f.q(e.value)} er ikke en targetværdi. Targetværdien skal være 0 eller 1 (eller fx Ja/Nej, yes/no). ` +
    'Ret cellen, eller vælg en anden kolonne som targetværdi.',
  single_class: (e, f) => `Kolonnen ${f.q(e.column)} har kun én værdi (${f.q(e.value)}). Der skal være eksempler fra begge klasser (fx ${f.example(e)}).`,
  too_many_rows: (e, f) => `Filen har ${f.n(e.found)} rækker; der må højst være ${f.n(e.limit)}. Gem et udsnit af dataene, og prøv igen.`,
  no_features: () => 'Der er ikke valgt noget input. Sæt flueben ved mindst én kolonne med tal.',
  target_is_feature: (e, f) => `Kolonnen ${f.q(e.column)} er valgt både som targetværdi og som input. Fjern fluebenet ved den under inputs, eller vælg en anden targetværdi.`,
  unknown_column: (e, f) => `Filen har ingen kolonne, der hedder ${f.q(e.column)}. Vælg en af filens kolonner.`,
  xlsx_unreadable: () => 'Regnearket kunne ikke læses; filen er måske beskadiget eller ikke en rigtig XLSX-fil. Åbn den i Excel, og gem den igen som .xlsx eller .csv.',
  xlsx_too_large: (e, f) => `Regnearket ville fylde over ${f.mb(e.limit)} MB, når det pakkes ud, eller det er beskadiget, så det læses ikke. ` +
    'Gem kun det ark, du bruger, som .xlsx eller .csv, og prøv igen.',
  xlsx_empty_sheet: () => 'Det første ark i regnearket er tomt. Læg dataene i det første ark, og gem filen igen.',
  xls_old_format: () => 'Filen er i Excels gamle format (.xls), som ikke kan læses her. Åbn den i Excel, og gem den som .xlsx eller .csv.',
  read_failed: () => 'Browseren stoppede læsningen af filen, før den var færdig (måske fyldte den for meget i hukommelsen). Prøv med en mindre fil, eller gem den som CSV.',
  ods_format: () => 'Filen er et OpenDocument-regneark (.ods). Gem den som .xlsx eller .csv (i LibreOffice: Filer → Gem som), og prøv igen.',
};

const EN: Record<ImportErrorCode, Say> = {
  empty: () => 'The file is empty. Choose a CSV or XLSX file with a header row and one row per example.',
  binary: () => 'The file does not look like a text file (CSV). Choose a CSV or XLSX file.',
  too_large: (e, f) => `The file is ${f.mb(e.found)} MB; it may be at most ${f.mb(e.limit)} MB. Save a part of the data and try again.`,
  no_data_rows: () => 'The file has a header row but no rows of data below it. Add one row per example.',
  ragged_row: (e, f) => `Row ${f.n(e.row)} has ${f.plural(e.found, 'cell', 'cells')}, but the header has ${f.plural(e.expected, 'column', 'columns')}. ` +
    'Fix the row so that it has one cell per column. A decimal comma in a comma-separated file, for example, gives one cell too many.',
  unclosed_quote: (e, f) => `Row ${f.n(e.row)} has a quotation mark (") that is never closed, so the rest of the file looks like one cell. Add the missing quotation mark or delete it.`,
  empty_header: (e, f) => `${cap(f.col(e))} has no heading in row ${f.n(e.row ?? 1)}. Give the column a name or delete it.`,
  duplicate_column: (e, f) => `Two columns in row ${f.n(e.row ?? 1)} are called ${f.q(e.column)}${e.columnNumber ? ` (the second is ${f.col(e)})` : ''}. Give the columns different names.`,
  not_a_number: (e, f) => `${f.at(e)}: ${f.q(e.value)} is not a number. Correct the cell, or untick the column as an input.`,
  missing_value: (e, f) => `${f.at(e)} is empty. Fill in the cell or delete the row.`,
  target_not_binary: (e, f) => `${f.at(e)}: ${f.q(e.value)} is not a target value. The target must be 0 or 1 (or e.g. Ja/Nej, yes/no). ` +
    'Correct the cell, or choose another column as the target.',
  single_class: (e, f) => `The column ${f.q(e.column)} has only one value (${f.q(e.value)}). There must be examples from both classes (e.g. ${f.example(e)}).`,
  too_many_rows: (e, f) => `The file has ${f.n(e.found)} rows; at most ${f.n(e.limit)} are allowed. Save a part of the data and try again.`,
  no_features: () => 'No input is chosen. Tick at least one column of numbers.',
  target_is_feature: (e, f) => `The column ${f.q(e.column)} is chosen both as the target and as an input. Untick it under inputs, or choose another target.`,
  unknown_column: (e, f) => `The file has no column called ${f.q(e.column)}. Choose one of the file's columns.`,
  xlsx_unreadable: () => 'The spreadsheet could not be read; the file may be damaged or not a real XLSX file. Open it in Excel and save it again as .xlsx or .csv.',
  xlsx_too_large: (e, f) => `The spreadsheet would take more than ${f.mb(e.limit)} MB unpacked, or it is damaged, so it is not read. ` +
    'Save only the sheet you use as .xlsx or .csv and try again.',
  xlsx_empty_sheet: () => 'The first sheet of the spreadsheet is empty. Put the data in the first sheet and save the file again.',
  xls_old_format: () => 'The file is in Excel\'s old format (.xls), which cannot be read here. Open it in Excel and save it as .xlsx or .csv.',
  read_failed: () => 'The browser stopped reading the file before it was done (it may have taken too much memory). Try a smaller file, or save it as CSV.',
  ods_format: () => 'The file is an OpenDocument spreadsheet (.ods). Save it as .xlsx or .csv (in LibreOffice: File → Save As) and try again.',
};

const LOCALES: Record<MessageLanguage, string> = { da: 'da-DK', en: 'en-GB' };

// The column letters Excel shows: 1 → A, 27 → AA.
export function columnLetters(k: number): string {
  let s = '';
  for (let x = k; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function formatFor(lang: MessageLanguage): Format {
  const whole = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 });
  const tenth = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 });
  const n = (x: number | undefined) => (x === undefined ? '?' : whole.format(x));
  const da = lang === 'da';
  return {
    n,
    q: (s) => `"${s ?? ''}"`,
    mb: (bytes) => (bytes === undefined ? '?' : tenth.format(bytes / MEGABYTE)),
    col: (e) => {
      if (e.columnNumber === undefined) return da ? `kolonnen "${e.column ?? '?'}"` : `the column "${e.column ?? '?'}"`;
      return `${da ? 'kolonne' : 'column'} ${n(e.columnNumber)} (${columnLetters(e.columnNumber)})`;
    },
    at: (e) => {
      const column = e.column !== undefined ? `"${e.column}"` : null;
      if (e.row !== undefined && column) return da ? `Række ${n(e.row)} i kolonnen ${column}` : `Row ${n(e.row)} in the column ${column}`;
      if (e.row !== undefined) return da ? `Række ${n(e.row)}` : `Row ${n(e.row)}`;
      if (column) return da ? `En celle i kolonnen ${column}` : `A cell in the column ${column}`;
      return da ? 'En celle' : 'A cell';
    },
    plural: (x, one, many) => `${n(x)} ${x === 1 ? one : many}`,
    example: (e) => {
      const value = (e.value ?? '').trim();
      const and = da ? 'og' : 'and';
      if (value.startsWith('-')) return `-1 ${and} 1`;
      return /^[+\d.,\s]+$/.test(value) ? `0 ${and} 1` : `Ja ${and} Nej`;
    },
  };
}

export function importErrorMessage(error: ImportError, lang: MessageLanguage): string {
  return (lang === 'da' ? DA : EN)[error.code](error, formatFor(lang));
}
