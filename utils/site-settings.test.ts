import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SITE_SETTINGS,
  allowedSites,
  isSiteEnabled,
  matchesSitePattern,
  normalizeSitePattern,
  setSiteEnabled,
  wwwFormOf,
  type SiteSettings,
} from './site-settings';

const everywhere = (deny: string[] = []): SiteSettings => ({ mode: 'everywhere', allow: [], deny });
const listed = (allow: string[], deny: string[] = []): SiteSettings => ({ mode: 'listed', allow, deny });

describe('normalizeSitePattern', () => {
  it.each([
    { input: 'example.com', expected: 'example.com' },
    { input: 'Example.COM', expected: 'example.com' },
    { input: '  example.com  ', expected: 'example.com' },
    { input: 'example.com.', expected: 'example.com' },
    { input: 'example.com..', expected: 'example.com' },
    { input: 'example.com:8080', expected: 'example.com' },
    { input: 'www.example.com', expected: 'example.com' },
    { input: 'WWW.Example.com.', expected: 'example.com' },
    { input: 'www.com', expected: 'www.com' },
    { input: 'news.example.co.uk', expected: 'news.example.co.uk' },
    { input: '*.example.com', expected: '*.example.com' },
    { input: '*.Example.com.', expected: '*.example.com' },
    { input: '*.www.example.com', expected: '*.www.example.com' },
    { input: '.example.com', expected: '*.example.com' },
    { input: 'https://www.example.com/news/2024/story?id=1#top', expected: 'example.com' },
    { input: 'http://news.example.com:8443/x', expected: 'news.example.com' },
    { input: 'HTTPS://EXAMPLE.COM', expected: 'example.com' },
    { input: 'example.com/news/story', expected: 'example.com' },
    { input: 'example.com?x=1', expected: 'example.com' },
    { input: 'https://user:pass@example.com/', expected: 'example.com' },
    { input: 'localhost', expected: 'localhost' },
    { input: '127.0.0.1', expected: '127.0.0.1' },
    { input: '127.0.0.1:3000', expected: '127.0.0.1' },
    { input: '[::1]', expected: '[::1]' },
    { input: '[::1]:8080', expected: '[::1]' },
    { input: 'bücher.example', expected: 'xn--bcher-kva.example' },
    { input: 'xn--bcher-kva.example', expected: 'xn--bcher-kva.example' },
    { input: 'my_site.example.com', expected: 'my_site.example.com' },
    { input: '', expected: null },
    { input: '   ', expected: null },
    { input: '*', expected: null },
    { input: '*.', expected: null },
    { input: 'exa*mple.com', expected: null },
    { input: 'news.*.example.com', expected: null },
    { input: 'example..com', expected: null },
    { input: 'exa mple.com', expected: null },
    { input: '-example.com', expected: null },
    { input: 'example.com:port', expected: null },
    { input: 'https://', expected: null },
    { input: '*.127.0.0.1', expected: null },
    { input: '[::1', expected: null },
  ])('$input → $expected', ({ input, expected }) => {
    const actual = normalizeSitePattern(input);
    expect(actual).toBe(expected);
  });

  it('returns null for input that is not a string', () => {
    const actual = normalizeSitePattern(42 as unknown as string);
    expect(actual).toBeNull();
  });
});

