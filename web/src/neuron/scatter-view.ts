// The training data as a scatter plot coloured by target, with the decision boundary and the
// region where the neuron says "class 1" (o ≥ ½). With one input the plot shows x against t and
// the curve o(x) instead.
import type { Chart as ChartType, Plugin, ScatterDataPoint } from 'chart.js';
import { baseOptions, Chart, COLORS } from '../app/charts.ts';
import { formatNumber, numberLocale, t } from '../app/i18n.ts';
import type { NeuronData } from '../data/dataset.ts';
import type { ActivationName } from '../wasm/neuron-types.ts';
import { halfPlaneInBox, lineInBox, niceBox, paddedBox, type Box, type Line } from './geometry.ts';
import { activate, weightedSum } from './neuron-math.ts';

const CURVE_POINTS = 160;

export class ScatterView {
  private readonly chart: ChartType<'scatter'>;
  private data: NeuronData | null = null;
  private box: Box = { xMin: 0, xMax: 1, yMin: 0, yMax: 1 };
  private line: Line | null = null;
  private means: number[] = [];
  private weights: number[] = [];
  private activation: ActivationName = 'sigmoid';

  constructor(canvas: HTMLCanvasElement) {
    const options = baseOptions();
    options.plugins!.tooltip = { callbacks: { label: (item) => this.pointLabel(item.datasetIndex, item.dataIndex) } };
    options.plugins!.legend!.labels!.filter = (item, data) => !data.datasets[item.datasetIndex ?? 0].hidden;
    this.chart = new Chart(canvas, {
      type: 'scatter',
      data: { datasets: [
        { label: '', data: [], backgroundColor: COLORS.positive, borderColor: COLORS.positive, pointStyle: 'circle', pointRadius: 4.5 },
        { label: '', data: [], backgroundColor: COLORS.negative, borderColor: COLORS.negative, pointStyle: 'triangle', pointRadius: 5.5 },
        { label: '', data: [], showLine: true, borderColor: COLORS.boundary, backgroundColor: COLORS.boundary, borderWidth: 2.5, pointRadius: 0, pointHitRadius: 0, pointStyle: 'line' },
        { label: '', data: [], showLine: true, borderColor: COLORS.output, backgroundColor: COLORS.output, borderWidth: 2, pointRadius: 0, pointHitRadius: 0, pointStyle: 'line', hidden: true },
        // No points: only a legend entry that explains the shading.
        { label: '', data: [], backgroundColor: COLORS.positiveRegionLegend, borderColor: COLORS.positiveRegionLegend, pointStyle: 'rect' },
      ] },
      options,
      plugins: [this.regionPlugin()],
    });
  }

  setData(data: NeuronData): void {
    this.data = data;
    const column = (j: number) => Array.from({ length: data.rows }, (_, m) => data.x[m * data.cols + j]);
    const xs = column(0);
    const oneInput = data.cols === 1;
    const ys = oneInput ? Array.from(data.t) : column(1);
    this.box = oneInput ? { ...niceBox(paddedBox(xs, [0, 1])), yMin: -0.1, yMax: 1.1 } : niceBox(paddedBox(xs, ys, 0.04));
    this.means = Array.from({ length: data.cols }, (_, j) => column(j).reduce((a, b) => a + b, 0) / data.rows);
    const points = (cls: number) => {
      const out: ScatterDataPoint[] = [];
      for (let m = 0; m < data.rows; m++) if ((data.t[m] >= 0.5 ? 1 : 0) === cls) out.push({ x: xs[m], y: ys[m] });
      return out;
    };
    const [positives, negatives] = [points(1), points(0)];
    this.chart.data.datasets[0].data = positives;
    this.chart.data.datasets[1].data = negatives;
    this.chart.data.datasets[3].hidden = !oneInput;
    const scales = this.chart.options.scales!;
    Object.assign(scales.x!, { min: this.box.xMin, max: this.box.xMax });
    Object.assign(scales.y!, { min: this.box.yMin, max: this.box.yMax });
    this.refresh();
  }

