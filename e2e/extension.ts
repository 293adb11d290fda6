// Steps the end-to-end tests share once the extension is loaded: which tab shows a URL, what is
// highlighted on a page, how to talk to the background as an extension page does.
import type { Page, Worker } from 'playwright-core';
import type { TabState } from '../utils/extension/messages';
import type { ExtensionSession, PageServer } from './harness';
import { launchExtension, startPageServer, waitFor } from './harness';
import { originsForSite } from '../utils/site-access';

export type Verdict = 'confirmed' | 'disputed' | 'conflicting' | 'unverified';
export const VERDICTS: Verdict[] = ['confirmed', 'disputed', 'conflicting', 'unverified'];

/**
 * Presses Crosscheck's toolbar button on `page`'s tab, as a reader does (CDP
 * Extensions.triggerAction): the browser opens the popup and gives the extension this tab
 * through activeTab.
 */
export async function pressToolbarButton(ext: ExtensionSession, page: Page): Promise<void> {
  const browser = ext.context.browser();
  if (!browser) throw new Error('no browser to press the toolbar button in');
  // The reader presses the button on the tab in front.
  await page.bringToFront();
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never);
    const tab = targetInfos.find((t) => t.type === 'tab' && t.url === page.url());
    if (!tab) throw new Error(`no browser tab shows ${page.url()}`);
    await cdp.send('Extensions.triggerAction' as never, { id: ext.extensionId, targetId: tab.targetId } as never);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * The popup for `page`'s tab, after pressing the toolbar button: the browser's own popup window
 * is not reachable from the test, so the same popup page is opened as a tab pinned to `page`'s tab.
 */
export async function openPopupFor(ext: ExtensionSession, page: Page): Promise<Page> {
  await pressToolbarButton(ext, page);
  const tabId = await tabIdOf(ext, page.url());
  return ext.openExtensionPage(`popup.html?tabId=${tabId}`);
}

/**
 * What the background keeps for a tab (its session storage, as the popup and side panel read it),
 * read in the worker or, while the worker is stopped, in one of the extension's pages.
 */
export async function tabState(ext: ExtensionSession, tabId: number, from: Page | Worker = ext.serviceWorker): Promise<TabState | undefined> {
  const key = `tab:${tabId}`;
  const stored = await (from as Worker).evaluate((k) => (globalThis as any).chrome.storage.session.get(k), key);
  return stored[key] as TabState | undefined;
}

/** The browser's id for the tab showing `url`. */
export async function tabIdOf(ext: ExtensionSession, url: string): Promise<number> {
  return waitFor(
    () =>
      ext.serviceWorker.evaluate(async (u) => {
        const tabs = await (globalThis as any).chrome.tabs.query({});
        return tabs.find((t: { url?: string; id?: number }) => t.url === u)?.id as number | undefined;
      }, url),
    { message: `no tab shows ${url}` },
  );
}

/**
 * Whether the browser shows Crosscheck's side panel (the real one, not `sidepanel.html` opened as
 * a tab by a test, whose address carries `?tabId=`).
 */
export async function sidePanelShown(ext: ExtensionSession): Promise<boolean> {
  const browser = ext.context.browser();
  if (!browser) throw new Error('no browser to look for the side panel in');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.some((t) => t.url === ext.extensionUrl('sidepanel.html'));
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Text of every highlighted claim on the page, by verdict (read from the CSS highlight registry). */
export async function highlights(page: Page): Promise<Record<Verdict, string[]>> {
  return page.evaluate((verdicts) => {
    const out: Record<string, string[]> = {};
    for (const v of verdicts) {
      const h = (CSS as any).highlights?.get(`crosscheck-${v}`);
      out[v] = h ? [...h].map((r: Range) => r.toString().replace(/\s+/g, ' ').trim()) : [];
    }
    return out;
  }, VERDICTS) as Promise<Record<Verdict, string[]>>;
}

/** Number of highlighted claims on the page. */
export async function highlightCount(page: Page): Promise<number> {
  const h = await highlights(page);
  return VERDICTS.reduce((n, v) => n + h[v].length, 0);
}

/** Waits until the page has at least one highlighted claim, and returns them. */
export async function waitForHighlights(page: Page, timeout = 20_000): Promise<Record<Verdict, string[]>> {
  // The highlights returned are the ones counted (a second read could fall between two checks).
  return waitFor(async () => {
    const found = await highlights(page);
    return VERDICTS.some((v) => found[v].length > 0) ? found : null;
  }, { timeout, message: 'no claims were highlighted' });
}

/** Sends a protocol message to the background from an extension page, as the popup would. */
export async function toBackground<T>(page: Page, name: string, data: unknown = {}): Promise<T> {
  const answer = await page.evaluate(
    ([n, d]) => (globalThis as any).chrome.runtime.sendMessage({ crosscheck: n, data: d }),
    [name, data] as const,
  );
  if (!answer?.ok) throw new Error(`${name} failed: ${answer?.error ?? 'no answer'}`);
  return answer.value as T;
}

/** Clicks the middle of the first line of a highlighted claim. */
export async function clickClaim(page: Page, text: string): Promise<void> {
  const point = await page.evaluate((t) => {
    for (const [, h] of (CSS as any).highlights as Map<string, Set<Range>>) {
      for (const r of h) {
        if (r.toString().replace(/\s+/g, ' ').trim() !== t) continue;
        r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = r.getClientRects()[0];
        return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, text);
  if (!point) throw new Error(`claim not highlighted: ${text}`);
  await page.mouse.click(point.x, point.y);
}

/** Text inside the claim popover's shadow root, or null when it is not showing in the viewport. */
export async function popoverText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-crosscheck="popover"]') as HTMLElement | null;
    const box = host?.shadowRoot?.querySelector('.cc-popover');
    if (!box) return null;
    const r = box.getBoundingClientRect();
    const onScreen = r.width > 100 && r.height > 50 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1;
    if (!onScreen) throw new Error(`the popover is outside the viewport: ${JSON.stringify(r)}`);
    return box.textContent;
  });
}

