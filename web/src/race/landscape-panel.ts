// The loss over (w0, w1) for each loss — squared error on a linear colour scale (its plateaus are
// flat), cross-entropy on a log scale — with both neurons' paths drawn on both maps.
import { h, tr } from '../app/dom.ts';
import { t } from '../app/i18n.ts';
import type { GridRequest, IterationRecord, LaneSnapshot } from '../wasm/neuron-protocol.ts';
import { LANE_COLORS } from './lane-colors.ts';
import { LandscapeView, type LandscapePath } from './landscape-view.ts';

export class LandscapePanel {
  readonly root: HTMLElement;
  private readonly views: LandscapeView[];
  private readonly canvases: HTMLCanvasElement[];
  private paths: Float64Array[] = [new Float64Array(0), new Float64Array(0)];

  constructor() {
    const map = (titleKey: 'laneSquared' | 'laneCrossEntropy') => {
      const canvas = h('canvas', { role: 'img' });
      const bar = h('div', { class: 'color-bar' });
      const root = h('figure', { class: 'landscape-map' }, tr('figcaption', titleKey, { class: 'map-title' }),
        h('div', { class: 'chart-box square' }, canvas), bar);
      return { root, canvas, bar };
    };
    const maps = [map('laneSquared'), map('laneCrossEntropy')];
    this.canvases = maps.map((m) => m.canvas);
    this.views = [new LandscapeView(maps[0].canvas, maps[0].bar, 'linear'), new LandscapeView(maps[1].canvas, maps[1].bar, 'log')];
    this.root = h('div', { class: 'landscape' }, tr('p', 'landscapeNote', { class: 'field-help' }),
      h('div', { class: 'landscape-maps' }, ...maps.map((m) => m.root)));
    this.refresh();
  }

  // grids: E over the request's grid for each lane (squared error first).
  setGrids(request: GridRequest, grids: Float64Array[]): void {
    grids.forEach((values, k) => this.views[k].setGrid({ ...request, values }));
  }

  // The recorded rows give the paths; the current weights (newer than the last record) end them.
  show(record: IterationRecord | null, lanes: LaneSnapshot[]): void {
    // A one-input neuron's recorded weights are rows of (w0, w1): already the path's points.
    if (record) this.paths = record.lanes.map((lane) => lane.weights);
    const current = lanes.map((lane, k) => {
      const path = this.paths[k] ?? new Float64Array(0);
      const joined = new Float64Array(path.length + 2);
      joined.set(path);
      joined.set(lane.weights.slice(0, 2), path.length);
      return joined;
    });
    const paths: LandscapePath[] = current.map((points, k) => ({ label: t(k === 0 ? 'laneSquared' : 'laneCrossEntropy'),
      color: LANE_COLORS[k], points }));
    for (const view of this.views) view.setPaths(paths);
  }

  refresh(): void {
    this.canvases.forEach((canvas, k) =>
      canvas.setAttribute('aria-label', t('landscapeMapLabel', { loss: t(k === 0 ? 'laneSquared' : 'laneCrossEntropy') })));
    for (const view of this.views) {
      view.setAxisTitles('w0', 'w1');
      view.refresh();
    }
  }
}
