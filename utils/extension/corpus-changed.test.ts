import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterQuiet, checkedAgainstCorpus } from './corpus-changed';
import type { TabState } from './messages';

const tab = (over: Partial<TabState>): TabState => ({ tabId: 1, url: 'https://a.example/x', title: '', outlet: null, status: 'done', claims: [], selections: [], pageId: 'p1', ...over });

describe('checkedAgainstCorpus', () => {
  it('is true of a page whose check is done, and of no other', () => {
    expect(checkedAgainstCorpus(tab({}))).toBe(true);
    for (const status of ['checking', 'off', 'no-article', 'error', 'unchecked'] as const) expect(checkedAgainstCorpus(tab({ status }))).toBe(false);
    expect(checkedAgainstCorpus(tab({ pageId: undefined }))).toBe(false);
    expect(checkedAgainstCorpus(null)).toBe(false);
  });
});

describe('afterQuiet', () => {
  afterEach(() => vi.useRealTimers());
  it('runs once after a burst of calls, and again after a later one', () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const changed = afterQuiet(run, 1000);
    for (let i = 0; i < 100; i++) {
      changed();
      vi.advanceTimersByTime(200);
    }
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
    changed();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
