// The neuron worker: owns the wasm trainers (one per lane), trains them step for step in time
// slices so that pause and new settings get through at once, and posts what the page draws at
// most ~30 times a second.
import createNeuronCore from '@wasm/neuron_core.mjs';
import { LossHistory } from '../models/loss-history.ts';
import { IterationRecorder } from './iteration-recorder.ts';
import type { GridRequest, LandscapeReply, LaneSnapshot, NeuronDataMessage, NeuronEvents, NeuronRequests, NeuronSnapshot,
  Reply, Speed } from './neuron-protocol.ts';
import type { CoreStatus, Neuron, NeuronCoreModule, NeuronSettings } from './neuron-types.ts';
import { serve, Transfer, type Served, type WorkerEnd } from './worker-protocol.ts';

const SLICE_MS = 12;       // work per slice, leaving the worker free to read messages in between
const CALL_MS = 1;         // one train() call: long enough to cost nothing extra, short enough to stop on time
const POST_EVERY_MS = 33;
const RECORD_EVERY_MS = 200;  // the iteration table is bigger: sent less often
const NO_SNAPSHOTS = 1 << 30;
// Buckets of the drawn E-curve: 200–400, each with its lowest and highest E, about one per 3 px of
// the widest chart; more points only cost the page's frames (Chart.js redraws them all).
const CURVE_BUCKETS = 400;

interface Lane {
  neuron: Neuron;
  history: LossHistory;
}

const okStatus = (): CoreStatus => ({ ok: true, status: 'ok', row: -1, column: -1 });

class NeuronTraining {
  private readonly run = { remaining: 0, speed: 1000 as Speed, running: false, startedAt: 0, doneSinceStart: 0 };
  private lanes: Lane[] = [];
  private data: NeuronDataMessage | null = null;  // kept, so that new settings can rebuild the lanes on it
  private recorder: IterationRecorder | null = null;
  private chunk = 1;  // iterations per train() call, tuned to take about CALL_MS (1 on new data: its rows decide)
  private lastPost = 0;
  private lastRecordPost = 0;
  private readonly channel = new MessageChannel();

  constructor(private readonly core: NeuronCoreModule, private readonly out: Served<NeuronEvents>) {
    this.channel.port1.onmessage = () => this.tick();
  }

  setup({ data, lanes, record }: NeuronRequests['setup']['request']): Reply {
    this.stop();
    return this.build(data, lanes, record);
  }

  configure(lanes: NeuronSettings[]): Reply {
    this.stop();
    return this.data ? this.build(this.data, lanes, this.recorder !== null) : { status: okStatus(), lane: 0, snapshot: null };
  }

  eta(eta: number): Reply {
    const failed = this.lanes.map((lane) => lane.neuron.setLearningRate(eta)).find((s) => !s.ok);
    return { status: failed ?? okStatus(), lane: 0, snapshot: this.snapshot() };
  }

  landscape(grid: GridRequest): Transfer<LandscapeReply> {
    const maps = this.lanes.map((lane) =>
      lane.neuron.landscape(grid.w0Min, grid.w0Max, grid.nx, grid.w1Min, grid.w1Max, grid.ny));
    const failed = maps.find((m) => !m.ok);
    const grids = failed ? [] : maps.map((m) => m.values);
    return new Transfer({ status: failed ?? okStatus(), grids }, grids.map((g) => g.buffer));
  }

  start({ iterations, speed }: { iterations: number; speed: Speed }): void {
    if (!this.isReady() || iterations <= 0) return;
    this.run.remaining = iterations;
    this.run.running = true;
    this.setSpeed(speed);
    this.schedule(0);
  }

  setSpeed(speed: Speed): void {
    this.run.speed = speed;
    this.run.startedAt = performance.now();
    this.run.doneSinceStart = 0;
  }

  pause(): void {
    this.run.running = false;
    this.postState(null, 0);
  }

  step(): void {
    this.run.running = false;
    if (!this.isReady()) return;
    this.run.remaining = Math.max(0, this.run.remaining - 1);
    const failure = this.trainSome(1);
    this.postState(failure?.status ?? null, failure?.lane ?? 0);
  }

  reset(): void {
    this.stop();
    for (const lane of this.lanes) lane.neuron.reset();
    this.restartRecords();
    this.postState(null, 0);
  }

  private isReady(): boolean {
    return this.lanes.length > 0 && this.lanes.every((lane) => lane.neuron.ready());
  }

  // New lanes, one per settings, on the data: built aside and swapped in only if every lane
  // accepts, so that a refused setup leaves the earlier neurons, and their training, as they were.
  private build(newData: NeuronDataMessage, settings: NeuronSettings[], record: boolean): Reply {
    const fresh = settings.map(() => new this.core.Neuron());
    const results = settings.map((s, i) => fresh[i].setup(newData.x, newData.rows, newData.cols, newData.t, s));
    const failed = results.findIndex((status) => !status.ok);
    if (failed >= 0) {
      for (const neuron of fresh) neuron.delete();
      return { status: results[failed], lane: failed, snapshot: this.isReady() ? this.snapshot() : null };
    }
    for (const lane of this.lanes) lane.neuron.delete();
    this.lanes = fresh.map((neuron) => ({ neuron, history: new LossHistory(CURVE_BUCKETS) }));
    this.data = newData;
    this.chunk = 1;  // a chunk tuned on 20 rows would take seconds on 100 000
    this.recorder = record ? new IterationRecorder(this.lanes.length) : null;
    this.restartRecords();
    return { status: okStatus(), lane: 0, snapshot: this.snapshot() };
  }

