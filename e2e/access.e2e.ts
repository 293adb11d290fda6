// Least privilege in the built extension: no site access at install, a site switched on in the
// popup gets exactly that site's permission (and gives it back when switched off), the page
// script runs only there, and a one-off check works through the toolbar button (activeTab).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, waitFor, type ExtensionSession, type PageServer } from './harness';
import { approveSiteAccess, highlightCount, openPopupFor, tabIdOf, tabState, toBackground, turnOnSite, waitForHighlights, startSession, stopSession } from './extension';

const ARTICLE = 'pages/sarrow-valley.html';

/**
 * Checks that the page script does not run on `page`: after long enough for it to have painted the
 * demo page, nothing is highlighted and nothing answers the background's hello there.
 */
async function expectNotChecked(ext: ExtensionSession, page: Page): Promise<void> {
  await page.waitForTimeout(1500);
  expect(await highlightCount(page)).toBe(0);
  expect(await scriptRuns(ext, page)).toBe(false);
}

/** What the browser has granted, the page script's registrations and the reader's site settings. */
async function accessState(ext: ExtensionSession) {
  return ext.serviceWorker.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    const granted = await chrome.permissions.getAll();
    const scripts = await chrome.scripting.getRegisteredContentScripts();
    const { siteSettings } = await chrome.storage.local.get('siteSettings');
    return {
      origins: granted.origins as string[],
      registered: scripts.flatMap((s: { matches?: string[] }) => s.matches ?? []) as string[],
      siteSettings: siteSettings as { mode: string; allow: string[]; deny: string[] } | undefined,
    };
  });
}

/** Whether the page script runs in the page (it answers the background's hello). */
async function scriptRuns(ext: ExtensionSession, page: Page): Promise<boolean> {
  const url = page.url();
  return ext.serviceWorker.evaluate(async (u) => {
    const chrome = (globalThis as any).chrome;
    const tabs = await chrome.tabs.query({});
    // Without access the browser hides a tab's address, so every tab whose address is hidden is
    // asked too; only a tab running the page script can answer.
    for (const t of tabs) {
      if (t.url && t.url !== u) continue;
      try {
        const answer = await chrome.tabs.sendMessage(t.id, { crosscheck: 'hello', data: {} });
        if (answer?.ok) return true;
      } catch {
        // no script in that tab
      }
    }
    return false;
  }, url);
}

