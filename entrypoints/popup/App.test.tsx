// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessages, type BackgroundProtocol } from '@/utils/extension/messages';
import { siteSettingsItem } from '@/utils/extension/settings';
import { corpusCapturedItem } from '@/utils/extension/corpus-captured';
import { captureSitesItem } from '@/utils/extension/capture';
import type { SiteSettings } from '@/utils/site-settings';
import { settingsOnGrant } from '@/entrypoints/background/access';
import { App } from './App';

/**
 * The popup's site switch and the browser's permission prompt: only the background turns a grant
 * into settings; the popup writes the settings only when the site needed no new grant.
 */

const TAB = 5;
const PAGE = 'https://valley-observer.example/news/1';
const SITE = ['*://valley-observer.example/*', '*://www.valley-observer.example/*'];
const OFF: SiteSettings = { mode: 'listed', allow: [], deny: [] };

type Listener = (p: { origins?: string[] }) => void;

let container: HTMLElement | null = null;
let stop: (() => void) | null = null;

/**
 * The browser's side: the tab, what is granted, and the prompt, answered by `answer`. A grant
 * fires the permissions' onAdded listeners, the background's among them, as the browser does.
 */
function fakeBrowserSide(granted: string[], answer: (origins: string[]) => boolean) {
  const added: Listener[] = [];
  const request = vi.fn(async ({ origins }: { origins: string[] }) => {
    // Already granted: true at once, no prompt and no event.
    const fresh = origins.filter((o) => !granted.includes(o));
    if (!fresh.length) return true;
    if (!answer(fresh)) return false;
    granted.push(...fresh);
    for (const l of added) l({ origins: fresh });
    return true;
  });
  Object.assign(fakeBrowser.tabs, { get: vi.fn(async () => ({ id: TAB, url: PAGE })) });
  Object.assign(fakeBrowser.permissions, {
    getAll: vi.fn(async () => ({ origins: [...granted], permissions: [] })),
    request,
    remove: vi.fn(async () => true),
    onAdded: { addListener: (l: Listener) => added.push(l), removeListener: (l: Listener) => added.splice(added.indexOf(l), 1) },
    onRemoved: { addListener: () => {}, removeListener: () => {} },
  });
  return { request, added };
}

/** Every value written to the reader's site settings, in order. */
function settingsWrites(): SiteSettings[] {
  const writes: SiteSettings[] = [];
  const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    if ('siteSettings' in items) writes.push(items.siteSettings as SiteSettings);
    return set(items);
  });
  return writes;
}

async function openPopup(): Promise<{ root: HTMLElement; toggle: HTMLInputElement }> {
  const root = document.createElement('div');
  container = root;
  document.body.append(root);
  await act(async () => render(<App />, root));
  const toggle = root.querySelector<HTMLInputElement>('[data-testid="site-switch"]')!;
  await vi.waitFor(() => expect(toggle.disabled).toBe(false));
  return { root, toggle };
}

async function click(toggle: HTMLInputElement): Promise<void> {
  await act(async () => {
    toggle.click();
  });
}

/**
 * Waits until the popup is done with the click: the browser answered (the switch no longer says
 * it is waiting) and `done` holds; then gives any write still to come the time to happen.
 */
