// Chart.js with only the parts the pages use (keeps the bundle small), and shared settings:
// no animation (the charts are redrawn many times a second), fixed-height containers.
import {
  Chart, Filler, Legend, LinearScale, LineController, LineElement, LogarithmicScale, PointElement,
  ScatterController, Tooltip, type ChartArea, type ChartConfiguration, type ChartData, type ChartOptions, type ChartType,
  type UpdateMode,
} from 'chart.js';

Chart.register(ScatterController, LineController, LineElement, PointElement, LinearScale,
  LogarithmicScale, Tooltip, Legend, Filler);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily || 'system-ui, sans-serif';
Chart.defaults.color = '#36404a';

// Chart.js's first chart runs its code cold (~40 ms more than later ones): one small chart of each
// kind off the page, drawn and dropped, each in a task of its own as soon as this module loads,
// before the page's own (LaterChart waits for a frame).
for (const type of ['scatter', 'line'] as const) {
  setTimeout(() => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 64;
    new Chart(canvas, { type, data: { datasets: [{ data: [{ x: 0, y: 1 }, { x: 1, y: 0.5 }] }] },
      options: { ...baseOptions(), responsive: false } as ChartOptions<typeof type> }).destroy();
  });
}

export const COLORS = {
  positive: '#0f766e',       // class 1 (t = 1): teal circles
  negative: '#c2410c',       // class 0 (t = 0): orange triangles
  positiveRegion: 'rgba(15, 118, 110, 0.11)',
  positiveRegionLegend: 'rgba(15, 118, 110, 0.25)',
  negativeRegion: 'rgba(194, 65, 12, 0.06)',
  boundary: '#1e293b',
  loss: '#1f4e79',
  output: '#7c3aed',
  grid: 'rgba(0, 0, 0, 0.07)',
};

const FAST_TICKS = { minRotation: 0, maxRotation: 0, sampleSize: 4 };

export function baseOptions(): ChartOptions<'scatter'> {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    normalized: true,
    interaction: { mode: 'nearest', intersect: true },
    plugins: { legend: { position: 'bottom', labels: { usePointStyle: true, boxHeight: 8 } } },
    // Labels never rotated and sized from a few of them: Chart.js then skips most of its text
    // measuring on each redraw (its performance advice).
    scales: {
      x: { type: 'linear', grid: { color: COLORS.grid }, title: { display: true }, ticks: { ...FAST_TICKS } },
      y: { type: 'linear', grid: { color: COLORS.grid }, title: { display: true }, ticks: { ...FAST_TICKS } },
    },
  };
}

export { Chart };

// A chart that Chart.js builds in a task of its own, after the page's first task: building one
// (measuring the page, its fonts and labels) took 40–110 ms, and a page started up to three at once.
// Until then the view's changes go into the configuration, which the chart starts from.
export class LaterChart<T extends ChartType> {
  private chart: Chart<T> | null = null;

  constructor(private readonly config: ChartConfiguration<T>, canvas: HTMLCanvasElement, onBuilt: () => void = () => undefined) {
    // After the next frame, whose layout Chart.js would otherwise force while measuring its canvas.
    afterNextFrame(() => {
      this.chart = new Chart(canvas, config);
      onBuilt();
    });
  }

  get data(): ChartData<T> { return this.chart ? this.chart.data : this.config.data; }
  get options(): NonNullable<ChartConfiguration<T>['options']> {
    return (this.chart ? this.chart.options : this.config.options)!;
  }
  get chartArea(): ChartArea | null { return this.chart?.chartArea ?? null; }

  update(mode?: UpdateMode): void { this.chart?.update(mode); }
}

// A frame is drawn first (its layout done), then task() runs in a task of its own. A hidden page
// draws no frames: there a plain timeout stands in.
function afterNextFrame(task: () => void): void {
  if (document.visibilityState === 'hidden') setTimeout(task);
  else requestAnimationFrame(() => setTimeout(task));
}
