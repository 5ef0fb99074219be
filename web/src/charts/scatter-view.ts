// The training data as a scatter plot coloured by target, with each neuron's decision boundary.
// With one neuron, the region where it says "class 1" (o ≥ ½) is shaded. With one input the plot
// shows x against t, and each neuron's curve o(x) as well.
import type { ChartDataset, Plugin, ScatterDataPoint } from 'chart.js';
import { baseOptions, LaterChart, COLORS } from '../app/charts.ts';
import { h } from '../app/dom.ts';
import { formatCount, formatNumber, numberLocale, t } from '../app/i18n.ts';
import type { NeuronData } from '../data/dataset.ts';
import type { ActivationName } from '../wasm/neuron-types.ts';
import { halfPlaneInBox, lineInBox, niceBox, paddedBox, type Box, type Line } from './geometry.ts';
import type { NeuronFormulas } from '../wasm/neuron-formulas.ts';
import { thinnedRows } from './thinned-rows.ts';

const CURVE_POINTS = 160;
const FIXED_DATASETS = 3;  // class 1, class 0, and the legend entry of the shading

// One neuron to draw: raw weights, the boundary level, and how to draw it.
export interface PlotModel {
  weights: number[];
  level: number;
  activation: ActivationName;
  label: string;                // e.g. "Squared error" (empty: the plain "Skillelinje")
  color: string;
  dash?: number[];
  curveColor?: string;          // o(x), when it should stand apart from the boundary
}

export class ScatterView {
  // Says so when a large file is thinned; the page puts it under the plot.
  readonly note = h('p', { class: 'field-help', hidden: true, 'data-plot': 'thinned' });
  private readonly chart: LaterChart<'scatter'>;
  private data: NeuronData | null = null;
  private box: Box = { xMin: 0, xMax: 1, yMin: 0, yMax: 1 };
  private region: Line | null = null;  // the shaded half-plane, with one neuron only
  private means: number[] = [];
  private models: PlotModel[] = [];
  private drawn = 0;  // points drawn of data.rows (a large file is thinned)

  constructor(canvas: HTMLCanvasElement, private readonly formulas: NeuronFormulas, private readonly shade: boolean) {
    const options = baseOptions();
    options.plugins!.tooltip = { callbacks: { label: (item) => this.pointLabel(item.datasetIndex, item.dataIndex) } };
    options.plugins!.legend!.labels!.filter = (item, data) => !data.datasets[item.datasetIndex ?? 0].hidden;
    this.chart = new LaterChart({
      type: 'scatter',
      data: { datasets: [
        { label: '', data: [], backgroundColor: COLORS.positive, borderColor: COLORS.positive, pointStyle: 'circle', pointRadius: 4.5 },
        { label: '', data: [], backgroundColor: COLORS.negative, borderColor: COLORS.negative, pointStyle: 'triangle', pointRadius: 5.5 },
        // No points: only a legend entry that explains the shading.
        { label: '', data: [], backgroundColor: COLORS.positiveRegionLegend, borderColor: COLORS.positiveRegionLegend,
          pointStyle: 'rect', hidden: !shade },
      ] },
      options,
      plugins: [this.regionPlugin()],
    }, canvas);
  }

  setData(data: NeuronData): void {
    this.data = data;
    // Plain loops over the typed arrays: 100 000 rows through Array.from and closures took ~30 ms.
    const column = (j: number) => {
      const out = new Float64Array(data.rows);
      for (let m = 0; m < data.rows; m++) out[m] = data.x[m * data.cols + j];
      return out;
    };
    const xs = column(0);
    const oneInput = data.cols === 1;
    const ys = oneInput ? data.t : column(1);
    this.box = oneInput ? { ...niceBox(paddedBox(xs, [0, 1])), yMin: -0.1, yMax: 1.1 } : niceBox(paddedBox(xs, ys, 0.04));
    this.means = new Array<number>(data.cols).fill(0);
    for (let m = 0; m < data.rows; m++) for (let j = 0; j < data.cols; j++) this.means[j] += data.x[m * data.cols + j];
    this.means = this.means.map((sum) => sum / data.rows);
    const rows = thinnedRows(data.rows);
    this.drawn = rows.length;
    const points = (cls: number) => {
      const out: ScatterDataPoint[] = [];
      for (const m of rows) if ((data.t[m] >= 0.5 ? 1 : 0) === cls) out.push({ x: xs[m], y: ys[m] });
      return out;
    };
    this.chart.data.datasets[0].data = points(1);
    this.chart.data.datasets[1].data = points(0);
    const scales = this.chart.options.scales!;
    Object.assign(scales.x!, { min: this.box.xMin, max: this.box.xMax });
    Object.assign(scales.y!, { min: this.box.yMin, max: this.box.yMax });
    this.models = [];
    this.chart.data.datasets.length = FIXED_DATASETS;
    this.refresh();
  }

