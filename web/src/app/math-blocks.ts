// Formulas typeset a block at a time: KaTeX takes tens of milliseconds for a derivation of thirty
// lines, too long for one frame.
import { h } from './dom.ts';
import { typeset } from './math.ts';

// Display formulas in fixed elements, typeset one element at a time by step(); an element whose
// TeX did not change is not typeset again.
export class MathSlots {
  private shown: string[] = [];
  private wanted: string[] = [];

  constructor(private readonly elements: () => HTMLElement[]) {}

  // The TeX for each element (the first `tex.length` of them); typeset by step().
  set(tex: string[]): void {
    this.wanted = tex;
    this.shown.length = tex.length;
  }

  // Typesets the next element that changed; true while more are waiting.
  step(): boolean {
    const k = this.wanted.findIndex((tex, i) => this.shown[i] !== tex);
    if (k < 0) return false;
    typeset(this.elements()[k], this.wanted[k]);
    this.shown[k] = this.wanted[k];
    return this.pending;
  }

  get pending(): boolean {
    return this.wanted.some((tex, i) => this.shown[i] !== tex);
  }
}

// As many display blocks as there are formulas, in one element.
export class MathBlocks extends MathSlots {
  constructor(private readonly root: HTMLElement) {
    super(() => [...root.children] as HTMLElement[]);
  }

  override set(blocks: string[]): void {
    while (this.root.children.length < blocks.length) this.root.append(h('div', { class: 'math-block' }));
    while (this.root.children.length > blocks.length) this.root.lastElementChild!.remove();
    super.set(blocks);
  }
}
