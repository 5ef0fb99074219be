// The loss E(w0, w1) of a one-input neuron as a heat map over the plane of weights, with the
// training paths drawn on top. The map is coloured once per grid (setGrid); setPaths only swaps
// the line data, so it can run on every frame of a race.
import type { ChartDataset, Plugin, TooltipItem } from 'chart.js';
import { baseOptions, LaterChart } from '../app/charts.ts';
import { formatNumber, language, numberLocale, t } from '../app/i18n.ts';
import {
  finiteRange, heatmapPixels, thinPath, valueAt, viridisGradient, type ColorScale, type LandscapeGrid,
} from './landscape-colors.ts';

export type { ColorScale, LandscapeGrid } from './landscape-colors.ts';
export { normalise, viridis } from './landscape-colors.ts';

export interface LandscapePath {
  label: string;                     // e.g. "Squared error"
  color: string;                     // CSS colour
  points: Float64Array;              // w0, w1, w0, w1, … in order of iteration
}

const MAX_PATH_POINTS = 2000;
// A step under 1/1000 of the plot's width or height is below one pixel: it adds nothing to the line.
const MIN_STEP = 1e-3;
// Each path is two datasets: the line (the legend entry) and the marker at its last point.
const PER_PATH = 2;
const LINE = 0;
const MARKER = 1;
// Drawn under each line so that it shows on the dark and on the light end of the colour map.
const CASING = { color: 'rgba(255, 255, 255, 0.75)', width: 5 };

type Dataset = ChartDataset<'scatter'>;

export class LandscapeView {
  private readonly chart: LaterChart<'scatter'>;
  private grid: LandscapeGrid | null = null;
  private image: HTMLCanvasElement | null = null;
  private range = { min: NaN, max: NaN };
  private titles = { x: '', y: '' };
  private readonly barText: { caption: HTMLElement; strip: HTMLElement; numbers: HTMLElement[] };

  constructor(canvas: HTMLCanvasElement, colorBar: HTMLElement, private readonly scale: ColorScale) {
    const options = baseOptions();
    const legend = options.plugins!.legend!;
    legend.labels!.filter = (item) => (item.datasetIndex ?? 0) % PER_PATH === LINE;
    // Hiding a path from the legend hides its marker too.
    legend.onClick = (_event, item, { chart }) => {
      const first = (item.datasetIndex ?? 0) - LINE;
      const show = !chart.isDatasetVisible(first + LINE);
      for (let k = 0; k < PER_PATH; k++) chart.setDatasetVisibility(first + k, show);
      chart.update('none');
    };
    options.plugins!.tooltip = {
      filter: (item) => item.datasetIndex % PER_PATH === MARKER,
      callbacks: { label: (item) => this.markerLabel(item) },
    };
    // The grid's ends need not be round numbers: only round ticks get a label (no "20 30" crowding).
    const ticks = { includeBounds: false, callback: (value: number | string) => formatNumber(Number(value), 3) };
    options.scales!.x!.ticks = { ...options.scales!.x!.ticks, ...ticks };
    options.scales!.y!.ticks = { ...options.scales!.y!.ticks, ...ticks };
    this.chart = new LaterChart({ type: 'scatter', data: { datasets: [] }, options, plugins: [this.heatmapPlugin()] }, canvas);
    this.barText = buildColorBar(colorBar);
    this.refresh();
  }

  // Colours the map once; throws on a grid whose size does not match its values.
  setGrid(grid: LandscapeGrid): void {
    const { nx, ny } = grid;
    if (!(nx >= 2 && ny >= 2) || grid.values.length !== nx * ny || !(grid.w0Max > grid.w0Min) || !(grid.w1Max > grid.w1Min)) {
      throw new RangeError(`LandscapeView: a ${nx}×${ny} grid needs ${nx * ny} values and increasing ranges`);
    }
    const image = document.createElement('canvas');
    image.width = nx;
    image.height = ny;
    image.getContext('2d')!.putImageData(new ImageData(heatmapPixels(grid, this.scale), nx, ny), 0, 0);
    this.grid = grid;
    this.image = image;
    this.range = finiteRange(grid.values);
    const scales = this.chart.options.scales!;
    Object.assign(scales.x!, { min: grid.w0Min, max: grid.w0Max });
    Object.assign(scales.y!, { min: grid.w1Min, max: grid.w1Max });
    this.updateColorBar();
    this.chart.update('none');
  }

  setPaths(paths: LandscapePath[]): void {
    const chart = this.chart;
    if (chart.data.datasets.length !== paths.length * PER_PATH) chart.data.datasets = paths.flatMap(pathDatasets);
    const grid = this.grid;
    const stepX = grid ? MIN_STEP * (grid.w0Max - grid.w0Min) : 0;
    const stepY = grid ? MIN_STEP * (grid.w1Max - grid.w1Min) : 0;
    paths.forEach((path, p) => {
      const [line, marker] = chart.data.datasets.slice(p * PER_PATH, (p + 1) * PER_PATH);
      const points = thinPath(path.points, MAX_PATH_POINTS, stepX, stepY);
      line.data = points;
      marker.data = points.slice(-1);
      line.label = marker.label = path.label;
      Object.assign(line, { borderColor: path.color, backgroundColor: path.color });
      Object.assign(marker, { backgroundColor: path.color });
    });
    chart.update('none');
  }

