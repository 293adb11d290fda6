// The reader's own checks (a typed sentence, a selection) on a page Crosscheck does not check:
// they are kept with the tab without the page being shown as "checking", and they stay when the
// page is then checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, type ExtensionSession, type PageServer } from './harness';
import { pressToolbarButton, startSession, stopSession, tabState, toBackground, turnOnSite } from './extension';

describe('the reader\'s own checks on a page that is not checked', () => {
  let server: PageServer;
  let ext: ExtensionSession;

  beforeAll(async () => {
    ({ server, ext } = await startSession('demo'));
  });
  afterAll(() => stopSession({ server, ext }));

  it('a typed check on a page whose site is off: not "checking", the check kept, and kept when the site is switched on', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('pages/sarrow-valley.html'));
    // The site is off: the tab's address is not the extension's to see; the tab in front is this one.
    const tabId = await ext.serviceWorker.evaluate(async () => (await (globalThis as any).chrome.tabs.query({ active: true }))[0]?.id as number);
    const panel = await ext.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    const typed = 'The army has taken full control of the Sarrow Valley.';
    await toBackground(panel, 'checkTyped', { tabId, text: typed });
    const kept = await tabState(ext, tabId);
    expect(kept?.status).toBe('unchecked');
    expect(kept?.selections.map((c) => c.text)).toEqual([typed]);
    // The side panel shows the check and says the page itself was not checked.
    await panel.reload();
    await waitFor(async () => (await panel.getByTestId('page-claims').textContent())?.includes('has not been checked') || null, { message: 'the panel does not say the page was not checked' });
    expect(await panel.getByTestId('page-claims').textContent()).not.toContain('Checking this page');
    // The popup offers to check the page once (it hid the button while the page was "checking");
    // the toolbar button is pressed first, as a reader opening the popup does (the tab's address
    // is then the extension's to see).
    await page.bringToFront();
    await pressToolbarButton(ext, page);
    const popup = await ext.openExtensionPage(`popup.html?tabId=${tabId}`);
    await waitFor(async () => (await popup.getByTestId('check-once').count()) === 1 || null, { message: 'no "check this page once" button' });
    expect(await popup.locator('.popup-status').textContent()).not.toContain('Checking');
    await popup.close();
    await panel.close();
    // Switched on: the page is checked, and the reader's check stays with it.
    await page.bringToFront();
    await turnOnSite(ext, page);
    const done = await waitFor(async () => {
      const s = await tabState(ext, tabId);
      return s?.status === 'done' ? s : null;
    }, { timeout: 20_000, message: 'the page was not checked' });
    expect(done.selections.map((c) => c.text)).toEqual([typed]);
    await page.close();
  });

  it('a typed text longer than what is checked: its start is checked, and the side panel says so', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('pages/sarrow-valley.html'));
    const tabId = await ext.serviceWorker.evaluate(async () => (await (globalThis as any).chrome.tabs.query({ active: true }))[0]?.id as number);
    const panel = await ext.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    const long = 'The army has taken full control of the Sarrow Valley after an eight-day offensive. '.repeat(80).trim();
    expect(long.length).toBeGreaterThan(5_000);
    await toBackground(panel, 'checkTyped', { tabId, text: long });
    const kept = await tabState(ext, tabId);
    expect(kept?.selections[0]?.text).toBe(long.slice(0, 5_000));
    expect(kept?.selections[0]?.cut).toBe(true);
    await panel.reload();
    await waitFor(async () => (await panel.getByTestId('selection-checks').textContent())?.includes('Only its first 5,000 characters were checked.') || null, { message: 'the panel does not say the text was cut' });
    await panel.close();
    await page.close();
  });
});
