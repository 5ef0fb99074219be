// The course's word2vec toy (AI-projektet, Sprogmodeller, Del 3: "Word2Vec – et eksempel"): twelve
// two-word sentences, five words, a window of one word on each side within a sentence, the full
// softmax, and the exercise's start vectors on the unit circle. With them L = 31,71; the best
// anyone can do on the circle is about 22,85.
export const TOY_WORDS = ['hunden', 'katten', 'spinder', 'sover', 'gør'] as const;

export const TOY_SENTENCES = [
  'Hunden sover.', 'Katten sover.', 'Katten spinder.', 'Hunden gør.', 'Hunden sover.', 'Hunden gør.',
  'Katten sover.', 'Hunden gør.', 'Katten sover.', 'Katten spinder.', 'Katten sover.', 'Katten spinder.',
];

// The exercise's start: (x, y) of each focus vector v and context vector k, all of length 1.
export const TOY_START: { focus: [number, number][]; context: [number, number][] } = {
  focus: [[-0.8, 0.6], [0, 1], [0.6, 0.8], [0.8, 0.6], [1, 0]],
  context: [[0.8, -0.6], [0.6, -0.8], [-1, 0], [-0.8, -0.6], [-0.6, -0.8]],
};

export const TOY_BEST = 22.85;  // the course's goal: "tættest på 22,85 vinder"

// n(w, c) of the sentences: each neighbour within a sentence once (window 1). Shape (words × words).
export function toyCounts(): number[] {
  const size = TOY_WORDS.length;
  const n = new Array<number>(size * size).fill(0);
  for (const sentence of TOY_SENTENCES) {
    const words = sentence.toLocaleLowerCase('da').replace(/[.]/g, '').split(/\s+/)
      .map((w) => (TOY_WORDS as readonly string[]).indexOf(w));
    for (let i = 0; i < words.length; i++)
      for (const j of [i - 1, i + 1]) if (j >= 0 && j < words.length) n[words[i] * size + words[j]] += 1;
  }
  return n;
}

export const angleOf = ([x, y]: [number, number]) => Math.atan2(y, x);
