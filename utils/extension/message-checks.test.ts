import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BACKGROUND_CHECKS, CONTENT_CHECKS, checkEnvelope, checkMessage, LIMITS, senderAllowed, type SenderInfo } from './message-checks';
import { handleMessages, toBackground, type BackgroundProtocol, type ContentProtocol, type Handlers, type Req } from './messages';
import type { CorpusArticle } from '../types';

const ARTICLE: CorpusArticle = {
  url: 'https://harbour-gazette.example/2026/03/bridge',
  outlet: 'Harbour Gazette',
  title: 'Council approves the bridge',
  published: '2026-03-12',
  text: 'The council approved the bridge on Tuesday.',
};

/** A message each caller really sends, for every message of both protocols. */
const GOOD: { [K in keyof BackgroundProtocol]: Req<BackgroundProtocol, K> } & { [K in keyof ContentProtocol]: Req<ContentProtocol, K> } = {
  pageReading: {},
  spotPage: { url: 'https://news.example/story?id=1', canonicalUrl: 'https://news.example/story', text: 'The bridge opened. It cost 3 million.', part: 'opening' },
  checkPage: {
    url: 'https://news.example/story?id=1',
    title: 'Bridge opens',
    siteName: 'News Example',
    canonicalUrl: null,
    text: 'The bridge opened. It cost 3 million.',
    published: '2026-03-12T08:00:00Z',
  },
  capturePage: {
    url: 'https://news.example/story?id=1',
    title: 'Bridge opens',
    siteName: null,
    canonicalUrl: 'https://news.example/story',
    text: 'The bridge opened. It cost 3 million.',
    pageId: '0f3c',
  },
  pageIdle: { url: 'file:///home/reader/saved.html', status: 'no-article' },
  checkTyped: { tabId: 12, text: 'The bridge cost 3 million.' },
  checkSelection: { text: 'The bridge cost 3 million.', url: 'https://news.example/story' },
  dismissClaim: { pageUrl: 'https://news.example/story', key: 'The bridge opened.' },
  openSidePanel: { tabId: 3 },
  checkTabOnce: { tabId: 3 },
  importBatch: {
    articles: [ARTICLE, { ...ARTICLE, url: 'http://other.example/a', published: null, title: '' }],
    checkpoint: { fileKey: 'feed.jsonl|120|1000', name: 'feed.jsonl', size: 120, lastModified: 1000, line: 3, bytesRead: 120, errors: [{ line: 2, error: 'not valid JSON' }] },
  },
  importState: { fileKey: 'feed.jsonl|120|1000' },
  forgetImport: { fileKey: 'feed.jsonl|120|1000' },
  deletePublishedBetween: { from: '2026-01-01', to: '2026-02-01', timeZone: 'America/Los_Angeles' },
  deleteArticle: { url: 'https://news.example/story?utm_source=x' },
  removeDemoCorpus: {},
  loadDemoCorpus: {},
  deleteOutlet: { outlet: 'News Example' },
  exportPage: { afterId: 0, limit: 500 },
  corpusSize: {},
  outletStats: { timeZone: 'Europe/Berlin' },
  hello: {},
  checkOnce: {},
  showClaim: { index: 2 },
  getSelection: {},
  recheck: {},
};

/** Fields each message may leave out. */
const OPTIONAL: Partial<Record<keyof typeof GOOD, string[]>> = {
  checkPage: ['published'],
  capturePage: ['published', 'pageId'],
  importBatch: ['checkpoint'],
  deletePublishedBetween: ['timeZone'],
  outletStats: ['timeZone'],
};

const NAMES = Object.keys(GOOD) as (keyof typeof GOOD)[];

describe('every message has a check', () => {
  it('covers both protocols, and nothing else', () => {
    expect(Object.keys({ ...BACKGROUND_CHECKS, ...CONTENT_CHECKS }).sort()).toEqual([...NAMES].sort());
  });

  it.each(NAMES)('%s: what the real caller sends passes', (name) => {
    expect(checkMessage(name, GOOD[name])).toBeNull();
  });

  it('an optional field may be left out', () => {
    const { published: _p, ...noDate } = GOOD.checkPage;
    expect(checkMessage('checkPage', noDate)).toBeNull();
    expect(checkMessage('importBatch', { articles: [] })).toBeNull();
    expect(checkMessage('deleteArticle', { id: 4 })).toBeNull();
  });
});

