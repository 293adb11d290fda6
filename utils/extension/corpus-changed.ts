import type { TabState } from './messages';

/**
 * Whether an open tab's claims were checked against the corpus as it was: such a page is checked
 * again after the corpus changes (articles removed, imported, the demo corpus loaded or removed),
 * so its popover, the popup and the side panel do not go on citing articles no longer stored, or
 * leave out articles just added. Pages being checked, switched off or without an article are not.
 */
export function checkedAgainstCorpus(state: TabState | null | undefined): boolean {
  return !!state && state.status === 'done' && !!state.pageId;
}

/**
 * Runs `run` once, `delayMs` after the last of a burst of calls (an import stores a file in
 * hundreds of batches: open pages are checked again once, when the batches stop coming).
 */
export function afterQuiet(run: () => void, delayMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      run();
    }, delayMs);
  };
}
