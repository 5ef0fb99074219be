// The neuron worker: owns the wasm trainers (one per lane), trains them step for step in time
// slices so that pause and new settings get through at once, and posts what the page draws at
// most ~30 times a second.
import createNeuronCore from '@wasm/neuron_core.mjs';
import { LossHistory } from '../neuron/loss-history.ts';
import { IterationRecorder } from './iteration-recorder.ts';
import type { FromWorker, GridRequest, LaneSnapshot, NeuronDataMessage, NeuronSnapshot, Speed, ToWorker } from './neuron-protocol.ts';
import type { CoreStatus, Neuron, NeuronCoreModule, NeuronSettings } from './neuron-types.ts';

const SLICE_MS = 12;       // work per slice, leaving the worker free to read messages in between
const POST_EVERY_MS = 33;
const RECORD_EVERY_MS = 200;  // the iteration table is bigger: sent less often
const NO_SNAPSHOTS = 1 << 30;

interface Lane {
  neuron: Neuron;
  history: LossHistory;
}

const post = (message: FromWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

const run = { remaining: 0, speed: 1000 as Speed, running: false, startedAt: 0, doneSinceStart: 0 };
let core: NeuronCoreModule | null = null;
let lanes: Lane[] = [];
let data: NeuronDataMessage | null = null;  // kept, so that new settings can rebuild the lanes on it
let recorder: IterationRecorder | null = null;
let chunk = 64;  // iterations per train() call, tuned to take about a millisecond
let lastPost = 0;
let lastRecordPost = 0;

const channel = new MessageChannel();
channel.port1.onmessage = () => tick();

const ready = createNeuronCore().then((module) => {
  core = module;
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
  switch (message.type) {
    case 'setup':
      stop();
      setup(message.id, message.data, message.lanes, message.record);
      return;
    case 'configure':
      stop();
      if (data) setup(message.id, data, message.lanes, recorder !== null);
      return;
    case 'eta': {
      const failed = lanes.map((lane) => lane.neuron.setLearningRate(message.eta)).find((s) => !s.ok);
      post({ type: 'reply', id: message.id, status: failed ?? okStatus(), lane: 0, snapshot: snapshot() });
      return;
    }
    case 'landscape':
      landscape(message.id, message.grid);
      return;
    case 'run':
      if (!isReady() || message.iterations <= 0) return;
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
      postState(null, 0);
      return;
    case 'step': {
      run.running = false;
      if (!isReady()) return;
      run.remaining = Math.max(0, run.remaining - 1);
      const failure = trainSome(1);
      postState(failure?.status ?? null, failure?.lane ?? 0);
      return;
    }
    case 'reset':
      stop();
      for (const lane of lanes) lane.neuron.reset();
      restartRecords();
      postState(null, 0);
      return;
  }
}

const okStatus = (): CoreStatus => ({ ok: true, status: 'ok', row: -1, column: -1 });
const isReady = () => lanes.length > 0 && lanes.every((lane) => lane.neuron.ready());

// New lanes, one per settings, on the data: built aside and swapped in only if every lane
// accepts, so that a refused setup leaves the earlier neurons, and their training, as they were.
function setup(id: number, newData: NeuronDataMessage, settings: NeuronSettings[], record: boolean): void {
  const fresh = settings.map(() => new core!.Neuron());
  const results = settings.map((s, i) => fresh[i].setup(newData.x, newData.rows, newData.cols, newData.t, s));
  const failed = results.findIndex((status) => !status.ok);
  if (failed >= 0) {
    for (const neuron of fresh) neuron.delete();
    post({ type: 'reply', id, status: results[failed], lane: failed, snapshot: isReady() ? snapshot() : null });
    return;
  }
  for (const lane of lanes) lane.neuron.delete();
  lanes = fresh.map((neuron) => ({ neuron, history: new LossHistory() }));
  data = newData;
  recorder = record ? new IterationRecorder(lanes.length) : null;
  restartRecords();
  post({ type: 'reply', id, status: okStatus(), lane: 0, snapshot: snapshot() });
}

function landscape(id: number, grid: GridRequest): void {
  const maps = lanes.map((lane) =>
    lane.neuron.landscape(grid.w0Min, grid.w0Max, grid.nx, grid.w1Min, grid.w1Max, grid.ny));
  const failed = maps.find((m) => !m.ok);
  const grids = failed ? [] : maps.map((m) => m.values);
  post({ type: 'landscape', id, status: failed ?? okStatus(), grids }, grids.map((g) => g.buffer));
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

function restartRecords(): void {
  for (const lane of lanes) {
    lane.history.clear();
    lane.history.push(0, lane.neuron.loss());
  }
  recorder?.clear();
  recorder?.add(0, lanes.map((lane) => lane.neuron.weights()), lanes.map((lane) => lane.neuron.loss()));
}

// Trains every lane k iterations; returns the first lane that had to stop, with its status.
function trainSome(k: number): { lane: number; status: CoreStatus } | null {
  const first = lanes[0].neuron.iteration();
  const stride = recorder ? recorder.stride : NO_SNAPSHOTS;
  const results = lanes.map((lane) => {
    const start = lane.neuron.iteration();
    const result = lane.neuron.train(k, stride);
    lane.history.pushRun(start, result.losses);
    return result;
  });
  if (recorder) {
    // Snapshot rows are (iteration, w0 … wn); the lanes ran in step, so row r is the same iteration.
    const width = lanes[0].neuron.weights().length + 1;
    const rows = Math.min(...results.map((r) => r.snapshots.length / width));
    for (let r = 0; r < rows; r++) {
      const iteration = results[0].snapshots[r * width];
      recorder.add(iteration,
        results.map((res) => res.snapshots.slice(r * width + 1, (r + 1) * width)),
        results.map((res) => res.losses[iteration - first - 1]));
    }
  }
  run.doneSinceStart += results[0].losses.length;
  const failed = results.findIndex((r) => !r.ok);
  if (failed < 0) return null;
  stop();
  return { lane: failed, status: results[failed] };
}

function tick(): void {
  if (!run.running) return;
  const sliceEnd = performance.now() + SLICE_MS;
  let failure: { lane: number; status: CoreStatus } | null = null;
  while (run.running && run.remaining > 0 && performance.now() < sliceEnd) {
    const due = Number.isFinite(run.speed)
      ? Math.floor(((performance.now() - run.startedAt) / 1000) * run.speed) - run.doneSinceStart
      : run.remaining;
    if (due <= 0) break;
    const k = Math.min(due, run.remaining, chunk);
    const began = performance.now();
    failure = trainSome(k);
    run.remaining -= k;
    const took = performance.now() - began;
    // Aim for about 1 ms per call: big enough to make the call cost nothing, small enough to stop on time.
    if (k === chunk) chunk = Math.max(1, Math.min(1 << 20, Math.round(chunk * (took < 0.5 ? 2 : took > 2 ? 0.5 : 1))));
    if (failure) break;
  }
  if (run.remaining <= 0) run.running = false;
  if (!run.running || performance.now() - lastPost >= POST_EVERY_MS) postState(failure?.status ?? null, failure?.lane ?? 0);
  if (run.running) schedule(Number.isFinite(run.speed) ? Math.min(50, 1000 / run.speed) : 0);
}

// A zero delay goes through a MessageChannel: setTimeout(0) would be clamped to 4 ms.
function schedule(delayMs: number): void {
  if (delayMs >= 4) setTimeout(tick, delayMs);
  else channel.port2.postMessage(null);
}

function laneSnapshot({ neuron, history }: Lane): LaneSnapshot {
  const curve = history.series();
  const scaling = neuron.scaling();
  return {
    iteration: neuron.iteration(),
    loss: neuron.loss(),
    weights: Array.from(neuron.weights()),
    gradient: Array.from(neuron.gradient()),
    trainingWeights: Array.from(neuron.trainingWeights()),
    trainingGradient: Array.from(neuron.trainingGradient()),
    scalingMean: Array.from(scaling.mean),
    scalingSd: Array.from(scaling.sd),
    level: neuron.boundaryLevel(),
    confusion: neuron.confusion(),
    worst: neuron.worstExample(),
    curveIterations: curve.iterations,
    curveLosses: curve.losses,
  };
}

// The iteration table goes along when asked for, at most every RECORD_EVERY_MS while running.
function snapshot(withRecord = true): NeuronSnapshot {
  return { running: run.running, remaining: run.remaining, lanes: lanes.map(laneSnapshot),
    record: withRecord && recorder ? recorder.record() : null };
}

function postState(problem: CoreStatus | null, lane: number): void {
  if (!isReady()) return;
  const now = performance.now();
  lastPost = now;
  const withRecord = !run.running || now - lastRecordPost >= RECORD_EVERY_MS;
  if (withRecord) lastRecordPost = now;
  const s = snapshot(withRecord);
  const transfer: Transferable[] = s.lanes.flatMap((l) => [l.curveIterations.buffer, l.curveLosses.buffer]);
  if (s.record) transfer.push(s.record.iterations.buffer, ...s.record.lanes.flatMap((l) => [l.weights.buffer, l.losses.buffer]));
  post({ type: 'state', snapshot: s, problem, lane }, transfer);
}
