// The frame budget: every view that has something new is drawn, in turn, a few per frame, and a
// frame takes on no more than its budget once the views' costs are known.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrameBudget, pace } from '../../web/src/app/frame-budget.ts';

// A clock that only moves when a view "draws", and frames run by hand.
function harness(budgetMs: number) {
  let clock = 0;
  let frames: (() => void)[] = [];
  const busy: boolean[] = [];
  const budget = new FrameBudget({ budgetMs, now: () => clock, requestFrame: (run) => { frames.push(run); return frames.length; },
    busy: (b) => busy.push(b) });
  const drawn: string[][] = [];
  let current: string[] = [];
  const view = (name: string, costMs: number) => budget.add(name, () => { current.push(name); clock += costMs; });
  const frame = () => {
    const run = frames;
    frames = [];
    current = [];
    for (const f of run) f();
    drawn.push(current);
    return current;
  };
  return { budget, view, frame, drawn, busy, framesWaiting: () => frames.length };
}

test('views that fit share a frame; the rest follow in the next ones, in turn', () => {
  const { budget, view, frame, busy } = harness(8);
  view('a', 5);
  view('b', 5);
  view('c', 5);
  budget.invalidate();
  assert.deepEqual(frame(), ['a', 'b']);  // b's cost is not known yet, so it is tried
  assert.deepEqual(frame(), ['c']);
  budget.invalidate();
  assert.deepEqual(frame(), ['a']);       // now known: 5 + 5 > 8, one a frame
  assert.deepEqual(frame(), ['b']);
  assert.deepEqual(frame(), ['c']);
  assert.equal(budget.pending, false);
  assert.deepEqual(busy, [true, false, true, false], 'busy from a change until every view shows it');
});

test('an expensive view does not starve the others, and is drawn alone in its turn', () => {
  const { budget, view, frame } = harness(8);
  view('slow', 30);
  view('x', 1);
  view('y', 1);
  for (let round = 0; round < 3; round++) {  // new states keep arriving
    budget.invalidate();
    const frames = [frame(), frame(), frame()];
    for (const f of frames) if (f.includes('slow')) assert.deepEqual(f, ['slow']);
    assert.deepEqual(frames.flat().sort(), ['slow', 'x', 'y'], `round ${round}`);
  }
});

test('only views with something new are drawn; one view can say so alone', () => {
  const { budget, view, frame, framesWaiting } = harness(8);
  const a = view('a', 1);
  view('b', 1);
  budget.invalidate();
  frame();
  a();
  assert.deepEqual(frame(), ['a']);
  assert.equal(framesWaiting(), 0, 'nothing left, no frame asked for');
});

test('a view drawn in parts comes back in the next frames until it says it is done', () => {
  const { budget, frame } = harness(8);
  let parts = 3;
  budget.add('parts', () => --parts > 0);
  budget.invalidate();
  assert.equal(parts, 3);
  frame();
  frame();
  assert.equal(budget.pending, true);
  frame();
  assert.equal(parts, 0);
  assert.equal(budget.pending, false);
});

test('pace: always when not running; while running, every everyMs, the first time everyMs after the start', () => {
  let clock = 1000;
  const due = pace(250, () => clock);
  assert.equal(due(false), true);
  assert.equal(due(false), true);   // stopped: every time
  clock = 5000;
  assert.equal(due(true), false);   // the run's first frame: not yet
  clock = 5249;
  assert.equal(due(true), false);
  clock = 5250;
  assert.equal(due(true), true);    // 250 ms into the run
  clock = 5400;
  assert.equal(due(true), false);
  clock = 5500;
  assert.equal(due(true), true);
  clock = 5510;
  assert.equal(due(false), true);   // the run ended: at once
  clock = 9000;
  assert.equal(due(true), false);   // a new run waits again
});
