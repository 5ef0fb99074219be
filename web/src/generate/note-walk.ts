// The note's two walk-throughs on its four sentences, a step at a time: with bigrams it writes
// "En kat løber en kat"; with trigrams "en hund" is followed by "efter" twice, while "hund en kat"
// never occurs (after "hund en" only "hund" can come, though the bigram model could write "kat").
// Each step puts a beginning in the prompt; the bars (from the core) show the distribution the
// next word comes from, the note's word marked.
import { h, tr } from '../app/dom.ts';
import { t, type MessageKey } from '../app/i18n.ts';

interface WalkStep {
  before: string[];
  next: string;
  text: MessageKey;  // what the step says ({before}, {next})
}

const BIGRAM_WORDS = ['en', 'kat', 'løber', 'en', 'kat'];
const WALKS: Record<2 | 3, { title: MessageKey; help: MessageKey; steps: WalkStep[] }> = {
  2: { title: 'generateWalkTitle', help: 'generateWalkHelp',
    steps: BIGRAM_WORDS.slice(1).map((next, k) => ({ before: BIGRAM_WORDS.slice(0, k + 1), next, text: 'generateWalkText' })) },
  3: { title: 'generateWalkTrigramTitle', help: 'generateWalkTrigramHelp',
    steps: [{ before: ['en', 'hund'], next: 'efter', text: 'generateWalkTrigramSeen' },
      { before: ['hund', 'en'], next: 'kat', text: 'generateWalkTrigramUnseen' }] },
};

export class NoteWalk {
  readonly root: HTMLElement;
  private readonly title = h('h3', {});
  private readonly help = h('p', { class: 'field-help' });
  private readonly text = h('p', { class: 'walk-text', 'data-walk': 'text', role: 'status' });
  private order: 2 | 3 = 2;
  private step = -1;  // −1: not walking

  // go: put a beginning in the prompt and ask for its distribution.
  constructor(private readonly go: (prompt: string) => void) {
    const button = (key: MessageKey, action: string, click: () => void) => {
      const b = tr('button', key, { type: 'button', 'data-action': action });
      b.addEventListener('click', click);
      return b;
    };
    this.root = h('div', { class: 'walk', 'data-walk': 'box' }, this.title, this.help,
      h('div', { class: 'run-buttons' }, button('generateWalkStep', 'walk-step', () => this.next()),
        button('generateWalkRestart', 'walk-restart', () => { this.step = -1; this.next(); })),
      this.text);
    this.render();
  }

  // Shown for the note's text with N = 2 or N = 3 (the note's two models).
  show(source: string, order: number): void {
    const shown = source === 'note' && (order === 2 || order === 3);
    this.root.hidden = !shown;
    if (shown && order !== this.order) {
      this.order = order as 2 | 3;
      this.step = -1;
    }
    this.render();
  }

  // The note's word for the current prompt, to mark in the bars (null when not walking there).
  marked(prompt: string): string | null {
    const s = this.step >= 0 ? WALKS[this.order].steps[this.step] : null;
    return s && prompt === s.before.join(' ') ? s.next : null;
  }

  render(): void {
    const walk = WALKS[this.order];
    this.title.textContent = t(walk.title);
    this.help.textContent = t(walk.help);
    const s = this.step >= 0 ? walk.steps[this.step] : null;
    this.text.textContent = s ? t(s.text, { before: s.before.join(' '), next: s.next }) : '';
  }

  private next(): void {
    this.step = Math.min(this.step + 1, WALKS[this.order].steps.length - 1);
    this.render();
    this.go(WALKS[this.order].steps[this.step].before.join(' '));
  }
}
