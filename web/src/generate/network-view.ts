// The trained network drawn as in the notes: the c words' vectors stacked into x (c·m numbers),
// the hidden layer h (d neurons), and the output z over the V words (the most probable shown),
// each value a colour, for the beginning typed now.
import { h, tr } from '../app/dom.ts';
import { formatCount, formatFixed, t } from '../app/i18n.ts';
import type { NetworkValues } from '../wasm/generate-protocol.ts';

const SVG = 'http://www.w3.org/2000/svg';
const MAX_CELLS = 10;   // of each word's m numbers
const MAX_HIDDEN = 16;  // of the d neurons
const OUTPUTS = 5;
const WIDTH = 460;
const ROW = 22;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

// −1 … 1 → blue … white … red (negative numbers blue, as on the Ordvektorer page's bars).
function diverging(v: number): string {
  const a = Math.max(-1, Math.min(1, v));
  const mix = (from: number, to: number) => Math.round(from + (to - from) * Math.abs(a));
  return a < 0 ? `rgb(${mix(255, 49)},${mix(255, 104)},${mix(255, 181)})` : `rgb(${mix(255, 200)},${mix(255, 70)},${mix(255, 50)})`;
}

export class NetworkView {
  readonly root: HTMLElement;
  private readonly drawing = h('div', { class: 'network-drawing', 'data-neural': 'drawing' });
  private readonly caption = h('p', { class: 'field-help', 'data-neural': 'network-caption' });
  private values: NetworkValues | null = null;
  private vocabularySize = 0;

  constructor() {
    this.root = h('div', {}, tr('h3', 'generateNeuralNetworkTitle'), this.drawing, this.caption);
  }

  show(values: NetworkValues | null, vocabularySize: number): void {
    this.values = values;
    this.vocabularySize = vocabularySize;
    this.render();
  }

  render(): void {
    const v = this.values;
    this.root.hidden = v === null;
    if (!v) return;
    const c = v.context.length, m = v.dim, d = v.h.length;
    const cells = Math.min(m, MAX_CELLS), hidden = Math.min(d, MAX_HIDDEN);
    const outputs = Math.min(OUTPUTS, v.top.words.length);
    const rows = Math.max(c * (cells + 1.5), hidden, outputs * 1.6);
    const height = rows * ROW * 0.62 + 40;
    const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', class: 'network-svg' });
    root.append(svg('title', {}, t('generateNeuralNetworkAlt', { c, m, d, V: this.vocabularySize })));
    const scale = Math.max(1e-12, ...v.x.map(Math.abs));
    const xs = { input: 100, hidden: 250, output: 300 };
    const inputY: number[] = [];
    let y = 24;
    const step = (height - 40) / Math.max(1, c * (cells + 1.5));
    const group = svg('g', {});
    for (let w = 0; w < c; w++) {
      group.append(svg('text', { x: xs.input - 14, y: y + (cells * step) / 2 + 4, 'text-anchor': 'end', class: 'network-word' }, v.context[w]));
      for (let k = 0; k < cells; k++) {
        const value = v.x[w * m + k];
        group.append(svg('rect', { x: xs.input - 8, y, width: 16, height: Math.max(3, step - 2), fill: diverging(value / scale),
          stroke: '#8a94a6', 'stroke-width': 0.5 }, undefined));
        inputY.push(y + step / 2);
        y += step;
      }
      if (m > cells) group.append(svg('text', { x: xs.input + 12, y: y - step / 2, class: 'network-more' }, `+${formatCount(m - cells)}`));
      y += step * 1.5;
    }
    const hiddenStep = (height - 40) / Math.max(1, hidden);
    const hiddenY = Array.from({ length: hidden }, (_, j) => 24 + hiddenStep * (j + 0.5));
    const hScale = Math.max(1, ...v.h.map(Math.abs));
    const lines = svg('g', { class: 'network-lines' });
    for (const yi of inputY) for (const yj of hiddenY) lines.append(svg('line', { x1: xs.input + 8, y1: yi, x2: xs.hidden - 9, y2: yj }));
    const outStep = (height - 40) / Math.max(1, outputs);
    const outY = Array.from({ length: outputs }, (_, i) => 24 + outStep * (i + 0.5));
    for (const yj of hiddenY) for (const yo of outY) lines.append(svg('line', { x1: xs.hidden + 9, y1: yj, x2: xs.output - 4, y2: yo }));
    root.append(lines, group);
    hiddenY.forEach((yj, j) => root.append(svg('circle', { cx: xs.hidden, cy: yj, r: Math.min(9, hiddenStep / 2 - 1),
      fill: diverging(v.h[j] / hScale), stroke: '#4a5568', 'stroke-width': 0.8 })));
    if (d > hidden) root.append(svg('text', { x: xs.hidden, y: height - 6, 'text-anchor': 'middle', class: 'network-more' },
      `+${formatCount(d - hidden)}`));
    outY.forEach((yo, i) => {
      const z = v.top.z[i];
      root.append(svg('rect', { x: xs.output, y: yo - 7, width: Math.max(1, z * 60), height: 14, class: 'network-z' }),
        svg('text', { x: xs.output + Math.max(1, z * 60) + 6, y: yo + 4, class: 'network-word' }, `${v.top.words[i]} ${formatFixed(z, 3)}`));
    });
    root.append(svg('text', { x: xs.input, y: 14, 'text-anchor': 'middle', class: 'network-head' }, `x (${formatCount(c * m)})`),
      svg('text', { x: xs.hidden, y: 14, 'text-anchor': 'middle', class: 'network-head' }, `h (${formatCount(d)})`),
      svg('text', { x: xs.output + 40, y: 14, 'text-anchor': 'middle', class: 'network-head' }, `z (${formatCount(this.vocabularySize)})`));
    this.drawing.replaceChildren(root);
    this.caption.textContent = t(v.padded > 0 ? 'generateNeuralNetworkCaptionPadded' : 'generateNeuralNetworkCaption',
      { c: formatCount(c), m: formatCount(m), cm: formatCount(c * m), d: formatCount(d), V: formatCount(this.vocabularySize),
        shown: formatCount(outputs), padded: formatCount(v.padded) });
  }
}
