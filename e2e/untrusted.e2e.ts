// Untrusted text stays text, in real Chromium: corpus articles whose outlet, title, text and
// address carry script, event handlers and `javascript:` addresses, a page whose title and site
// name do the same, and a tab state full of them. Nothing of it may run (no dialog, no
// `window.__pwned`, no changed title), make elements, or become a link other than http(s).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitFor, type ExtensionSession, type PageServer } from './harness';
import { clickClaim, popoverOutlets, popoverText, tabIdOf, toBackground, turnOnSite, waitForHighlights, startSession, stopSession } from './extension';

/** Each payload marks where it ran, should it ever run. */
const run = (where: string) => `window.__pwned='${where}';document.title='PWNED';alert('${where}')`;

const OUTLET_IMG = `<img src=x onerror="${run('outlet')}">Quillmere Post`;
const OUTLET_SVG = `"><svg onload="${run('outlet 2')}">Harbour Watch`;
const OUTLET_LINK = `Lake Wire <a href="javascript:${run('outlet 3')}">more</a>`;
const TITLE_SCRIPT = `<script>${run('title')}</script>Ferry numbers soar`;
const TITLE_JS = `javascript:${run('title 2')}`;
const TEXT_IMG = `<img src=x onerror="${run('text')}">`;

const ARTICLES = [
  {
    url: `https://quillmere-post.example/ferry"><svg/onload=${run('url').replace(/[ ;']/g, '')}>`,
    outlet: OUTLET_IMG,
    title: TITLE_SCRIPT,
    published: '2026-06-01',
    text: `The Quillmere ferry carried 48,000 passengers in May, the harbour authority said ${TEXT_IMG}. The operator expects even more in the summer months.`,
  },
  {
    url: `https://harbour-watch.example/story?next=javascript:alert(1)`,
    outlet: OUTLET_SVG,
    title: TITLE_JS,
    published: '2026-06-02',
    text: 'Harbour officials said the Quillmere ferry carried 48,000 passengers in May. Queues at the northern pier were long every weekend.',
  },
  {
    url: 'https://lake-wire.example/ferry-prices',
    outlet: OUTLET_LINK,
    title: '',
    published: '2026-05-20',
    text: 'Ticket prices on the Quillmere crossing rose by 12 percent this year, the operator confirmed to Lake Wire.',
  },
];

/** Addresses the background must refuse to store. */
const SCRIPT_URLS = [`javascript:${run('import')}`, 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)'];