describe('site access: least privilege', () => {
  let server: PageServer;
  let ext: ExtensionSession;

  beforeAll(async () => {
    ({ server, ext } = await startSession('demo'));
  });
  afterAll(() => stopSession({ server, ext }));

  it('asks for no site at install: no host permissions, no page script, nothing on a news page', async () => {
    const manifest = JSON.parse(readFileSync(path.join(ext.extensionPath, 'manifest.json'), 'utf8'));
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
    expect(manifest.permissions.sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage']);

    const page = await ext.context.newPage();
    await page.goto(server.url(ARTICLE));
    await expectNotChecked(ext, page);
    const state = await accessState(ext);
    expect(state.origins).toEqual([]);
    expect(state.registered).toEqual([]);
    await page.close();
  });

  it('without the toolbar button, a one-off check is refused with a clear message', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url(ARTICLE));
    const tabId = await ext.serviceWorker.evaluate(async () => {
      const tabs = await (globalThis as any).chrome.tabs.query({ active: true });
      return tabs[0]?.id as number;
    });
    const options = await ext.openExtensionPage('options.html');
    const answer = await options.evaluate(
      (id) => (globalThis as any).chrome.runtime.sendMessage({ crosscheck: 'checkTabOnce', data: { tabId: id } }),
      tabId,
    );
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(/cannot read this page/);
    expect(await highlightCount(page)).toBe(0);
    await options.close();
    await page.close();
  });

  it('a one-off check on a site that is off adds nothing to the corpus, even with capture on there (the popup says capture is paused)', async () => {
    await ext.serviceWorker.evaluate(() => (globalThis as any).chrome.storage.local.set({ captureSites: ['127.0.0.1'] }));
    const page = await ext.context.newPage();
    await page.goto(server.url(ARTICLE));
    const popup = await openPopupFor(ext, page);
    const before = await waitFor(async () => (await toBackground<{ articles: number }>(popup, 'corpusSize')).articles || null, { timeout: 20_000 });
    await popup.getByTestId('check-once').click();
    await waitForHighlights(page);
    const tabId = await tabIdOf(ext, page.url());
    await waitFor(async () => (await tabState(ext, tabId))?.status === 'done' || null, { message: 'the one-off check did not finish' });
    await page.waitForTimeout(1000);
    expect((await toBackground<{ articles: number }>(popup, 'corpusSize')).articles).toBe(before);
    await popup.close();
    await ext.serviceWorker.evaluate(() => (globalThis as any).chrome.storage.local.set({ captureSites: [] }));
    await page.close();
  });

  it('a one-off check from the toolbar button highlights this page only, without switching the site on', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url(ARTICLE));
    const popup = await openPopupFor(ext, page);
    await popup.getByTestId('check-once').click();
    const found = await waitForHighlights(page);
    expect(Object.values(found).flat().length).toBeGreaterThan(3);
    await popup.close();
    const state = await accessState(ext);
    expect(state.origins).toEqual([]);
    expect(state.registered).toEqual([]);
    // A new load of the page is not checked: the site is still off. The popup no longer counts
    // the claims of the load before, and offers the one-off check again.
    const tabId = await tabIdOf(ext, page.url());
    expect((await tabState(ext, tabId))?.status).toBe('done');
    // The new load's page is held back a while, as a slow site's is: meanwhile the page before is
    // still there (and its page script answers), which must not keep its claims.
    let held = false;
    await page.route(`**/${ARTICLE}`, async (route) => {
      if (!held) {
        held = true;
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
      await route.continue();
    });
    await page.reload();
    await page.unroute(`**/${ARTICLE}`);
    // Left alone a while (nothing else asks about the tab), the claims of the load before are gone.
    await page.waitForTimeout(2000);
    expect(await tabState(ext, tabId)).toBeUndefined();
    await expectNotChecked(ext, page);
    await waitFor(async () => (await tabState(ext, tabId)) === undefined || null, { message: 'the tab still shows the claims of the page before the reload' });
    const again = await openPopupFor(ext, page);
    await waitFor(async () => (await again.getByTestId('check-once').count()) === 1 || null, { message: 'no "check this page once" after the reload' });
    expect(await again.getByTestId('claim-count').count()).toBe(0);
    await again.close();
    await page.close();
  });

  it('switching a site on asks for that site only; the page is checked without a reload; other sites stay untouched', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url(ARTICLE));
    const other = await ext.context.newPage();
    // The same demo page under another host name: a different site.
    await other.goto(server.url(ARTICLE).replace('127.0.0.1', 'localhost'));

    await turnOnSite(ext, page);
    await waitForHighlights(page);
    const state = await accessState(ext);
    expect(state.origins).toEqual(['*://127.0.0.1/*']);
    expect(state.registered).toEqual(['*://127.0.0.1/*']);
    expect(state.siteSettings?.allow).toEqual(['127.0.0.1']);

    await other.reload();
    await expectNotChecked(ext, other);
    await other.close();

    // A new page on the site is checked by the registered script.
    const second = await ext.context.newPage();
    await second.goto(server.url('pages/amber-delta-floods.html'));
    await waitForHighlights(second);
    await second.close();
    await page.close();
  });

  it('switching the site off gives its permission back and stops the page script there', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url(ARTICLE));
    await waitForHighlights(page);
    const popup = await openPopupFor(ext, page);
    const toggle = popup.getByTestId('site-switch');
    await waitFor(() => toggle.isChecked(), { message: 'the switch is not on' });
    // The switch shows the site's state, which changes once the settings (and the browser's
    // permission) do: click it, then wait for the state.
    await toggle.click();
    await waitFor(async () => !(await toggle.isChecked()), { message: 'the switch did not turn off' });
    await waitFor(async () => (await highlightCount(page)) === 0, { message: 'highlights stayed after switching off' });
    await waitFor(async () => (await accessState(ext)).origins.length === 0, { message: 'the permission was not given back' });
    // The background takes the page script's registration back once it hears of the removal.
    await waitFor(async () => (await accessState(ext)).registered.length === 0, { message: 'the page script is still registered' });
    expect((await accessState(ext)).siteSettings?.allow).toEqual([]);
    await popup.close();
    await page.reload();
    await expectNotChecked(ext, page);
    await page.close();
  });

  it('access taken away in the browser\'s own settings switches the site off in Crosscheck too', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url(ARTICLE));
    await turnOnSite(ext, page);
    await waitForHighlights(page);
    // What chrome://extensions → Site access does when the reader removes a site.
    const settingsPage = await ext.context.newPage();
    await settingsPage.goto('chrome://extensions');
    await settingsPage.evaluate(async (id) => {
      const chrome = (globalThis as any).chrome;
      await chrome.developerPrivate.removeHostPermission(id, '*://127.0.0.1/*');
    }, ext.extensionId);
    await settingsPage.close();
    await waitFor(async () => (await accessState(ext)).origins.length === 0, { message: 'the permission is still granted' });
    await waitFor(async () => (await accessState(ext)).siteSettings?.allow.length === 0, { message: 'the site is still on in the settings' });
    await waitFor(async () => (await accessState(ext)).registered.length === 0, { message: 'the page script is still registered' });
    await page.close();
  });

  it('the popup shows the site as off, with a one-off check, where the browser gives no access', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url(ARTICLE).replace('127.0.0.1', 'localhost'));
    const popup = await openPopupFor(ext, page);
    const toggle = popup.getByTestId('site-switch');
    await waitFor(() => toggle.isEnabled(), { message: 'the switch stayed disabled' });
    expect(await toggle.isChecked()).toBe(false);
    await waitFor(async () => /off on this site/.test((await popup.locator('.popup-status').textContent()) ?? ''));
    expect(await popup.getByTestId('check-once').isVisible()).toBe(true);
    const size = await toBackground<{ articles: number }>(popup, 'corpusSize');
    expect(size.articles).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });

  it('the options page asks for the sites on its allow list and gives back those taken off it', async () => {
    const localUrl = server.url(ARTICLE).replace('127.0.0.1', 'localhost');
    await approveSiteAccess(ext, localUrl);
    const options = await ext.openExtensionPage('options.html');
    const form = options.getByTestId('site-settings');
    await form.locator('input[type="radio"]').nth(1).check();
    await form.locator('textarea[name="allow"]').fill('localhost');
    await form.locator('button[type="submit"]').click();
    await waitFor(async () => /Saved: Crosscheck may read 1 site/.test((await form.locator('.message').textContent()) ?? ''), { message: 'not saved' });
    expect((await accessState(ext)).origins.sort()).toEqual(['*://localhost/*']);
    const page = await ext.context.newPage();
    await page.goto(localUrl);
    await waitForHighlights(page);

    await form.locator('textarea[name="allow"]').fill('');
    await form.locator('button[type="submit"]').click();
    await waitFor(async () => (await accessState(ext)).origins.length === 0, { message: 'access was not given back' });
    await waitFor(async () => (await highlightCount(page)) === 0, { message: 'highlights stayed' });
    await page.close();
    await options.close();
  });

  it('a site the browser already lets Crosscheck read is switched on from the popup without asking again', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url(ARTICLE));
    // Switched on (the browser grants the site), then off in the settings alone: switching it on
    // again changes only the settings, written by the popup (there is no grant for the
    // background to turn into settings).
    await turnOnSite(ext, page);
    await waitForHighlights(page);
    await ext.serviceWorker.evaluate(async () => {
      await (globalThis as any).chrome.storage.local.set({ siteSettings: { mode: 'listed', allow: [], deny: [] } });
    });
    try {
      // The page script still runs on the granted site, but paints nothing while the site is off.
      await page.reload();
      await page.waitForTimeout(1500);
      expect(await highlightCount(page)).toBe(0);
      const popup = await openPopupFor(ext, page);
      const toggle = popup.getByTestId('site-switch');
      await waitFor(() => toggle.isEnabled(), { message: 'the switch stayed disabled' });
      expect(await toggle.isChecked()).toBe(false);
      await toggle.click();
      await waitFor(() => toggle.isChecked(), { message: 'the switch did not turn on' });
      await waitForHighlights(page);
      const state = await accessState(ext);
      expect(state.siteSettings).toEqual({ mode: 'listed', allow: ['127.0.0.1'], deny: [] });
      expect(state.origins).toEqual(['*://127.0.0.1/*']);
      await popup.close();
    } finally {
      await ext.serviceWorker.evaluate(async () => {
        await (globalThis as any).chrome.permissions.remove({ origins: ['*://127.0.0.1/*'] });
      });
      await waitFor(async () => (await accessState(ext)).origins.length === 0, { message: 'access was not given back' });
      await page.close();
    }
  });

  it('a site switched on stays on after the browser restarts, and nothing else is granted', async () => {
    const profile = mkdtempSync(path.join(tmpdir(), 'crosscheck-restart-'));
    try {
      const first = await launchExtension({ userDataDir: profile });
      const page = await first.context.newPage();
      await page.goto(server.url(ARTICLE));
      await turnOnSite(first, page);
      await waitForHighlights(page);
      await first.close();

      const again = await launchExtension({ userDataDir: profile });
      try {
        const reopened = await again.context.newPage();
        await reopened.goto(server.url('pages/amber-delta-floods.html'));
        await waitForHighlights(reopened);
        const state = await accessState(again);
        expect(state.origins).toEqual(['*://127.0.0.1/*']);
        expect(state.registered).toEqual(['*://127.0.0.1/*']);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
