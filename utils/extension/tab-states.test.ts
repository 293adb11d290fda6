import { describe, expect, it, vi } from 'vitest';
import type { SelectionCheck, TabState } from './messages';
import { TabStates, type TabStateStore } from './tab-states';

/** Session storage stand-in whose reads and writes each take a turn, as the browser's do. */
function memoryStore(failWrites: (state: TabState) => boolean = () => false) {
  const states = new Map<number, TabState>();
  const turn = () => new Promise((r) => setTimeout(r, 0));
  const store: TabStateStore = {
    async get(tabId) {
      await turn();
      return structuredClone(states.get(tabId) ?? null);
    },
    async set(state) {
      await turn();
      if (failWrites(state)) throw new Error('QuotaExceededError');
      states.set(state.tabId, structuredClone(state));
    },
    async remove(tabId) {
      await turn();
      states.delete(tabId);
    },
  };
  return { store, states };
}

const page = (tabId: number, status: TabState['status'], claims: string[] = []): TabState => ({
  tabId, url: 'https://news.example/a', title: '', outlet: null, status, claims: claims.map((text) => ({ text }) as TabState['claims'][number]), selections: [],
});
const selection = (text: string) => ({ id: text, source: 'selection', text, checkedAt: '', claims: [] }) as SelectionCheck;

describe('TabStates', () => {
  it('runs a tab\'s updates one at a time, each on the state the one before left', async () => {
    const { store, states } = memoryStore();
    const tabs = new TabStates(store);
    await tabs.update(1, () => page(1, 'checking'));
    // A page check's outcome and a selection check land in the same moment: neither is lost.
    await Promise.all([
      tabs.update(1, (s) => ({ ...s!, status: 'done', claims: page(1, 'done', ['a']).claims })),
      tabs.update(1, (s) => ({ ...s!, selections: [selection('x'), ...s!.selections] })),
      tabs.update(1, (s) => ({ ...s!, selections: [selection('y'), ...s!.selections] })),
    ]);
    expect(states.get(1)!.status).toBe('done');
    expect(states.get(1)!.claims.map((c) => c.text)).toEqual(['a']);
    expect(states.get(1)!.selections.map((c) => c.text)).toEqual(['y', 'x']);
  });

  it('drops the outcome of a check begun before the tab\'s latest one', async () => {
    const { store, states } = memoryStore();
    const tabs = new TabStates(store);
    const older = tabs.begin(1);
    await tabs.updateIfLatest(1, older, () => page(1, 'checking'));
    const newer = tabs.begin(1);
    await tabs.updateIfLatest(1, newer, () => page(1, 'done', ['new']));
    // The older check finishes last.
    await tabs.updateIfLatest(1, older, () => page(1, 'done', ['old']));
    expect(states.get(1)!.claims.map((c) => c.text)).toEqual(['new']);
    expect(tabs.isLatest(1, newer)).toBe(true);
    expect(tabs.isLatest(1, older)).toBe(false);
    // Other tabs count their own checks.
    expect(tabs.isLatest(2, tabs.begin(2))).toBe(true);
  });

  it('reports a failing write and goes on: the update resolves and later ones still run', async () => {
    let fail = true;
    const { store, states } = memoryStore(() => fail);
    const warn = vi.fn();
    const tabs = new TabStates(store, warn);
    await expect(tabs.update(1, () => page(1, 'checking'))).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][1])).toMatch(/Quota/);
    fail = false;
    await tabs.update(1, () => page(1, 'done'));
    expect(states.get(1)!.status).toBe('done');
  });

  it('keeps a small state that says so when the browser refuses a large one (storage full), not the state before', async () => {
    // room for small states only
    const { store, states } = memoryStore((state) => state.claims.length > 0);
    const warn = vi.fn();
    const tabs = new TabStates(store, warn);
    await tabs.update(1, () => page(1, 'checking'));
    await tabs.update(1, () => ({ ...page(1, 'done', ['The army took the valley.']), selections: [selection('one')] }));
    const kept = states.get(1)!;
    expect(kept.status).toBe('error');
    expect(kept.error).toMatch(/could not be kept.*Quota.*Closing other tabs/);
    expect(kept.claims).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('leaves the state as it is for undefined and removes it for null', async () => {
    const { store, states } = memoryStore();
    const tabs = new TabStates(store);
    await tabs.update(1, () => page(1, 'done', ['a']));
    await tabs.update(1, () => undefined);
    expect(states.get(1)!.claims).toHaveLength(1);
    await tabs.update(1, () => null);
    expect(states.has(1)).toBe(false);
  });

  it('removes a closed tab\'s state and writes nothing for it afterwards (a check finishing late)', async () => {
    const { store, states } = memoryStore();
    const tabs = new TabStates(store);
    const run = tabs.begin(1);
    await tabs.updateIfLatest(1, run, () => page(1, 'checking'));
    const closing = tabs.close(1);
    const late = tabs.update(1, () => page(1, 'done', ['a']));
    await Promise.all([closing, late]);
    await tabs.updateIfLatest(1, run, () => page(1, 'done', ['a']));
    expect(states.has(1)).toBe(false);
  });
});
