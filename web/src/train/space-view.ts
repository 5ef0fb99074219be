// Dimension 3 while a text trains: each shown word's focus vector v (solid, label with a capital)
// and context vector k (dashed, lower case) as arrows in space, with the three axes. Drag the
// picture (or use the arrow keys) to turn it; farther arrows are paler, so depth can be read.
import { clampPitch, project } from './rotation.ts';

const SVG = 'http://www.w3.org/2000/svg';
const AXIS = 1.15;          // the axes reach a little beyond the longest vector (scaled to 1)
const TURN_PER_PIXEL = 0.01;
const TURN_PER_KEY = (5 * Math.PI) / 180;

export interface SpaceVectors {
  words: string[];
  focus: number[];    // (words × 3) v
  context: number[];  // (words × 3) k
}

type Vec3 = [number, number, number];

function el<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

export class SpaceView {
  readonly root: SVGSVGElement;
  private readonly scene: SVGGElement;
  private vectors: SpaceVectors | null = null;
  private yaw = (-30 * Math.PI) / 180;
  private pitch = (20 * Math.PI) / 180;

  constructor() {
    this.root = el('svg', { viewBox: '-1.5 -1.5 3 3', class: 'space-view', tabindex: 0, role: 'img' });
    const defs = el('defs', {});
    for (const kind of ['focus', 'context']) {
      const marker = el('marker', { id: `space-arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 5, markerHeight: 5,
        orient: 'auto-start-reverse' });
      marker.append(el('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: `arrow-head ${kind}` }));
      defs.append(marker);
    }
    this.scene = el('g', {});
    this.root.append(defs, this.scene);
    this.listen();
  }

  show(vectors: SpaceVectors): void {
    this.vectors = vectors;
    this.render();
  }

  // The turn as [yaw, pitch] in degrees (for tests and the aria text).
  get turn(): [number, number] {
    return [(this.yaw * 180) / Math.PI, (this.pitch * 180) / Math.PI];
  }

  private render(): void {
    const v = this.vectors;
    if (!v) return;
    const rows = (m: number[]): Vec3[] => v.words.map((_, i) => [m[3 * i], m[3 * i + 1], m[3 * i + 2]]);
    const focus = rows(v.focus), context = rows(v.context);
    const longest = Math.max(1e-9, ...[...focus, ...context].map((p) => Math.hypot(...p)));
    const scaled = (p: Vec3): Vec3 => [p[0] / longest, p[1] / longest, p[2] / longest];
    // Everything drawn is a segment from the origin or an axis; far ones first, so near ones cover them.
    const items: { depth: number; draw: () => SVGElement[] }[] = [];
    (['x₁', 'x₂', 'x₃'] as const).forEach((name, axis) => {
      const tip: Vec3 = [0, 0, 0];
      tip[axis] = AXIS;
      const a = project(tip, this.yaw, this.pitch), b = project([-tip[0], -tip[1], -tip[2]], this.yaw, this.pitch);
      items.push({ depth: Infinity, draw: () => {
        const label = el('text', { x: a.x * 1.08, y: a.y * 1.08 + 0.03, class: 'space-axis-label' });
        label.textContent = name;
        return [el('line', { x1: b.x, y1: b.y, x2: a.x, y2: a.y, class: 'circle-axis' }), label];
      } });
    });
    v.words.forEach((word, i) => {
      for (const [kind, point, text] of [['focus', focus[i], word.charAt(0).toLocaleUpperCase('da') + word.slice(1)],
        ['context', context[i], word]] as const) {
        const tip = project(scaled(point), this.yaw, this.pitch);
        items.push({ depth: tip.depth, draw: () => {
          const opacity = 0.55 + 0.45 * Math.min(1, Math.max(0, (1 - tip.depth) / 2));  // depth −1 (near) … 1 (far)
          const line = el('line', { x1: 0, y1: 0, x2: tip.x, y2: tip.y, class: `vector ${kind}`, 'marker-end': `url(#space-arrow-${kind})`,
            opacity: opacity.toFixed(2), 'data-vector': `${kind}-${word}` });
          const label = el('text', { x: tip.x * 1.1, y: tip.y * 1.1 + 0.035, class: `vector-label ${kind}`, opacity: opacity.toFixed(2) });
          label.textContent = text;
          return [line, label];
        } });
      }
    });
    items.sort((a, b) => b.depth - a.depth);
    this.scene.replaceChildren(...items.flatMap((item) => item.draw()));
    this.root.dataset.turn = this.turn.map((d) => d.toFixed(1)).join(' ');
  }

  private rotate(yaw: number, pitch: number): void {
    this.yaw += yaw;
    this.pitch = clampPitch(this.pitch + pitch);
    this.render();
  }

  private listen(): void {
    let last: { x: number; y: number } | null = null;
    this.root.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      this.root.setPointerCapture(event.pointerId);
      last = { x: event.clientX, y: event.clientY };
    });
    this.root.addEventListener('pointermove', (event) => {
      if (!last || !this.root.hasPointerCapture(event.pointerId)) return;
      this.rotate((event.clientX - last.x) * TURN_PER_PIXEL, (event.clientY - last.y) * TURN_PER_PIXEL);
      last = { x: event.clientX, y: event.clientY };
    });
    const end = (event: PointerEvent) => {
      if (this.root.hasPointerCapture(event.pointerId)) this.root.releasePointerCapture(event.pointerId);
      last = null;
    };
    this.root.addEventListener('pointerup', end);
    this.root.addEventListener('pointercancel', end);
    this.root.addEventListener('keydown', (event) => {
      const turn = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[event.key];
      if (!turn) return;
      event.preventDefault();
      this.rotate(turn[0] * TURN_PER_KEY, turn[1] * TURN_PER_KEY);
    });
  }
}
