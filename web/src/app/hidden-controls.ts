// The control groups a page lets a teacher hide in an embedding (hide= in the link), and the
// hiding itself, which every page does at load; the Indlejr dialog that chooses them loads later.
import type { MessageKey } from './i18n.ts';
import type { AppState } from './url-state.ts';

// A control group a page lets the teacher show or hide in the embedding.
export interface EmbeddableControl {
  id: string;
  label: MessageKey;
  shown: boolean;  // ticked when the dialog opens: enough to run the page, little enough to fit a lesson
}

// A choice about the embedding beyond the controls, e.g. "start by itself".
export interface EmbedOption {
  label: MessageKey;
  on: boolean;
  apply(state: AppState, on: boolean): void;
}

// Hides the chosen control groups, a side panel left with none, and the side column if it is empty.
export function hideControls(root: HTMLElement, ids: readonly string[]): void {
  for (const id of ids) root.querySelectorAll<HTMLElement>(`[data-control="${id}"]`).forEach((e) => { e.hidden = true; });
  const panels = Array.from(root.querySelectorAll<HTMLElement>('.sidebar > .panel'));
  for (const panel of panels) {
    const groups = Array.from(panel.querySelectorAll<HTMLElement>('.control'));
    if (groups.length > 0 && groups.every((g) => g.hidden)) panel.hidden = true;
  }
  if (panels.every((p) => p.hidden)) root.querySelector('.page-grid')?.classList.add('no-sidebar');
}
