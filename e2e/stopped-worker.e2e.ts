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

  it('a check under way when the background stops, asked for by a message that is not asked again (as the context menu asks), is run at its next start', async () => {
    const tabId = await tabIdOf(ext, page.url());
    const reader = await ext.openExtensionPage('options.html');
    const noted = (text: string) =>
      reader.evaluate(async (t) => ((await (globalThis as any).chrome.storage.session.get('pendingChecks')).pendingChecks ?? []).some((p: { text: string }) => p.text === t), text);
    const asked: string[] = [];
    for (let i = 0; i < 3; i++) {
      await stopWorker();
      await page.waitForTimeout(300);
      const text = `The army said it had taken ${i + 3} villages in the Sarrow Valley on Monday.`;
      asked.push(text);
      // Not awaited: the answer is lost with the background, stopped as soon as the check is under way.
      void toBackground(reader, 'checkTyped', { tabId, text }).catch(() => undefined);
      await waitFor(() => noted(text).then((yes) => yes || null), { timeout: 10_000, message: 'the check was not noted as under way' });
      await stopWorker();
    }
    // Anything that starts the background again (here the options page asking for the corpus size).
    await toBackground(reader, 'corpusSize', {}).catch(() => undefined);
    const kept = await waitFor(async () => {
      const texts = ((await tabState(ext, tabId, reader))?.selections ?? []).map((c) => c.text);
      return asked.every((t) => texts.includes(t)) ? texts : null;
    }, { timeout: 30_000, message: 'a typed check was lost when the background stopped' });
    expect(kept.filter((t) => asked.includes(t))).toHaveLength(asked.length);
    await waitFor(async () => (await noted(asked[0])) ? null : true, { message: 'an answered check stays noted as under way' });
    await reader.close();
  });
});