/** Everything a page may show: no injected elements, no handlers, only http(s) links. */
async function inspect(page: Page, rootSelector = 'body'): Promise<{ strange: string[]; handlers: string[]; hrefs: string[]; pwned: unknown; title: string }> {
  return page.evaluate((selector) => {
    // The popover lives in a shadow root: look inside every one.
    const all: Element[] = [];
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document.querySelector(selector) ?? document);
    const strange = all.filter((el) => /^(IMG|SCRIPT|SVG|IFRAME|OBJECT|EMBED)$/i.test(el.tagName)).map((el) => el.outerHTML.slice(0, 120));
    const handlers = all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`));
    const hrefs = all.filter((el) => el.tagName === 'A' && el.hasAttribute('href')).map((el) => el.getAttribute('href')!);
    return { strange, handlers, hrefs, pwned: (window as { __pwned?: unknown }).__pwned, title: document.title };
  }, rootSelector);
}

describe('untrusted text stays text', () => {
  let server: PageServer;
  let ext: ExtensionSession;
  const dialogs: string[] = [];
  const consoleProblems: string[] = [];
  const watch = (page: Page) => {
    page.on('dialog', (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => {});
    });
    page.on('console', (message) => {
      if (/Refused to (execute|load)|Content Security Policy/i.test(message.text())) consoleProblems.push(message.text());
    });
    return page;
  };

  beforeAll(async () => {
    ({ server, ext } = await startSession('e2e/pages'));
  });
  afterAll(() => stopSession({ server, ext }));

  it('refuses to import articles whose address is a script', async () => {
    const options = watch(await ext.openExtensionPage('options.html'));
    for (const url of SCRIPT_URLS) {
      const answer = await options.evaluate(
        (data) => (globalThis as any).chrome.runtime.sendMessage({ crosscheck: 'importBatch', data }),
        { articles: [{ ...ARTICLES[2], url }] },
      );
      expect(answer).toEqual({ ok: false, error: 'message "importBatch" refused: "data.articles[0].url" must be an http or https address' });
    }
    await options.close();
  });

  it('shows hostile outlets, titles, text and addresses literally in the popover, side panel and options page', async () => {
    const options = watch(await ext.openExtensionPage('options.html'));
    await waitFor(async () => /^[1-9]\d* articles/.test((await options.getByTestId('corpus-size').textContent()) ?? ''), { timeout: 30_000 });
    const result = await toBackground<{ added: number }>(options, 'importBatch', { articles: ARTICLES });
    expect(result.added).toBe(ARTICLES.length);

    const page = watch(await ext.context.newPage());
    const pageUrl = server.url('quillmere-ferry.html');
    await page.goto(pageUrl);
    const pageTitle = await page.title();
    await turnOnSite(ext, page);
    const found = await waitForHighlights(page, 30_000);
    const claim = Object.values(found).flat().find((text) => text.includes('48,000'));
    expect(claim, `highlighted: ${JSON.stringify(found)}`).toBeTruthy();

    // The popover, in the page.
    await clickClaim(page, claim!);
    const text = await waitFor(() => popoverText(page), { message: 'popover did not open', timeout: 15_000 });
    const outlets = await popoverOutlets(page);
    expect(outlets.map((o) => o.outlet)).toEqual(expect.arrayContaining([OUTLET_IMG, OUTLET_SVG]));
    expect(text).toContain(OUTLET_IMG);
    expect(text).toContain(TITLE_SCRIPT);
    expect(text).toContain(TITLE_JS);
    expect(text).toContain(TEXT_IMG);
    for (const o of outlets) expect(o.href === null || /^https?:\/\//.test(o.href), String(o.href)).toBe(true);
    const inPage = await inspect(page);
    expect(inPage.strange).toEqual([]);
    expect(inPage.handlers).toEqual([]);
    expect(inPage.hrefs.filter((h) => !/^(https?:\/\/|#)/.test(h))).toEqual([]);
    expect(inPage.pwned).toBeUndefined();
    expect(inPage.title).toBe(pageTitle);
    const links = await page.evaluate(() =>
      [...(document.querySelector('[data-crosscheck="popover"]')?.shadowRoot?.querySelectorAll('a') ?? [])].map((a) => ({ rel: a.rel, target: a.target, href: a.getAttribute('href') })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatchObject({ rel: 'noopener noreferrer', target: '_blank' });
    expect(links.map((l) => l.href)).toContain('https://quillmere-post.example/ferry%22%3E%3Csvg/onload=window.__pwned=urldocument.title=PWNEDalert(url)%3E');

    // The side panel, for the page's tab: the page's own hostile site name, and the outlets.
    const tabId = await tabIdOf(ext, pageUrl);
    const panel = watch(await ext.openExtensionPage(`sidepanel.html?tabId=${tabId}`));
    await waitFor(async () => (await panel.locator('.cc-claim').count()) > 0, { timeout: 20_000, message: 'the side panel shows no claims' });
    const panelText = (await panel.locator('main').textContent()) ?? '';
    expect(panelText).toContain(`<img src=x onerror="window.__pwned='site name'">Lakeside Courier`);
    expect(panelText).toContain(OUTLET_IMG);
    expect(panelText).toContain(OUTLET_LINK);
    const inPanel = await inspect(panel);
    expect(inPanel.strange).toEqual([]);
    expect(inPanel.handlers).toEqual([]);
    expect(inPanel.hrefs.filter((h) => !/^https?:\/\//.test(h))).toEqual([]);
    expect(inPanel.pwned).toBeUndefined();

    // The options page's statistics.
    await options.reload();
    await waitFor(async () => (await options.locator('[data-testid="outlet-stats"] td').allTextContents()).includes(OUTLET_SVG), {
      timeout: 20_000,
      message: 'the hostile outlets are not listed',
    });
    const cells = await options.locator('[data-testid="outlet-stats"] tbody tr td:first-child').allTextContents();
    for (const outlet of [OUTLET_IMG, OUTLET_SVG, OUTLET_LINK]) expect(cells).toContain(outlet);
    const inOptions = await inspect(options);
    expect(inOptions.strange).toEqual([]);
    expect(inOptions.handlers).toEqual([]);
    expect(inOptions.pwned).toBeUndefined();

    expect(await ext.serviceWorker.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(consoleProblems).toEqual([]);
    await Promise.all([panel.close(), options.close(), page.close()]);
  });

  it('renders a tab state full of script addresses without a single unsafe link', async () => {
    const fakeTab = 987_654;
    const hostile = (i: number, url: string) => ({
      outlet: `${OUTLET_IMG} ${i}`, stance: 'confirm', confidence: 0.9, url, title: `${TITLE_SCRIPT} ${i}`, published: '2026-06-01', evidence: `${TEXT_IMG} ${i}`, sameOutlet: false, copies: [OUTLET_SVG],
    });
    const urls = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\nscript:alert(1)', 'javascript&#58;alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', `chrome-extension://${ext.extensionId}/options.html`, 'https://ok.example/story'];
    const state = {
      tabId: fakeTab,
      url: 'https://page.example/',
      title: TITLE_SCRIPT,
      outlet: OUTLET_SVG,
      status: 'done',
      checkedAt: '2026-06-02T00:00:00.000Z',
      selections: [],
      claims: [{ text: `${TEXT_IMG} The ferry carried 48,000 passengers.`, start: 0, end: 10, score: 1, verdict: 'confirmed', outlets: urls.map((u, i) => hostile(i, u)) }],
    };
    await ext.serviceWorker.evaluate(([key, value]) => (globalThis as any).chrome.storage.session.set({ [key as string]: value }), [`tab:${fakeTab}`, state] as const);
    const panel = watch(await ext.openExtensionPage(`sidepanel.html?tabId=${fakeTab}`));
    await waitFor(async () => (await panel.locator('.cc-outlet').count()) === urls.length, { timeout: 20_000, message: 'the side panel did not show the outlets' });
    await panel.locator('summary').first().click();
    const hrefs = await panel.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['https://ok.example/story']);
    const plain = await panel.locator('.cc-link-text').allTextContents();
    expect(plain).toEqual(urls.slice(0, -1).map((_, i) => `${TITLE_SCRIPT} ${i}`));
    const inPanel = await inspect(panel);
    expect(inPanel.strange).toEqual([]);
    expect(inPanel.handlers).toEqual([]);
    expect(inPanel.pwned).toBeUndefined();
    expect(await panel.locator('.cc-claim-text').first().textContent()).toBe(state.claims[0].text);
    expect(dialogs).toEqual([]);
    await panel.close();
  });

  it("the content script answers the background's messages, refuses damaged ones, and web pages cannot reach the background", async () => {
    const page = watch(await ext.context.newPage());
    const pageUrl = server.url('quillmere-ferry.html');
    await page.goto(pageUrl);
    await turnOnSite(ext, page);
    await waitForHighlights(page, 30_000);
    const tabId = await tabIdOf(ext, pageUrl);
    const send = (message: unknown) =>
      ext.serviceWorker.evaluate(([id, m]) => (globalThis as any).chrome.tabs.sendMessage(id, m), [tabId, message] as const);
    expect(await send({ crosscheck: 'getSelection', data: {} })).toEqual({ ok: true, value: '' });
    expect(await send({ crosscheck: 'showClaim', data: { index: '0' } })).toEqual({
      ok: false,
      error: 'message "showClaim" refused: "data.index" must be a whole number, got a string',
    });
    expect(await send({ crosscheck: 'recheck', data: { __proto__: null, force: true } })).toEqual({ ok: false, error: 'message "recheck" refused: "data" has an unexpected field "force"' });
    // The page's own scripts have no way to the extension's messages.
    expect(await page.evaluate(() => typeof (globalThis as any).chrome?.runtime?.sendMessage)).toBe('undefined');
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('reports the hostile lines of an import file literally, and stores the good ones', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'crosscheck-untrusted-'));
    const file = path.join(dir, `"><img src=x onerror=alert(1)>.jsonl`);
    const lines = [
      JSON.stringify({ url: `javascript:${run('import line')}`, text: 'x' }),
      `<script>${run('bad json')}</script>`,
      JSON.stringify({ url: 'https://ok.example/a', published: `<img src=x onerror="${run('date')}">`, text: 'x' }),
      JSON.stringify({ url: 'https://ok.example/b', title: TITLE_SCRIPT, outlet: OUTLET_SVG, text: `A stored article about the harbour. ${TEXT_IMG}` }),
    ];
    await writeFile(file, lines.join('\n') + '\n');
    try {
      const options = watch(await ext.openExtensionPage('options.html'));
      await options.getByTestId('import-file').setInputFiles(file);
      await waitFor(async () => /Imported .*: 1 added/.test((await options.getByTestId('corpus-message').textContent()) ?? '') || null, { timeout: 30_000 });
      const errors = await options.locator('[data-testid="import-errors"] li').allTextContents();
      expect(errors).toHaveLength(3);
      expect(errors[0]).toBe(`Line 1: "url" must be an http or https address, got ${JSON.stringify(`javascript:${run('import line')}`.slice(0, 57) + '...')}`);
      expect(errors[1]).toMatch(/^Line 2: not valid JSON/);
      expect(errors[2]).toContain('"published" is not an ISO-8601 date: "<img src=x onerror=');
      expect(await options.getByTestId('corpus-message').textContent()).toContain(`Imported "><img src=x onerror=alert(1)>.jsonl: 1 added`);
      const inOptions = await inspect(options);
      expect(inOptions.strange).toEqual([]);
      expect(inOptions.handlers).toEqual([]);
      expect(inOptions.pwned).toBeUndefined();
      expect(dialogs).toEqual([]);
      await options.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