describe('matchesSitePattern', () => {
  it.each([
    { hostname: 'example.com', pattern: 'example.com', expected: true },
    { hostname: 'www.example.com', pattern: 'example.com', expected: true },
    { hostname: 'news.example.com', pattern: 'example.com', expected: false },
    { hostname: 'www.news.example.com', pattern: 'example.com', expected: false },
    { hostname: 'example.com', pattern: 'www.example.com', expected: true },
    { hostname: 'www.example.com', pattern: 'www.example.com', expected: true },
    { hostname: 'notexample.com', pattern: 'example.com', expected: false },
    { hostname: 'example.com.evil.test', pattern: 'example.com', expected: false },
    { hostname: 'example.co', pattern: 'example.com', expected: false },
    { hostname: 'example.com', pattern: '*.example.com', expected: true },
    { hostname: 'www.example.com', pattern: '*.example.com', expected: true },
    { hostname: 'a.b.example.com', pattern: '*.example.com', expected: true },
    { hostname: 'notexample.com', pattern: '*.example.com', expected: false },
    { hostname: 'example.com.evil.test', pattern: '*.example.com', expected: false },
    { hostname: 'news.example.com', pattern: '.example.com', expected: true },
    { hostname: 'EXAMPLE.com', pattern: 'example.COM', expected: true },
    { hostname: 'example.com.', pattern: 'example.com', expected: true },
    { hostname: 'example.com', pattern: 'example.com.', expected: true },
    { hostname: ' example.com ', pattern: ' example.com ', expected: true },
    { hostname: 'example.com:8080', pattern: 'example.com', expected: true },
    { hostname: 'example.com', pattern: 'example.com:8080', expected: true },
    { hostname: 'www.example.com', pattern: 'https://www.example.com/story/1', expected: true },
    { hostname: 'example.com', pattern: 'https://example.com/story/1', expected: true },
    { hostname: 'news.example.com', pattern: 'https://example.com/story/1', expected: false },
    { hostname: 'https://www.example.com/page', pattern: 'example.com', expected: true },
    { hostname: 'xn--bcher-kva.example', pattern: 'bücher.example', expected: true },
    { hostname: 'bücher.example', pattern: 'xn--bcher-kva.example', expected: true },
    { hostname: '127.0.0.1', pattern: '127.0.0.1', expected: true },
    { hostname: '[::1]', pattern: '[::1]:80', expected: true },
    { hostname: 'example.com', pattern: '', expected: false },
    { hostname: 'example.com', pattern: '*', expected: false },
    { hostname: '', pattern: 'example.com', expected: false },
    { hostname: 'example.com', pattern: 'not a pattern', expected: false },
  ])('$hostname vs $pattern → $expected', ({ hostname, pattern, expected }) => {
    const actual = matchesSitePattern(hostname, pattern);
    expect(actual).toBe(expected);
  });
});

