// The Tekstgenerering worker: builds the N-gram model of a text in wasm and answers the page's
// questions (the next word, a written text, the note's tables, the small network).
import type { NeuralLm, NgramCountsModel, NgramModel } from '@wasm/language_core.mjs';
import { filePieces, HEAD_BYTES, inspectTextHead, Utf8Pieces } from '../data/text-file.ts';
import type { Ask, BuiltText, GenerateEvents, GenerateRequests, GenerateText, GeneratedRun, NextReply } from './generate-protocol.ts';
import { loadLanguageCore } from './language-loader.ts';
import { NeuralTraining } from './neural-training.ts';
import { serve, type WorkerEnd } from './worker-protocol.ts';

// The note "Simple sprogmodeller": its four sentences (a fact of the curriculum, typed in).
export const NOTE_TEXT = 'En hund løber efter en kat. Løber en hund efter en kat? En kat løber ikke efter en hund. ' +
  'Efter en kat løber en hund.';

const UNKNOWN_WORD = '«ukendt»';  // the network's one word for all it leaves out (the core's kUnknownModelWord)
const NEURAL_TOP = 30;
const NETWORK_OUTPUTS = 5;         // output neurons drawn             // words of the network's answer the page may show; the rest as one
const QUIET_MS = 300;  // a read faster than this shows no progress bar
const PROGRESS_EVERY_MS = 100;

