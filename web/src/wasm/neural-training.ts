// The neural language model in the Tekstgenerering worker: set up on the text the N-gram model
// counted, trained a slice at a time (other questions are answered between slices, so the bars
// change while it learns), with the loss curve and the held-out loss posted to the page.
import type { LanguageCoreModule, NeuralLm, NgramModel } from '@wasm/language_core.mjs';
import type { GenerateEvents, NeuralChoice, NeuralProgress, NeuralSetupReply } from './generate-protocol.ts';
import type { Served } from './worker-protocol.ts';

const SLICE_MS = 6;       // short: a question from the page (the bars while it trains) waits at most this long
const POST_EVERY_MS = 100;
const HELD_OUT_EVERY_MS = 1500;  // at least; scoring costs, so it comes less often when it is slow
const HELD_OUT_SHARE = 0.15;     // of the time: scoring may take this much
const MAX_POINTS = 400;
const TRAIN_SHARE = 0.9;         // as the ladder: the first 90 % train, the rest is held out
const MIN_SPLIT_WORDS = 200;     // a shorter text trains on all of it (the notes' L over every row)
const MAX_HELD_OUT = 5000;
const BATCH = 32;

export class NeuralTraining {
  private lm: NeuralLm | null = null;         // kept across texts: its loaded word vectors stay
  private ready_ = false;                     // a network is set up on the text in use
  private contextWords_ = 0;                  // c of the network set up
  private vectorsUrl: string | null = null;  // the file already in the module
  private running = false;
  private chunk = 1;                          // mini-batches per call, adjusted to the slice
  private curve = { steps: [] as number[], losses: [] as number[] };
  private pending = { sum: 0, count: 0 };     // batches since the last curve point
  private every = 1;                          // batches a point stands for (doubles as the curve grows)
  private steps = 0;
  private epochs = 0;
  private split = false;
  private heldOut: NeuralProgress['heldOut'] = null;
  private training: NeuralProgress['training'] = null;
  private problem: string | null = null;
  private lastPost = 0;
  private lastScore = 0;
  private scoreMs = 0;
  private readonly next = new MessageChannel();  // the next slice at once (setTimeout(0) waits 4 ms)

  constructor(private readonly core: LanguageCoreModule, private readonly out: Served<GenerateEvents>) {
    this.next.port1.onmessage = () => this.tick();
  }

  get model(): NeuralLm | null {
    return this.ready_ ? this.lm : null;
  }

  get contextWords(): number {
    return this.contextWords_;
  }

  // A new network on the text; on a refusal the one before stays.
  async setup(text: NgramModel, tokens: number, choice: NeuralChoice, vectorsUrl: string | null): Promise<NeuralSetupReply> {
    this.running = false;
    const lm = this.lm ?? new this.core.NeuralLm();
    if (choice.vectors === 'danish') {
      if (!vectorsUrl) return { ok: false, problem: 'vectors_unavailable' };
      if (this.vectorsUrl !== vectorsUrl || !lm.hasVectors()) {
        const bytes = await fetch(vectorsUrl).then((r) => r.ok ? r.arrayBuffer() : null).catch(() => null);
        const status = bytes ? lm.useVectors(new Uint8Array(bytes)) : 'unavailable';
        if (status !== 'ok') {
          this.lm = lm;
          return { ok: false, problem: 'vectors_unavailable' };
        }
        this.vectorsUrl = vectorsUrl;
      }
    }
    this.split = tokens >= MIN_SPLIT_WORDS;
    const info = lm.setup(text, {
      contextWords: choice.contextWords, hidden: choice.hidden, activation: choice.activation, optimiser: choice.optimiser,
      learningRate: choice.learningRate, batchSize: BATCH, trainVectors: choice.trainVectors,
      useVectors: choice.vectors === 'danish', randomDim: choice.randomDim, maxWords: choice.maxWords,
      trainShare: this.split ? TRAIN_SHARE : 1, maxHeldOut: MAX_HELD_OUT, seed: choice.seed,
    });
    this.lm = lm;
    if (info.status !== 'ok') return { ok: false, problem: info.status };  // the network before, if any, stays
    this.ready_ = true;
    this.contextWords_ = choice.contextWords;
    this.curve = { steps: [], losses: [] };
    this.pending = { sum: 0, count: 0 };
    this.every = 1;
    this.steps = 0;
    this.epochs = 0;
    this.problem = null;
    this.chunk = 1;
    this.measure();
    this.publish();
    return { ok: true, vocabularySize: info.vocabularySize, unknownMembers: info.unknownMembers, trainRows: info.trainRows,
      heldOutRows: info.heldOutRows, dim: info.dim, vectorsFound: info.vectorsFound, weights: info.weights, split: this.split };
  }

