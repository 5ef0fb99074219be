// A long derivation as several display blocks in one element, typeset a block at a time: KaTeX
// takes tens of milliseconds for a derivation of thirty lines, too long for one frame. A block
// whose TeX did not change is not typeset again.
import { h } from './dom.ts';
import { renderMath } from './math.ts';

export class MathBlocks {
  private shown: string[] = [];
  private wanted: string[] = [];

  constructor(private readonly root: HTMLElement) {}

  // The blocks to show; typeset by step() or all().
  set(blocks: string[]): void {
    this.wanted = blocks;
    while (this.root.children.length < blocks.length) this.root.append(h('div', { class: 'math-block' }));
    while (this.root.children.length > blocks.length) this.root.lastElementChild!.remove();
    this.shown.length = blocks.length;
  }

  // Typesets the next block that changed; true while more are waiting.
  step(): boolean {
    const k = this.wanted.findIndex((tex, i) => this.shown[i] !== tex);
    if (k < 0) return false;
    renderMath(this.root.children[k] as HTMLElement, this.wanted[k], true);
    this.shown[k] = this.wanted[k];
    return this.pending;
  }

  get pending(): boolean {
    return this.wanted.some((tex, i) => this.shown[i] !== tex);
  }
}
