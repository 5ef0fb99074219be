// Training word2vec on a text inside the "Træn word2vec" worker: slices of about 10 ms so that
// pause gets through at once, progress posted ~10 times a second, and the watched words'
// neighbours and PCA picture recomputed from the current focus vectors ~3 times a second.
import type { PairChoiceName, Vectors, Word2VecCoreModule, Word2VecSettings, Word2VecTrainer } from '@wasm/word2vec_core.mjs';
import { filePieces, HEAD_BYTES, inspectTextHead, Utf8Pieces } from '../data/text-file.ts';
import { QueryEngine } from '../models/query-engine.ts';
import type { CorpusState, TextHeadReply, TrainEvents } from './train-protocol.ts';
import type { Plot } from './vectors-protocol.ts';
import { Transfer, type Served } from './worker-protocol.ts';

const SLICE_MS = 10;
const POST_EVERY_MS = 100;
const READING_QUIET_MS = 300;  // a file read faster than this shows no progress bar
const LOOK_EVERY_MS = 300;  // at least; a large vocabulary's look costs more, and then comes less often
const LOOK_SHARE = 0.1;      // the looks may take at most this share of the time
const NEIGHBOURS = 5;
const MAX_HISTORY = 2000;
const SMALL_VOCABULARY = 12;  // the whole softmax table fits the screen
const PLANE_WORDS = 12;       // at most this many words drawn as arrows in dimension 2 or 3

// The words drawn as arrows: the whole vocabulary when it is small, else the watched words in it.
function arrowWords(words: string[], watch: string[]): string[] {
  return (words.length <= PLANE_WORDS ? words : watch.filter((w) => words.includes(w))).slice(0, PLANE_WORDS);
}

// Dimension 2: each shown word's v (solid arrow, label with a capital) and k (dashed, lower case)
// from the origin — the course's picture, with free lengths.
function vectorsPlot(words: string[], focus: Float32Array, context: Float32Array, watch: string[]): Plot {
  const shown = arrowWords(words, watch);
  const points: Plot['points'] = [{ label: '0', x: 0, y: 0, role: 'sum' }];
  const arrows: Plot['arrows'] = [];
  for (const word of shown) {
    const i = words.indexOf(word);
    points.push({ label: word.charAt(0).toLocaleUpperCase('da') + word.slice(1), x: focus[2 * i], y: focus[2 * i + 1], role: 'query' });
    arrows.push({ from: 0, to: points.length - 1, kind: 'difference' });
    points.push({ label: word, x: context[2 * i], y: context[2 * i + 1], role: 'answer' });
    arrows.push({ from: 0, to: points.length - 1, kind: 'offset' });
  }
  return { points, arrows };
}

export class CorpusTraining {
  private trainer: Word2VecTrainer | null = null;
  private readonly vectors: Vectors;
  private watch: string[] = [];
  private pairStatus: PairChoiceName = 'no_pair';
  private pairSteps = 0;
  private running = false;
  private chunk = 2000;  // corpus words per advance(), tuned to take about a millisecond
  private history = { words: [] as number[], losses: [] as number[] };
  private lastPost = 0;
  private lastLook = 0;
  private lookMs = 0;  // how long the last look took
  private lastLoss = { units: 0, lossSum: 0 };
  private speed = { words: 0, seconds: 0 };
  private look: Pick<CorpusState, 'neighbours' | 'plot' | 'small' | 'plane' | 'space'> =
    { neighbours: [], plot: null, small: null, plane: null, space: null };
  private pace: number | null = null;
  private lastTick = 0;
  private owed = 0;  // words the pace allows but not yet trained
  // The next slice at once: setTimeout(0) would wait 4 ms after a few rounds, a third of a slice.
  private readonly next = new MessageChannel();
  private reading = 0;           // which read is current: a new setup or a cancel moves it on
  private readingActive = false; // a file is being read (there is no trainer yet)
  private runWhenRead: number | null | undefined;  // Start pressed while reading: the pace to run at

  constructor(private readonly core: Word2VecCoreModule, private readonly out: Served<TrainEvents>) {
    this.vectors = new core.Vectors();
    this.next.port1.onmessage = () => this.tick();
  }

  // The practice sentences: small, read at once.
  setup(text: string, settings: Word2VecSettings, watch: string[], pair: [string, string]): void {
    const trainer = this.fresh();
    this.adopt(trainer, trainer.setup(text, settings), watch, pair);
  }

