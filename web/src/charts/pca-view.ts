// Words drawn in two dimensions with labels and arrows: a question's words on their first two
// principal components (computed in the core) with the analogy's parallelogram, or, on the
// training page, 2-D vectors themselves. Both axes have the same scale, so that parallel arrows
// look parallel and a parallelogram looks like one.
import type { Plugin } from 'chart.js';
import { baseOptions, LaterChart, COLORS } from '../app/charts.ts';
import { t } from '../app/i18n.ts';
import type { Plot, PlotArrow, PointRole } from '../wasm/vectors-protocol.ts';

const ROLE_STYLE: Record<PointRole, { color: string; radius: number; style: 'circle' | 'rectRot' | 'crossRot' | 'triangle' }> = {
  query: { color: '#1f4e79', radius: 6, style: 'circle' },
  answer: { color: COLORS.positive, radius: 5, style: 'circle' },
  sum: { color: '#7c3aed', radius: 7, style: 'crossRot' },
  odd: { color: COLORS.negative, radius: 7, style: 'triangle' },
};
const ROLES: PointRole[] = ['query', 'answer', 'sum', 'odd'];
const ARROW_STYLE: Record<PlotArrow['kind'], { color: string; dash: number[]; width: number }> = {
  difference: { color: '#b42318', dash: [], width: 2.5 },
  offset: { color: 'rgba(31, 78, 121, 0.55)', dash: [6, 4], width: 1.5 },
  gap: { color: 'rgba(75, 89, 102, 0.7)', dash: [2, 3], width: 1.5 },
};

export class PcaView {
  private readonly chart: LaterChart<'scatter'>;
  private plot: Plot | null = null;

  constructor(canvas: HTMLCanvasElement) {
    const options = baseOptions();
    options.plugins!.legend = { display: false };
    options.plugins!.tooltip = { enabled: false };
    options.interaction = { mode: 'nearest', intersect: true };
    for (const axis of ['x', 'y'] as const) {
      const scale = options.scales![axis]!;
      (scale as { ticks?: unknown }).ticks = { display: false };
      (scale as { title?: unknown }).title = { display: false };
    }
    options.onResize = () => this.fit();
    this.chart = new LaterChart({
      type: 'scatter',
      data: { datasets: ROLES.map((role) => ({ label: role, data: [], backgroundColor: ROLE_STYLE[role].color,
        borderColor: ROLE_STYLE[role].color, pointRadius: ROLE_STYLE[role].radius, pointStyle: ROLE_STYLE[role].style,
        borderWidth: role === 'sum' ? 3 : 1 })) },
      options,
      plugins: [this.drawingPlugin()],
    }, canvas, () => this.fit());
  }

  show(plot: Plot | null): void {
    this.plot = plot;
    const points = plot?.points ?? [];
    this.chart.data.datasets.forEach((dataset, i) => {
      dataset.data = points.filter((p) => p.role === ROLES[i]).map((p) => ({ x: p.x, y: p.y }));
    });
    this.fit();
  }

  // The smallest box around the points with equal units on both axes, for the chart's shape now.
  private fit(): void {
    const points = this.plot?.points ?? [];
    const area = this.chart.chartArea;
    if (points.length === 0 || !area) {
      this.chart.update('none');
      return;
    }
    const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const width = Math.max(area.right - area.left, 1), height = Math.max(area.bottom - area.top, 1);
    // Room for labels: 12 % on each side, more on the right where the text goes.
    const unitsPerPixel = Math.max((x1 - x0 || 1) / (width * 0.7), (y1 - y0 || 1) / (height * 0.8));
    const cx = (x0 + x1) / 2 + 0.06 * width * unitsPerPixel, cy = (y0 + y1) / 2;
    const scales = this.chart.options.scales!;
    Object.assign(scales.x!, { min: cx - (width / 2) * unitsPerPixel, max: cx + (width / 2) * unitsPerPixel });
    Object.assign(scales.y!, { min: cy - (height / 2) * unitsPerPixel, max: cy + (height / 2) * unitsPerPixel });
    this.chart.update('none');
  }

