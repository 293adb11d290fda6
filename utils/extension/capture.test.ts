import { describe, expect, it } from 'vitest';
import { isCaptureOn, normalizeDate, pageToArticle, setCaptureOn } from './capture';

describe('capture settings', () => {
  it.each([
    { url: 'https://news.example/a', sites: [], expected: false },
    { url: 'https://news.example/a', sites: ['news.example'], expected: true },
    { url: 'https://www.news.example/a', sites: ['news.example'], expected: true },
    { url: 'https://sport.news.example/a', sites: ['news.example'], expected: false },
    { url: 'https://sport.news.example/a', sites: ['*.news.example'], expected: true },
    { url: 'https://other.example/a', sites: ['news.example'], expected: false },
    { url: 'http://127.0.0.1:4173/pages/a.html', sites: ['127.0.0.1'], expected: true },
    { url: 'file:///home/a.html', sites: ['news.example'], expected: false },
    { url: 'not a url', sites: ['news.example'], expected: false },
  ])('$url with $sites → $expected', ({ url, sites, expected }) => {
    expect(isCaptureOn(url, sites)).toBe(expected);
  });

  it('switches a site on and off', () => {
    const on = setCaptureOn([], 'www.news.example', true);
    expect(on).toEqual(['news.example']);
    expect(setCaptureOn(on, 'news.example', true)).toEqual(on);
    expect(setCaptureOn(['*.news.example', 'other.example'], 'news.example', false)).toEqual(['other.example']);
  });
});

describe('pageToArticle', () => {
  const text = 'The river rose above its banks overnight. '.repeat(10);
  it('keeps the canonical address, the outlet and the date', () => {
    expect(pageToArticle({ url: 'https://news.example/a?utm_source=x', canonicalUrl: 'https://news.example/a', title: ' Flood ', siteName: 'News', published: '2026-04-01T10:00:00Z', text }, 'News')).toEqual({
      url: 'https://news.example/a',
      outlet: 'News',
      title: 'Flood',
      published: '2026-04-01T10:00:00Z',
      text: text.trim(),
    });
  });
  it('keeps the page\'s own address when its canonical link names another site (a partner republishing a wire story)', () => {
    const page = { url: 'https://news.portal.example/world/army-valley-123?utm_source=x', title: 'Valley', siteName: 'Portal News', text };
    expect(pageToArticle({ ...page, canonicalUrl: 'https://www.meridian-wire.example/2026/10/12/army-valley' }, 'Portal News')?.url).toBe(page.url);
    // The same site under a mirror host (www., m., amp.) or a subdomain: the canonical address is kept.
    for (const canonical of ['https://www.news.portal.example/world/army-valley-123', 'https://m.news.portal.example/world/army-valley-123', 'https://amp.portal.example/army-valley', 'https://portal.example/army-valley']) {
      expect(pageToArticle({ ...page, canonicalUrl: canonical }, 'Portal News')?.url).toBe(canonical);
    }
    expect(pageToArticle({ ...page, url: 'https://m.ledger.example/a', canonicalUrl: 'https://www.ledger.example/a' }, 'Ledger')?.url).toBe('https://www.ledger.example/a');
    expect(pageToArticle({ ...page, canonicalUrl: 'not a url' }, 'Portal News')?.url).toBe(page.url);
  });
  it('skips short texts and pages without an outlet', () => {
    expect(pageToArticle({ url: 'https://news.example/a', canonicalUrl: null, title: 'x', siteName: null, text: 'Subscribe to read.' }, 'News')).toBeNull();
    expect(pageToArticle({ url: 'https://news.example/a', canonicalUrl: null, title: 'x', siteName: null, text }, null)).toBeNull();
  });
  it.each([
    ['2026-04-01', '2026-04-01'],
    ['April 1, 2026 10:00 UTC', '2026-04-01T10:00:00.000Z'],
    ['yesterday', null],
    [null, null],
  ])('reads the date %s', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });
});
