// The neuron's Web Worker: owns the wasm trainer, trains in time slices so that pause and new
// settings get through at once, and posts what the page draws at most ~30 times a second.
import createNeuronCore from '@wasm/neuron_core.mjs';
import { LossHistory } from '../neuron/loss-history.ts';
import type { FromWorker, NeuronSnapshot, Speed, ToWorker } from './neuron-protocol.ts';
import type { CoreStatus, Neuron } from './neuron-types.ts';

const SLICE_MS = 12;      // work per slice, leaving the worker free to read messages in between
const POST_EVERY_MS = 33;
const NO_SNAPSHOTS = 1 << 30;  // weights are read once per post, not logged per iteration

const post = (message: FromWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

const history = new LossHistory();
const run = { remaining: 0, speed: 1000 as Speed, running: false, startedAt: 0, doneSinceStart: 0 };
let chunk = 64;  // iterations per train() call, tuned to take about a millisecond
let lastPost = 0;
let neuron: Neuron | null = null;

const channel = new MessageChannel();
channel.port1.onmessage = () => tick();

const ready = createNeuronCore().then((core) => {
  neuron = new core.Neuron();
}).catch((error: unknown) => {
  post({ type: 'fatal', message: String(error) });
  throw error;
});

// Messages are handled in order, after the module has loaded.
let queue: Promise<void> = ready;
self.onmessage = (event: MessageEvent<ToWorker>) => {
  queue = queue.then(() => handle(event.data)).catch(() => undefined);
};

function handle(message: ToWorker): void {
  const n = neuron!;
  switch (message.type) {
    case 'setup': {
      stop();
      const { x, rows, cols, t } = message.data;
      reply(message.id, n.setup(x, rows, cols, t, message.settings));
      return;
    }
    case 'configure':
      stop();
      reply(message.id, n.configure(message.settings));
      return;
    case 'eta':
      reply(message.id, n.setLearningRate(message.eta), false);
      return;
    case 'run':
      if (!n.ready() || message.iterations <= 0) return;
      run.remaining = message.iterations;
      run.running = true;
      setSpeed(message.speed);
      schedule(0);
      return;
    case 'speed':
      setSpeed(message.speed);
      return;
    case 'pause':
      run.running = false;
      postState(null);
      return;
    case 'step': {
      run.running = false;
      if (!n.ready()) return;
      run.remaining = Math.max(0, run.remaining - 1);
      postState(trainSome(1));
      return;
    }
    case 'reset':
      stop();
      n.reset();
      restartHistory();
      postState(null);
      return;
  }
}

function stop(): void {
  run.running = false;
  run.remaining = 0;
}

function setSpeed(speed: Speed): void {
  run.speed = speed;
  run.startedAt = performance.now();
  run.doneSinceStart = 0;
}

// Replies to a setup/configure/eta request; a successful setup or configure starts a new curve.
function reply(id: number, status: CoreStatus, restart = true): void {
  if (status.ok && restart) restartHistory();
  post({ type: 'reply', id, status, snapshot: neuron!.ready() ? snapshot() : null });
}

function restartHistory(): void {
  history.clear();
  history.push(0, neuron!.loss());
}

// Trains k iterations and logs their losses; returns the problem if training had to stop.
function trainSome(k: number): CoreStatus | null {
  const n = neuron!;
  const first = n.iteration();
  const result = n.train(k, NO_SNAPSHOTS);
  history.pushRun(first, result.losses);
  run.doneSinceStart += result.losses.length;
  if (!result.ok) {
    stop();
    return result;
  }
  return null;
}

function tick(): void {
  if (!run.running) return;
  const sliceEnd = performance.now() + SLICE_MS;
  let problem: CoreStatus | null = null;
  while (run.running && run.remaining > 0 && performance.now() < sliceEnd) {
    const due = Number.isFinite(run.speed)
      ? Math.floor(((performance.now() - run.startedAt) / 1000) * run.speed) - run.doneSinceStart
      : run.remaining;
    if (due <= 0) break;
    const k = Math.min(due, run.remaining, chunk);
    const began = performance.now();
    problem = trainSome(k);
    run.remaining -= k;
    const took = performance.now() - began;
    // Aim for about 1 ms per call: big enough to make the call cost nothing, small enough to stop on time.
    if (k === chunk) chunk = Math.max(1, Math.min(1 << 20, Math.round(chunk * (took < 0.5 ? 2 : took > 2 ? 0.5 : 1))));
    if (problem) break;
  }
  if (run.remaining <= 0) run.running = false;
  const now = performance.now();
  if (!run.running || now - lastPost >= POST_EVERY_MS) postState(problem);
  if (run.running) schedule(Number.isFinite(run.speed) ? Math.min(50, 1000 / run.speed) : 0);
}

// A zero delay goes through a MessageChannel: setTimeout(0) would be clamped to 4 ms.
function schedule(delayMs: number): void {
  if (delayMs >= 4) setTimeout(tick, delayMs);
  else channel.port2.postMessage(null);
}

function snapshot(): NeuronSnapshot {
  const n = neuron!;
  const curve = history.series();
  return {
    iteration: n.iteration(),
    loss: n.loss(),
    weights: Array.from(n.weights()),
    gradient: Array.from(n.gradient()),
    level: n.boundaryLevel(),
    confusion: n.confusion(),
    curveIterations: curve.iterations,
    curveLosses: curve.losses,
    running: run.running,
    remaining: run.remaining,
  };
}

function postState(problem: CoreStatus | null): void {
  if (!neuron?.ready()) return;
  lastPost = performance.now();
  const s = snapshot();
  post({ type: 'state', snapshot: s, problem }, [s.curveIterations.buffer, s.curveLosses.buffer]);
}
