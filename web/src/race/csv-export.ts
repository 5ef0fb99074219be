// The iteration table as CSV text for a spreadsheet. 'danish' is what Danish Excel opens by a double
// click (';' between fields, decimal comma); 'international' is ',' and a decimal point.
//
// The returned string starts with a UTF-8 byte order mark (U+FEFF): Excel needs it to read æøå and ∂
// as UTF-8, and a Blob made from the string encodes it as the bytes EF BB BF. So downloadCsv (and
// anything else that saves the text) must not add a second one.
//
// Numbers are written in full: the shortest text that reads back as the identical double (String(x)),
// e.g. 0.1, -0.0375, 0.000023586630242988488, 1e-7, 2.5e+21, with ',' for '.' in the Danish style.
// Exponent forms stay: Excel reads "1e-7" and "2,5e+21" as numbers in any locale, and the app's
// parseNumber accepts them with either decimal mark. (Excel itself keeps only 15 significant digits.)

export type CsvStyle = 'danish' | 'international';

export const CSV_BOM = '\uFEFF';
const LINE_END = '\r\n';  // what Excel writes, and what every CSV reader accepts
const NEEDS_QUOTES = /[";,\r\n]/;  // both delimiters: a header must survive either style's reader

export function formatCsv(headers: string[], rows: readonly (readonly number[])[], style: CsvStyle): string {
  const delimiter = style === 'danish' ? ';' : ',';
  const lines = [headers.map(quoteText).join(delimiter)];
  for (const row of rows) {
    const cells = new Array<string>(row.length);
    for (let j = 0; j < row.length; j++) cells[j] = formatCsvNumber(row[j], style);
    lines.push(cells.join(delimiter));
  }
  return CSV_BOM + lines.join(LINE_END) + LINE_END;
}

// One number as a cell: empty when it is not finite (a spreadsheet shows an empty cell, not "NaN").
export function formatCsvNumber(x: number, style: CsvStyle): string {
  if (!Number.isFinite(x)) return '';
  const text = Object.is(x, -0) ? '-0' : String(x);  // String(-0) is "0"; keep the sign so it reads back bit for bit
  return style === 'danish' ? text.replace('.', ',') : text;
}

// A header in quotes, with " doubled, when it holds a delimiter, a quote or a line break.
function quoteText(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
