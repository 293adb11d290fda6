// A page that says the same sentence twice (a standfirst repeated in the body): "Not a claim" on
// one of them is remembered by its words, so both places stop being highlighted, and the tab's
// claims (which the side panel lists, and jumps to by position) stay in step with the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, type ExtensionSession, type PageServer } from './harness';
import { clickClaim, highlights, popoverText, tabIdOf, tabState, turnOnSite, startSession, stopSession } from './extension';

const REPEATED = 'About 12,000 people have fled the valley since the offensive began on October 8.';
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('a sentence the page repeats', () => {
  let server: PageServer;
  let ext: ExtensionSession;

  beforeAll(async () => {
    ({ server, ext } = await startSession('e2e/pages'));
  });

  afterAll(() => stopSession({ server, ext }));

  it('"Not a claim" on one copy stops highlighting both, and the tab\'s claims match the highlights', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('repeated-claim.html'));
    await turnOnSite(ext, page);
    const tabId = await tabIdOf(ext, page.url());
    const painted = async () => Object.values(await highlights(page)).flat().map(flat);
    // Both copies highlighted, once the check is done.
    const before = await waitFor(async () => {
      const s = await tabState(ext, tabId);
      const live = await painted();
      return s?.status === 'done' && live.filter((t) => t === REPEATED).length === 2 ? { s, live } : null;
    }, { timeout: 20_000, message: 'the repeated sentence is not highlighted twice' });
    expect(before.s.claims.filter((c) => flat(c.text) === REPEATED)).toHaveLength(2);
    await clickClaim(page, REPEATED);
    await waitFor(async () => (await popoverText(page)) !== null, { message: 'no popover' });
    await page.evaluate(() => {
      const host = document.querySelector('[data-crosscheck="popover"]') as HTMLElement | null;
      (host?.shadowRoot?.querySelector('.cc-dismiss') as HTMLButtonElement | null)?.click();
    });
    const after = await waitFor(async () => {
      const live = await painted();
      const s = await tabState(ext, tabId);
      return !live.includes(REPEATED) && s && !s.claims.some((c) => flat(c.text) === REPEATED) ? { s, live } : null;
    }, { message: 'a copy of the sentence is still highlighted or listed' });
    expect(after.live.length).toBe(before.live.length - 2);
    expect(after.s.claims.map((c) => flat(c.text)).sort()).toEqual([...after.live].sort());
    await page.close();
  });
});
