// The toy's ten vectors on the unit circle, as in the course's GeoGebra applet: focus vectors v
// as solid arrows (labels with a capital: Hunden), context vectors k dashed (hunden). Each arrow's
// tip can be dragged around the circle (or turned with the arrow keys, 1° a press).
const SVG = 'http://www.w3.org/2000/svg';
const R = 1;  // the unit circle, in the picture's own units (the viewBox is ±1.45)

export type VectorKind = 'focus' | 'context';

export interface CircleEvents {
  turn(kind: VectorKind, word: number, angle: number): void;  // while dragging (radians)
  done(): void;                                                // the drag or key press ended
}

function el<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

interface Arrow {
  line: SVGLineElement;
  handle: SVGCircleElement;
  label: SVGTextElement;
}

export class CircleView {
  readonly root: SVGSVGElement;
  private readonly arrows: Record<VectorKind, Arrow[]> = { focus: [], context: [] };
  private angles: Record<VectorKind, number[]> = { focus: [], context: [] };

  constructor(private readonly words: readonly string[], private readonly events: CircleEvents, ariaLabel: string) {
    this.root = el('svg', { viewBox: '-1.45 -1.45 2.9 2.9', class: 'circle-view', role: 'group', 'aria-label': ariaLabel });
    this.root.append(
      el('line', { x1: -1.4, y1: 0, x2: 1.4, y2: 0, class: 'circle-axis' }),
      el('line', { x1: 0, y1: -1.4, x2: 0, y2: 1.4, class: 'circle-axis' }),
      el('circle', { cx: 0, cy: 0, r: R, class: 'unit-circle' }),
      this.marker('arrow-focus', 'focus'), this.marker('arrow-context', 'context'));
    for (const kind of ['context', 'focus'] as VectorKind[]) {
      words.forEach((word, i) => {
        const line = el('line', { x1: 0, y1: 0, class: `vector ${kind}`, 'marker-end': `url(#arrow-${kind})` });
        const handle = el('circle', { r: 0.075, class: `handle ${kind}`, tabindex: 0, role: 'slider',
          'aria-label': this.name(kind, i), 'aria-valuemin': 0, 'aria-valuemax': 360, 'aria-valuenow': 0, 'data-vector': `${kind}-${word}` });
        const label = el('text', { class: `vector-label ${kind}` });
        label.textContent = this.name(kind, i);
        this.listen(handle, kind, i);
        this.arrows[kind].push({ line, handle, label });
        this.root.append(line, label, handle);
      });
    }
  }

  // Hunden for v, hunden for k (the applet's convention).
  private name(kind: VectorKind, i: number): string {
    const word = this.words[i];
    return kind === 'focus' ? word.charAt(0).toLocaleUpperCase('da') + word.slice(1) : word;
  }

  private marker(id: string, kind: VectorKind): SVGDefsElement {
    const defs = el('defs', {});
    const marker = el('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 5, markerHeight: 5, orient: 'auto-start-reverse' });
    marker.append(el('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: `arrow-head ${kind}` }));
    defs.append(marker);
    return defs;
  }

  show(focus: number[], context: number[]): void {
    this.angles = { focus, context };
    for (const kind of ['focus', 'context'] as VectorKind[]) {
      this.angles[kind].forEach((angle, i) => {
        const { line, handle, label } = this.arrows[kind][i];
        const x = Math.cos(angle), y = -Math.sin(angle);  // SVG's y points down
        line.setAttribute('x2', String(x * R * 0.9));  // the head stops short of the handle
        line.setAttribute('y2', String(y * R * 0.9));
        handle.setAttribute('cx', String(x * R));
        handle.setAttribute('cy', String(y * R));
        handle.setAttribute('aria-valuenow', String(Math.round(degrees(angle))));
        handle.setAttribute('aria-valuetext', `${Math.round(degrees(angle))}°`);
        label.setAttribute('x', String(x * 1.25));
        label.setAttribute('y', String(y * 1.25 + 0.035));
      });
    }
  }

  private listen(handle: SVGCircleElement, kind: VectorKind, i: number): void {
    const toAngle = (event: PointerEvent) => {
      const point = this.root.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      const local = point.matrixTransform(this.root.getScreenCTM()!.inverse());
      return snap(Math.atan2(-local.y, local.x));
    };
    handle.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      handle.setPointerCapture(event.pointerId);
      handle.classList.add('dragging');
    });
    handle.addEventListener('pointermove', (event) => {
      if (!handle.hasPointerCapture(event.pointerId)) return;
      this.events.turn(kind, i, toAngle(event));
    });
    const end = (event: PointerEvent) => {
      if (!handle.hasPointerCapture(event.pointerId)) return;
      handle.releasePointerCapture(event.pointerId);
      handle.classList.remove('dragging');
      this.events.done();
    };
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
    handle.addEventListener('keydown', (event) => {
      const turn = { ArrowLeft: 1, ArrowUp: 1, ArrowRight: -1, ArrowDown: -1 }[event.key];
      if (!turn) return;
      event.preventDefault();
      this.events.turn(kind, i, snap(this.angles[kind][i] + (turn * Math.PI) / 180));
      this.events.done();
    });
  }
}

export const degrees = (radians: number) => ((radians * 180) / Math.PI % 360 + 360) % 360;

// To a tenth of a degree, so that a link can carry the angle exactly.
function snap(radians: number): number {
  return (Math.round(degrees(radians) * 10) / 10) * Math.PI / 180;
}