  // A new text: the network was set up on the old one's words (the loaded vectors stay for the next).
  forget(): void {
    this.running = false;
    this.ready_ = false;
  }

  run(on: boolean): void {
    if (!this.ready_ || on === this.running) return;
    this.running = on && this.problem === null;
    if (this.running) this.next.port2.postMessage(null);
    else {
      this.measure();
      this.publish();
    }
  }

  setEta(eta: number): boolean {
    return this.model?.setLearningRate(eta) === 'ok';
  }

  private tick(): void {
    const lm = this.model;
    if (!this.running || !lm) return;
    const began = performance.now();
    while (performance.now() - began < SLICE_MS) {
      const t0 = performance.now();
      const r = lm.train(this.chunk);
      const ms = performance.now() - t0;
      const before = r.steps - r.losses.length;
      r.losses.forEach((loss, i) => this.add(loss, before + i + 1));
      this.steps = r.steps;
      this.epochs = r.epochs;
      if (r.status !== 'ok') {
        this.problem = r.status;
        this.running = false;
        break;
      }
      this.chunk = Math.max(1, Math.min(10_000, Math.round(this.chunk * (ms > 4 ? 0.7 : ms < 1 ? 1.5 : 1))));
    }
    const now = performance.now();
    if (now - this.lastScore > Math.max(HELD_OUT_EVERY_MS, this.scoreMs / HELD_OUT_SHARE)) this.measure();
    if (now - this.lastPost > POST_EVERY_MS || !this.running) this.publish();
    if (this.running) this.next.port2.postMessage(null);
  }

  // One batch's mean loss into the curve; points are averages of `every` batches, and when the
  // curve is full every two points become one (its shape stays, its length is bounded).
  private add(loss: number, step: number): void {
    this.pending.sum += loss;
    this.pending.count++;
    if (this.pending.count < this.every) return;
    if (this.curve.steps.length >= MAX_POINTS) {
      const steps: number[] = [], losses: number[] = [];
      for (let i = 0; i + 1 < this.curve.steps.length; i += 2) {
        steps.push(this.curve.steps[i + 1]);
        losses.push((this.curve.losses[i] + this.curve.losses[i + 1]) / 2);
      }
      this.curve = { steps, losses };
      this.every *= 2;
    }
    this.curve.steps.push(step);
    this.curve.losses.push(this.pending.sum / this.pending.count);
    this.pending = { sum: 0, count: 0 };
  }

  private measure(): void {
    const lm = this.model;
    if (!lm) return;
    const t0 = performance.now();
    const e = lm.evaluate(this.split);
    this.scoreMs = performance.now() - t0;
    this.lastScore = performance.now();
    const value = e.status === 'ok' ? { lossPerWord: e.lossPerWord, perplexity: e.perplexity } : null;
    this.heldOut = this.split ? value : null;
    this.training = this.split ? null : value;
  }

  private publish(): void {
    this.lastPost = performance.now();
    this.out.emit('neural', { running: this.running, steps: this.steps, epochs: this.epochs,
      curve: { steps: this.curve.steps.slice(), losses: this.curve.losses.slice() }, heldOut: this.heldOut,
      training: this.training, problem: this.problem });
  }
}
