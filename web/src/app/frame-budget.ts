// Draws a page's views a few per animation frame, so that no frame is held up long however many
// charts a page has: a view with something new waits its turn (round robin) and is drawn when its
// usual cost still fits the frame's budget; what does not fit follows in the next frames. Every
// view draws from the page's latest state, so a view drawn a frame later is never out of date.
const BUDGET_MS = 8;       // leaves the rest of a 60 Hz frame for style, layout and paint
const COST_MEMORY = 0.3;   // weight of the newest duration in a view's usual cost

interface View {
  name: string;  // for a profile: which view took the time
  draw: () => boolean | void;  // true: drawn in part, the rest in a later frame
  waiting: boolean;
  cost: number;  // ms, a running mean of its draws
}

export class FrameBudget {
  private readonly views: View[] = [];
  private next = 0;     // where the round robin goes on
  private frame = 0;

  private readonly budgetMs: number;
  private readonly now: () => number;
  private readonly requestFrame: (run: () => void) => number;
  private readonly onBusy: (busy: boolean) => void;
  private isBusy = false;

  // busy: told when views start to wait and when all are drawn (for aria-busy on the page).
  constructor(options: { busy?: (busy: boolean) => void; budgetMs?: number; now?: () => number;
    requestFrame?: (run: () => void) => number } = {}) {
    this.budgetMs = options.budgetMs ?? BUDGET_MS;
    this.now = options.now ?? (() => performance.now());
    this.requestFrame = options.requestFrame ?? ((run) => requestAnimationFrame(run));
    this.onBusy = options.busy ?? (() => undefined);
  }

  // A view; the function returned says it has something new to show.
  add(name: string, draw: () => boolean | void): () => void {
    const view: View = { name, draw, waiting: false, cost: 0 };
    this.views.push(view);
    return () => {
      view.waiting = true;
      this.schedule();
    };
  }

  // Every view has something new (a new state of training arrived).
  invalidate(): void {
    for (const view of this.views) view.waiting = true;
    this.schedule();
  }

  get pending(): boolean {
    return this.views.some((view) => view.waiting);
  }

  private busy(busy: boolean): void {
    if (busy === this.isBusy) return;
    this.isBusy = busy;
    this.onBusy(busy);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = this.requestFrame(() => this.run());
    this.busy(true);
  }

  // One frame's share: at least one view, then those whose usual cost still fits.
  private run(): void {
    this.frame = 0;
    const start = this.now();
    let drawn = 0;
    const first = this.next;
    for (let k = 0; k < this.views.length; k++) {
      const index = (first + k) % this.views.length;
      const view = this.views[index];
      if (!view.waiting) continue;
      if (drawn > 0 && this.now() - start + view.cost > this.budgetMs) continue;  // a cheaper one may still fit
      this.drawView(view);
      drawn++;
      this.next = index + 1;
    }
    if (this.pending) this.schedule();
    else this.busy(false);
  }

  private drawView(view: View): void {
    view.waiting = false;
    const began = this.now();
    if (view.draw() === true) view.waiting = true;
    const took = this.now() - began;
    view.cost = view.cost === 0 ? took : view.cost + COST_MEMORY * (took - view.cost);
  }
}

// A view's costly part (typesetting) at most every `everyMs` while training runs, the first time
// `everyMs` after it started (the first frames of a run are the busiest: every chart redraws), and
// always when it is not running; `due(running)` says whether now is such a time.
export function pace(everyMs: number, now = () => performance.now()): (running: boolean) => boolean {
  let last = -Infinity;
  let wasRunning = false;
  return (running) => {
    if (running && !wasRunning) last = now();
    wasRunning = running;
    if (running && now() - last < everyMs) return false;
    last = now();
    return true;
  };
}

// aria-busy="true" while views wait to be drawn: screen readers wait, and so can a test.
export function setBusy(element: HTMLElement, busy: boolean): void {
  if (busy) element.setAttribute('aria-busy', 'true');
  else element.removeAttribute('aria-busy');
}