async function settled(root: HTMLElement, done: () => unknown): Promise<void> {
  await vi.waitFor(() => {
    expect(root.querySelector('.popup-switch')?.textContent).not.toMatch(/waiting/);
    expect(done()).toBeTruthy();
  });
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

beforeEach(async () => {
  fakeBrowser.reset();
  history.replaceState(null, '', `?tabId=${TAB}`);
  stop = handleMessages<BackgroundProtocol>({ corpusSize: () => ({ articles: 3, outlets: 2 }) }, { accept: () => true });
  await siteSettingsItem.setValue(OFF);
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

describe('switching a site on from the popup', () => {
  it('writes nothing when the reader declines the browser\'s prompt', async () => {
    const browserSide = fakeBrowserSide([], () => false);
    browserSide.added.push((p) => void settingsOnGrant(p.origins ?? []));
    const writes = settingsWrites();
    const { root, toggle } = await openPopup();
    await click(toggle);
    await settled(root, () => /stays off on valley-observer\.example/.test(root.querySelector('.popup-error')?.textContent ?? ''));
    expect(browserSide.request).toHaveBeenCalledWith({ origins: SITE });
    expect(writes).toEqual([]);
    expect(await siteSettingsItem.getValue()).toEqual(OFF);
    expect(toggle.checked).toBe(false);
  });

  it('has the settings written once, by the background, when the reader allows it', async () => {
    const browserSide = fakeBrowserSide([], () => true);
    // The background's permissions listener (see entrypoints/background/index.ts).
    browserSide.added.push((p) => void settingsOnGrant(p.origins ?? []));
    const writes = settingsWrites();
    const { root, toggle } = await openPopup();
    await click(toggle);
    await settled(root, () => writes.length);
    expect(browserSide.request).toHaveBeenCalledWith({ origins: SITE });
    expect(writes).toEqual([{ mode: 'listed', allow: ['valley-observer.example'], deny: [] }]);
    expect(toggle.checked).toBe(true);
  });

  it('writes the settings itself, without a prompt, when the browser already lets it read the site', async () => {
    const answer = vi.fn(() => true);
    const browserSide = fakeBrowserSide([...SITE], answer);
    browserSide.added.push((p) => void settingsOnGrant(p.origins ?? []));
    const writes = settingsWrites();
    const { root, toggle } = await openPopup();
    await click(toggle);
    await settled(root, () => writes.length);
    expect(answer).not.toHaveBeenCalled();
    expect(writes).toEqual([{ mode: 'listed', allow: ['valley-observer.example'], deny: [] }]);
    expect(toggle.checked).toBe(true);
  });

  it('writes the settings itself, asking nothing, when a grant wider than the site covers it', async () => {
    const browserSide = fakeBrowserSide(['*://*/*'], () => true);
    browserSide.added.push((p) => void settingsOnGrant(p.origins ?? []));
    const writes = settingsWrites();
    const { root, toggle } = await openPopup();
    await click(toggle);
    await settled(root, () => writes.length);
    expect(browserSide.request).not.toHaveBeenCalled();
    expect(writes).toEqual([{ mode: 'listed', allow: ['valley-observer.example'], deny: [] }]);
  });

  it('asks the browser again when the site\'s access was taken back since the popup last looked (switched off and on quickly)', async () => {
    const granted = [...SITE];
    const browserSide = fakeBrowserSide(granted, () => true);
    browserSide.added.push((p) => void settingsOnGrant(p.origins ?? []));
    const writes = settingsWrites();
    const { root, toggle } = await openPopup();
    // Taken back, and the popup has not heard of it yet.
    granted.splice(0);
    await click(toggle);
    await settled(root, () => writes.length);
    expect(browserSide.request).toHaveBeenCalledWith({ origins: SITE });
    expect(granted).toEqual(SITE);
    // The background writes the grant's settings; the popup, not knowing a prompt was shown, may write the same.
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes) expect(w).toEqual({ mode: 'listed', allow: ['valley-observer.example'], deny: [] });
  });
});

describe('the popup\'s corpus line', () => {
  it('counts an article captured while the popup is open', async () => {
    let articles = 3;
    stop?.();
    stop = handleMessages<BackgroundProtocol>({ corpusSize: () => ({ articles, outlets: 2 }) }, { accept: () => true });
    fakeBrowserSide([], () => false);
    const { root } = await openPopup();
    const line = () => root.querySelector('[data-testid="corpus-size"]')?.textContent;
    await vi.waitFor(() => expect(line()).toBe('3 articles from 2 outlets in your corpus'));
    // The background stores the article being read (capture switched on) and says so.
    articles = 4;
    await act(async () => corpusCapturedItem.setValue(Date.now()));
    await vi.waitFor(() => expect(line()).toBe('4 articles from 2 outlets in your corpus'));
  });


  it('says an empty corpus is why every claim shows as unverified', async () => {
    stop?.();
    stop = handleMessages<BackgroundProtocol>({ corpusSize: () => ({ articles: 0, outlets: 0 }) }, { accept: () => true });
    fakeBrowserSide([], () => false);
    const { root } = await openPopup();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="corpus-size"]')?.textContent).toMatch(/corpus is empty, so every claim shows as Unverified/));
  });
});

describe('the popup\'s capture switch', () => {
  it('says capture is paused where Crosscheck is off, and not where it is on', async () => {
    await captureSitesItem.setValue(['valley-observer.example']);
    // The browser lets Crosscheck read the site; the reader's settings have it off.
    fakeBrowserSide([...SITE], () => true);
    const { root } = await openPopup();
    const label = () => root.querySelector('[data-testid="capture-switch"]')!.closest('label')!.textContent;
    await vi.waitFor(() => expect(label()).toMatch(/paused: Crosscheck is off on this site/));
    await act(async () => siteSettingsItem.setValue({ mode: 'listed', allow: ['valley-observer.example'], deny: [] }));
    await vi.waitFor(() => expect(label()).toBe('Add articles I read on valley-observer.example to my corpus'));
  });
});
