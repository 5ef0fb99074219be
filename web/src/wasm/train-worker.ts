// The "Træn word2vec" worker: owns the course's toy in wasm (CircleToy), moves its vectors when the
// page drags them, and runs gradient descent along the circle at a pace students can follow,
// posting what the page draws about 30 times a second. Training on a text is CorpusTraining's.
import type { CircleToy } from '@wasm/word2vec_core.mjs';
import { loadWord2VecCore } from './word2vec-loader.ts';
import { CorpusTraining } from './corpus-training.ts';
import type { ToyState, TrainEvents, TrainRequests } from './train-protocol.ts';
import { serve, type Served, type WorkerEnd } from './worker-protocol.ts';

const STEPS_PER_SECOND = 60;  // slow enough to watch the vectors turn
const POST_EVERY_MS = 33;
const MAX_HISTORY = 4000;

class ToyDescent {
  private steps = 0;
  private running = false;
  private eta = 0.05;
  private history = { steps: [] as number[], losses: [] as number[] };
  private lastTick = 0;
  private owed = 0;  // steps the pace allows but not yet taken

  constructor(private readonly toy: CircleToy, private readonly out: Served<TrainEvents>) {}

  setup(words: number, counts: number[], focus: number[], context: number[], eta: number): void {
    this.running = false;
    this.eta = eta;
    this.toy.setup(words, counts);
    this.setAngles(focus, context);
  }

  setAngles(focus: number[], context: number[]): void {
    this.running = false;
    this.toy.setAngles(focus, context);
    this.restartHistory();
    this.publish();
  }

  // The η of the formulas' next step; a run goes on with it.
  setEta(eta: number): void {
    this.eta = eta;
    if (!this.running) this.publish();
  }

  step(eta: number): void {
    this.eta = eta;
    this.running = false;
    this.descend(eta, 1);
    this.publish();
  }

  run(eta: number): void {
    this.eta = eta;
    if (this.running) return;
    this.running = true;
    this.lastTick = performance.now();
    this.tick();
  }

  pause(): void {
    this.running = false;
    this.publish();
  }

  // A drag or a new start begins a new curve: L from here on.
  private restartHistory(): void {
    this.steps = 0;
    this.history = { steps: [0], losses: [this.toy.loss()] };
  }

  private descend(eta: number, count: number): void {
    const loss = this.toy.descend(eta, count);
    this.steps += count;
    if (this.history.steps.length >= MAX_HISTORY) {  // keep every other point: the curve's shape stays
      const even = (_: number, i: number) => i % 2 === 0;
      this.history = { steps: this.history.steps.filter(even), losses: this.history.losses.filter(even) };
    }
    this.history.steps.push(this.steps);
    this.history.losses.push(loss);
  }

  private tick(): void {
    if (!this.running) return;
    const now = performance.now();
    this.owed += ((now - this.lastTick) / 1000) * STEPS_PER_SECOND;
    this.lastTick = now;
    const count = Math.floor(this.owed);
    if (count > 0) {
      this.owed -= count;
      for (let i = 0; i < count; i++) this.descend(this.eta, 1);
      if (!Number.isFinite(this.toy.loss())) this.running = false;  // an absurd η: stop, the page says why
    }
    this.publish();
    setTimeout(() => this.tick(), POST_EVERY_MS);
  }

  private publish(): void {
    const g = this.toy.gradient();
    const next = this.toy.stepped(this.eta);
    const state: ToyState = {
      focus: Array.from(this.toy.focusAngles()),
      context: Array.from(this.toy.contextAngles()),
      loss: this.toy.loss(),
      probabilities: Array.from(this.toy.probabilities()),
      terms: Array.from(this.toy.terms()),
      scores: Array.from(this.toy.scores()),
      eta: this.eta,
      nextFocus: Array.from(next.focus),
      gradient: g.length,
      gradientFocus: Array.from(g.focus),
      gradientContext: Array.from(g.context),
      steps: this.steps,
      running: this.running,
    };
    this.out.emit('toy', { state, history: { steps: this.history.steps.slice(), losses: this.history.losses.slice() } });
  }
}

serve<TrainRequests, TrainEvents>(self as unknown as WorkerEnd, async (out) => {
  const core = await loadWord2VecCore();
  const toy = new ToyDescent(new core.CircleToy(), out);
  const corpus = new CorpusTraining(core, out);
  return {
    'corpus-setup': ({ source, settings, watch, pair }) => source.kind === 'generated'
      ? corpus.setup(core.generateSentences(source.seed, source.sentences), settings, watch, pair)
      : void corpus.setupFile(source.kind === 'file' ? source.file : new Blob([source.text]), settings, watch, pair),
    'corpus-cancel': () => corpus.cancelReading(),
    'corpus-inspect': ({ file }) => CorpusTraining.inspect(file),
    'corpus-run': ({ wordsPerSecond }) => corpus.run(wordsPerSecond),
    'corpus-pause': () => corpus.pause(),
    'corpus-pair': ({ pair }) => corpus.choosePair(pair),
    'corpus-pair-step': () => corpus.pairStep(),
    'corpus-watch': ({ watch }) => corpus.setWatch(watch),
    'corpus-vectors': () => corpus.focusVectors(),
    'toy-setup': ({ words, counts, focus, context, eta }) => toy.setup(words, counts, focus, context, eta),
    'toy-eta': ({ eta }) => toy.setEta(eta),
    'toy-angles': ({ focus, context }) => toy.setAngles(focus, context),
    'toy-step': ({ eta }) => toy.step(eta),
    'toy-run': ({ eta }) => toy.run(eta),
    'pause': () => toy.pause(),
  };
});
