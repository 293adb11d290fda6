import type { TabState } from './messages';

/** Where the tabs' states are kept (the browser's session storage in the extension). */
export interface TabStateStore {
  get(tabId: number): Promise<TabState | null>;
  set(state: TabState): Promise<void>;
  remove(tabId: number): Promise<void>;
}

/** What an update does: a new state, `null` to remove the tab's state, `undefined` to leave it. */
export type TabUpdate = (current: TabState | null) => TabState | null | undefined;

/**
 * What the popup and side panel show for each tab: the page's check and the reader's selection
 * checks. Several things change a tab's state at once — a page check that takes seconds, a
 * selection check finishing meanwhile, the page asking again (sensitivity changed, a new story on
 * a single-page site), "not a claim" — so each update reads the state as it is when it runs, one
 * update at a time per tab, and a page check writes its outcome only while it is the tab's latest
 * (an older check finishing late does not put back older claims). A failing storage write is
 * reported and does not fail the check (the page still gets its claims); a closed tab's state is
 * not written again.
 */
export class TabStates {
  private queues = new Map<number, Promise<unknown>>();
  private runs = new Map<number, number>();
  private closed = new Set<number>();

  constructor(
    private store: TabStateStore,
    private warn: (message: string, error: unknown) => void = (message, error) => console.warn(message, error),
  ) {}

  get(tabId: number): Promise<TabState | null> {
    return this.store.get(tabId);
  }

  /** Applies `change` to the tab's state as it is then, after the tab's earlier updates. */
  update(tabId: number, change: TabUpdate): Promise<void> {
    return this.enqueue(tabId, async () => {
      if (this.closed.has(tabId)) return;
      const next = change(await this.store.get(tabId));
      if (next === null) await this.store.remove(tabId);
      else if (next !== undefined) await this.set(next);
    });
  }

  /**
   * Writes a state; when the browser refuses it (its storage for tabs is full), a small one that
   * says so, so that the popup and side panel do not go on showing the state before ("Checking
   * this page…") while the page shows its claims.
   */
  private async set(state: TabState): Promise<void> {
    try {
      await this.store.set(state);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const { signature: _signature, ...rest } = state;
      await this.store.set({
        ...rest,
        status: 'error',
        error: `What was found could not be kept for the popup and side panel (${reason.slice(0, 200)}). Closing other tabs frees room.`,
        claims: [],
        selections: [],
      });
      this.warn('Crosscheck: could not keep what was found on this tab', error);
    }
  }

  private enqueue(tabId: number, work: () => Promise<void>): Promise<void> {
    const queued = (this.queues.get(tabId) ?? Promise.resolve()).then(work).catch((error: unknown) => {
      this.warn('Crosscheck: could not keep what was found on this tab', error);
    });
    this.queues.set(tabId, queued);
    void queued.then(() => {
      if (this.queues.get(tabId) === queued) this.queues.delete(tabId);
    });
    return queued;
  }

  /** A new check (or an idle page) begins on the tab: checks begun before it are out of date. */
  begin(tabId: number): number {
    const run = (this.runs.get(tabId) ?? 0) + 1;
    this.runs.set(tabId, run);
    return run;
  }

  /** Whether `run` is still the tab's latest. */
  isLatest(tabId: number, run: number): boolean {
    return this.runs.get(tabId) === run;
  }

  /** Like `update`, only while `run` is the tab's latest when the update runs. */
  updateIfLatest(tabId: number, run: number, change: TabUpdate): Promise<void> {
    return this.update(tabId, (current) => (this.isLatest(tabId, run) ? change(current) : undefined));
  }

  /** The tab was closed: its state goes, and late answers for it are not written. */
  close(tabId: number): Promise<void> {
    this.closed.add(tabId);
    this.runs.delete(tabId);
    return this.enqueue(tabId, () => this.store.remove(tabId));
  }
}