  // Arrows under the points, labels beside them.
  private drawingPlugin(): Plugin<'scatter'> {
    return {
      id: 'pca-drawing',
      beforeDatasetsDraw: (chart) => {
        if (!this.plot) return;
        const { ctx } = chart;
        const px = (i: number) => ({ x: chart.scales.x.getPixelForValue(this.plot!.points[i].x),
          y: chart.scales.y.getPixelForValue(this.plot!.points[i].y) });
        ctx.save();
        for (const arrow of this.plot.arrows) {
          const style = ARROW_STYLE[arrow.kind];
          drawArrow(ctx, px(arrow.from), px(arrow.to), style.color, style.dash, style.width, arrow.kind !== 'gap');
        }
        ctx.restore();
      },
      afterDatasetsDraw: (chart) => {
        if (!this.plot) return;
        const { ctx } = chart;
        ctx.save();
        ctx.textBaseline = 'middle';
        const placed: Box[] = [];
        for (const point of this.plot.points) {
          const x = chart.scales.x.getPixelForValue(point.x), y = chart.scales.y.getPixelForValue(point.y);
          const label = point.role === 'sum' ? point.label || t('plotSum') : point.label;
          ctx.font = `${point.role === 'answer' ? 400 : 700} 13px ${chart.options.font?.family ?? 'sans-serif'}`;
          const box = labelBox(x, y, ctx.measureText(label).width, placed, chart.chartArea);
          placed.push(box);
          ctx.lineWidth = 3;
          ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
          ctx.fillStyle = ROLE_STYLE[point.role].color;
          ctx.strokeText(label, box.left, box.top + LABEL_HEIGHT / 2);
          ctx.fillText(label, box.left, box.top + LABEL_HEIGHT / 2);
        }
        ctx.restore();
      },
    };
  }
}

type Pixel = { x: number; y: number };
type Box = { left: number; top: number; right: number; bottom: number };

const LABEL_HEIGHT = 15;

// Where a point's label goes: above right of it, else below right, above left, below left — the
// first place that overlaps no label already drawn and stays inside the plot.
function labelBox(x: number, y: number, width: number, placed: Box[], area: Box): Box {
  const candidates = [[9, -9 - LABEL_HEIGHT / 2], [9, 9 - LABEL_HEIGHT / 2], [-9 - width, -9 - LABEL_HEIGHT / 2],
    [-9 - width, 9 - LABEL_HEIGHT / 2]].map(([dx, dy]) =>
    ({ left: x + dx, top: y + dy, right: x + dx + width, bottom: y + dy + LABEL_HEIGHT }));
  const inside = (b: Box) => b.left >= area.left && b.right <= area.right && b.top >= area.top && b.bottom <= area.bottom;
  const free = (b: Box) => placed.every((p) => b.right <= p.left || b.left >= p.right || b.bottom <= p.top || b.top >= p.bottom);
  return candidates.find((b) => inside(b) && free(b)) ?? candidates.find(free) ?? candidates[0];
}

function drawArrow(ctx: CanvasRenderingContext2D, from: Pixel, to: Pixel, color: string, dash: number[], width: number,
  head: boolean): void {
  const dx = to.x - from.x, dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length < 2) return;
  const ux = dx / length, uy = dy / length;
  const end = { x: to.x - ux * 7, y: to.y - uy * 7 };  // stop short of the point's marker
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(end.x, end.y);
  ctx.stroke();
  ctx.setLineDash([]);
  if (!head) return;
  const size = 9;
  ctx.beginPath();
  ctx.moveTo(end.x, end.y);
  ctx.lineTo(end.x - ux * size - uy * size * 0.5, end.y - uy * size + ux * size * 0.5);
  ctx.lineTo(end.x - ux * size + uy * size * 0.5, end.y - uy * size - ux * size * 0.5);
  ctx.closePath();
  ctx.fill();
}
