// The "Træn word2vec" worker: owns the course's toy in wasm (CircleToy), moves its vectors when the
// page drags them, and runs gradient descent along the circle at a pace students can follow,
// posting what the page draws about 30 times a second.
import type { CircleToy, Word2VecCoreModule } from '@wasm/word2vec_core.mjs';
import { loadWord2VecCore } from './word2vec-loader.ts';
import { CorpusTraining } from './corpus-training.ts';
import type { FromTrainWorker, ToTrainWorker, ToyState } from './train-protocol.ts';

const STEPS_PER_SECOND = 60;  // slow enough to watch the vectors turn
const POST_EVERY_MS = 33;
const MAX_HISTORY = 4000;

const post = (message: FromTrainWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

let core: Word2VecCoreModule | null = null;
let toy: CircleToy | null = null;
let corpus: CorpusTraining | null = null;
let steps = 0;
let running = false;
let eta = 0.05;
let history = { steps: [] as number[], losses: [] as number[] };

const ready = loadWord2VecCore().then((module) => {
  core = module;
  toy = new module.CircleToy();
  corpus = new CorpusTraining(module, post);
}).catch((error: unknown) => {
  post({ type: 'fatal', message: String(error) });
  throw error;
});

let queue: Promise<void> = ready;
self.onmessage = (event: MessageEvent<ToTrainWorker>) => {
  queue = queue.then(() => handle(event.data)).catch((error: unknown) => post({ type: 'fatal', message: String(error) }));
};

function handle(message: ToTrainWorker): void {
  if (!toy || !corpus) return;
  switch (message.type) {
    case 'corpus-setup': {
      const source = message.source;
      const text = source.kind === 'own' ? source.text : core!.generateSentences(source.seed, source.sentences);
      return corpus.setup(text, message.settings, message.watch, message.pair);
    }
    case 'corpus-run':
      return corpus.run(message.wordsPerSecond);
    case 'corpus-pause':
      return corpus.pause();
    case 'corpus-pair':
      return corpus.choosePair(message.pair);
    case 'corpus-pair-step':
      return corpus.pairStep();
    case 'corpus-watch':
      return corpus.setWatch(message.watch);
    case 'corpus-vectors':
      return corpus.sendVectors();
    case 'toy-setup':
      running = false;
      toy.setup(message.words, message.counts);
      toy.setAngles(message.focus, message.context);
      restartHistory();
      return publish();
    case 'toy-angles':
      running = false;
      toy.setAngles(message.focus, message.context);
      restartHistory();
      return publish();
    case 'toy-step':
      running = false;
      descend(message.eta, 1);
      return publish();
    case 'toy-run':
      eta = message.eta;
      if (!running) {
        running = true;
        lastTick = performance.now();
        tick();
      }
      return;
    case 'pause':
      running = false;
      return publish();
  }
}

// A drag or a new start begins a new curve: L from here on.
function restartHistory(): void {
  steps = 0;
  history = { steps: [0], losses: [toy!.loss()] };
}

function descend(stepEta: number, count: number): void {
  const loss = toy!.descend(stepEta, count);
  steps += count;
  if (history.steps.length >= MAX_HISTORY) {  // keep every other point: the curve's shape stays
    history = { steps: history.steps.filter((_, i) => i % 2 === 0), losses: history.losses.filter((_, i) => i % 2 === 0) };
  }
  history.steps.push(steps);
  history.losses.push(loss);
}

let lastTick = 0;
let owed = 0;
function tick(): void {
  if (!running || !toy) return;
  const now = performance.now();
  owed += ((now - lastTick) / 1000) * STEPS_PER_SECOND;
  lastTick = now;
  const count = Math.floor(owed);
  if (count > 0) {
    owed -= count;
    for (let i = 0; i < count; i++) descend(eta, 1);
    if (!Number.isFinite(toy.loss())) running = false;  // an absurd η: stop, the page says why
  }
  publish();
  setTimeout(tick, POST_EVERY_MS);
}

function publish(): void {
  const g = toy!.gradient();
  const state: ToyState = {
    focus: Array.from(toy!.focusAngles()),
    context: Array.from(toy!.contextAngles()),
    loss: toy!.loss(),
    probabilities: Array.from(toy!.probabilities()),
    gradient: Math.hypot(...g.focus, ...g.context),
    gradientFocus: Array.from(g.focus),
    gradientContext: Array.from(g.context),
    steps,
    running,
  };
  post({ type: 'toy-state', state, history: { steps: history.steps.slice(), losses: history.losses.slice() } });
}
