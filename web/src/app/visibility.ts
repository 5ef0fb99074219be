// Which parts of a page are on screen: views below the fold skip their updates while training
// runs, and catch up when scrolled into view — the main thread stays free to draw what is seen.
export class Visibility {
  private readonly visible = new WeakMap<Element, boolean>();
  private readonly observer: IntersectionObserver | null;

  // onShown: an element came into view (redraw it with the latest numbers).
  constructor(onShown: (element: Element) => void) {
    this.observer = typeof IntersectionObserver === 'undefined' ? null : new IntersectionObserver((entries) => {
      for (const entry of entries) {
        this.visible.set(entry.target, entry.isIntersecting);
        if (entry.isIntersecting) onShown(entry.target);
      }
    }, { rootMargin: '200px' });
  }

  watch(element: Element): void {
    this.observer?.observe(element);
  }

  // Unknown (not yet reported, or no IntersectionObserver): treated as visible.
  isVisible(element: Element): boolean {
    return this.visible.get(element) ?? true;
  }
}
