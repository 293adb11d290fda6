// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { handleMessages, type BackgroundProtocol, type Handlers, type TabState } from '@/utils/extension/messages';
import { tabStateKey } from '@/utils/extension/settings';
import type { CheckedClaim, OutletFinding } from '@/utils/types';
import { expectInert, HOSTILE_TEXTS, HOSTILE_URLS } from '@/tests/hostile-inputs';
import { shownClaim } from '@/components/ClaimPopover';
import { App as SidePanel } from '@/entrypoints/sidepanel/App';
import { App as Popup } from '@/entrypoints/popup/App';
import { App as Options } from '@/entrypoints/options/App';

/**
 * The extension pages show what the background stored about pages and the corpus: page titles,
 * outlet names, errors, typed and selected text, outlet statistics. All of it stays text.
 */

const TAB = 7;
let container: HTMLElement | null = null;
let stop: (() => void) | null = null;

beforeEach(() => {
  fakeBrowser.reset();
  history.replaceState(null, '', `?tabId=${TAB}`);
});

afterEach(() => {
  if (container) {
    act(() => render(null, container!));
    container.remove();
    container = null;
  }
  stop?.();
  stop = null;
});

/** Answers the pages' messages as the background would, with the given handlers. */
function background(handlers: Handlers<BackgroundProtocol>) {
  stop = handleMessages<BackgroundProtocol>({ corpusSize: () => ({ articles: 3, outlets: 2 }), ...handlers }, { accept: () => true });
}

async function mount(node: preact.ComponentChild, ready: (root: HTMLElement) => boolean): Promise<HTMLElement> {
  const root = document.createElement('div');
  container = root;
  document.body.append(root);
  await act(async () => render(node, root));
  await vi.waitFor(() => expect(ready(root)).toBe(true), { timeout: 5000 });
  return root;
}

function hostileClaim(text: string, url: string): CheckedClaim {
  const outlet: OutletFinding = {
    outlet: text, stance: 'dispute', confidence: 0.7, url, title: text, published: text, evidence: text, sameOutlet: false, copies: [text],
  };
  return { text, start: 0, end: text.length, score: 1, verdict: 'disputed', outlets: [outlet, { ...outlet, outlet: `${text} (2)`, url: 'https://safe.example/a' }] };
}

function tabState(text: string, url: string, over: Partial<TabState> = {}): TabState {
  return {
    tabId: TAB,
    url: 'https://page.example/story',
    title: text,
    outlet: text,
    status: 'done',
    claims: [hostileClaim(text, url)],
    checkedAt: '2026-01-01T00:00:00.000Z',
    selections: [{ id: 's1', source: 'typed', text, checkedAt: '2026-01-01T00:00:00.000Z', claims: [hostileClaim(text, url)] }],
    ...over,
  };
}

// Every hostile text and every hostile address, paired round the shorter list.
const CASES = Array.from({ length: Math.max(HOSTILE_TEXTS.length, HOSTILE_URLS.length) }, (_, i) => {
  const text = HOSTILE_TEXTS[i % HOSTILE_TEXTS.length];
  return { text, url: HOSTILE_URLS[i % HOSTILE_URLS.length], name: text.slice(0, 50) };
});

describe('side panel', () => {
  it.each(CASES)('shows a page title, outlet, claims and checks as text: $name', async ({ text, url }) => {
    await storage.setItem(tabStateKey(TAB), tabState(text, url));
    background({});
    const root = await mount(<SidePanel />, (r) => !!r.querySelector('.cc-claim') && !!r.querySelector('.panel-page'));
    expectInert(root);
    expect(root.querySelector('.panel-page b')!.textContent).toBe(text);
    expect(root.querySelector('.panel-page span')!.textContent).toBe(text);
    expect(root.querySelector('.panel-page b')!.getAttribute('dir')).toBe('auto');
    // As text (a very long claim cut, with an ellipsis, as the popover cuts it).
    expect([...root.querySelectorAll('.cc-claim-text')].map((el) => el.textContent)).toEqual([shownClaim(text), shownClaim(text)]);
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://safe.example/a', 'https://safe.example/a']);
    expect(root.querySelector('.panel-check-label span')!.textContent).toBe(text.length > 160 ? `${text.slice(0, 160)}…` : text);
  });

  it('shows a page error as text', async () => {
    const text = HOSTILE_TEXTS[0];
    await storage.setItem(tabStateKey(TAB), tabState(text, HOSTILE_URLS[0], { status: 'error', error: text, claims: [] }));
    background({});
    const root = await mount(<SidePanel />, (r) => !!r.querySelector('.panel-status')?.textContent?.includes('could not'));
    expectInert(root);
    expect(root.querySelector('.panel-status')!.textContent).toBe(`This page could not be checked: ${text}`);
  });
});

