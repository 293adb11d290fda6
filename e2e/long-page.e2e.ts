// A long article, in real Chromium with the built extension and its demo corpus: the claims of its
// opening are painted first ("checking"), those of the rest join them before the verdicts come,
// and every claim checked ends up painted with its verdict.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { longPage } from '../bench/page';
import { DEFAULT_MAX_CLAIMS } from '../utils/pipeline';
import { OPENING_CHARS } from '../utils/claim-parts';
import { waitFor, type ExtensionSession, type PageServer } from './harness';
import { highlightCount, tabIdOf, tabState, startSession, stopSession } from './extension';

/** Before any page script: record, every frame, the most claims painted as "checking" at once. */
function recordPending(): void {
  const w = window as unknown as { __mostPending: number };
  w.__mostPending = 0;
  const look = () => {
    const size = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('crosscheck-pending')?.size ?? 0;
    w.__mostPending = Math.max(w.__mostPending, size);
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

describe('a long article', () => {
  let dir: string;
  let server: PageServer;
  let ext: ExtensionSession;
  let page: Page;
  let pageUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-long-'));
    writeFileSync(path.join(dir, 'long.html'), longPage(6_000));
    // The site is switched on from a tab of its own first: the page below is then checked by the
    // registered page script while it is the tab in front (a tab behind gets no animation frames,
    // so recordPending would not see the claims being checked).
    ({ server, ext } = await startSession(dir, { siteOnAt: 'long.html' }));
    page = await ext.context.newPage();
    await page.addInitScript(recordPending);
    pageUrl = server.url('long.html');
    await page.goto(pageUrl);
  });

  afterAll(async () => {
    await stopSession({ server, ext });
    rmSync(dir, { recursive: true, force: true });
  });

  it('paints the rest\'s claims as "checking" beside the opening\'s, and every checked claim with its verdict', async () => {
    const tabId = await tabIdOf(ext, pageUrl);
    const state = await waitFor(async () => {
      const s = await tabState(ext, tabId);
      return s?.status === 'done' ? s : null;
    }, { timeout: 30_000, message: 'the page was not checked' });
    const last = Math.max(...state.claims.map((c) => c.start));
    expect(last).toBeGreaterThan(OPENING_CHARS);
    expect(state.claims.length).toBe(DEFAULT_MAX_CLAIMS);
    // More claims painted as "checking" at once than the opening has means the rest's claims were
    // painted before the verdicts came.
    const inOpening = state.claims.filter((c) => c.start < OPENING_CHARS).length;
    expect(inOpening).toBeGreaterThan(0);
    const mostPending = await waitFor(async () => {
      const n = await page.evaluate(() => (window as unknown as { __mostPending: number }).__mostPending);
      return n > 0 ? n : null;
    }, { message: 'no claim was painted as checking' });
    expect(mostPending).toBeGreaterThan(inOpening);
    await waitFor(async () => (await highlightCount(page)) === state.claims.length || null, { message: 'not every checked claim was painted' });
  });

  it('a check cut short by the service worker stopping is asked for again: every claim gets its verdict', async () => {
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const tabId = await tabIdOf(ext, pageUrl);
    // Read from an extension page: the worker itself is stopped below.
    const reader = await ext.openExtensionPage('options.html');
    const state = () => tabState(ext, tabId, reader);
    const checkedAt = async () => (await state())?.checkedAt;
    const before = await checkedAt();
    // As soon as the background has begun checking the page, it is stopped in the middle of the
    // check. The extension page listens for the tab state's change to 'checking' (polling the state
    // from here could miss the moment on a busy machine).
    await reader.evaluate((key) => {
      const w = window as unknown as { __checking?: boolean };
      w.__checking = false;
      (globalThis as any).chrome.storage.session.onChanged.addListener((changes: Record<string, { newValue?: { status?: string } }>) => {
        if (changes[key]?.newValue?.status === 'checking') w.__checking = true;
      });
    }, `tab:${tabId}`);
    await page.reload();
    await waitFor(() => reader.evaluate(() => (window as unknown as { __checking?: boolean }).__checking === true), { interval: 5, message: 'the page\'s check did not begin' });
    await cdp.send('ServiceWorker.stopAllWorkers');
    await waitFor(async () => (await highlightCount(page)) === DEFAULT_MAX_CLAIMS, { timeout: 30_000, message: 'the claims did not get their verdicts' });
    expect(await page.evaluate(() => (CSS as any).highlights?.get('crosscheck-pending')?.size ?? 0)).toBe(0);
    await waitFor(async () => {
      const at = await checkedAt();
      return at !== undefined && at !== before;
    }, { message: 'the tab state was not updated' });
    await reader.close();
    await cdp.detach();
  });
});
