// Chart.js with only the parts the pages use (keeps the bundle small), and shared settings:
// no animation (the charts are redrawn many times a second), fixed-height containers.
import {
  Chart, Filler, Legend, LinearScale, LineController, LineElement, LogarithmicScale, PointElement,
  ScatterController, Tooltip, type ChartOptions,
} from 'chart.js';

Chart.register(ScatterController, LineController, LineElement, PointElement, LinearScale,
  LogarithmicScale, Tooltip, Legend, Filler);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily || 'system-ui, sans-serif';
Chart.defaults.color = '#36404a';

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
