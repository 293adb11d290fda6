// A claim longer than the window (one sentence of about 28,000 characters) and a claim holding a
// link, in real Chromium with the built extension and its demo corpus: the popover stays in the
// window near where the reader clicked, "Not a claim" is remembered for the long sentence, and a
// popover opened by tabbing to a link gives the keyboard back to that link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitFor, type ExtensionSession, type PageServer } from './harness';
import { highlights, popoverText, tabIdOf, tabState, startSession, stopSession } from './extension';

const LONG_START = 'The Sarrow Resistance Front said on Tuesday';
const LINKED = 'The army has taken full control of the Sarrow Valley after an eight-day offensive, the defence ministry said.';
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Scrolls the long claim so that its line `which` ('first' or 'middle') is at `y`, and returns that line's middle. */
async function lineOfLongClaim(page: Page, which: 'first' | 'middle', y?: number): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ([start, which, y]) => {
      for (const [, h] of (CSS as any).highlights as Map<string, Set<Range>>) {
        for (const r of h) {
          if (!r.toString().startsWith(start)) continue;
          const rects = () => [...r.getClientRects()];
          const pick = () => (which === 'first' ? rects()[0] : rects()[Math.floor(rects().length / 2)]);
          const target = y ?? innerHeight / 2;
          scrollBy(0, pick().top + pick().height / 2 - target);
          const line = pick();
          return { x: line.left + 40, y: line.top + line.height / 2 };
        }
      }
      return null;
    },
    [LONG_START, which, y ?? null] as const,
  );
  if (!point) throw new Error('the long claim is not highlighted');
  return point;
}

/** The popover's box in the viewport, or null when it is not showing. */
function popoverBox(page: Page): Promise<{ top: number; bottom: number } | null> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-crosscheck="popover"]') as HTMLElement | null;
    const box = host?.shadowRoot?.querySelector('.cc-popover') as HTMLElement | null;
    if (!box) return null;
    const r = box.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  });
}