  // Redraws each neuron's boundary (and o(x) with one input) for its current raw weights.
  setModels(models: PlotModel[]): void {
    const data = this.data;
    if (!data || models.some((m) => m.weights.length !== data.cols + 1)) return;
    this.models = models;
    const sets = this.chart.data.datasets;
    const perModel = data.cols === 1 ? 2 : 1;
    if (sets.length !== FIXED_DATASETS + perModel * models.length) {
      sets.length = FIXED_DATASETS;
      for (const model of models) {
        sets.push(lineDataset(model, 2.5, model.dash));
        if (perModel === 2) sets.push(lineDataset({ ...model, color: model.curveColor ?? model.color }, 2, model.curveColor ? undefined : [2, 3]));
      }
    }
    models.forEach((model, k) => {
      const line = this.boundary(model);
      const segment = lineInBox(this.box, line);
      sets[FIXED_DATASETS + perModel * k].data = segment ? segment.map(([x, y]) => ({ x, y })) : [];
      if (perModel === 2) sets[FIXED_DATASETS + 2 * k + 1].data = this.curve(model);
    });
    this.region = this.shade && models.length === 1 ? this.boundary(models[0]) : null;
    this.labelModels();
    this.chart.update('none');
  }

  // Labels in the current language.
  refresh(): void {
    const data = this.data;
    if (!data) return;
    this.note.hidden = this.drawn === data.rows;
    this.note.textContent = this.note.hidden ? '' : t('plotThinned', { drawn: formatCount(this.drawn), total: formatCount(data.rows) });
    const [zero, one] = data.classLabels;
    const sets = this.chart.data.datasets;
    // "Aktiveret: Ja (t = 1)", or just "t = 1" when the file's labels are the numbers themselves.
    const label = (text: string, value: number) => (text === String(value) && data.targetName === 't'
      ? `t = ${value}` : t('legendClass', { target: data.targetName, label: text, t: value }));
    sets[0].label = label(one, 1);
    sets[1].label = label(zero, 0);
    sets[2].label = t('legendRegion', { label: one });
    this.labelModels();
    this.chart.options.locale = numberLocale();
    const scales = this.chart.options.scales!;
    scales.x!.title = { display: true, text: data.featureNames[0] };
    scales.y!.title = { display: true, text: data.cols === 1 ? t('axisOutput') : data.featureNames[1] };
    this.chart.update('none');
  }

  private labelModels(): void {
    const perModel = this.data?.cols === 1 ? 2 : 1;
    this.models.forEach((model, k) => {
      const name = (key: 'legendBoundary' | 'legendOutput') => (model.label ? `${t(key)}, ${model.label}` : t(key));
      const sets = this.chart.data.datasets;
      if (sets[FIXED_DATASETS + perModel * k]) sets[FIXED_DATASETS + perModel * k].label = name('legendBoundary');
      if (perModel === 2 && sets[FIXED_DATASETS + 2 * k + 1]) sets[FIXED_DATASETS + 2 * k + 1].label = name('legendOutput');
    });
  }

  // w1·x1 + w2·x2 = level − w0 − Σ_{j ≥ 3} w_j·mean_j  (the other inputs at their mean)
  private boundary({ weights, level }: PlotModel): Line {
    let c = level - weights[0];
    for (let j = 2; j < weights.length - 1; j++) c -= weights[j + 1] * this.means[j];
    return weights.length === 2 ? { a: weights[1], b: 0, c } : { a: weights[1], b: weights[2], c };
  }

  private curve({ weights, activation }: PlotModel): ScatterDataPoint[] {
    const xs = Array.from({ length: CURVE_POINTS + 1 }, (_, i) => this.box.xMin + ((this.box.xMax - this.box.xMin) * i) / CURVE_POINTS);
    const os = this.formulas.curve(activation, weights[0], weights[1], xs);
    return Array.from(os, (o, i) => ({ x: xs[i], y: o }));
  }

  private pointLabel(datasetIndex: number, index: number): string {
    const data = this.data;
    if (!data || datasetIndex > 1) return '';
    const point = this.chart.data.datasets[datasetIndex].data[index] as { x: number; y: number };
    const inputs = data.cols === 1 ? [point.x] : [point.x, point.y, ...this.means.slice(2)];
    const shown = data.featureNames.slice(0, Math.min(2, data.cols))
      .map((name, j) => `${name} ${formatNumber(inputs[j])}`).join(', ');
    const outputs = this.models.map((m) => {
      const out = this.formulas.output(m.activation, m.weights, inputs);
      const o = out ? formatNumber(out.o, 3) : '–';
      return this.models.length > 1 ? `o (${m.label}) = ${o}` : `o = ${o}`;
    });
    return `${shown}: t = ${datasetIndex === 0 ? 1 : 0}${outputs.length ? ', ' + outputs.join(', ') : ''}`;
  }

  // Shades the side of the boundary where o ≥ ½ before the points are drawn.
  private regionPlugin(): Plugin<'scatter'> {
    return {
      id: 'decisionRegion',
      beforeDatasetsDraw: (chart) => {
        if (!this.region) return;
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
        const { a, b, c } = this.region;
        ctx.save();
        ctx.beginPath();
        ctx.rect(chartArea.left, chartArea.top, chartArea.width, chartArea.height);
        ctx.clip();
        fill(halfPlaneInBox(this.box, this.region), COLORS.positiveRegion);
        fill(halfPlaneInBox(this.box, { a: -a, b: -b, c: -c }), COLORS.negativeRegion);
        ctx.restore();
      },
    };
  }
}

function lineDataset(model: PlotModel, width: number, dash?: number[]): ChartDataset<'scatter'> {
  return { label: '', data: [], showLine: true, borderColor: model.color, backgroundColor: model.color, borderWidth: width,
    borderDash: dash, pointRadius: 0, pointHitRadius: 0, pointStyle: 'line' };
}