describe('isSiteEnabled', () => {
  it.each([
    // Default settings: on for every web page, never for anything else.
    // A fresh install runs nowhere until the reader switches a site on.
    { url: 'https://example.com/story', settings: DEFAULT_SITE_SETTINGS, expected: false },
    { url: 'http://localhost:3000/', settings: DEFAULT_SITE_SETTINGS, expected: false },
    { url: 'https://example.com/story', settings: everywhere(), expected: true },
    { url: 'http://example.com/story', settings: everywhere(), expected: true },
    { url: 'HTTPS://EXAMPLE.COM/', settings: everywhere(), expected: true },
    { url: 'http://localhost:3000/', settings: everywhere(), expected: true },
    { url: 'file:///home/reader/article.html', settings: everywhere(), expected: false },
    { url: 'file:///home/reader/article.html', settings: DEFAULT_SITE_SETTINGS, expected: false },
    { url: 'chrome://extensions', settings: DEFAULT_SITE_SETTINGS, expected: false },
    { url: 'about:blank', settings: DEFAULT_SITE_SETTINGS, expected: false },
    { url: 'chrome-extension://abc/options.html', settings: DEFAULT_SITE_SETTINGS, expected: false },
    { url: 'moz-extension://abc/popup.html', settings: DEFAULT_SITE_SETTINGS, expected: false },
    { url: 'data:text/html,<p>hi</p>', settings: DEFAULT_SITE_SETTINGS, expected: false },
    { url: 'javascript:alert(1)', settings: DEFAULT_SITE_SETTINGS, expected: false },
    { url: 'ftp://example.com/file', settings: DEFAULT_SITE_SETTINGS, expected: false },
    { url: 'view-source:https://example.com/', settings: DEFAULT_SITE_SETTINGS, expected: false },
    { url: 'not a url', settings: DEFAULT_SITE_SETTINGS, expected: false },
    { url: '', settings: DEFAULT_SITE_SETTINGS, expected: false },
    // 'everywhere' with exceptions.
    { url: 'https://example.com/', settings: everywhere(['example.com']), expected: false },
    { url: 'https://www.example.com/', settings: everywhere(['example.com']), expected: false },
    { url: 'https://news.example.com/', settings: everywhere(['example.com']), expected: true },
    { url: 'https://news.example.com/', settings: everywhere(['*.example.com']), expected: false },
    { url: 'https://example.com/', settings: everywhere(['*.example.com']), expected: false },
    { url: 'https://other.test/', settings: everywhere(['*.example.com']), expected: true },
    { url: 'https://example.com:8443/x', settings: everywhere(['example.com']), expected: false },
    { url: 'https://example.com/', settings: everywhere(['https://www.example.com/a/b']), expected: false },
    { url: 'https://example.com/', settings: everywhere(['garbage pattern']), expected: true },
    // 'everywhere' ignores the allow list.
    { url: 'https://other.test/', settings: { mode: 'everywhere', allow: ['example.com'], deny: [] } as SiteSettings, expected: true },
    // 'listed': only allowed sites.
    { url: 'https://example.com/', settings: listed([]), expected: false },
    { url: 'https://example.com/', settings: listed(['example.com']), expected: true },
    { url: 'https://www.example.com/', settings: listed(['example.com']), expected: true },
    { url: 'https://news.example.com/', settings: listed(['example.com']), expected: false },
    { url: 'https://news.example.com/', settings: listed(['*.example.com']), expected: true },
    { url: 'https://other.test/', settings: listed(['*.example.com']), expected: false },
    { url: 'file:///x.html', settings: listed(['*.example.com']), expected: false },
    // Deny wins over allow.
    { url: 'https://example.com/', settings: listed(['example.com'], ['example.com']), expected: false },
    { url: 'https://news.example.com/', settings: listed(['*.example.com'], ['news.example.com']), expected: false },
    { url: 'https://sport.example.com/', settings: listed(['*.example.com'], ['news.example.com']), expected: true },
    { url: 'https://news.example.com/', settings: listed(['news.example.com'], ['*.example.com']), expected: false },
  ])('$url with $settings.mode allow=$settings.allow deny=$settings.deny → $expected', ({ url, settings, expected }) => {
    const actual = isSiteEnabled(url, settings);
    expect(actual).toBe(expected);
  });
});

