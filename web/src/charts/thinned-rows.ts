// Which rows a scatter plot draws: all of a classroom-sized file, and of a large one every k-th row,
// so that a frame stays cheap (100 000 points took ~0,5 s a draw) while both classes keep their
// share and the picture stays the same from draw to draw. Training always uses every row.

export const MAX_DRAWN_POINTS = 2500;

// The rows 0, k, 2k, … with k = ceil(n / max): at most `max` of them.
export function thinnedRows(n: number, max = MAX_DRAWN_POINTS): number[] {
  const step = Math.max(1, Math.ceil(n / max));
  const rows: number[] = [];
  for (let m = 0; m < n; m += step) rows.push(m);
  return rows;
}
