// Numbers as people type them in spreadsheets: "2.326,5" and "-0,25" in Danish files, "2,326.5"
// and "1.5" in English ones, "1e3" from a program. Anything else is not a number.
export type DecimalMark = 'comma' | 'point';

// With decimal comma a '.' (or a space) may only group thousands, as in 2.326,5 or 2 326,5;
// with decimal point the same holds for ','. An exponent is allowed on ungrouped numbers only.
const PATTERNS: Record<DecimalMark, RegExp> = {
  comma: /^[+-]?(?:\d{1,3}([. ])\d{3}(?:\1\d{3})*(?:,\d+)?|(?:\d+(?:,\d+)?|,\d+)(?:e[+-]?\d+)?)$/i,
  point: /^[+-]?(?:\d{1,3}([, ])\d{3}(?:\1\d{3})*(?:\.\d+)?|(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?)$/i,
};

const INTEGER = /^-?\d{1,15}$/;  // the common case, read without further ado
const UNUSUAL = /[\u2212\u00a0\u202f]/;

// Trims and turns the typographic minus and Excel's non-breaking spaces into plain characters.
function normalise(cell: string): string {
  const s = cell.trim();
  return UNUSUAL.test(s) ? s.replace(/\u2212/g, '-').replace(/[\u00a0\u202f]/g, ' ') : s;
}

export function parseNumber(cell: string, decimal: DecimalMark): number | null {
  const s = normalise(cell);
  if (INTEGER.test(s)) return Number(s);
  if (!PATTERNS[decimal].test(s)) return null;
  const plain = decimal === 'comma' ? s.replace(/[. ]/g, '').replace(',', '.') : s.replace(/[, ]/g, '');
  const x = Number(plain);
  return Number.isFinite(x) ? x : null;
}

// The decimal mark of a file, from its cells: "3,14", "2326,5" and "2.326,5" can only be decimal
// comma, "1.5" and "2,326.5" only decimal point. "1,234" and "2.326" could be either; they decide
// only when nothing else does, and then each is read as a decimal mark (grouped thousands are
// rare in CSV files, three decimals are not).
export function detectDecimal(cells: Iterable<string>): DecimalMark {
  let comma = 0, point = 0, maybeComma = 0, maybePoint = 0;
  for (const cell of cells) {
    if (cell.indexOf(',') < 0 && cell.indexOf('.') < 0) continue;
    const s = normalise(cell);
    const asComma = PATTERNS.comma.test(s), asPoint = PATTERNS.point.test(s);
    if (asComma && asPoint) {
      if (s.includes(',')) maybeComma++;
      else maybePoint++;
    } else if (asComma) comma++;
    else if (asPoint) point++;
  }
  if (comma !== point) return comma > point ? 'comma' : 'point';
  return maybeComma > 0 && maybePoint === 0 ? 'comma' : 'point';
}