describe('setSiteEnabled', () => {
  it.each([
    // Turning off in 'everywhere' mode adds the host to deny.
    { settings: everywhere(), host: 'example.com', on: false, expected: everywhere(['example.com']) },
    { settings: everywhere(), host: 'www.example.com', on: false, expected: everywhere(['example.com']) },
    { settings: everywhere(), host: 'news.example.com', on: false, expected: everywhere(['news.example.com']) },
    { settings: everywhere(['other.test']), host: 'example.com', on: false, expected: everywhere(['other.test', 'example.com']) },
    // Already off: nothing changes.
    { settings: everywhere(['example.com']), host: 'example.com', on: false, expected: everywhere(['example.com']) },
    { settings: everywhere(['*.example.com']), host: 'news.example.com', on: false, expected: everywhere(['*.example.com']) },
    // Turning on in 'everywhere' mode removes the deny patterns that cover the host.
    { settings: everywhere(['example.com']), host: 'example.com', on: true, expected: everywhere() },
    { settings: everywhere(['example.com']), host: 'www.example.com', on: true, expected: everywhere() },
    { settings: everywhere(['www.example.com', 'other.test']), host: 'example.com', on: true, expected: everywhere(['other.test']) },
    { settings: everywhere(['*.example.com', 'news.example.com']), host: 'news.example.com', on: true, expected: everywhere() },
    { settings: everywhere(['*.example.com']), host: 'example.com', on: true, expected: everywhere() },
    // Already on: nothing changes.
    { settings: everywhere(['other.test']), host: 'example.com', on: true, expected: everywhere(['other.test']) },
    // 'listed' mode: on adds to allow, off removes it.
    { settings: listed([]), host: 'example.com', on: true, expected: listed(['example.com']) },
    { settings: listed(['other.test']), host: 'www.example.com', on: true, expected: listed(['other.test', 'example.com']) },
    { settings: listed(['example.com']), host: 'example.com', on: false, expected: listed([]) },
    { settings: listed(['www.example.com']), host: 'example.com', on: false, expected: listed([]) },
    { settings: listed(['Example.com.', 'other.test']), host: 'www.example.com', on: false, expected: listed(['other.test']) },
    // 'listed' mode: a host allowed by a wildcard is turned off through deny, keeping the wildcard.
    { settings: listed(['*.example.com']), host: 'news.example.com', on: false, expected: listed(['*.example.com'], ['news.example.com']) },
    // 'listed' mode: turning on a denied host removes the deny entry and allows it if needed.
    { settings: listed(['example.com'], ['example.com']), host: 'example.com', on: true, expected: listed(['example.com']) },
    { settings: listed(['*.example.com'], ['news.example.com']), host: 'news.example.com', on: true, expected: listed(['*.example.com']) },
    { settings: listed([], ['example.com']), host: 'example.com', on: true, expected: listed(['example.com']) },
    { settings: listed(['example.com']), host: 'other.test', on: false, expected: listed(['example.com']) },
    // Hosts given with ports, trailing dots or as addresses.
    { settings: everywhere(), host: 'Example.COM.:8080', on: false, expected: everywhere(['example.com']) },
    { settings: everywhere(), host: 'https://www.example.com/story', on: false, expected: everywhere(['example.com']) },
    { settings: everywhere(), host: 'localhost', on: false, expected: everywhere(['localhost']) },
    // Not a host: unchanged.
    { settings: everywhere(), host: '', on: false, expected: everywhere() },
    { settings: listed([]), host: 'not a host', on: true, expected: listed([]) },
  ])('$settings.mode allow=$settings.allow deny=$settings.deny, $host on=$on', ({ settings, host, on, expected }) => {
    const before = structuredClone(settings);
    const actual = setSiteEnabled(settings, host, on);
    expect(actual).toEqual(expected);
    expect(settings).toEqual(before);
    expect(actual).not.toBe(settings);
    expect(actual.allow).not.toBe(settings.allow);
    expect(actual.deny).not.toBe(settings.deny);
  });

  it.each([
    { settings: everywhere() },
    { settings: everywhere(['*.example.com']) },
    { settings: listed([]) },
    { settings: listed(['*.example.com'], ['news.example.com']) },
    { settings: listed(['example.com'], ['*.example.com']) },
  ])('makes the switch take effect for $settings.mode allow=$settings.allow deny=$settings.deny', ({ settings }) => {
    for (const host of ['example.com', 'www.example.com', 'news.example.com']) {
      for (const on of [true, false]) {
        const actual = isSiteEnabled(`https://${host}/story`, setSiteEnabled(settings, host, on));
        expect(actual, `${host} on=${on}`).toBe(on);
      }
    }
  });

  it('does not touch DEFAULT_SITE_SETTINGS', () => {
    setSiteEnabled(DEFAULT_SITE_SETTINGS, 'example.com', true);
    expect(DEFAULT_SITE_SETTINGS).toEqual({ mode: 'listed', allow: [], deny: [] });
  });
});

