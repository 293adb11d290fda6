import { describe, expect, it } from 'vitest';
import { ALL_SITES, isGranted, settingsAfterGrant, settingsAfterRevoke, siteOfOrigin, originsForSettings, originsForSite, originsNoLongerNeeded, originsToAsk, patternCovers, webOrigins } from './site-access';
import { isSiteEnabled, setSiteEnabled, type SiteSettings } from './site-settings';

const listed = (allow: string[], deny: string[] = []): SiteSettings => ({ mode: 'listed', allow, deny });

describe('originsForSite', () => {
  it.each([
    ['example.com', ['*://example.com/*', '*://www.example.com/*']],
    ['www.example.com', ['*://example.com/*', '*://www.example.com/*']],
    ['https://www.Example.com/news/1?x=2', ['*://example.com/*', '*://www.example.com/*']],
    ['*.example.com', ['*://*.example.com/*']],
    ['127.0.0.1', ['*://127.0.0.1/*']],
    ['127.0.0.1:8417', ['*://127.0.0.1/*']],
    // A host without a dot has no www. form: www.localhost is a site of its own, as www.com is.
    ['localhost', ['*://localhost/*']],
    ['http://intranet:8080/news', ['*://intranet/*']],
    ['www.localhost', ['*://www.localhost/*', '*://www.www.localhost/*']],
    ['[::1]', ['*://[::1]/*']],
    ['', []],
    ['not a site', []],
    ['javascript:alert(1)', []],
  ])('%s', (site, expected) => {
    expect(originsForSite(site)).toEqual(expected);
  });
});

describe('originsToAsk', () => {
  it.each([
    ['a.com', [], ['*://a.com/*', '*://www.a.com/*']],
    ['www.a.com', ['*://a.com/*'], ['*://www.a.com/*']],
    ['a.com', ['*://a.com/*', '*://www.a.com/*'], []],
    ['a.com', ['https://a.com/*', '*://www.a.com/*'], ['*://a.com/*']],
    ['news.a.com', ['*://*.a.com/*'], []],
    ['a.com', ['*://*/*'], []],
    ['a.com', ['<all_urls>'], []],
    ['a.com', ['*://a.com/news/*'], ['*://a.com/*', '*://www.a.com/*']],
    ['127.0.0.1', ['*://127.0.0.1/*'], []],
    ['www.www.a.com', [], []],
  ])('%s with %j granted asks for %j', (host, granted, expected) => {
    expect(originsToAsk(host, granted)).toEqual(expected);
  });
});

describe('originsForSettings', () => {
  it('asks for every site only in "everywhere" mode', () => {
    expect(originsForSettings({ mode: 'everywhere', allow: [], deny: ['x.com'] })).toEqual([...ALL_SITES]);
  });
  it('asks for nothing on a fresh install', () => {
    expect(originsForSettings(listed([]))).toEqual([]);
  });
  it('asks for each allowed site once', () => {
    expect(originsForSettings(listed(['a.com', 'www.a.com', '*.b.org']))).toEqual(['*://a.com/*', '*://www.a.com/*', '*://*.b.org/*']);
  });
  it('skips allow entries that are not sites', () => {
    expect(originsForSettings(listed(['', '???', 'a.com']))).toEqual(['*://a.com/*', '*://www.a.com/*']);
  });
});

describe('originsNoLongerNeeded', () => {
  it('gives back a site switched off', () => {
    expect(originsNoLongerNeeded(listed(['a.com', 'b.com']), listed(['b.com']))).toEqual(['*://a.com/*', '*://www.a.com/*']);
  });
  it('gives back every site when leaving "everywhere" for an empty list', () => {
    expect(originsNoLongerNeeded({ mode: 'everywhere', allow: [], deny: [] }, listed([]))).toEqual([...ALL_SITES]);
  });
  it('keeps what the new settings still need', () => {
    expect(originsNoLongerNeeded(listed(['a.com']), listed(['a.com', 'c.com']))).toEqual([]);
  });
});

describe('patternCovers', () => {
  it.each([
    ['*://example.com/*', 'https://example.com/news/1', true],
    ['*://example.com/*', 'http://example.com/', true],
    ['*://example.com/*', 'https://www.example.com/', false],
    ['*://example.com/*', 'https://evil-example.com/', false],
    ['*://example.com/*', 'https://example.com.evil.net/', false],
    ['*://*.example.com/*', 'https://a.b.example.com/x', true],
    ['*://*.example.com/*', 'https://example.com/x', true],
    ['*://*.example.com/*', 'https://notexample.com/x', false],
    ['https://*/*', 'https://anything.net/a?b', true],
    ['https://*/*', 'http://anything.net/', false],
    ['http://127.0.0.1/*', 'http://127.0.0.1:8417/pages/a.html', true],
    ['<all_urls>', 'https://x.org/', true],
    ['<all_urls>', 'file:///etc/passwd', false],
    ['*://example.com/news/*', 'https://example.com/sport/1', false],
    ['*://example.com/news/*', 'https://example.com/news/1', true],
    ['*://example.com/*', 'chrome://extensions', false],
    ['garbage', 'https://example.com/', false],
    ['*://example.com/*', 'not a url', false],
  ])('%s covers %s: %s', (pattern, url, expected) => {
    expect(patternCovers(pattern, url)).toBe(expected);
  });

  it('isGranted is true when any pattern covers the page', () => {
    expect(isGranted('https://b.com/x', ['*://a.com/*', '*://b.com/*'])).toBe(true);
    expect(isGranted('https://c.com/x', ['*://a.com/*', '*://b.com/*'])).toBe(false);
    expect(isGranted('https://c.com/x', [])).toBe(false);
  });

  it('webOrigins keeps only web patterns', () => {
    expect(webOrigins(['file:///*', '*://a.com/*', 'https://*/*', '*://a.com/*', 'chrome://favicon/*'])).toEqual(['*://a.com/*', 'https://*/*']);
  });
});

