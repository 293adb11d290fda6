import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Listener = (p: { origins?: string[] }) => void;

/** The browser's permissions, as far as access.ts uses them: what is granted, and its two events. */
function fakePermissions(origins: string[]) {
  const added: Listener[] = [];
  const removed: Listener[] = [];
  const getAll = vi.fn(async () => ({ origins: [...origins], permissions: [] }));
  Object.assign(fakeBrowser.permissions, {
    getAll,
    onAdded: { addListener: (l: Listener) => added.push(l) },
    onRemoved: { addListener: (l: Listener) => removed.push(l) },
  });
  return {
    getAll,
    grant(more: string[]) {
      origins.push(...more);
      for (const l of added) l({ origins: more });
    },
    revoke(gone: string[]) {
      origins.splice(0, origins.length, ...origins.filter((o) => !gone.includes(o)));
      for (const l of removed) l({ origins: gone });
    },
  };
}

describe('granted sites kept in the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  it('are asked of the browser once for page after page, and again after a grant or a withdrawal', async () => {
    const browserSide = fakePermissions(['*://a.com/*', 'file:///*']);
    const { grantedOrigins, startIfGranted, watchGrants } = await import('./access');
    // Pages of sites not granted: nothing to start, and no question to the browser after the first.
    for (let tab = 1; tab <= 5; tab++) await startIfGranted(tab, `https://other${tab}.org/news`);
    expect(await grantedOrigins()).toEqual(['*://a.com/*']);
    expect(browserSide.getAll).toHaveBeenCalledTimes(1);

    const seen: string[][] = [];
    watchGrants((o) => seen.push(o), (o) => seen.push(o));

    browserSide.grant(['*://b.com/*']);
    expect(seen).toEqual([['*://b.com/*']]);
    expect(await grantedOrigins()).toEqual(['*://a.com/*', '*://b.com/*']);
    await startIfGranted(6, 'https://other6.org/');
    expect(browserSide.getAll).toHaveBeenCalledTimes(2);

    browserSide.revoke(['*://a.com/*']);
    expect(await grantedOrigins()).toEqual(['*://b.com/*']);
    expect(browserSide.getAll).toHaveBeenCalledTimes(3);
  });

  it('register the page script once when two changes ask for it at the same time', async () => {
    const browserSide = fakePermissions(['*://a.com/*']);
    const registered: { id: string; matches?: string[] }[] = [];
    const later = () => new Promise((resolve) => setTimeout(resolve, 5));
    Object.assign(fakeBrowser.scripting, {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => {
        await later();
        return registered.filter((r) => ids.includes(r.id)).map((r) => ({ ...r }));
      },
      registerContentScripts: async (scripts: { id: string; matches?: string[] }[]) => {
        await later();
        for (const s of scripts) {
          if (registered.some((r) => r.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          registered.push({ ...s });
        }
      },
      updateContentScripts: async (scripts: { id: string; matches?: string[] }[]) => {
        await later();
        for (const s of scripts) Object.assign(registered.find((r) => r.id === s.id)!, s);
      },
    });
    const { syncContentScript, watchGrants } = await import('./access');
    watchGrants(() => undefined, () => undefined);
    const start = syncContentScript();
    browserSide.grant(['*://b.com/*']);
    const grant = syncContentScript();
    // Neither is refused by the browser, and the script ends up registered once, for both sites.
    await expect(start).resolves.toContain('*://a.com/*');
    await expect(grant).resolves.toEqual(['*://a.com/*', '*://b.com/*']);
    expect(registered).toHaveLength(1);
    expect(registered[0].matches).toEqual(['*://a.com/*', '*://b.com/*']);
  });

  it('are not kept when the browser fails to answer', async () => {
    const browserSide = fakePermissions(['*://a.com/*']);
    browserSide.getAll.mockRejectedValueOnce(new Error('busy'));
    const { grantedOrigins } = await import('./access');
    await expect(grantedOrigins()).rejects.toThrow('busy');
    expect(await grantedOrigins()).toEqual(['*://a.com/*']);
    expect(browserSide.getAll).toHaveBeenCalledTimes(2);
  });
});

describe('starting in the tabs already open', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  it('starts the page script in loaded pages of granted sites, and in pages still loading once they loaded without it', async () => {
    vi.useFakeTimers();
    // Tab 2 loads a moment later; tab 4 loads too, and the browser starts its registered script there.
    const tabs = [
      { id: 1, url: 'https://a.com/loaded', status: 'complete' },
      { id: 2, url: 'https://a.com/loading', status: 'loading' },
      { id: 3, url: 'https://other.org/loaded', status: 'complete' },
      { id: 4, url: 'https://a.com/browser-starts-it', status: 'loading' },
    ];
    const running = new Set<number>();
    const injected: number[] = [];
    Object.assign(fakeBrowser.tabs, {
      query: vi.fn(async () => tabs.map((t) => ({ ...t }))),
      get: vi.fn(async (id: number) => ({ ...tabs.find((t) => t.id === id)! })),
      sendMessage: vi.fn(async (id: number) => {
        if (running.has(id)) return { ok: true, value: true };
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }),
    });
    Object.assign(fakeBrowser.scripting, {
      executeScript: vi.fn(async ({ target }: { target: { tabId: number } }) => {
        injected.push(target.tabId);
        running.add(target.tabId);
        return [];
      }),
    });
    const { startInOpenTabs } = await import('./access');
    const started = startInOpenTabs(['*://a.com/*']);
    await vi.advanceTimersByTimeAsync(300);
    // Nothing is started in a page still loading.
    expect(injected).toEqual([1]);
    tabs[1].status = 'complete';
    tabs[3].status = 'complete';
    running.add(4);
    await vi.advanceTimersByTimeAsync(2_000);
    await started;
    expect(injected).toEqual([1, 2]);
    vi.useRealTimers();
  });
});

describe('the reader\'s settings follow the grants', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });
  afterEach(() => vi.restoreAllMocks());

  it('a grant switches its site on with one write, a withdrawal switches it off again', async () => {
    const browserSide = fakePermissions([]);
    const { settingsOnGrant, settingsOnRevoke, watchGrants } = await import('./access');
    const { siteSettingsItem } = await import('@/utils/extension/settings');
    await siteSettingsItem.setValue({ mode: 'listed', allow: ['b.org'], deny: [] });
    const writes: unknown[] = [];
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if ('siteSettings' in items) writes.push(items.siteSettings);
      return set(items);
    });
    const pending: Promise<void>[] = [];
    watchGrants((o) => pending.push(settingsOnGrant(o)), (o) => pending.push(settingsOnRevoke(o)));

    browserSide.grant(['*://a.com/*', '*://www.a.com/*']);
    await Promise.all(pending);
    expect(writes).toEqual([{ mode: 'listed', allow: ['b.org', 'a.com'], deny: [] }]);

    browserSide.revoke(['*://a.com/*', '*://www.a.com/*']);
    await Promise.all(pending);
    expect(writes).toHaveLength(2);
    expect(await siteSettingsItem.getValue()).toEqual({ mode: 'listed', allow: ['b.org'], deny: [] });
  });
});