/** A payload with every kind of structural damage, for each message. */
function damaged(name: keyof typeof GOOD): { what: string; data: unknown }[] {
  const good = GOOD[name] as Record<string, unknown>;
  const out: { what: string; data: unknown }[] = [
    { what: 'null', data: null },
    { what: 'nothing', data: undefined },
    { what: 'a string', data: JSON.stringify(good) },
    { what: 'a number', data: 42 },
    { what: 'a list', data: [good] },
    { what: 'an extra field', data: { ...good, extra: 1 } },
    { what: 'a __proto__ field', data: JSON.parse(`{"__proto__": {"polluted": true}${Object.keys(good).length ? ',' : ''}${JSON.stringify(good).slice(1)}`) },
    { what: 'a constructor field', data: { ...good, constructor: { prototype: { polluted: true } } } },
    { what: 'a prototype field', data: { ...good, prototype: {} } },
    { what: 'an object with another prototype', data: Object.assign(Object.create({ polluted: true }), good) },
    { what: 'a Date', data: new Date() },
    { what: 'a Map', data: new Map(Object.entries(good)) },
  ];
  for (const key of Object.keys(good)) {
    if (!OPTIONAL[name]?.includes(key)) {
      const { [key]: _gone, ...rest } = good;
      out.push({ what: `"${key}" missing`, data: rest });
    }
    out.push({ what: `"${key}" nested one level deeper`, data: { ...good, [key]: { value: good[key] } } });
    out.push({ what: `"${key}" in a list`, data: { ...good, [key]: [good[key]] } });
    out.push({ what: `"${key}" a boolean`, data: { ...good, [key]: true } });
    out.push({ what: `"${key}" a function`, data: { ...good, [key]: () => good[key] } });
  }
  return out;
}