describe('settings follow the browser\'s grants', () => {
  it.each([
    ['*://example.com/*', 'example.com'],
    ['*://www.example.com/*', 'example.com'],
    ['https://*.example.com/*', '*.example.com'],
    ['http://127.0.0.1/*', '127.0.0.1'],
    ['*://*/*', null],
    ['*://example.com/news/*', null],
    ['file:///*', null],
  ])('siteOfOrigin(%s) = %s', (pattern, site) => {
    expect(siteOfOrigin(pattern)).toBe(site);
  });

  it('a granted site is switched on', () => {
    expect(settingsAfterGrant(listed([]), ['*://a.com/*', '*://www.a.com/*'])).toEqual(listed(['a.com']));
  });
  it('a granted site the reader had denied is switched on', () => {
    expect(settingsAfterGrant(listed([], ['a.com']), ['*://a.com/*'])).toEqual(listed(['a.com']));
  });
  it('a granted wildcard is allowed as a wildcard', () => {
    expect(settingsAfterGrant(listed(['b.com']), ['*://*.a.com/*'])).toEqual(listed(['b.com', '*.a.com']));
  });
  it('granting every site switches to everywhere and keeps the lists', () => {
    expect(settingsAfterGrant(listed(['a.com'], ['x.com']), [...ALL_SITES])).toEqual({ mode: 'everywhere', allow: ['a.com'], deny: ['x.com'] });
  });
  it('a second grant of the same site changes nothing', () => {
    const once = settingsAfterGrant(listed([]), ['*://a.com/*']);
    expect(settingsAfterGrant(once, ['*://a.com/*', '*://www.a.com/*'])).toEqual(once);
  });
  it('a revoked site leaves the allow list', () => {
    expect(settingsAfterRevoke(listed(['a.com', 'b.com']), ['*://a.com/*', '*://www.a.com/*'])).toEqual(listed(['b.com']));
  });
  it('revoking every site falls back to the allow list', () => {
    expect(settingsAfterRevoke({ mode: 'everywhere', allow: ['a.com'], deny: ['x.com'] }, [...ALL_SITES])).toEqual(listed(['a.com'], ['x.com']));
  });
  it('revoking one site under every-site access changes nothing', () => {
    const everywhere: SiteSettings = { mode: 'everywhere', allow: [], deny: [] };
    expect(settingsAfterRevoke(everywhere, ['*://a.com/*'])).toEqual(everywhere);
  });
  it('grant then revoke gives the settings back', () => {
    const start = listed(['b.com'], ['z.com']);
    const origins = ['*://a.com/*', '*://www.a.com/*'];
    expect(settingsAfterRevoke(settingsAfterGrant(start, origins), origins)).toEqual(start);
  });
});

describe('what the settings switch on is what the browser is asked for', () => {
  const hosts = ['example.com', 'www.example.com', 'www.www.example.com', 'news.example.com', 'www.news.example.com', 'www.com', 'www.www.com', 'www.www.www.com', '127.0.0.1', 'localhost', 'www.localhost', 'www.www.localhost', '[::1]'];
  const patterns = [...hosts, '*.example.com', '*.www.example.com', 'https://www.www.example.com/a', 'WWW.Example.com.'];
  it.each(patterns)('a site on the allow list as %s is on only where its permission covers', (pattern) => {
    const settings = listed([pattern]);
    const origins = originsForSettings(settings);
    for (const host of hosts) {
      const url = `https://${host}/news/1`;
      if (isSiteEnabled(url, settings)) expect(isGranted(url, origins), `${host} under ${pattern}`).toBe(true);
    }
  });
  it.each(patterns)('a site on the allow list as %s asks the browser for no host it leaves off', (pattern) => {
    const settings = listed([pattern]);
    for (const origin of originsForSettings(settings)) {
      const host = origin.slice('*://'.length, -'/*'.length).replace(/^\*\./, '');
      expect(isSiteEnabled(`https://${host}/`, settings), `${origin} under ${pattern}`).toBe(true);
    }
  });
  it('a site switched on by its host is granted by what the switch asks for', () => {
    for (const host of hosts) {
      const settings = setSiteEnabled(listed([]), host, true);
      const url = `https://${host}/`;
      if (isSiteEnabled(url, settings)) expect(isGranted(url, originsForSite(host)), host).toBe(true);
    }
  });
});
