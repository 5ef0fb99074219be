// Training word2vec on a text inside the "Træn word2vec" worker: slices of about 10 ms so that
// pause gets through at once, progress posted ~10 times a second, and the watched words'
// neighbours and PCA picture recomputed from the current focus vectors ~3 times a second.
import type { Vectors, Word2VecCoreModule, Word2VecSettings, Word2VecTrainer } from '@wasm/word2vec_core.mjs';
import { QueryEngine } from '../vectors/query-engine.ts';
import type { CorpusState, FromTrainWorker } from './train-protocol.ts';

const SLICE_MS = 10;
const POST_EVERY_MS = 100;
const LOOK_EVERY_MS = 300;
const NEIGHBOURS = 5;
const MAX_HISTORY = 2000;

export class CorpusTraining {
  private trainer: Word2VecTrainer | null = null;
  private readonly vectors: Vectors;
  private watch: string[] = [];
  private running = false;
  private chunk = 2000;  // corpus words per advance(), tuned to take about a millisecond
  private history = { words: [] as number[], losses: [] as number[] };
  private lastPost = 0;
  private lastLook = 0;
  private lastLoss = { units: 0, lossSum: 0 };
  private speed = { words: 0, seconds: 0 };
  private look: Pick<CorpusState, 'neighbours' | 'plot'> = { neighbours: [], plot: null };
  private pace: number | null = null;
  private lastTick = 0;
  private owed = 0;  // words the pace allows but not yet trained
  // The next slice at once: setTimeout(0) would wait 4 ms after a few rounds, a third of a slice.
  private readonly next = new MessageChannel();

  constructor(private readonly core: Word2VecCoreModule, private readonly post: (message: FromTrainWorker) => void) {
    this.vectors = new core.Vectors();
    this.next.port1.onmessage = () => this.tick();
  }

  setup(text: string, settings: Word2VecSettings, watch: string[]): void {
    this.running = false;
    this.trainer?.delete();
    this.trainer = new this.core.Word2VecTrainer();
    const status = this.trainer.setup(text, settings);
    this.watch = watch;
    this.history = { words: [], losses: [] };
    this.lastLoss = { units: 0, lossSum: 0 };
    this.speed = { words: 0, seconds: 0 };
    if (status !== 'ok') {
      this.trainer.delete();
      this.trainer = null;
      this.post({ type: 'corpus-problem', status });
      return;
    }
    this.refreshLook();
    this.publish();
  }

  setWatch(watch: string[]): void {
    this.watch = watch;
    this.refreshLook();
    this.publish();
  }

  // wordsPerSecond: a pace slow enough to watch the words move; null: as fast as it goes.
  run(wordsPerSecond: number | null): void {
    this.pace = wordsPerSecond;
    if (!this.trainer || this.running) return;
    this.running = true;
    this.lastTick = performance.now();
    this.tick();
  }

  pause(): void {
    this.running = false;
    if (this.trainer) {
      this.refreshLook();
      this.publish();
    }
  }

  sendVectors(): void {
    const bytes = this.trainer ? this.trainer.focusVectors() : new Uint8Array(0);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    (self as unknown as Worker).postMessage({ type: 'corpus-vectors', bytes: buffer } satisfies FromTrainWorker, [buffer]);
  }

  private tick(): void {
    if (!this.running || !this.trainer) return;
    const began = performance.now();
    let more = true;
    let done = 0;
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
    done = this.trainer.progress().wordsDone - before;
    this.speed = { words: this.speed.words + done, seconds: this.speed.seconds + (performance.now() - began) / 1000 };
    const now = performance.now();
    if (!more) this.running = false;
    if (now - this.lastLook > LOOK_EVERY_MS || !more) {
      this.lastLook = now;
      this.refreshLook();
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
      plot: engine.wordsPicture(this.watch),
    };
  }

  private publish(): void {
    const p = this.trainer!.progress();
    const curve = { words: this.history.words.slice(), losses: this.history.losses.slice() };
    this.post({ type: 'corpus-state', state: {
      vocabulary: p.vocabulary, tokens: p.tokens, wordsDone: p.wordsDone, wordsTotal: p.wordsTotal,
      averageLoss: p.averageLoss, wordsPerSecond: this.speed.seconds > 0 ? this.speed.words / this.speed.seconds : 0,
      running: this.running, history: curve, ...this.look,
    } });
  }
}