/** What has the keyboard: the focused element's text, or the popover. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (el?.getAttribute('data-crosscheck') === 'popover') return 'popover';
    return `${el?.tagName.toLowerCase()}:${(el?.textContent ?? '').trim().slice(0, 30)}`;
  });
}

async function closePopover(page: Page) {
  await page.keyboard.press('Escape');
  await waitFor(async () => (await popoverBox(page)) === null || (await popoverText(page)) === null, { message: 'Escape did not close the popover' });
}

describe('a claim taller than the window', () => {
  let server: PageServer;
  let ext: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    ({ server, ext } = await startSession('e2e/pages', { siteOnAt: 'long-claim.html' }));
    page = await ext.context.newPage();
    await page.goto(server.url('long-claim.html'));
    const tabId = await tabIdOf(ext, page.url());
    await waitFor(async () => (await tabState(ext, tabId))?.status === 'done' && Object.values(await highlights(page)).flat().some((t) => t.startsWith(LONG_START)), {
      timeout: 30_000,
      message: 'the long claim was not highlighted',
    });
  });

  afterAll(() => stopSession({ server, ext }));

  it('clicked on its first line, shows the popover inside the window, next to that line, with the claim cut short', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const click = await lineOfLongClaim(page, 'first', 100);
    await page.mouse.click(click.x, click.y);
    // popoverText throws when the popover is outside the window.
    const text = await waitFor(() => popoverText(page), { message: 'no popover' });
    const box = (await popoverBox(page))!;
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.top - click.y).toBeLessThan(60);
    expect(box.top - click.y).toBeGreaterThan(0);
    // The claim shown in the popover is its beginning, not 28,000 characters to scroll through.
    expect(text!.length).toBeLessThan(3_000);
    expect(text).toContain(LONG_START);
    await closePopover(page);
  });

  it('in a small window, clicked in its middle, shows the popover inside the window next to the click', async () => {
    await page.setViewportSize({ width: 900, height: 500 });
    const click = await lineOfLongClaim(page, 'middle');
    await page.mouse.click(click.x, click.y);
    await waitFor(() => popoverText(page), { message: 'no popover' });
    const box = (await popoverBox(page))!;
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(500);
    // Beside the clicked line: just above it, or just below it.
    expect(Math.min(Math.abs(box.bottom - click.y), Math.abs(box.top - click.y))).toBeLessThan(60);
    await closePopover(page);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('a popover opened by tabbing to a link in a claim is next in the tab order, and Escape gives the keyboard back to the link', async () => {
    await page.reload();
    await waitFor(async () => Object.values(await highlights(page)).flat().some((t) => flat(t) === LINKED), { timeout: 30_000, message: 'the claim with a link was not highlighted' });
    // From the page's World link, Tab: the link inside the first claim.
    await page.locator('nav a').nth(1).focus();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a:full control');
    const text = await waitFor(() => popoverText(page), { message: 'focusing the link did not open the popover' });
    expect(flat(text!)).toContain(LINKED);
    // The next Tab goes into the popover, not to the page's last links.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('popover');
    // Shift+Tab from there goes back to the link; Tab through the popover goes on to the page's next
    // element that takes the keyboard: past an anchor without an address (which the browser gives
    // a tab index but never focuses), to one made focusable with a tabindex of its own.
    await page.evaluate(() => document.querySelector('footer')!.insertAdjacentHTML('afterbegin', '<a id="comments">Comments</a> <a tabindex="0" id="menu">Menu</a> '));
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('a:full control');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('popover');
    let tabs = 0;
    while ((await focused(page)) === 'popover' && tabs++ < 30) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a:Menu');
    // Back to the link, into the popover, and Escape: the keyboard is on the link again.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Tab');
    await waitFor(() => popoverText(page), { message: 'focusing the link again did not open the popover' });
    expect(await focused(page)).toBe('a:full control');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('popover');
    await page.keyboard.press('Escape');
    await waitFor(async () => (await focused(page)) === 'a:full control', { message: 'Escape did not give the keyboard back to the link' });
    // Closed for good: the focus given back to the link does not open it again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await popoverText(page)).toBeNull();
    // And the popover, opened from the link, closed with Escape while the link has the keyboard, leaves it there.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await waitFor(() => popoverText(page), { message: 'focusing the link again did not open the popover' });
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('a:full control');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await popoverText(page)).toBeNull();
  });

  it('"Not a claim" on the long sentence is remembered after a reload', async () => {
    await page.evaluate(() => scrollTo(0, 0));
    const click = await lineOfLongClaim(page, 'first', 100);
    await page.mouse.click(click.x, click.y);
    await waitFor(() => popoverBox(page), { message: 'no popover' });
    await page.evaluate(() => {
      const host = document.querySelector('[data-crosscheck="popover"]') as HTMLElement | null;
      (host?.shadowRoot?.querySelector('.cc-dismiss') as HTMLButtonElement | null)?.click();
    });
    const painted = async () => Object.values(await highlights(page)).flat();
    await waitFor(async () => !(await painted()).some((t) => t.startsWith(LONG_START)), { message: 'the long sentence is still highlighted' });
    const tabId = await tabIdOf(ext, page.url());
    const checkedAt = (await tabState(ext, tabId))?.checkedAt;
    await page.reload();
    // The check of the reloaded page, done and painted.
    const after = await waitFor(async () => {
      const s = await tabState(ext, tabId);
      const live = await painted();
      return s?.status === 'done' && s.checkedAt !== checkedAt && live.length === s.claims.length && live.length > 0 ? { s, live } : null;
    }, { timeout: 30_000, message: 'the page was not checked again' });
    expect(after.live.some((t) => t.startsWith(LONG_START))).toBe(false);
    expect(after.s.claims.some((c) => c.text.startsWith(LONG_START))).toBe(false);
  });
});
