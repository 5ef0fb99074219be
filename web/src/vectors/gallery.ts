// Example questions that work with the default vectors, each one click away and each a link.
// Every analogy here gives the expected word first with the shipped vectors (checked by the e2e
// and node tests and listed in data/README.md). With other vectors only the questions whose words
// they know are offered.
import { h, tr } from '../app/dom.ts';
import { t } from '../app/i18n.ts';
import type { Store } from '../app/store.ts';
import type { VectorsPageState } from './vectors-state.ts';

export type Example = Partial<VectorsPageState> & Pick<VectorsPageState, 'tool'>;

export const ANALOGY_EXAMPLES: { words: [string, string, string]; expect: string }[] = [
  { words: ['konge', 'mand', 'kvinde'], expect: 'dronning' },
  { words: ['far', 'mand', 'kvinde'], expect: 'mor' },
  { words: ['søn', 'dreng', 'pige'], expect: 'datter' },
  { words: ['katte', 'kat', 'hund'], expect: 'hunde' },
  { words: ['gik', 'gå', 'løbe'], expect: 'løb' },
  { words: ['bedre', 'god', 'stor'], expect: 'større' },
  { words: ['sommer', 'varm', 'kold'], expect: 'vinter' },
];

export const OTHER_EXAMPLES: Example[] = [
  { tool: 'neighbours', word: 'hund' },
  { tool: 'neighbours', word: 'kage' },
  { tool: 'neighbours', word: 'glad' },
  { tool: 'similarity', pair: ['hund', 'kat'] },
  { tool: 'similarity', pair: ['hund', 'stol'] },
  { tool: 'odd', odd: ['hund', 'kat', 'ko', 'stol'] },
  { tool: 'odd', odd: ['morgen', 'middag', 'aften', 'hest'] },
];

export function exampleLabel(example: Example): string {
  switch (example.tool) {
    case 'neighbours': return `${t('toolNeighbours')}: ${example.word}`;
    case 'analogy': {
      const [a, b, c] = example.analogy!;
      return `${a} − ${b} + ${c}`;
    }
    case 'similarity': return `cos(${example.pair!.join(', ')})`;
    case 'odd': {
      const title = t('toolOdd');
      return `${title}${title.endsWith('?') ? '' : ':'} ${example.odd!.join(', ')}`;
    }
  }
}

// The words a question asks about.
export function exampleWords(example: Example): string[] {
  switch (example.tool) {
    case 'neighbours': return [example.word!];
    case 'analogy': return [...example.analogy!];
    case 'similarity': return [...example.pair!];
    case 'odd': return [...example.odd!];
  }
}

export class Gallery {
  readonly root: HTMLElement;
  private readonly labels: { element: HTMLElement; example: Example }[] = [];
  private readonly about = tr('p', 'galleryAbout', { class: 'field-help' });
  private readonly noneFit = tr('p', 'galleryNoneFit', { class: 'field-help', hidden: true, 'data-gallery': 'none' });
  private readonly groups: HTMLElement[];

  constructor(store: Store, choose: (example: Example) => void) {
    const link = (example: Example) => {
      const anchor = store.link(h('a', { class: 'example' }), (s) => { Object.assign(s.vectors, example); });
      anchor.addEventListener('click', (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;  // a new tab: let it go
        event.preventDefault();
        choose(example);
      });
      this.labels.push({ element: anchor, example });
      return h('li', {}, anchor);
    };
    const analogies: Example[] = ANALOGY_EXAMPLES.map((e) => ({ tool: 'analogy', analogy: e.words, method: 'add' }));
    this.groups = [
      h('div', {}, tr('h3', 'galleryAnalogies'), h('ul', { class: 'example-list' }, ...analogies.map(link))),
      h('div', {}, tr('h3', 'galleryOther'), h('ul', { class: 'example-list' }, ...OTHER_EXAMPLES.map(link))),
    ];
    this.root = h('div', { class: 'gallery' }, this.about, this.noneFit, ...this.groups);
    this.render();
  }

  // Offers only the questions whose words the loaded vectors know; own: not the default vectors.
  offer(vocabulary: ReadonlySet<string>, own: boolean): void {
    for (const { element, example } of this.labels) element.parentElement!.hidden = !exampleWords(example).every((w) => vocabulary.has(w));
    for (const group of this.groups) group.hidden = Array.from(group.querySelectorAll('li')).every((li) => li.hidden);
    const none = this.groups.every((group) => group.hidden);
    this.noneFit.hidden = !none;
    this.about.hidden = none;
    const about = own ? 'galleryAboutOwn' : 'galleryAbout';
    this.about.dataset.i18n = about;  // translateAll keeps it in the chosen language
    this.about.textContent = t(about);
  }

  render(): void {
    for (const { element, example } of this.labels) element.textContent = exampleLabel(example);
  }
}