  setAxisTitles(x: string, y: string): void {
    this.titles = { x, y };
    const scales = this.chart.options.scales!;
    scales.x!.title = { display: true, text: x };
    scales.y!.title = { display: true, text: y };
    this.chart.update('none');
  }

  // After a change of language: number formats on the axes and the colour bar.
  refresh(): void {
    this.chart.options.locale = numberLocale();
    this.updateColorBar();
    this.chart.update('none');
  }

  private updateColorBar(): void {
    const { min, max } = this.range;
    const { caption, strip, numbers } = this.barText;
    caption.textContent = t(this.scale === 'log' ? 'landscapeLogScale' : 'axisLoss');
    // The middle number is E at the middle colour: on the log scale far below the half-way value.
    [min, valueAt(0.5, min, max, this.scale), max].forEach((v, k) => { numbers[k].textContent = formatNumber(v, 3); });
    strip.setAttribute('aria-label', `${caption.textContent}: ${formatNumber(min, 3)} – ${formatNumber(max, 3)}`);
  }

  // "Squared error: w0 = −3,5; w1 = 0,2" (Danish separates the pair with ";", its decimals use ",").
  private markerLabel(item: TooltipItem<'scatter'>): string {
    const separator = language() === 'da' ? '; ' : ', ';
    const [x, y] = [this.titles.x || 'x', this.titles.y || 'y'];
    return `${item.dataset.label}: ${x} = ${formatNumber(item.parsed.x ?? NaN)}${separator}${y} = ${formatNumber(item.parsed.y ?? NaN)}`;
  }

  // Draws the map before the grid lines and datasets, and a light casing under each path line
  // (from the line's own pixels: no extra dataset to update). Pixel (i, j) of the map has grid
  // point (w0_i, w1_j) at its centre, so the image reaches half a cell beyond the grid (clipped).
  private heatmapPlugin(): Plugin<'scatter'> {
    return {
      id: 'lossLandscape',
      beforeDraw: (chart) => {
        const { grid, image } = this;
        if (!grid || !image) return;
        const { ctx, chartArea: area, scales } = chart;
        const halfX = (grid.w0Max - grid.w0Min) / (grid.nx - 1) / 2;
        const halfY = (grid.w1Max - grid.w1Min) / (grid.ny - 1) / 2;
        const left = scales.x.getPixelForValue(grid.w0Min - halfX);
        const right = scales.x.getPixelForValue(grid.w0Max + halfX);
        const top = scales.y.getPixelForValue(grid.w1Max + halfY);
        const bottom = scales.y.getPixelForValue(grid.w1Min - halfY);
        ctx.save();
        ctx.beginPath();
        ctx.rect(area.left, area.top, area.width, area.height);
        ctx.clip();
        ctx.imageSmoothingEnabled = true;
        ctx.drawImage(image, left, top, right - left, bottom - top);
        ctx.restore();
      },
      beforeDatasetDraw: (chart, { index, meta }) => {
        const points = meta.data;
        if (index % PER_PATH !== LINE || points.length < 2) return;
        const { ctx, chartArea: area } = chart;
        ctx.save();
        ctx.beginPath();
        ctx.rect(area.left, area.top, area.width, area.height);
        ctx.clip();
        ctx.beginPath();
        points.forEach(({ x, y }, k) => (k ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
        Object.assign(ctx, { strokeStyle: CASING.color, lineWidth: CASING.width, lineJoin: 'round', lineCap: 'round' });
        ctx.stroke();
        ctx.restore();
      },
    };
  }
}

function pathDatasets(): Dataset[] {
  return [
    { label: '', data: [], order: 1, showLine: true, borderWidth: 2.5, pointStyle: 'line', pointRadius: 0, pointHoverRadius: 0, pointHitRadius: 0, tension: 0 },
    { label: '', data: [], order: 0, pointRadius: 6.5, pointHoverRadius: 8, pointStyle: 'circle', borderColor: '#fff', borderWidth: 2.5 },
  ];
}

// A caption and a gradient strip with E at its two ends and in the middle; inline styles, so the
// view needs no rule in the page's style sheet. At most 320 px wide: fits a 360-px phone.
function buildColorBar(host: HTMLElement): { caption: HTMLElement; strip: HTMLElement; numbers: HTMLElement[] } {
  const el = (tag: string, style: string) => {
    const element = document.createElement(tag);
    element.style.cssText = style;
    return element;
  };
  const wrap = el('div', 'display:flex;align-items:flex-start;gap:8px;max-width:320px;font-size:0.8rem;color:var(--ink-soft,#4b5966)');
  const caption = el('span', 'font-weight:600;line-height:12px;white-space:nowrap');
  const column = el('div', 'flex:1;min-width:0');
  const strip = el('div', `height:12px;border-radius:3px;background:${viridisGradient()}`);
  strip.setAttribute('role', 'img');
  const row = el('div', 'display:grid;grid-template-columns:1fr auto 1fr;gap:6px;margin-top:2px;font-variant-numeric:tabular-nums');
  const numbers = ['left', 'center', 'right'].map((align) => el('span', `text-align:${align};white-space:nowrap`));
  row.append(...numbers);
  column.append(strip, row);
  wrap.append(caption, column);
  host.replaceChildren(wrap);
  return { caption, strip, numbers };
}
