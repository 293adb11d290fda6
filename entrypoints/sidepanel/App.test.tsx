// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { handleMessages, MAX_SELECTION_CHARS, type BackgroundProtocol, type TabState } from '@/utils/extension/messages';
import { LIMITS } from '@/utils/extension/message-checks';
import { tabStateKey } from '@/utils/extension/settings';
import type { CheckedClaim } from '@/utils/types';
import { App } from './App';

/** What the side panel says about the tab in front: its claims, the reader's checks, an empty corpus. */

const claim: CheckedClaim = { text: 'The bridge cost 3 million crowns.', start: 0, end: 33, score: 0.9, verdict: 'unverified', outlets: [] };
const done = (tabId: number, over: Partial<TabState> = {}): TabState => ({
  tabId, url: `https://news.example/${tabId}`, title: `Story ${tabId}`, outlet: 'News Example', status: 'done', claims: [claim], selections: [], checkedAt: '2026-03-02T10:00:00Z', ...over,
});

let container: HTMLElement | null = null;
let stop: (() => void) | null = null;
let articles = 3;

async function openPanel(): Promise<HTMLElement> {
  const root = document.createElement('div');
  container = root;
  document.body.append(root);
  await act(async () => render(<App />, root));
  return root;
}

const text = (root: HTMLElement) => root.textContent ?? '';

/** A tab of the panel's window (the browser's window in front). */
async function newTab(n: number, active: boolean): Promise<number> {
  const current = (await fakeBrowser.windows.getCurrent()) ?? (await fakeBrowser.windows.create({ focused: true }));
  const tab = await fakeBrowser.tabs.create({ url: `https://news.example/${n}`, active, windowId: current.id });
  return tab.id!;
}

beforeEach(() => {
  fakeBrowser.reset();
  history.replaceState(null, '', '?');
  articles = 3;
  stop = handleMessages<BackgroundProtocol>({ corpusSize: () => ({ articles, outlets: articles ? 2 : 0 }) }, { accept: () => true });
});

afterEach(() => {
  if (container) {
    act(() => render(null, container!));
    container.remove();
    container = null;
  }
  stop?.();
  stop = null;
  vi.restoreAllMocks();
});