/** The popover's outlets with their stances, as shown. */
export async function popoverOutlets(page: Page): Promise<{ outlet: string; stance: string; evidence: string; href: string | null }[]> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-crosscheck="popover"]');
    return [...(host?.shadowRoot?.querySelectorAll('.cc-outlet') ?? [])].map((li) => ({
      outlet: (li as HTMLElement).dataset.outlet ?? '',
      stance: (li as HTMLElement).dataset.stance ?? '',
      evidence: li.querySelector('.cc-evidence')?.textContent ?? '',
      href: li.querySelector('a')?.getAttribute('href') ?? null,
    }));
  });
}

/**
 * Says yes, ahead of time, to the browser's "allow Crosscheck on this site?" prompt for `url`'s
 * host — what a reader does by accepting that prompt, done through chrome://extensions because a
 * test cannot click the browser's own dialog. Afterwards the extension's own permission request
 * for that host is granted at once.
 */
export async function approveSiteAccess(ext: ExtensionSession, url: string): Promise<void> {
  const patterns = originsForSite(new URL(url).hostname);
  const page = await ext.context.newPage();
  try {
    await page.goto('chrome://extensions');
    await page.evaluate(
      async ([id, list]) => {
        for (const p of list) await (globalThis as any).chrome.developerPrivate.addHostPermission(id, p);
      },
      [ext.extensionId, patterns] as const,
    );
  } finally {
    await page.close();
  }
}

/**
 * Turns Crosscheck on for the site of `page` the way a reader does: the toolbar popup's site
 * switch (opened as a tab for `page`'s tab), with the browser's permission prompt answered yes.
 */
export async function turnOnSite(ext: ExtensionSession, page: Page): Promise<void> {
  await approveSiteAccess(ext, page.url());
  const popup = await openPopupFor(ext, page);
  try {
    const sw = popup.getByTestId('site-switch');
    await waitFor(() => sw.isEnabled(), { message: 'the site switch stayed disabled' });
    if (!(await sw.isChecked())) await sw.click();
    await waitFor(() => sw.isChecked(), { message: 'the site switch did not turn on' });
  } finally {
    await popup.close();
  }
  await page.bringToFront();
}

/** Turns Crosscheck on for the site of `url` (see turnOnSite), from a tab opened and closed for it. */
export async function turnOnSiteAt(ext: ExtensionSession, url: string): Promise<void> {
  const page = await ext.context.newPage();
  try {
    await page.goto(url);
    await turnOnSite(ext, page);
  } finally {
    await page.close();
  }
}

/** A page server and the built extension in a browser, started together for one file's tests. */
export interface Session {
  server: PageServer;
  ext: ExtensionSession;
}

/**
 * Serves `root` (a folder of the project), launches the built extension and, with `siteOnAt` (a
 * path on that server), switches that page's site on through the popup. What was started is
 * stopped again if a later step fails.
 */
export async function startSession(root: string, options: { siteOnAt?: string } = {}): Promise<Session> {
  const server = await startPageServer(root);
  let ext: ExtensionSession | undefined;
  try {
    ext = await launchExtension();
    if (options.siteOnAt) await turnOnSiteAt(ext, server.url(options.siteOnAt));
    return { server, ext };
  } catch (error) {
    await stopSession({ server, ext });
    throw error;
  }
}

/** Closes the browser and the page server of a session, whichever of them was started. */
export async function stopSession(session: Partial<Session>): Promise<void> {
  await session.ext?.close();
  await session.server?.close();
}