describe('popup', () => {
  it.each(CASES)('shows a page error as text: $name', async ({ text, url }) => {
    await storage.setItem(tabStateKey(TAB), tabState(text, url, { status: 'error', error: text, claims: [] }));
    background({});
    const root = await mount(<Popup />, (r) => !!r.querySelector('.popup-status')?.textContent?.includes('could not'));
    expectInert(root);
    expect(root.querySelector('.popup-status')!.textContent).toBe(`This page could not be checked. ${text}`);
  });
});

describe('options page', () => {
  it.each(CASES)('lists outlet statistics as text: $name', async ({ text }) => {
    background({
      outletStats: () => [
        { outlet: text, articles: 2, oldest: text, newest: '2026-01-02', copies: 1 },
        { outlet: `${text} second`, articles: 1, oldest: null, newest: null, copies: 0 },
      ],
    });
    const root = await mount(<Options />, (r) => r.querySelectorAll('[data-testid="outlet-stats"] tbody tr').length === 2);
    expectInert(root);
    const cells = [...root.querySelectorAll('[data-testid="outlet-stats"] tbody tr')].map((tr) => tr.querySelector('td')!.textContent);
    expect(cells).toEqual([text, `${text} second`]);
  });

  it('shows a corpus error from the background as text', async () => {
    const text = HOSTILE_TEXTS[2];
    background({
      corpusSize: () => {
        throw new Error(text);
      },
    });
    // (said in the size line, so a message about what was just done stays)
    const size = (r: HTMLElement) => r.querySelector('[data-testid="corpus-size"]')?.textContent ?? '';
    const root = await mount(<Options />, (r) => size(r).startsWith('Could not read'));
    expectInert(root);
    expect(size(root)).toBe(`Could not read your corpus: ${text}`);
  });

  it('reports hostile bad lines of an import file as text', async () => {
    const stored: number[] = [];
    background({
      outletStats: () => [],
      importState: () => null,
      forgetImport: () => null,
      importBatch: ({ articles }) => {
        stored.push(articles.length);
        return { added: articles.length, duplicates: 0, repeated: 0, copies: 0 };
      },
    });
    const lines = [
      JSON.stringify({ url: 'javascript:window.__pwned=1', text: 'x' }),
      '<script>window.__pwned=1</script>',
      JSON.stringify({ url: 'https://ok.example/a', published: '<img src=x onerror=window.__pwned=1>', text: 'x' }),
      JSON.stringify({ url: 'https://ok.example/b', title: HOSTILE_TEXTS[2], outlet: HOSTILE_TEXTS[0], text: 'Fine text.' }),
    ];
    const root = await mount(<Options />, (r) => !!r.querySelector('[data-testid="import-file"]'));
    const input = root.querySelector('[data-testid="import-file"]') as HTMLInputElement;
    const file = new File([lines.join('\n') + '\n'], '<img src=x onerror=alert(1)>.jsonl', { lastModified: 5 });
    Object.defineProperty(input, 'files', { value: [file] });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="import-errors"] li')).toHaveLength(3), { timeout: 5000 });
    expectInert(root);
    const errors = [...root.querySelectorAll('[data-testid="import-errors"] li')].map((li) => li.textContent);
    expect(errors[0]).toBe('Line 1: "url" must be an http or https address, got "javascript:window.__pwned=1"');
    expect(errors[1]).toMatch(/^Line 2: not valid JSON/);
    expect(errors[2]).toContain('"<img src=x onerror=window.__pwned=1>"');
    expect(stored).toEqual([1]);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="corpus-message"]')?.textContent).toContain('Imported <img src=x onerror=alert(1)>.jsonl: 1 added'));
    expectInert(root);
  });

  it('does not send a script address typed into "remove one article", and says why', async () => {
    const deleteArticle = vi.fn(() => ({ removed: 0 }));
    background({ outletStats: () => [], deleteArticle });
    const root = await mount(<Options />, (r) => !!r.querySelector('[data-testid="delete-article"] input'));
    const input = root.querySelector('[data-testid="delete-article"] input') as HTMLInputElement;
    const typed = 'javascript:window.__pwned=1//<img src=x onerror=alert(1)>';
    await act(async () => {
      input.value = typed;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      (root.querySelector('[data-testid="delete-article"]') as HTMLFormElement).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await vi.waitFor(() => expect(root.querySelector('[data-testid="corpus-message"]')?.textContent).toBe(`Not a web address: ${typed}. Paste the article's address, starting with https:// or http://.`));
    expectInert(root);
    expect(deleteArticle).not.toHaveBeenCalled();
  });
});
