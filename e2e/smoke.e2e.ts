// Smoke test: the built extension loads in real Chromium, its service worker starts, and a
// page served by the test server opens next to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, type ExtensionSession, type PageServer } from './harness';
import { startSession, stopSession } from './extension';

describe('extension smoke test', () => {
  let server: PageServer;
  let ext: ExtensionSession;

  beforeAll(async () => {
    ({ server, ext } = await startSession('e2e/pages'));
  });

  afterAll(() => stopSession({ server, ext }));

  it('starts the service worker and finds the extension id', () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    expect(ext.serviceWorker.url()).toMatch(new RegExp(`^chrome-extension://${ext.extensionId}/`));
  });

  it('serves a page and opens it in the browser', async () => {
    const page = await ext.context.newPage();
    const response = await page.goto(server.url('plain-article.html'));
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toContain('text/html');
    await waitFor(() => page.locator('h1').textContent(), { timeout: 5_000 });
    expect(await page.locator('h1').textContent()).toBe('Harbour bridge reopens after repairs');
    await page.close();
  });

  it('page server answers 404 for missing files and paths outside its folder', async () => {
    expect((await fetch(server.url('no-such-page.html'))).status).toBe(404);
    expect((await fetch(`${server.origin}/..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${server.origin}/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
  });

  it('has the manifest named Crosscheck', async () => {
    const page = await ext.openExtensionPage('manifest.json');
    const manifest = JSON.parse((await page.locator('body').innerText()).trim()) as { name: string; manifest_version: number };
    expect(manifest.name).toBe('Crosscheck');
    expect(manifest.manifest_version).toBe(3);
    await page.close();
  });

  it('runs code in the service worker', async () => {
    // `chrome` exists in the worker; the test file itself is type-checked without Chrome's types.
    const name = await ext.serviceWorker.evaluate(
      () => (globalThis as unknown as { chrome: { runtime: { getManifest(): { name: string } } } }).chrome.runtime.getManifest().name,
    );
    expect(name).toBe('Crosscheck');
  });
});
