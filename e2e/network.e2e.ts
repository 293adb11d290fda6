// No network: Crosscheck works offline. Through a reader's whole session — a checked article,
// its popover, the popup, the side panel, the options page, an import and an export — no
// extension context asks for anything outside the extension, and no remote code can load.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, waitFor, type ExtensionSession, type PageServer } from './harness';
import { clickClaim, popoverText, tabIdOf, turnOnSite, waitForHighlights, startSession, stopSession } from './extension';

describe('no network requests of its own', () => {
  let server: PageServer;
  let ext: ExtensionSession;
  const requests: { url: string; frame: string | null }[] = [];

  beforeAll(async () => {
    ({ server, ext } = await startSession('demo'));
    ext.context.on('request', (r: Request) => {
      let frame: string | null = null;
      try {
        frame = r.frame().url();
      } catch {
        // requests from workers, the background service worker among them, have no frame
      }
      requests.push({ url: r.url(), frame });
    });
  });
  afterAll(() => stopSession({ server, ext }));

  it('the manifest keeps the default content security policy (no remote scripts, no eval)', () => {
    const manifest = JSON.parse(readFileSync(path.join(ext.extensionPath, 'manifest.json'), 'utf8'));
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    expect(JSON.stringify(manifest)).not.toMatch(/https?:\/\//);
  });

  it('a whole reading session asks nothing of the network beyond the pages the reader opened', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('pages/sarrow-valley.html'));
    await turnOnSite(ext, page);
    const found = await waitForHighlights(page);
    await clickClaim(page, Object.values(found).flat()[0]);
    await waitFor(() => popoverText(page), { message: 'popover did not open' });
    const tabId = await tabIdOf(ext, page.url());
    for (const p of [`popup.html?tabId=${tabId}`, `sidepanel.html?tabId=${tabId}`]) {
      const view = await ext.openExtensionPage(p);
      await view.waitForTimeout(800);
      await view.close();
    }
    const options = await ext.openExtensionPage('options.html');
    await options.getByTestId('import-file').setInputFiles(path.join(PROJECT_ROOT, 'demo/import/library-fire.jsonl'));
    await waitFor(async () => /Imported library-fire\.jsonl/.test((await options.getByTestId('corpus-message').textContent()) ?? ''), { timeout: 30_000 });
    await options.close();

    // Pages and extension views: only the demo server's own files and the extension's files
    // (chrome://extensions is the browser's own page, opened by the test to answer its prompt).
    const ours = requests.filter((r) => !r.url.startsWith('chrome://') && !r.frame?.startsWith('chrome://'));
    expect(ours.length).toBeGreaterThan(5);
    const outside = ours.filter((r) => !r.url.startsWith(server.origin) && !r.url.startsWith(`chrome-extension://${ext.extensionId}/`) && !r.url.startsWith('data:'));
    expect(outside).toEqual([]);
    // Requests to the demo server come only from its own pages (the reader's navigation).
    const fromExtension = requests.filter((r) => r.url.startsWith(server.origin) && r.frame?.startsWith('chrome-extension://'));
    expect(fromExtension).toEqual([]);

    // The service worker's requests (they come with no frame) stay inside the extension.
    const fromWorker = ours.filter((r) => r.frame === null && !r.url.startsWith(`chrome-extension://${ext.extensionId}/`));
    expect(fromWorker).toEqual([]);
    await page.close();
  });
});