  // Redraws boundary, region and o(x) for the current weights (raw scale).
  setModel(weights: number[], level: number, activation: ActivationName): void {
    const data = this.data;
    if (!data || weights.length !== data.cols + 1) return;
    this.weights = weights;
    this.activation = activation;
    // w1·x1 + w2·x2 = level − w0 − Σ_{j ≥ 3} w_j·mean_j  (the other inputs at their mean)
    let c = level - weights[0];
    for (let j = 2; j < data.cols; j++) c -= weights[j + 1] * this.means[j];
    this.line = data.cols === 1 ? { a: weights[1], b: 0, c } : { a: weights[1], b: weights[2], c };
    const segment = lineInBox(this.box, this.line);
    this.chart.data.datasets[2].data = segment ? segment.map(([x, y]) => ({ x, y })) : [];
    if (data.cols === 1) {
      const curve: ScatterDataPoint[] = [];
      for (let i = 0; i <= CURVE_POINTS; i++) {
        const x = this.box.xMin + ((this.box.xMax - this.box.xMin) * i) / CURVE_POINTS;
        curve.push({ x, y: activate(activation, weights[0] + weights[1] * x) });
      }
      this.chart.data.datasets[3].data = curve;
    }
    this.chart.update('none');
  }

  // Labels in the current language.
  refresh(): void {
    const data = this.data;
    if (!data) return;
    const [zero, one] = data.classLabels;
    const sets = this.chart.data.datasets;
    sets[0].label = t('legendClass', { target: data.targetName, label: one, t: 1 });
    sets[1].label = t('legendClass', { target: data.targetName, label: zero, t: 0 });
    sets[2].label = t('legendBoundary');
    sets[3].label = t('legendOutput');
    sets[4].label = t('legendRegion', { label: one });
    this.chart.options.locale = numberLocale();
    const scales = this.chart.options.scales!;
    scales.x!.title = { display: true, text: data.featureNames[0] };
    scales.y!.title = { display: true, text: data.cols === 1 ? t('axisOutput') : data.featureNames[1] };
    this.chart.update('none');
  }

  private pointLabel(datasetIndex: number, index: number): string {
    const data = this.data;
    if (!data || datasetIndex > 1) return '';
    const point = this.chart.data.datasets[datasetIndex].data[index] as { x: number; y: number };
    const inputs = data.cols === 1 ? [point.x] : [point.x, point.y, ...this.means.slice(2)];
    const shown = data.featureNames.slice(0, Math.min(2, data.cols))
      .map((name, j) => `${name} ${formatNumber(inputs[j])}`).join(', ');
    const o = this.weights.length ? activate(this.activation, weightedSum(this.weights, inputs)) : NaN;
    return `${shown}: t = ${datasetIndex === 0 ? 1 : 0}, o = ${formatNumber(o, 3)}`;
  }

  // Shades the side of the boundary where o ≥ ½ before the points are drawn.
  private regionPlugin(): Plugin<'scatter'> {
    return {
      id: 'decisionRegion',
      beforeDatasetsDraw: (chart) => {
        if (!this.line) return;
        const { ctx, chartArea, scales } = chart;
        const fill = (polygon: [number, number][], color: string) => {
          if (polygon.length < 3) return;
          ctx.beginPath();
          polygon.forEach(([x, y], i) => {
            const px = scales.x.getPixelForValue(x);
            const py = scales.y.getPixelForValue(y);
            if (i === 0) ctx.moveTo(px, py);
            else ctx.lineTo(px, py);
          });
          ctx.closePath();
          ctx.fillStyle = color;
          ctx.fill();
        };
        const { a, b, c } = this.line;
        ctx.save();
        ctx.beginPath();
        ctx.rect(chartArea.left, chartArea.top, chartArea.width, chartArea.height);
        ctx.clip();
        fill(halfPlaneInBox(this.box, this.line), COLORS.positiveRegion);
        fill(halfPlaneInBox(this.box, { a: -a, b: -b, c: -c }), COLORS.negativeRegion);
        ctx.restore();
      },
    };
  }
}