describe('the side panel', () => {
  it('says the corpus is empty, the reason every claim is unverified, and only then', async () => {
    const tab = { id: await newTab(1, true) };
    await storage.setItem(tabStateKey(tab.id!), done(tab.id!));
    articles = 0;
    const root = await openPanel();
    await vi.waitFor(() => expect(text(root)).toContain('Story'));
    await vi.waitFor(() => expect(root.querySelector('[data-testid="empty-corpus"]')?.textContent).toMatch(/corpus is empty.*Unverified/));
    // Articles added meanwhile: the next check finishing asks again, and the notice goes.
    articles = 5;
    await act(async () => storage.setItem(tabStateKey(tab.id!), done(tab.id!, { checkedAt: '2026-03-02T10:05:00Z' })));
    await vi.waitFor(() => expect(root.querySelector('[data-testid="empty-corpus"]')).toBeNull());
  });

  it('a claim not found on one tab: the notice is not shown on the next tab in front', async () => {
    const first = { id: await newTab(1, true) };
    const second = { id: await newTab(2, false) };
    await storage.setItem(tabStateKey(first.id!), done(first.id!));
    await storage.setItem(tabStateKey(second.id!), done(second.id!));
    // The page does not answer (the claim is gone from it).
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
    const root = await openPanel();
    await vi.waitFor(() => expect(text(root)).toContain(`Story ${first.id}`));
    await act(async () => root.querySelector<HTMLButtonElement>('.cc-show')!.click());
    await vi.waitFor(() => expect(text(root)).toContain('could not be found on the page'));
    await act(async () => {
      await fakeBrowser.tabs.update(second.id!, { active: true });
    });
    await vi.waitFor(() => expect(text(root)).toContain(`Story ${second.id}`));
    expect(text(root)).not.toContain('could not be found on the page');
  });

  it('names the page by its outlet and title, without a dangling dash when it has no title', async () => {
    const first = await newTab(1, true);
    await storage.setItem(tabStateKey(first), done(first));
    const root = await openPanel();
    await vi.waitFor(() => expect(root.querySelector('.panel-page')?.textContent).toBe(`News Example — Story ${first}`));
    await act(async () => storage.setItem(tabStateKey(first), done(first, { title: ' ' })));
    await vi.waitFor(() => expect(root.querySelector('.panel-page')?.textContent).toBe('News Example'));
  });

  it('cuts a claim thousands of characters long, as the popover does, so the claims after it are in reach', async () => {
    const tab = await newTab(1, true);
    const long = `The resistance said ${'that shelling went on in the village, '.repeat(700)}officials said.`;
    await storage.setItem(tabStateKey(tab), done(tab, { claims: [{ ...claim, text: long, end: long.length }, { ...claim, start: long.length + 1, end: long.length + 34 }] }));
    const root = await openPanel();
    await vi.waitFor(() => expect(root.querySelectorAll('.cc-claim-text')).toHaveLength(2));
    const shown = root.querySelector('.cc-claim-text')!.textContent!;
    expect(shown.length).toBeLessThanOrEqual(301);
    expect(shown.endsWith('…')).toBe(true);
    expect(long.startsWith(shown.slice(0, -1))).toBe(true);
  });

  it('a typed check whose answer is lost (the background stopped in the middle) is asked again, and the text is kept until answered', async () => {
    const tab = await newTab(1, true);
    await storage.setItem(tabStateKey(tab), done(tab));
    let calls = 0;
    stop?.();
    stop = handleMessages<BackgroundProtocol>(
      {
        corpusSize: () => ({ articles: 3, outlets: 2 }),
        async checkTyped({ tabId, text }) {
          if (++calls === 1) throw new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
          const check = { id: 'c1', source: 'typed' as const, text, checkedAt: '2026-03-02T10:00:00Z', claims: [claim] };
          await storage.setItem(tabStateKey(tabId!), done(tabId!, { selections: [check] }));
          return check;
        },
      },
      { accept: () => true },
    );
    const root = await openPanel();
    const box = root.querySelector<HTMLTextAreaElement>('#typed')!;
    await act(async () => {
      box.value = 'The bridge cost 3 million crowns.';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => root.querySelector<HTMLFormElement>('form')!.requestSubmit());
    await vi.waitFor(() => expect(root.querySelector('[data-testid="selection-checks"]')?.textContent).toContain('You typed'));
    expect(calls).toBe(2);
    expect(root.querySelector('.panel-error')).toBeNull();
    expect(box.value).toBe('');
  });

  it('a typed check that fails twice says so and keeps the text', async () => {
    const tab = await newTab(1, true);
    await storage.setItem(tabStateKey(tab), done(tab));
    stop?.();
    stop = handleMessages<BackgroundProtocol>(
      {
        corpusSize: () => ({ articles: 3, outlets: 2 }),
        checkTyped() {
          throw new Error('the disk is on fire');
        },
      },
      { accept: () => true },
    );
    const root = await openPanel();
    const box = root.querySelector<HTMLTextAreaElement>('#typed')!;
    await act(async () => {
      box.value = 'The bridge cost 3 million crowns.';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => root.querySelector<HTMLFormElement>('form')!.requestSubmit());
    await vi.waitFor(() => expect(root.querySelector('.panel-error')?.textContent).toBe('It could not be checked: the disk is on fire'));
    expect(box.value).toBe('The bridge cost 3 million crowns.');
  });

  it('brings a check that comes in into view, not the checks already there when it opens or moves to another tab', async () => {
    const first = await newTab(1, true);
    const second = await newTab(2, false);
    const check = (id: string) => ({ id, source: 'selection' as const, text: `Check ${id} of the bridge`, checkedAt: '2026-03-02T10:00:00Z', claims: [claim] });
    await storage.setItem(tabStateKey(first), done(first, { selections: [check('a')] }));
    await storage.setItem(tabStateKey(second), done(second, { selections: [check('b')] }));
    const scrolled: string[] = [];
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      scrolled.push(this.textContent ?? '');
    });
    const root = await openPanel();
    await vi.waitFor(() => expect(text(root)).toContain('Check a of the bridge'));
    await act(async () => storage.setItem(tabStateKey(first), done(first, { selections: [check('c'), check('a')] })));
    await vi.waitFor(() => expect(scrolled).toHaveLength(1));
    expect(scrolled[0]).toContain('Check c of the bridge');
    await act(async () => {
      await fakeBrowser.tabs.update(second, { active: true });
    });
    await vi.waitFor(() => expect(text(root)).toContain('Check b of the bridge'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(scrolled).toHaveLength(1);
  });

  it('a selection of a word, not checked, says why', async () => {
    const tab = { id: await newTab(1, true) };
    await storage.setItem(tabStateKey(tab.id!), done(tab.id!, { selections: [{ id: 'a', source: 'selection', text: 'army', checkedAt: '2026-03-02T10:00:00Z', claims: [] }] }));
    const root = await openPanel();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="selection-checks"]')?.textContent).toMatch(/“army”.*Not checked: a word or a name alone/));
  });

  it('a selection longer than what is checked says that only its start was', async () => {
    const tab = { id: await newTab(1, true) };
    const long = { id: 'a', source: 'selection' as const, text: 'The bridge cost 3 million crowns.', cut: true, checkedAt: '2026-03-02T10:00:00Z', claims: [claim] };
    const whole = { ...long, id: 'b', cut: undefined };
    await storage.setItem(tabStateKey(tab.id!), done(tab.id!, { selections: [long, whole] }));
    const root = await openPanel();
    await vi.waitFor(() => expect(root.querySelectorAll('.panel-check')).toHaveLength(2));
    const [first, second] = [...root.querySelectorAll('.panel-check')].map((e) => e.textContent ?? '');
    expect(first).toContain('Only its first 5,000 characters were checked.');
    expect(second).not.toContain('Only its first');
  });

  it('takes a pasted text longer than what is checked, so that the check can say only its start was', async () => {
    await newTab(1, true);
    const root = await openPanel();
    const box = root.querySelector<HTMLTextAreaElement>('#typed')!;
    expect(box.maxLength).toBeGreaterThan(MAX_SELECTION_CHARS);
    expect(box.maxLength).toBe(LIMITS.shortText);
  });
});