  private stop(): void {
    this.run.running = false;
    this.run.remaining = 0;
  }

  private restartRecords(): void {
    for (const lane of this.lanes) {
      lane.history.clear();
      lane.history.push(0, lane.neuron.loss());
    }
    this.recorder?.clear();
    this.recorder?.add(0, this.lanes.map((lane) => lane.neuron.weights()), this.lanes.map((lane) => lane.neuron.loss()));
  }

  // Trains every lane k iterations; returns the first lane that had to stop, with its status.
  private trainSome(k: number): { lane: number; status: CoreStatus } | null {
    const first = this.lanes[0].neuron.iteration();
    const stride = this.recorder ? this.recorder.stride : NO_SNAPSHOTS;
    const results = this.lanes.map((lane) => {
      const start = lane.neuron.iteration();
      const result = lane.neuron.train(k, stride);
      lane.history.pushRun(start, result.losses);
      return result;
    });
    if (this.recorder) {
      // Snapshot rows are (iteration, w0 … wn); the this.lanes ran in step, so row r is the same iteration.
      const width = this.lanes[0].neuron.weights().length + 1;
      const rows = Math.min(...results.map((r) => r.snapshots.length / width));
      for (let r = 0; r < rows; r++) {
        const iteration = results[0].snapshots[r * width];
        this.recorder.add(iteration,
          results.map((res) => res.snapshots.slice(r * width + 1, (r + 1) * width)),
          results.map((res) => res.losses[iteration - first - 1]));
      }
    }
    this.run.doneSinceStart += results[0].losses.length;
    const failed = results.findIndex((r) => !r.ok);
    if (failed < 0) return null;
    this.stop();
    return { lane: failed, status: results[failed] };
  }

  private tick(): void {
    if (!this.run.running) return;
    const sliceEnd = performance.now() + SLICE_MS;
    let failure: { lane: number; status: CoreStatus } | null = null;
    while (this.run.running && this.run.remaining > 0 && performance.now() < sliceEnd) {
      const due = Number.isFinite(this.run.speed)
        ? Math.floor(((performance.now() - this.run.startedAt) / 1000) * this.run.speed) - this.run.doneSinceStart
        : this.run.remaining;
      if (due <= 0) break;
      const k = Math.min(due, this.run.remaining, this.chunk);
      const began = performance.now();
      failure = this.trainSome(k);
      this.run.remaining -= k;
      const took = performance.now() - began;
      // Aim for CALL_MS a call: down at once when a call took too long, up at most twice as many.
      if (k === this.chunk) this.chunk = Math.max(1, Math.min(1 << 20, 2 * k, Math.round((k * CALL_MS) / Math.max(took, 0.01))));
      if (failure) break;
    }
    if (this.run.remaining <= 0) this.run.running = false;
    if (!this.run.running || performance.now() - this.lastPost >= POST_EVERY_MS) this.postState(failure?.status ?? null, failure?.lane ?? 0);
    if (this.run.running) this.schedule(Number.isFinite(this.run.speed) ? Math.min(50, 1000 / this.run.speed) : 0);
  }

  // A zero delay goes through a MessageChannel: setTimeout(0) would be clamped to 4 ms.
  private schedule(delayMs: number): void {
    if (delayMs >= 4) setTimeout(() => this.tick(), delayMs);
    else this.channel.port2.postMessage(null);
  }

  private laneSnapshot({ neuron, history }: Lane): LaneSnapshot {
    const curve = history.series();
    const scaling = neuron.scaling();
    return {
      iteration: neuron.iteration(),
      loss: neuron.loss(),
      weights: Array.from(neuron.weights()),
      gradient: Array.from(neuron.gradient()),
      trainingWeights: Array.from(neuron.trainingWeights()),
      trainingGradient: Array.from(neuron.trainingGradient()),
      gradientLength: neuron.trainingGradientLength(),
      nextTrainingWeights: Array.from(neuron.nextTrainingWeights()),
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
  private snapshot(withRecord = true): NeuronSnapshot {
    return { running: this.run.running, remaining: this.run.remaining, lanes: this.lanes.map((lane) => this.laneSnapshot(lane)),
      record: withRecord && this.recorder ? this.recorder.record() : null };
  }

  private postState(problem: CoreStatus | null, lane: number): void {
    if (!this.isReady()) return;
    const now = performance.now();
    this.lastPost = now;
    const withRecord = !this.run.running || now - this.lastRecordPost >= RECORD_EVERY_MS;
    if (withRecord) this.lastRecordPost = now;
    const s = this.snapshot(withRecord);
    const transfer: Transferable[] = s.lanes.flatMap((l) => [l.curveIterations.buffer, l.curveLosses.buffer]);
    if (s.record) transfer.push(s.record.iterations.buffer, ...s.record.lanes.flatMap((l) => [l.weights.buffer, l.losses.buffer]));
    this.out.emit('state', { snapshot: s, problem, lane }, transfer);
  }
}

// The module loads once; requests wait for it in order.
serve<NeuronRequests, NeuronEvents>(self as unknown as WorkerEnd, async (out) => {
  const training = new NeuronTraining(await createNeuronCore(), out);
  return {
    setup: (request) => training.setup(request),
    configure: (lanes) => training.configure(lanes),
    eta: (eta) => training.eta(eta),
    landscape: (grid) => training.landscape(grid),
    run: (request) => training.start(request),
    speed: (speed) => training.setSpeed(speed),
    pause: () => training.pause(),
    step: () => training.step(),
    reset: () => training.reset(),
  };
});