serve<GenerateRequests, GenerateEvents>(self as unknown as WorkerEnd, async (out) => {
  const core = await loadLanguageCore();
  let model: NgramModel | NgramCountsModel = new core.NgramModel();
  let text: NgramModel | null = model;  // the counted text the network can train on (none for the finished model)
  let vocabulary: string[] = [];
  let tokens = 0;
  const neural = new NeuralTraining(core, out);
  const wordsOf = (ids: ArrayLike<number>) => Array.from(ids, (id) => id < 0 ? UNKNOWN_WORD : vocabulary[id] ?? '?');

  // The network's answer: its c words (a short beginning filled out from the text's end), no counts.
  const neuralNext = (lm: NeuralLm, { prompt, sample, ends }: Ask): NextReply => {
    const { ids, unknown } = model.encode(prompt, ends);
    const n = lm.next(ids, sample, NEURAL_TOP);
    return { unknown, context: wordsOf(n.context), asked: n.context.length, contextCount: 1, words: wordsOf(n.words), counts: [],
      p: Array.from(n.p), z: Array.from(n.z), entropyP: n.entropyP, entropyZ: n.entropyZ, status: n.sampleStatus,
      neural: { padded: n.padded, restP: n.restP, restZ: n.restZ } };
  };
  const neuralGenerate = (lm: NeuralLm, { prompt, sample, ends, count, seed }: Ask & { count: number; seed: number }): GeneratedRun => {
    const { ids, unknown } = model.encode(prompt, ends);
    const g = lm.generate(ids, count, sample, seed);
    const words = Array.from(g.words ?? []);
    const c = neural.contextWords;
    return { unknown, prompt: wordsOf(ids), words: wordsOf(words), probabilities: Array.from(g.probabilities ?? []),
      contextLengths: words.map(() => c), copied: Array.from(model.matchLengths([...ids, ...words])),
      end: g.status === 'ok' && g.sampleStatus === 'ok' ? 'done' : 'bad_settings', status: g.sampleStatus ?? g.status };
  };

  const textOf = (text: Exclude<GenerateText, { kind: 'file' | 'danish' }>) => text.kind === 'note' ? NOTE_TEXT
    : text.kind === 'practice' ? core.generateSentences(1, text.sentences) : text.text;

  // A file a megabyte at a time (UTF-8 for the core), its start judged first.
  async function readFile(next: NgramModel, file: Blob, ends: boolean): Promise<BuiltText> {
    const head = inspectTextHead(new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()), file.size <= HEAD_BYTES);
    if (!head.ok) return { words: 0, tokens: 0, problem: head.problem };
    const utf8 = new Utf8Pieces(head.value.encoding);
    const began = performance.now();
    let done = 0, last = 0;
    next.begin(ends);
    for await (const bytes of filePieces(file)) {
      done += bytes.length;
      next.feed(utf8.next(bytes, done >= file.size));
      const now = performance.now();
      if (now - began > QUIET_MS && now - last > PROGRESS_EVERY_MS) {
        last = now;
        out.emit('progress', { fraction: done / Math.max(1, file.size) });
      }
    }
    if (last > 0) out.emit('progress', { fraction: 1 });  // read; counting the sequences takes a moment more
    return next.finish();
  }

  // The model in use from now on; the network was set up on the old one's words.
  function adopt(next: NgramModel | NgramCountsModel, count: number): void {
    neural.forget();
    model.delete();
    model = next;
    text = null;
    vocabulary = model.words().split('\n').slice(0, -1);
    tokens = count;
  }

  // The finished Danish model: its file fetched (the service worker keeps it once fetched) and read.
  async function loadFinished(url: string): Promise<BuiltText> {
    const bytes = await fetch(url).then((r) => r.ok ? r.arrayBuffer() : null).catch(() => null);
    const next = new core.NgramCountsModel();
    const loaded = bytes ? next.load(new Uint8Array(bytes)) : null;
    if (!loaded || loaded.status !== 'ok') {
      next.delete();
      return { words: 0, tokens: 0, unavailable: true };
    }
    adopt(next, loaded.tokens ?? 0);
    return { words: loaded.words ?? 0, tokens: loaded.tokens ?? 0, finished: { description: loaded.description ?? '' } };
  }

  return {
    build: async ({ text: wanted, ends }) => {
      if (wanted.kind === 'danish') return loadFinished(wanted.url);
      const next = new core.NgramModel();
      const built = wanted.kind === 'file' ? await readFile(next, wanted.file, ends) : next.build(textOf(wanted), ends);
      if (built.tokens < 2) {  // too little to count in: the text in use stays
        next.delete();
        return built;
      }
      adopt(next, built.tokens);
      text = next;
      return built;
    },
    next: (ask): NextReply => {
      if (ask.model === 'neural' && neural.model) return neuralNext(neural.model, ask);
      const { prompt, order, backoff, sample, ends } = ask;
      const { ids, unknown } = model.encode(prompt, ends);
      const n = model.next(ids, order, backoff, sample);
      const used = Array.from(ids).slice(ids.length - n.contextLength);
      return { unknown, context: wordsOf(used), asked: Math.min(order - 1, ids.length), contextCount: n.contextCount, prunedCount: n.prunedCount,
        words: wordsOf(n.words), counts: Array.from(n.counts), p: Array.from(n.p), z: Array.from(n.z),
        entropyP: n.entropyP, entropyZ: n.entropyZ, status: n.status };
    },
    generate: (ask): GeneratedRun => {
      if (ask.model === 'neural' && neural.model) return neuralGenerate(neural.model, ask);
      const { prompt, order, backoff, sample, ends, count, seed } = ask;
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
    ladder: ({ trainShare, minWords, maxHeldOut }) => {
      const l = model.ladder(trainShare, maxHeldOut);
      if (!text) return { trainWords: l.trainWords, heldOutWords: l.heldOutWords, unknownWords: l.unknownWords,
        loss: Array.from(l.lossPerWord), perplexity: Array.from(l.perplexity), stored: true };
      const enough = l.trainWords >= minWords && l.heldOutWords >= Math.min(maxHeldOut, minWords * (1 - trainShare));
      return { trainWords: l.trainWords, heldOutWords: l.heldOutWords, unknownWords: l.unknownWords,
        loss: enough ? Array.from(l.lossPerWord) : [], perplexity: enough ? Array.from(l.perplexity) : [] };
    },
    weights: ({ c, m, V, d }) => core.weightCount(c, m, V, d),
    network: ({ x, w, u, hidden, activation }) => core.networkForward(x, w, u, hidden, activation),
    neuralSetup: ({ choice, vectorsUrl }) => text ? neural.setup(text, tokens, choice, vectorsUrl)
      : { ok: false, problem: 'no_text' },
    neuralRun: ({ run }) => neural.run(run),
    neuralEta: ({ eta }) => neural.setEta(eta),
    neuralValues: ({ prompt, ends }) => {
      const lm = neural.model;
      if (!lm) return null;
      const ids = model.encode(prompt, ends).ids;
      const v = lm.network(ids);
      if (v.status !== 'ok') return null;
      const top = lm.next(ids, {}, NETWORK_OUTPUTS);
      return { context: wordsOf(v.context), padded: top.padded, x: Array.from(v.x), h: Array.from(v.h),
        dim: v.x.length / Math.max(1, v.context.length), top: { words: wordsOf(top.words), z: Array.from(top.p) } };
    },
  };
});
