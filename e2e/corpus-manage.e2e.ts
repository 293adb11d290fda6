// The corpus features of the options page and the popup beyond import: capture as you read,
// resuming an import that stopped part way, deleting one article and a date range.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, waitFor, type ExtensionSession, type PageServer } from './harness';
import { openPopupFor, tabIdOf, tabState, toBackground, waitForHighlights, startSession, stopSession } from './extension';

const IMPORT_FILE = path.join(PROJECT_ROOT, 'demo/import/library-fire.jsonl');

describe('corpus: capture, resume, delete', () => {
  let server: PageServer;
  let ext: ExtensionSession;
  const size = async (page: Awaited<ReturnType<ExtensionSession['openExtensionPage']>>) => (await toBackground<{ articles: number }>(page, 'corpusSize')).articles;

  beforeAll(async () => {
    ({ server, ext } = await startSession('demo', { siteOnAt: 'pages/index.html' }));
  });
  afterAll(() => stopSession({ server, ext }));

  it('captures the article being read once, only on a site where capture is on', async () => {
    const options = await ext.openExtensionPage('options.html');
    await waitFor(async () => /^[1-9]\d* articles/.test((await options.getByTestId('corpus-size').textContent()) ?? ''), { timeout: 20_000 });
    const before = await size(options);

    // Off by default: reading adds nothing.
    const page = await ext.context.newPage();
    await page.goto(server.url('pages/amber-delta-floods.html'));
    await waitForHighlights(page);
    await page.waitForTimeout(500);
    expect(await size(options)).toBe(before);

    await options.getByTestId('capture-sites').fill('127.0.0.1');
    await options.locator('[data-testid="capture"] button[type="submit"]').click();
    await waitFor(async () => (await options.getByTestId('capture-on').isChecked()) || null);

    await page.reload();
    await waitForHighlights(page);
    await waitFor(async () => (await size(options)) === before + 1 || null, { timeout: 10_000 });
    await page.reload();
    await waitForHighlights(page);
    await page.waitForTimeout(500);
    expect(await size(options)).toBe(before + 1);

    // The page's canonical link names another site (delta-chronicle.example, not this server): it
    // is stored under its own address; delete it by a variant of that address.
    const tabId = await tabIdOf(ext, page.url());
    await waitFor(async () => (await tabState(ext, tabId))?.status === 'done' || null, { timeout: 20_000 });
    const checkedAt = (await tabState(ext, tabId))?.checkedAt;
    await options.locator('[data-testid="delete-article"] input').fill(`${server.url('pages/amber-delta-floods.html')}?utm_source=test#top`);
    await options.locator('[data-testid="delete-article"] button').click();
    await waitFor(async () => /Removed the article/.test((await options.getByTestId('corpus-message').textContent()) ?? '') || null);
    expect(await size(options)).toBe(before);
    // The open page is checked again against the corpus without it, and that check does not add it back.
    await waitFor(async () => { const s = await tabState(ext, tabId); return (s?.status === 'done' && s.checkedAt !== checkedAt) || null; }, { timeout: 20_000, message: 'the open page was not checked again' });
    await page.waitForTimeout(500);
    expect(await size(options)).toBe(before);
    await page.close();
    await options.close();
  });

  it('capture switched on from the popup while an article is open adds that article at once, without a reload', async () => {
    const options = await ext.openExtensionPage('options.html');
    await options.evaluate(() => (globalThis as any).chrome.storage.local.set({ captureSites: [] }));
    const page = await ext.context.newPage();
    const url = server.url('pages/hollin-moor-lithium.html');
    await page.goto(url);
    await waitForHighlights(page);
    const tabId = await tabIdOf(ext, url);
    await waitFor(async () => (await tabState(ext, tabId))?.status === 'done' || null, { timeout: 20_000, message: 'the page was not checked' });
    await page.waitForTimeout(500);
    const before = await size(options);
    const popup = await openPopupFor(ext, page);
    const capture = popup.getByTestId('capture-switch');
    await waitFor(() => capture.isEnabled(), { message: 'the capture switch stayed disabled' });
    expect(await capture.isChecked()).toBe(false);
    await capture.click();
    await waitFor(async () => (await size(options)) === before + 1 || null, { timeout: 10_000, message: 'the article being read was not added' });
    // The popup, still open, counts it.
    await waitFor(async () => (await popup.getByTestId('corpus-size').textContent())?.startsWith(`${before + 1} articles`) || null, { message: 'the popup did not count the article added' });
    await popup.close();
    await page.close();
    await options.close();
  });

  it('offers to resume an import that stopped, and resumes after the stored lines', async () => {
    const options = await ext.openExtensionPage('options.html');
    const lines = readFileSync(IMPORT_FILE, 'utf8').split('\n').filter(Boolean);
    const stat = statSync(IMPORT_FILE);
    const name = path.basename(IMPORT_FILE);
    const fileKey = `${name}|${stat.size}|${Math.floor(stat.mtimeMs)}`;
    const before = await size(options);
    // The first two lines were stored before the browser closed.
    await toBackground(options, 'importBatch', {
      articles: lines.slice(0, 2).map((l) => JSON.parse(l)),
      checkpoint: { fileKey, name, size: stat.size, lastModified: Math.floor(stat.mtimeMs), line: 2, bytesRead: 0, errors: [] },
    });
    await options.reload();
    await options.getByTestId('import-file').setInputFiles(IMPORT_FILE);
    await options.getByTestId('resume-import').waitFor();
    expect(await options.getByTestId('import-resume').textContent()).toMatch(/stopped after line 2/);
    await options.getByTestId('resume-import').click();
    await waitFor(async () => /Imported library-fire\.jsonl/.test((await options.getByTestId('corpus-message').textContent()) ?? '') || null, { timeout: 30_000 });
    expect(await options.getByTestId('import-report').textContent()).toMatch(/Resumed after line 2/);
    expect(await size(options)).toBe(before + lines.length);
    // Finished: picking the file again starts a new import (nothing to resume).
    expect(await toBackground(options, 'importState', { fileKey })).toBeNull();
    await options.close();
  });

  it('an outlet removed in the options page is no longer cited on a page already open', async () => {
    const page = await ext.context.newPage();
    const url = server.url('pages/amber-delta-floods.html');
    await page.goto(url);
    await waitForHighlights(page);
    const tabId = await tabIdOf(ext, url);
    const citing = async () => {
      const state = await tabState(ext, tabId);
      return state?.status === 'done' ? state.claims.filter((c) => c.outlets.some((o) => o.outlet === 'Harbour Post')).length : null;
    };
    expect(await waitFor(citing, { timeout: 20_000, message: 'the page was not checked' })).toBeGreaterThan(0);

    const options = await ext.openExtensionPage('options.html');
    await waitFor(async () => (await options.getByRole('button', { name: 'Remove Harbour Post' }).count()) > 0 || null, { message: 'Harbour Post is not in the statistics' });
    options.once('dialog', (d) => void d.accept());
    await options.getByRole('button', { name: 'Remove Harbour Post' }).click();
    await waitFor(async () => /Removed Harbour Post/.test((await options.getByTestId('corpus-message').textContent()) ?? '') || null);

    // The open page is checked again against the corpus as it is now.
    await waitFor(async () => (await citing()) === 0 || null, { timeout: 20_000, message: 'the open page still cites the removed outlet' });
    await waitForHighlights(page);
    await options.close();
    await page.close();
  });

  it('deletes the articles published in a date range', async () => {
    const options = await ext.openExtensionPage('options.html');
    const before = await size(options);
    await options.locator('[data-testid="delete-range"] input').nth(0).fill('1900-01-01');
    await options.locator('[data-testid="delete-range"] input').nth(1).fill('2100-12-31');
    options.once('dialog', (d) => void d.accept());
    await options.locator('[data-testid="delete-range"] button').click();
    const message = await waitFor(async () => (await options.getByTestId('corpus-message').textContent())?.match(/Removed (\d+) articles? published/) ?? null);
    expect(Number(message[1])).toBeGreaterThan(0);
    expect(await size(options)).toBe(before - Number(message[1]));
    await options.close();
  });
});
