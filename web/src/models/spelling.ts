// For a word the vectors do not know: the known words spelled most like it (at most two letters
// inserted, deleted, changed or swapped), most frequent first — "kvine" → kvinde, kvinden.

// Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), but giving up
// (returning limit + 1) as soon as it cannot stay within limit. Counts code points, so æ is one letter.
export function editDistance(a: string, b: string, limit: number): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  let before = new Array<number>(t.length + 1).fill(0);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  let current = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    let best = current[0];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[t.length];
}

// Up to `count` known words within two edits, closest first, then in the vocabulary's order
// (most frequent first).
export function closestSpellings(word: string, vocabulary: readonly string[], count = 3): string[] {
  const found: { word: string; distance: number; rank: number }[] = [];
  for (let rank = 0; rank < vocabulary.length; rank++) {
    const distance = editDistance(word, vocabulary[rank], 2);
    if (distance <= 2) found.push({ word: vocabulary[rank], distance, rank });
  }
  found.sort((x, y) => x.distance - y.distance || x.rank - y.rank);
  return found.slice(0, count).map((f) => f.word);
}

// Words that start with what has been typed, most frequent first: for the suggestion list.
export function completions(prefix: string, vocabulary: readonly string[], count = 8): string[] {
  if (!prefix) return [];
  const out: string[] = [];
  for (const word of vocabulary) {
    if (word.startsWith(prefix)) out.push(word);
    if (out.length >= count) break;
  }
  return out;
}
