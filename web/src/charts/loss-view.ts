// The loss curve E against iteration, redrawn from the worker's thinned history.
import type { Chart as ChartType } from 'chart.js';
import { baseOptions, LaterChart, COLORS } from '../app/charts.ts';
import { formatCount, formatNumber, numberLocale, t, type MessageKey } from '../app/i18n.ts';
import { whenIdle } from '../app/when-idle.ts';

// What the curve is of: the neuron's E by default; the word2vec page draws L.
export interface LossLabels {
  symbol: string;
  axis: MessageKey;
  description: MessageKey;
  step: MessageKey;
}

const WARM_UP_POINTS = 401;  // as many as the workers' curves have (400 buckets and the start)

const NEURON_LABELS: LossLabels = { symbol: 'E', axis: 'axisLoss', description: 'lossCurveDescription', step: 'axisIteration' };

export class LossView {
  private readonly chart: LaterChart<'line'>;
  private logScale = false;
  private warm = false;  // a curve of hundreds of points has been drawn once
  private curve: { iterations: Float64Array; losses: Float64Array } = { iterations: new Float64Array(0), losses: new Float64Array(0) };

  constructor(private readonly canvas: HTMLCanvasElement, color: string = COLORS.loss,
    private readonly labels: LossLabels = NEURON_LABELS) {
    const options = baseOptions() as unknown as NonNullable<ChartType<'line'>['options']>;
    options.plugins!.legend = { display: false };
    options.interaction = { mode: 'nearest', axis: 'x', intersect: false };
    options.plugins!.tooltip = { callbacks: {
      title: (items) => `${t(this.labels.step)} ${formatCount(items[0]?.parsed.x ?? NaN)}`,
      label: (item) => `${this.labels.symbol} = ${formatNumber(item.parsed.y ?? NaN, 5)}`,
    } };
    options.scales!.x!.ticks = { ...options.scales!.x!.ticks, precision: 0, callback: (value) => formatCount(Number(value)) };
    options.scales!.y!.ticks = { ...options.scales!.y!.ticks, callback: (value) => formatNumber(Number(value), 3) };
    this.chart = new LaterChart({
      type: 'line',
      // parsing false: the points are already {x, y} in iteration order (Chart.js skips its parse step).
      data: { datasets: [{ label: labels.symbol, data: [], borderColor: color, borderWidth: 2, pointRadius: 0, tension: 0,
        borderJoinStyle: 'round', parsing: false, spanGaps: true }] },  // a miter join would spike past a stepwise fall's corners
      options,
    }, canvas, () => whenIdle(() => this.warmUp()));
    this.refresh();
  }

  // One draw of a whole curve once the page has loaded (not during its start, where it cost ~40 ms
  // a chart), so that the first frame of a run is not the first time Chart.js builds and draws
  // hundreds of points (that frame took 20–100 ms, now ~10–20). A long curve drawn before has warmed
  // it; the one start point most pages show at once has not.
  private warmUp(): void {
    if (this.warm) return;
    this.warm = true;
    this.chart.data.datasets[0].data = Array.from({ length: WARM_UP_POINTS }, (_, i) => ({ x: i, y: 1 / (1 + i) }));
    this.chart.update('none');
    this.setCurve(this.curve.iterations, this.curve.losses);  // the page's own curve again (often its one start point)
  }

  setCurve(iterations: Float64Array, losses: Float64Array): void {
    this.curve = { iterations, losses };
    if (iterations.length >= WARM_UP_POINTS / 2) this.warm = true;
    const points = new Array(iterations.length);
    let positive = true;
    for (let i = 0; i < iterations.length; i++) {
      points[i] = { x: iterations[i], y: losses[i] };
      if (!(losses[i] > 0)) positive = false;
    }
    this.chart.data.datasets[0].data = points;
    this.describe(iterations, losses);
    const scales = this.chart.options.scales!;
    scales.x!.max = Math.max(1, iterations[iterations.length - 1] ?? 1);
    scales.x!.min = 0;
    // A log axis needs E > 0; E = 0 exactly (a perfect fit) falls back to the linear axis.
    const log = this.logScale && positive;
    const type = log ? 'logarithmic' : 'linear';
    // A new options object only when the axis type changes: Chart.js resolves new options afresh.
    if (scales.y!.type !== type) scales.y = { ...scales.y, type, beginAtZero: !log } as typeof scales.y;
    this.chart.update('none');
  }

  setLogScale(on: boolean): void {
    this.logScale = on;
    this.setCurve(this.curve.iterations, this.curve.losses);
  }

  // The curve in words for screen readers (and tests): where E started and where it is now.
  private describe(iterations: Float64Array, losses: Float64Array): void {
    const last = losses.length - 1;
    if (last < 0) return;
    this.canvas.dataset.firstLoss = String(losses[0]);
    this.canvas.dataset.lastLoss = String(losses[last]);
    this.canvas.dataset.lastIteration = String(iterations[last]);
    this.canvas.dataset.points = String(losses.length);
    this.canvas.setAttribute('aria-label', t(this.labels.description, { first: formatNumber(losses[0]),
      last: formatNumber(losses[last]), iteration: formatCount(iterations[last]) }));
  }

  refresh(): void {
    const scales = this.chart.options.scales!;
    scales.x!.title = { display: true, text: t(this.labels.step) };
    scales.y!.title = { display: true, text: t(this.labels.axis) };
    this.chart.options.locale = numberLocale();
    this.describe(this.curve.iterations, this.curve.losses);
    this.chart.update('none');
  }
}