describe('refuses damaged messages', () => {
  const cases = NAMES.flatMap((name) => damaged(name).map((d) => ({ name, ...d })));
  it.each(cases)('$name with $what', ({ name, data }) => {
    const wrong = checkMessage(name, data);
    expect(wrong).toMatch(new RegExp(`^message "${name}" refused: `));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

const long = (n: number) => 'x'.repeat(n + 1);
const article = (over: Partial<CorpusArticle>) => ({ articles: [{ ...ARTICLE, ...over }] });

describe('refuses wrong values and sizes, saying why', () => {
  it.each([
    { name: 'spotPage', data: { ...GOOD.spotPage, text: long(LIMITS.pageText) }, error: '"data.text" is too long: 5,000,001 characters, at most 5,000,000' },
    { name: 'spotPage', data: { ...GOOD.spotPage, url: 'not an address' }, error: '"data.url" is not an address' },
    { name: 'spotPage', data: { ...GOOD.spotPage, canonicalUrl: 'javascript:alert(1)' }, error: '"data.canonicalUrl" must be an http or https address' },
    { name: 'spotPage', data: { ...GOOD.spotPage, part: 'all' }, error: '"data.part" must be one of "opening", "rest"' },
    { name: 'checkPage', data: { ...GOOD.checkPage, url: `https://news.example/${long(LIMITS.url)}` }, error: '"data.url" is too long' },
    { name: 'checkPage', data: { ...GOOD.checkPage, title: long(LIMITS.title) }, error: '"data.title" is too long' },
    { name: 'checkPage', data: { ...GOOD.checkPage, siteName: long(LIMITS.outlet) }, error: '"data.siteName" is too long' },
    { name: 'checkPage', data: { ...GOOD.checkPage, published: long(LIMITS.date) }, error: '"data.published" is too long' },
    { name: 'checkPage', data: { ...GOOD.checkPage, url: '' }, error: '"data.url" is empty' },
    { name: 'pageIdle', data: { ...GOOD.pageIdle, status: 'done' }, error: '"data.status" must be one of "off", "no-article", "error"' },
    { name: 'checkTyped', data: { tabId: -1, text: 'x' }, error: '"data.tabId" must be between 0 and' },
    { name: 'checkTyped', data: { tabId: 1.5, text: 'x' }, error: '"data.tabId" must be a whole number, got a number' },
    { name: 'checkTyped', data: { tabId: Number.NaN, text: 'x' }, error: '"data.tabId" must be a whole number' },
    { name: 'checkTyped', data: { tabId: null, text: long(LIMITS.shortText) }, error: '"data.text" is too long: 20,001 characters, at most 20,000' },
    { name: 'checkTyped', data: { tabId: null, text: '   ' }, error: '"data.text" is empty' },
    { name: 'checkSelection', data: { text: 'x', url: 'https://news.example/\u0000' }, error: null },
    { name: 'dismissClaim', data: { ...GOOD.dismissClaim, pageUrl: '/relative' }, error: '"data.pageUrl" is not an address' },
    { name: 'openSidePanel', data: { tabId: '3' }, error: '"data.tabId" must be a whole number, got a string' },
    { name: 'importBatch', data: { articles: Array.from({ length: LIMITS.batchArticles + 1 }, () => ARTICLE) }, error: '"data.articles" has too many items: 1,001, at most 1,000' },
    { name: 'importBatch', data: article({ url: 'javascript:alert(1)' }), error: '"data.articles[0].url" must be an http or https address' },
    { name: 'importBatch', data: article({ url: 'data:text/html,<script>alert(1)</script>' }), error: '"data.articles[0].url" must be an http or https address' },
    { name: 'importBatch', data: article({ title: long(LIMITS.title) }), error: '"data.articles[0].title" is too long' },
    { name: 'importBatch', data: article({ outlet: long(LIMITS.outlet) }), error: '"data.articles[0].outlet" is too long' },
    { name: 'importBatch', data: article({ text: long(LIMITS.articleText) }), error: '"data.articles[0].text" is too long' },
    { name: 'importBatch', data: { articles: [{ url: ARTICLE.url, outlet: 'A', title: 'B', text: 'C' }] }, error: '"data.articles[0].published" is missing' },
    { name: 'importBatch', data: article({ published: undefined }), error: '"data.articles[0].published" must be text, got nothing' },
    { name: 'importBatch', data: article({ text: 7 as unknown as string }), error: '"data.articles[0].text" must be text, got a number' },
    {
      name: 'importBatch',
      data: { articles: Array.from({ length: 5 }, (_, i) => ({ ...ARTICLE, url: `https://a.example/${i}`, text: 'y'.repeat(LIMITS.articleText) })) },
      error: '"data.articles" holds too much text: 10,000,000 characters, at most 8,000,000',
    },
    {
      name: 'importBatch',
      data: { articles: [], checkpoint: { ...GOOD.importBatch.checkpoint!, errors: Array.from({ length: LIMITS.checkpointErrors + 1 }, (_, i) => ({ line: i, error: 'bad' })) } },
      error: '"data.checkpoint.errors" has too many items',
    },
    {
      name: 'importBatch',
      data: { articles: [], checkpoint: { ...GOOD.importBatch.checkpoint!, errors: [{ line: 1, error: long(LIMITS.errorText) }] } },
      error: '"data.checkpoint.errors[0].error" is too long',
    },
    { name: 'importBatch', data: { articles: [], checkpoint: { ...GOOD.importBatch.checkpoint!, size: Infinity } }, error: '"data.checkpoint.size" must be a number' },
    { name: 'importState', data: { fileKey: long(LIMITS.fileKey) }, error: '"data.fileKey" is too long' },
    { name: 'forgetImport', data: { fileKey: '' }, error: '"data.fileKey" is empty' },
    { name: 'deletePublishedBetween', data: { from: '2026-02-01', to: '2026-01-01' }, error: '"data.from" is after "data.to"' },
    { name: 'deletePublishedBetween', data: { from: 'yesterday', to: '2026-01-01' }, error: '"data.from" must be a date like 2026-03-05' },
    // A day, not a moment: days are the reader's, worked out with their time zone.
    { name: 'deletePublishedBetween', data: { from: '2026-01-01T10:00:00Z', to: '2026-01-02' }, error: '"data.from" must be a date like 2026-03-05' },
    { name: 'deletePublishedBetween', data: { from: '2026-01-01', to: '2026-13-45' }, error: '"data.to" must be a date like 2026-03-05' },
    { name: 'deletePublishedBetween', data: { from: '2026-02-30', to: '2026-03-01' }, error: '"data.from" must be a date like 2026-03-05' },
    { name: 'deletePublishedBetween', data: { from: '2026-01-01', to: '2026-01-01', timeZone: 'Mars/Olympus' }, error: '"data.timeZone" is not a time zone' },
    { name: 'outletStats', data: { timeZone: 3 }, error: '"data.timeZone" must be text' },
    { name: 'outletStats', data: {}, error: null },
    { name: 'deleteArticle', data: {}, error: '"data" must name the article by "url" or "id"' },
    { name: 'deleteArticle', data: { url: 'javascript:alert(1)' }, error: '"data.url" must be an http or https address' },
    { name: 'deleteArticle', data: { id: 0 }, error: '"data.id" must be between 1 and' },
    { name: 'deleteOutlet', data: { outlet: long(LIMITS.outlet) }, error: '"data.outlet" is too long' },
    { name: 'exportPage', data: { afterId: 0, limit: 100_000 }, error: '"data.limit" must be between 1 and 1,000' },
    { name: 'corpusSize', data: { everything: true }, error: '"data" has an unexpected field "everything"' },
    { name: 'showClaim', data: { index: -1 }, error: '"data.index" must be between 0 and 100,000' },
    { name: 'recheck', data: { force: true }, error: '"data" has an unexpected field "force"' },
  ] as { name: keyof typeof GOOD; data: unknown; error: string | null }[])('$name: $error', ({ name, data, error }) => {
    const wrong = checkMessage(name, data);
    if (error === null) expect(wrong).toBeNull();
    else expect(wrong).toContain(error);
  });

  it('refuses a name no protocol has, including names inherited by every object', () => {
    for (const name of ['dropDatabase', '__proto__', 'toString', 'constructor', 'hasOwnProperty']) {
      expect(checkMessage(name, {})).toBe(`unknown message "${name}"`);
    }
  });
});

describe('checkEnvelope', () => {
  it.each([
    { message: { crosscheck: 'corpusSize', data: {} }, expected: { name: 'corpusSize', data: {} } },
    { message: { crosscheck: 'corpusSize' }, expected: { name: 'corpusSize', data: undefined } },
    { message: { crosscheck: 7, data: {} }, expected: { error: 'the message has no name' } },
    { message: { crosscheck: 'x'.repeat(65), data: {} }, expected: { error: 'the message has no name' } },
    { message: { crosscheck: 'corpusSize', data: {}, reply: 'elsewhere' }, expected: { error: 'the message has an unexpected field "reply"' } },
    { message: JSON.parse('{"crosscheck":"corpusSize","data":{},"__proto__":{"x":1}}'), expected: { error: 'the message has an unexpected field "__proto__"' } },
    { message: ['crosscheck'], expected: { error: 'the message is not an object' } },
  ])('$message', ({ message, expected }) => {
    expect(checkEnvelope(message)).toEqual(expected);
  });
});

describe('senderAllowed', () => {
  const ID = 'ourextensionid';
  const ORIGIN = `chrome-extension://${ID}/`;
  it.each([
    { from: 'extension', sender: { id: ID, url: `${ORIGIN}options.html` }, expected: true },
    { from: 'extension', sender: { id: ID, url: `${ORIGIN}sidepanel.html?tabId=3`, tab: { id: 3 } }, expected: true },
    { from: 'extension', sender: { id: ID, url: 'https://news.example/', tab: { id: 3 } }, expected: false },
    { from: 'extension', sender: { id: 'otherextension', url: 'chrome-extension://otherextension/page.html' }, expected: false },
    { from: 'extension', sender: { id: ID, url: `chrome-extension://${ID}.evil.example/` }, expected: false },
    { from: 'extension', sender: { url: `${ORIGIN}options.html` }, expected: false },
    { from: 'extension', sender: { id: ID }, expected: true },
    { from: 'extension', sender: { id: ID, tab: { id: 3 } }, expected: false },
    { from: 'tab', sender: { id: ID, url: 'https://news.example/', tab: { id: 3 } }, expected: true },
    { from: 'tab', sender: { id: ID, url: `${ORIGIN}options.html` }, expected: false },
    { from: 'tab', sender: { id: 'otherextension', url: 'https://news.example/', tab: { id: 3 } }, expected: false },
    { from: 'tab', sender: { url: 'https://evil.example/', tab: { id: 3 } }, expected: false },
    { from: 'any', sender: { id: ID, url: 'https://news.example/', tab: { id: 3 } }, expected: true },
    { from: 'any', sender: { id: ID, url: `${ORIGIN}popup.html` }, expected: true },
    { from: 'any', sender: { id: ID, tab: { id: 3 } }, expected: true },
    { from: 'tab', sender: { id: ID }, expected: false },
    { from: 'tab', sender: { id: ID, tab: { id: -1 }, url: 'https://news.example/' }, expected: false },
    { from: 'any', sender: {}, expected: false },
  ] as { from: 'tab' | 'extension' | 'any'; sender: SenderInfo; expected: boolean }[])('$from from $sender → $expected', ({ from, sender, expected }) => {
    expect(senderAllowed(from, sender, ID, ORIGIN)).toBe(expected);
  });

  it('trusts no one when the extension has no id', () => {
    expect(senderAllowed('any', { url: 'x', tab: { id: 1 } }, '', '')).toBe(false);
  });
});

describe('handleMessages checks before its handlers run', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  /** Delivers a message as the browser would, from `sender`; the answer, or 'ignored'. */
  async function deliver(message: unknown, sender: SenderInfo): Promise<unknown> {
    let answer: unknown = 'ignored';
    const results = await fakeBrowser.runtime.onMessage.trigger(message, sender as never, ((a: unknown) => (answer = a)) as never);
    if (results.some((r: unknown) => r === true)) await vi.waitFor(() => expect(answer).not.toBe('ignored'));
    return answer;
  }

  const page = (path = 'options.html'): SenderInfo => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL(`/${path}`) });
  const tab = (url = 'https://news.example/story'): SenderInfo => ({ id: fakeBrowser.runtime.id, url, tab: { id: 5 } });

  function spies() {
    const handlers = {
      corpusSize: vi.fn(() => ({ articles: 1, outlets: 1 })),
      deleteOutlet: vi.fn(() => ({ removed: 2 })),
      pageIdle: vi.fn(() => null),
      importBatch: vi.fn(() => ({ added: 1, duplicates: 0, repeated: 0, copies: 0 })),
    } satisfies Handlers<BackgroundProtocol>;
    const stop = handleMessages<BackgroundProtocol>(handlers);
    return { handlers, stop };
  }

  it('answers a good message from our own page', async () => {
    const { handlers, stop } = spies();
    expect(await deliver({ crosscheck: 'deleteOutlet', data: { outlet: 'X' } }, page())).toEqual({ ok: true, value: { removed: 2 } });
    expect(handlers.deleteOutlet).toHaveBeenCalledWith({ outlet: 'X' }, expect.objectContaining({ url: page().url }));
    expect(await deliver({ crosscheck: 'pageIdle', data: { url: 'https://news.example/', status: 'off' } }, tab())).toEqual({ ok: true, value: null });
    // A page whose check failed says why.
    const failed = { url: 'https://news.example/', status: 'error', error: 'the background stopped' };
    expect(await deliver({ crosscheck: 'pageIdle', data: failed }, tab())).toEqual({ ok: true, value: null });
    expect(handlers.pageIdle).toHaveBeenLastCalledWith(failed, expect.objectContaining({ tabId: 5 }));
    stop();
  });

  it('ignores another extension and web pages', async () => {
    const { handlers, stop } = spies();
    const others: SenderInfo[] = [
      { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' },
      { id: 'another-extension', url: 'https://news.example/', tab: { id: 5 } },
      { url: 'https://evil.example/', tab: { id: 9 } },
      {},
    ];
    for (const sender of others) {
      expect(await deliver({ crosscheck: 'corpusSize', data: {} }, sender)).toBe('ignored');
      expect(await deliver({ crosscheck: 'deleteOutlet', data: { outlet: 'X' } }, sender)).toBe('ignored');
      expect(await deliver({ crosscheck: 'deleteOutlet', data: null }, sender)).toBe('ignored');
    }
    expect(handlers.corpusSize).not.toHaveBeenCalled();
    expect(handlers.deleteOutlet).not.toHaveBeenCalled();
    stop();
  });

  it("ignores a page's content script asking for what only our pages may ask, and the reverse", async () => {
    const { handlers, stop } = spies();
    expect(await deliver({ crosscheck: 'deleteOutlet', data: { outlet: 'X' } }, tab())).toBe('ignored');
    expect(await deliver({ crosscheck: 'importBatch', data: { articles: [ARTICLE] } }, tab())).toBe('ignored');
    expect(await deliver({ crosscheck: 'pageIdle', data: { url: 'https://news.example/', status: 'off' } }, page())).toBe('ignored');
    expect(handlers.deleteOutlet).not.toHaveBeenCalled();
    expect(handlers.importBatch).not.toHaveBeenCalled();
    expect(handlers.pageIdle).not.toHaveBeenCalled();
    stop();
  });

  it('answers a damaged message with the reason, and its handler never runs', async () => {
    const { handlers, stop } = spies();
    for (const { data } of damaged('deleteOutlet')) {
      const answer = (await deliver({ crosscheck: 'deleteOutlet', data }, page())) as { ok: boolean; error: string };
      expect(answer.ok).toBe(false);
      expect(answer.error).toMatch(/^message "deleteOutlet" refused: /);
    }
    const tooBig = await deliver({ crosscheck: 'importBatch', data: article({ url: 'javascript:alert(1)' }) }, page());
    expect(tooBig).toEqual({ ok: false, error: 'message "importBatch" refused: "data.articles[0].url" must be an http or https address' });
    expect(await deliver({ crosscheck: 'corpusSize', data: {}, extra: 1 }, page())).toEqual({ ok: false, error: 'the message has an unexpected field "extra"' });
    expect(handlers.deleteOutlet).not.toHaveBeenCalled();
    expect(handlers.importBatch).not.toHaveBeenCalled();
    stop();
  });

  it('leaves names it has no handler for, and inherited names, to others', async () => {
    const { stop } = spies();
    for (const name of ['outletStats', 'toString', '__proto__', 'constructor', 'unknownThing']) {
      expect(await deliver({ crosscheck: name, data: {} }, page())).toBe('ignored');
    }
    expect(await deliver({ other: 'protocol' }, page())).toBe('ignored');
    stop();
  });

  it('a refused message reaches the caller as a readable failure', async () => {
    const stop = handleMessages<BackgroundProtocol>({ deleteOutlet: () => ({ removed: 1 }) }, { accept: () => true });
    expect(await toBackground('deleteOutlet', { outlet: 'o'.repeat(LIMITS.outlet + 1) })).toEqual({
      ok: false,
      error: 'message "deleteOutlet" refused: "data.outlet" is too long: 501 characters, at most 500',
    });
    stop();
  });

  it('checks content script messages the same way', async () => {
    const showClaim = vi.fn(() => true);
    const stop = handleMessages<ContentProtocol>({ showClaim });
    const background = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/background.js') };
    expect(await deliver({ crosscheck: 'showClaim', data: { index: 1 } }, background)).toEqual({ ok: true, value: true });
    expect(await deliver({ crosscheck: 'showClaim', data: { index: 1, text: 'The army took the valley.' } }, background)).toEqual({ ok: true, value: true });
    expect(await deliver({ crosscheck: 'showClaim', data: { index: 1, text: 7 } }, background)).toMatchObject({ ok: false });
    expect(await deliver({ crosscheck: 'showClaim', data: { index: '1' } }, background)).toEqual({
      ok: false,
      error: 'message "showClaim" refused: "data.index" must be a whole number, got a string',
    });
    expect(await deliver({ crosscheck: 'showClaim', data: { index: 1 } }, tab())).toBe('ignored');
    expect(await deliver({ crosscheck: 'showClaim', data: { index: 1 } }, { id: 'another-extension', url: 'chrome-extension://another-extension/' })).toBe('ignored');
    expect(showClaim).toHaveBeenCalledTimes(2);
    stop();
  });
});