  // A text file (or a typed text), read a piece at a time: the page stays responsive, a progress
  // bar shows for a long read, cancel stops it, and memory holds one piece of the text, not all of it.
  async setupFile(file: Blob, settings: Word2VecSettings, watch: string[], pair: [string, string]): Promise<void> {
    const trainer = this.fresh();
    const reading = this.reading;
    this.readingActive = true;
    const read = async (from: number, to: number) => new Uint8Array(await file.slice(from, to).arrayBuffer());
    const head = inspectTextHead(await read(0, HEAD_BYTES), file.size <= HEAD_BYTES);
    if (reading !== this.reading) return trainer.delete();
    if (!head.ok) {
      this.readingActive = false;
      trainer.delete();
      this.out.emit('corpusProblem', head.problem.code === 'not_letters'
        ? { status: 'not_letters', share: head.problem.share } : { status: head.problem.code === 'binary' ? 'binary_text' : 'empty_corpus' });
      return;
    }
    const status = trainer.begin(settings);
    const began = performance.now();
    let lastPost = 0;
    for (const pass of status === 'ok' ? [0, 1] : []) {
      const utf8 = new Utf8Pieces(head.value.encoding);
      let done = 0;
      for await (const bytes of filePieces(file)) {
        if (reading !== this.reading) return trainer.delete();  // cancelled, or a newer setup
        done += bytes.length;
        const piece = utf8.next(bytes, done >= file.size);
        if (pass === 0) trainer.count(piece);
        else trainer.encode(piece);
        const now = performance.now();
        if (now - began > READING_QUIET_MS && now - lastPost > POST_EVERY_MS) {
          lastPost = now;
          this.out.emit('corpusReading', { fraction: (pass + done / Math.max(1, file.size)) / 2 });
        }
      }
      if (reading !== this.reading) return trainer.delete();
      if (pass === 0) trainer.startEncoding();
    }
    this.readingActive = false;
    if (lastPost > 0) this.out.emit('corpusReading', null);
    this.adopt(trainer, status === 'ok' ? trainer.finish() : status, watch, pair);
  }

