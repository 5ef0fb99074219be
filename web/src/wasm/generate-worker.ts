// The Tekstgenerering worker: builds the N-gram model of a text in wasm and answers the page's
// questions (the next word, a written text, the note's tables, the small network).
import createLanguageCore, { type NgramModel } from '@wasm/language_core.mjs';
import type { GenerateRequests, GenerateText, GeneratedRun, NextReply } from './generate-protocol.ts';
import { serve, type WorkerEnd } from './worker-protocol.ts';

// The note "Simple sprogmodeller": its four sentences (a fact of the curriculum, typed in).
export const NOTE_TEXT = 'En hund løber efter en kat. Løber en hund efter en kat? En kat løber ikke efter en hund. ' +
  'Efter en kat løber en hund.';

serve<GenerateRequests, Record<never, never>>(self as unknown as WorkerEnd, async () => {
  const core = await createLanguageCore();
  let model: NgramModel = new core.NgramModel();
  let vocabulary: string[] = [];
  const wordsOf = (ids: ArrayLike<number>) => Array.from(ids, (id) => vocabulary[id] ?? '?');

  const textOf = (text: GenerateText) => text.kind === 'note' ? NOTE_TEXT
    : text.kind === 'practice' ? core.generateSentences(1, text.sentences) : text.text;

  return {
    build: ({ text, ends }) => {
      const next = new core.NgramModel();
      const built = next.build(textOf(text), ends);
      if (built.tokens < 2) {  // too little to count in: the text in use stays
        next.delete();
        return built;
      }
      model.delete();
      model = next;
      vocabulary = model.words().split('\n').slice(0, -1);
      return built;
    },
    next: ({ prompt, order, backoff, sample, ends }): NextReply => {
      const { ids, unknown } = model.encode(prompt, ends);
      const n = model.next(ids, order, backoff, sample);
      const used = Array.from(ids).slice(ids.length - n.contextLength);
      return { unknown, context: wordsOf(used), asked: Math.min(order - 1, ids.length), contextCount: n.contextCount,
        words: wordsOf(n.words), counts: Array.from(n.counts), p: Array.from(n.p), z: Array.from(n.z),
        entropyP: n.entropyP, entropyZ: n.entropyZ, status: n.status };
    },
    generate: ({ prompt, order, backoff, sample, ends, count, seed }): GeneratedRun => {
      const { ids, unknown } = model.encode(prompt, ends);
      const run = model.generate(ids, order, count, backoff, sample, seed);
      const all = [...ids, ...run.words];
      return { unknown, prompt: wordsOf(ids), words: wordsOf(run.words), probabilities: Array.from(run.probabilities),
        contextLengths: Array.from(run.contextLengths), copied: Array.from(model.matchLengths(all)), end: run.end, status: run.status };
    },
    table: ({ n, limit }) => {
      const table = model.table(n, limit);
      const rows = Array.from(table.counts, (count, i) => ({ words: wordsOf(table.grams.subarray(i * n, (i + 1) * n)), count }));
      return { different: table.different, rows };
    },
    network: ({ x, w, u, hidden, activation }) => core.networkForward(x, w, u, hidden, activation),
  };
});
