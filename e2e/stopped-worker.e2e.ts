// The browser stops Crosscheck's background (idle, or as it pleases) while the reader uses it:
// a selection check asked for from the page's keys in that moment is not lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitFor, type ExtensionSession, type PageServer } from './harness';
import { startSession, stopSession, tabIdOf, tabState, toBackground, turnOnSite, waitForHighlights } from './extension';

describe('a background stopped in the middle of a selection check', () => {
  let server: PageServer;
  let ext: ExtensionSession;
  let page: Page;

  /** Stops the extension's service worker, as the browser does. */
  async function stopWorker(): Promise<void> {
    const cdp = await ext.context.browser()!.newBrowserCDPSession();
    try {
      const { targetInfos } = await cdp.send('Target.getTargets');
      for (const t of targetInfos) if (t.type === 'service_worker' && t.url.startsWith(ext.extensionUrl(''))) await cdp.send('Target.closeTarget', { targetId: t.targetId });
    } finally {
      await cdp.detach().catch(() => {});
    }
  }

  beforeAll(async () => {
    ({ server, ext } = await startSession('demo'));
    page = await ext.context.newPage();
    await page.goto(server.url('pages/sarrow-valley.html'));
    await turnOnSite(ext, page);
    await waitForHighlights(page);
  });
  afterAll(() => stopSession({ server, ext }));

  it('Alt+Shift+K on the page: the check is kept even when the background stops just after the keys', async () => {
    const tabId = await tabIdOf(ext, page.url());
    const paragraphs = await page.locator('article p').count();
    const asked: string[] = [];
    // Stopped at several moments after the keys: as the message arrives, while the index loads, while it checks.
    for (const [i, delay] of [20, 40, 60, 90, 120].entries()) {
      await stopWorker();
      await page.waitForTimeout(300);
      const text = await page.evaluate((n) => {
        const p = document.querySelectorAll('article p')[n]!;
        const range = document.createRange();
        range.selectNodeContents(p);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return getSelection()!.toString().trim();
      }, (i + 2) % paragraphs);
      asked.push(text.replace(/\s+/g, ' '));
      await page.keyboard.press('Alt+Shift+K');
      await page.waitForTimeout(delay);
      await stopWorker();
    }
    // Read from an extension page (the worker may be stopped).
    const reader = await ext.openExtensionPage('options.html');
    const kept = await waitFor(async () => {
      const state = await tabState(ext, tabId, reader);
      const texts = (state?.selections ?? []).map((c) => c.text.replace(/\s+/g, ' '));
      return asked.every((t) => texts.includes(t.slice(0, 5000))) ? texts : null;
    }, { timeout: 30_000, message: 'a selection check was lost when the background stopped' });
    expect(kept.length).toBe(asked.length);
    await reader.close();
  });

  it('a check left under way when the background stopped (as one from the context menu is) is run at its next start, unless the tab shows another page now', async () => {
    const tabId = await tabIdOf(ext, page.url());
    const reader = await ext.openExtensionPage('options.html');
    const pending = () => reader.evaluate(async () => ((await (globalThis as any).chrome.storage.session.get('pendingChecks')).pendingChecks ?? []) as { text: string }[]);
    // What the background notes as a check starts (the browser stopped it before the answer).
    const here = 'The army said it had taken five villages in the Sarrow Valley on Monday.';
    const elsewhere = 'The army said it had taken six villages in the Sarrow Valley on Monday.';
    await stopWorker();
    await reader.evaluate(
      ([tabId, here, elsewhere, url]) =>
        (globalThis as any).chrome.storage.session.set({
          pendingChecks: [
            { tabId, text: here, source: 'selection', pageUrl: url, at: Date.now() - 5_000 },
            { tabId, text: elsewhere, source: 'selection', pageUrl: 'http://127.0.0.1:1/another-page.html', at: Date.now() - 5_000 },
          ],
        }),
      [tabId, here, elsewhere, page.url()] as const,
    );
    // Anything that starts the background again (here the options page asking for the corpus size).
    await toBackground(reader, 'corpusSize', {}).catch(() => undefined);
    await waitFor(async () => ((await tabState(ext, tabId, reader))?.selections ?? []).some((c) => c.text === here) || null, { timeout: 30_000, message: 'the check left under way was not run again' });
    await waitFor(async () => ((await pending()).length === 0) || null, { message: 'the notes stay after the check was answered' });
    expect(((await tabState(ext, tabId, reader))?.selections ?? []).some((c) => c.text === elsewhere)).toBe(false);
    // A check answered normally leaves no note.
    await toBackground(reader, 'checkTyped', { tabId, text: 'The army said it had taken seven villages in the Sarrow Valley.' });
    expect(await pending()).toEqual([]);
    await reader.close();
  });
});