  // A file judged by its start, for the page to show before anything is trained.
  static async inspect(file: Blob): Promise<TextHeadReply> {
    return inspectTextHead(new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()), file.size <= HEAD_BYTES);
  }

  // Stops reading a file; the trainer set up before it (if any) stays gone, as a new setup replaces it.
  cancelReading(): void {
    if (!this.readingActive) return;
    this.reading++;
    this.readingActive = false;
    this.runWhenRead = undefined;
    this.out.emit('corpusReading', null);
  }

  // A new trainer; the old one and any running or reading stop.
  private fresh(): Word2VecTrainer {
    this.reading++;
    this.readingActive = false;
    this.running = false;
    this.runWhenRead = undefined;
    this.trainer?.delete();
    this.trainer = null;
    return new this.core.Word2VecTrainer();
  }

  private adopt(trainer: Word2VecTrainer, status: string, watch: string[], pair: [string, string]): void {
    this.watch = watch;
    this.history = { words: [], losses: [] };
    this.lastLoss = { units: 0, lossSum: 0 };
    this.speed = { words: 0, seconds: 0 };
    const runWhenRead = this.runWhenRead;
    this.runWhenRead = undefined;
    if (status !== 'ok') {
      trainer.delete();
      this.out.emit('corpusProblem', { status });
      return;
    }
    this.trainer = trainer;
    this.pairSteps = 0;
    this.pairStatus = trainer.choosePair(...pair);
    this.refreshLook();
    this.publish();
    if (runWhenRead !== undefined) this.run(runWhenRead);
  }

  setWatch(watch: string[]): void {
    this.watch = watch;
    this.refreshLook();
    this.publish();
  }

  choosePair(pair: [string, string]): void {
    if (!this.trainer) return;
    this.pairStatus = this.trainer.choosePair(...pair);
    this.publish();
  }

  // Ét skridt: the update the page shows for the chosen pair, taken (training itself stays where it is).
  pairStep(): void {
    if (!this.trainer || this.running) return;
    if (this.trainer.pairStep()) this.pairSteps++;
    this.refreshLook();
    this.publish();
  }

  // wordsPerSecond: a pace slow enough to watch the words move; null: as fast as it goes.
  run(wordsPerSecond: number | null): void {
    this.pace = wordsPerSecond;
    if (this.readingActive) this.runWhenRead = wordsPerSecond;
    if (!this.trainer || this.running) return;
    this.running = true;
    this.lastTick = performance.now();
    this.tick();
  }

  pause(): void {
    this.running = false;
    this.runWhenRead = undefined;
    if (this.trainer) {
      this.refreshLook();
      this.publish();
    }
  }

  // The focus vectors as they are now, as a word2vec text file.
  focusVectors(): Transfer<ArrayBuffer> {
    const bytes = this.trainer ? this.trainer.focusVectors() : new Uint8Array(0);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    return new Transfer(buffer, [buffer]);
  }

  private tick(): void {
    if (!this.running || !this.trainer) return;
    const began = performance.now();
    let more = true;
    const before = this.trainer.progress().wordsDone;
    if (this.pace !== null) {
      this.owed += ((began - this.lastTick) / 1000) * this.pace;
      if (this.owed >= 1) {
        more = this.trainer.advance(Math.min(this.owed, this.pace)).running;
        this.owed = Math.max(0, this.owed - (this.trainer.progress().wordsDone - before));
      }
    } else {
      while (more && performance.now() - began < SLICE_MS) {
        const t0 = performance.now();
        more = this.trainer.advance(this.chunk).running;
        const ms = performance.now() - t0;
        this.chunk = Math.max(100, Math.min(1_000_000, Math.round(this.chunk * (ms > 2 ? 0.7 : ms < 0.5 ? 1.5 : 1))));
      }
    }
    this.lastTick = began;
    const done = this.trainer.progress().wordsDone - before;
    this.speed = { words: this.speed.words + done, seconds: this.speed.seconds + (performance.now() - began) / 1000 };
    const now = performance.now();
    if (!more) this.running = false;
    if (now - this.lastLook > Math.max(LOOK_EVERY_MS, this.lookMs / LOOK_SHARE) || !more) {
      this.lastLook = now;
      this.refreshLook();
      this.lookMs = performance.now() - now;
    }
    if (now - this.lastPost > POST_EVERY_MS || !more) {
      this.lastPost = now;
      this.record();
      this.publish();
    }
    if (!this.running) return;
    if (this.pace === null) this.next.port2.postMessage(null);
    else setTimeout(() => this.tick(), 20);  // a watchable pace needs no hurry
  }

  // The average loss since the last point: the curve shows how it falls, not a running mean.
  private record(): void {
    const p = this.trainer!.progress();
    const lossSum = p.averageLoss * p.units;
    const units = p.units - this.lastLoss.units;
    if (units <= 0) return;
    const loss = (lossSum - this.lastLoss.lossSum) / units;
    this.lastLoss = { units: p.units, lossSum };
    if (this.history.words.length >= MAX_HISTORY)
      this.history = { words: this.history.words.filter((_, i) => i % 2 === 0), losses: this.history.losses.filter((_, i) => i % 2 === 0) };
    this.history.words.push(p.wordsDone);
    this.history.losses.push(loss);
  }

  private refreshLook(): void {
    if (!this.trainer) return;
    this.vectors.takeFocus(this.trainer);
    const engine = new QueryEngine(this.vectors, []);
    this.look = {
      neighbours: this.watch.slice(0, 4).map((word) => ({ word, matches: engine.neighboursOf(word, NEIGHBOURS) })),
      plot: engine.wordsPicture(this.watch), small: null, plane: null, space: null,
    };
    // The table and matrices are copied only when they are shown: a large vocabulary would cost too much.
    const dim = this.vectors.dim(), size = this.vectors.size();
    if (size > SMALL_VOCABULARY && dim !== 2 && dim !== 3) return;
    const words = this.vectors.words().split('\n').slice(0, -1);
    // P(c | w) = e^(v_w·k_c) / Σ_o e^(v_w·k_o), the core's table copied into plain numbers for the post
    if (size <= SMALL_VOCABULARY) this.look.small = { words, probabilities: Array.from(this.trainer.probabilities()) };
    if (dim !== 2 && dim !== 3) return;
    const { focus, context } = this.trainer.matrices();
    if (dim === 2) this.look.plane = vectorsPlot(words, focus, context, this.watch);
    if (dim === 3) {
      const shown = arrowWords(words, this.watch);
      const rows = (m: Float32Array) => shown.flatMap((w) => Array.from(m.subarray(3 * words.indexOf(w), 3 * words.indexOf(w) + 3)));
      this.look.space = { words: shown, focus: rows(focus), context: rows(context) };
    }
  }

  // Nothing to publish without a trainer (a file still being read, or a refused setup).
  private publish(): void {
    if (!this.trainer) return;
    const p = this.trainer.progress();
    const curve = { words: this.history.words.slice(), losses: this.history.losses.slice() };
    this.out.emit('corpus', {
      vocabulary: p.vocabulary, tokens: p.tokens, wordsDone: p.wordsDone, wordsTotal: p.wordsTotal,
      averageLoss: p.averageLoss, learningRate: p.learningRate, wordsPerSecond: this.speed.seconds > 0 ? this.speed.words / this.speed.seconds : 0,
      running: this.running, history: curve, ...this.look, pairSteps: this.pairSteps,
      pair: this.pairStatus === 'no_pair' ? null : { status: this.pairStatus, work: this.trainer.pairWork()! },
    });
  }
}