describe('settings from older versions', () => {
  it.each([
    { name: 'no lists', settings: { mode: 'everywhere' }, url: 'https://example.com/', expected: true },
    { name: 'listed with no allow list', settings: { mode: 'listed', deny: [] }, url: 'https://example.com/', expected: false },
    { name: 'unknown mode counts as everywhere', settings: { mode: 'sometimes', allow: [], deny: ['example.com'] }, url: 'https://other.test/', expected: true },
  ])('isSiteEnabled tolerates $name', ({ settings, url, expected }) => {
    const actual = isSiteEnabled(url, settings as unknown as SiteSettings);
    expect(actual).toBe(expected);
  });

  it('setSiteEnabled fills in missing lists', () => {
    const actual = setSiteEnabled({ mode: 'everywhere' } as unknown as SiteSettings, 'example.com', false);
    expect(actual).toEqual({ mode: 'everywhere', allow: [], deny: ['example.com'] });
  });
});

describe('hosts with more than one www. in front', () => {
  // A site pattern covers its host and that host's www. form, what the browser is asked for
  // (site-access.ts); www.www.example.com is neither for any pattern, so it is not one.
  it('are not site patterns, and no plain pattern covers them', () => {
    expect(normalizeSitePattern('WWW.WWW.m.co')).toBeNull();
    expect(normalizeSitePattern('https://www.www.example.com/news')).toBeNull();
    expect(matchesSitePattern('www.www.example.com', 'example.com')).toBe(false);
    expect(matchesSitePattern('www.example.com', 'example.com')).toBe(true);
    expect(matchesSitePattern('www.www.example.com', '*.example.com')).toBe(true);
    // www.com is a domain of its own, and www.www.com its www. form.
    expect(normalizeSitePattern('www.www.com')).toBe('www.com');
    expect(matchesSitePattern('www.www.com', 'www.com')).toBe(true);
  });
  it('cannot be switched on or off by the popup switch', () => {
    const listed: SiteSettings = { mode: 'listed', allow: [], deny: [] };
    expect(setSiteEnabled(listed, 'WWW.WWW.m.co', true)).toEqual(listed);
    expect(isSiteEnabled('https://www.www.m.co/', setSiteEnabled(listed, 'WWW.WWW.m.co', true))).toBe(false);
    const everywhere: SiteSettings = { mode: 'everywhere', allow: [], deny: [] };
    expect(setSiteEnabled(everywhere, 'www.www.m.co', false)).toEqual(everywhere);
  });
});

describe('the www. form of a site', () => {
  it.each([
    ['example.com', 'www.example.com'],
    ['www.com', 'www.www.com'],
    ['news.example.com', 'www.news.example.com'],
    // a host without a dot (a local or intranet name) and an IP address have none
    ['localhost', null],
    ['intranet', null],
    ['com', null],
    ['127.0.0.1', null],
    ['[::1]', null],
  ])('of %s is %s', (host, form) => {
    expect(wwwFormOf(host)).toBe(form);
  });
  it('is covered by the site pattern, and only then', () => {
    for (const host of ['example.com', 'www.com', 'localhost', 'intranet', 'www.localhost', '127.0.0.1']) {
      const form = wwwFormOf(host);
      if (form) {
        expect(normalizeSitePattern(form), host).toBe(host);
        expect(matchesSitePattern(form, host), host).toBe(true);
      }
      expect(matchesSitePattern(`www.${host}`, host), host).toBe(form !== null);
    }
  });
});

describe('allowedSites', () => {
  it('leaves out the allowed sites the deny list covers, and only those', () => {
    expect(allowedSites(listed(['127.0.0.1'], ['127.0.0.1']))).toEqual([]);
    expect(allowedSites(listed(['news.example', 'daily.example'], ['*.news.example']))).toEqual(['daily.example']);
    expect(allowedSites(listed(['news.example', 'daily.example'], ['www.news.example']))).toEqual(['daily.example']);
    // A wildcard still has sites left when only one of them is denied, and not when a wildcard covers it.
    expect(allowedSites(listed(['*.news.example'], ['news.example']))).toEqual(['*.news.example']);
    expect(allowedSites(listed(['*.a.news.example', '*.news.example'], ['*.news.example']))).toEqual([]);
    expect(allowedSites(listed(['news.example', '*.daily.example'], []))).toEqual(['news.example', '*.daily.example']);
  });
});
