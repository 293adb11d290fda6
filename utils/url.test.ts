import { describe, expect, it } from 'vitest';
import { absoluteHttpUrl, canonicalUrl, isHttpUrl, MAX_URL_CHARS, outletFromUrl, safeHref, sameSite } from './url';

describe('canonicalUrl', () => {
  it.each([
    // Host: case, www., mobile and AMP hosts, trailing dot, default ports.
    { url: 'https://Example.COM/news/story', expected: 'https://example.com/news/story' },
    { url: 'https://www.example.com/news/story', expected: 'https://example.com/news/story' },
    { url: 'https://m.example.com/news/story', expected: 'https://example.com/news/story' },
    { url: 'https://mobile.example.com/news/story', expected: 'https://example.com/news/story' },
    { url: 'https://amp.example.com/news/story', expected: 'https://example.com/news/story' },
    { url: 'https://amp.www.example.com/news/story', expected: 'https://example.com/news/story' },
    { url: 'https://example.com./news/story', expected: 'https://example.com/news/story' },
    { url: 'https://example.com:443/news/story', expected: 'https://example.com/news/story' },
    { url: 'http://example.com:80/news/story', expected: 'https://example.com/news/story' },
    { url: 'http://example.com/news/story', expected: 'https://example.com/news/story' },
    { url: 'https://example.com:8443/news/story', expected: 'https://example.com:8443/news/story' },
    { url: 'https://user:secret@example.com/news/story', expected: 'https://example.com/news/story' },
    { url: 'https://news.example.com/story', expected: 'https://news.example.com/story' },
    { url: 'https://www.m.example.com/story', expected: 'https://example.com/story' },
    // A prefix with no domain after it is the domain itself.
    { url: 'https://www.com/story', expected: 'https://www.com/story' },
    { url: 'https://m.com/story', expected: 'https://m.com/story' },
    { url: 'https://amplify.example.com/story', expected: 'https://amplify.example.com/story' },
    // AMP paths.
    { url: 'https://example.com/news/story/amp', expected: 'https://example.com/news/story' },
    { url: 'https://example.com/news/story/amp/', expected: 'https://example.com/news/story' },
    { url: 'https://example.com/amp/news/story', expected: 'https://example.com/news/story' },
    { url: 'https://example.com/news/AMP/story', expected: 'https://example.com/news/story' },
    { url: 'https://example.com/news/story.amp', expected: 'https://example.com/news/story' },
    { url: 'https://example.com/news/story.amp.html', expected: 'https://example.com/news/story.html' },
    { url: 'https://example.com/news/amplified-story', expected: 'https://example.com/news/amplified-story' },
    { url: 'https://example.com/news/story-amp', expected: 'https://example.com/news/story-amp' },
    { url: 'https://example.com/news/story?amp', expected: 'https://example.com/news/story' },
    { url: 'https://example.com/news/story?amp=1', expected: 'https://example.com/news/story' },
    { url: 'https://example.com/news/story?outputType=amp', expected: 'https://example.com/news/story' },
    { url: 'https://example.com/news/story?outputType=print', expected: 'https://example.com/news/story?outputType=print' },
    { url: 'https://example.com/news/story?usqp=mq331AQ', expected: 'https://example.com/news/story' },
    // Tracking parameters go, real ones stay (sorted).
    { url: 'https://example.com/s?utm_source=tw&utm_medium=social&utm_campaign=x', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?UTM_Source=tw', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?utm_id=7&utm_content=a&utm_term=b', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?fbclid=IwAR0abc', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?gclid=abc&gclsrc=aw.ds&dclid=1', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?msclkid=1&yclid=2&ttclid=3&twclid=4', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?mc_cid=1&mc_eid=2', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?ref=homepage', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?ref_src=twsrc', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?cmpid=rss', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?CMP=share_btn_tw', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?ocid=msedgntp', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?at_medium=RSS&at_campaign=KARANGA', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?at_custom1=x&at_custom4=y', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?smid=tw-share&smtyp=cur', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?ito=792&xtor=RSS-1', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?ns_mchannel=social&ns_source=twitter&ns_campaign=bbc', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?_ga=2.1&_gl=1*abc', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?_hsenc=p2&_hsmi=9&__hstc=1', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?mkt_tok=abc', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?igshid=abc&li_fat_id=def', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?pk_campaign=a&mtm_source=b', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?guccounter=1&guce_referrer=abc', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?fb_action_ids=1&fb_action_types=og.likes', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?icid=nav&intcmp=menu', expected: 'https://example.com/s' },
    { url: 'https://example.com/article?id=42', expected: 'https://example.com/article?id=42' },
    { url: 'https://example.com/?p=1234', expected: 'https://example.com/?p=1234' },
    { url: 'https://example.com/s?page=2', expected: 'https://example.com/s?page=2' },
    { url: 'https://example.com/s?story=7&section=world', expected: 'https://example.com/s?section=world&story=7' },
    { url: 'https://example.com/s?id=42&utm_source=x&p=3', expected: 'https://example.com/s?id=42&p=3' },
    { url: 'https://example.com/s?b=2&a=1&c=3', expected: 'https://example.com/s?a=1&b=2&c=3' },
    { url: 'https://example.com/s?a=2&a=1', expected: 'https://example.com/s?a=1&a=2' },
    { url: 'https://example.com/s?reference=7', expected: 'https://example.com/s?reference=7' },
    { url: 'https://example.com/s?q=a%20b', expected: 'https://example.com/s?q=a+b' },
    { url: 'https://example.com/s?q=a+b', expected: 'https://example.com/s?q=a+b' },
    { url: 'https://example.com/s?', expected: 'https://example.com/s' },
    { url: 'https://example.com/s?&&', expected: 'https://example.com/s' },
    // Fragments and trailing slashes.
    { url: 'https://example.com/news/story#comments', expected: 'https://example.com/news/story' },
    { url: 'https://example.com/news/story/', expected: 'https://example.com/news/story' },
    { url: 'https://example.com/news/story//', expected: 'https://example.com/news/story' },
    { url: 'https://example.com/news//story', expected: 'https://example.com/news/story' },
    { url: 'https://example.com/news/story/index.html', expected: 'https://example.com/news/story' },
    { url: 'https://example.com', expected: 'https://example.com/' },
    { url: 'https://example.com/', expected: 'https://example.com/' },
    { url: 'https://example.com/#top', expected: 'https://example.com/' },
    { url: 'https://example.com/#!/story/12', expected: 'https://example.com/#!/story/12' },
    { url: 'https://example.com/app#/story/12', expected: 'https://example.com/app#/story/12' },
    // Path case is kept; escapes are made uniform.
    { url: 'https://example.com/News/Story', expected: 'https://example.com/News/Story' },
    { url: 'https://example.com/caf%c3%a9', expected: 'https://example.com/caf%C3%A9' },
    { url: 'https://example.com/café', expected: 'https://example.com/caf%C3%A9' },
    { url: 'https://example.com/%7Eeditor/%41rticle', expected: 'https://example.com/~editor/Article' },
    { url: 'https://example.com/a%2Fb', expected: 'https://example.com/a%2Fb' },
    // International domains become punycode, as the browser shows them to scripts.
    { url: 'https://www.bücher.example/story', expected: 'https://xn--bcher-kva.example/story' },
    // Surrounding spaces from a paste.
    { url: '  https://example.com/story  ', expected: 'https://example.com/story' },
  ])('$url → $expected', ({ url, expected }) => {
    const actual = canonicalUrl(url);
    expect(actual).toBe(expected);
  });

  it.each([
    {
      name: 'desktop, mobile and AMP copies with tracking',
      urls: [
        'https://www.northern-ledger.example/world/2024/03/flood-toll-rises',
        'http://m.northern-ledger.example/world/2024/03/flood-toll-rises/?utm_source=twitter',
        'https://amp.northern-ledger.example/world/2024/03/flood-toll-rises/amp?fbclid=x#comments',
        'https://northern-ledger.example/amp/world/2024/03/flood-toll-rises?outputType=amp&ref=home',
      ],
    },
    {
      name: 'query parameter order',
      urls: ['https://example.com/read?id=9&lang=en', 'https://example.com/read?lang=en&id=9&utm_medium=email'],
    },
  ])('gives one key for $name', ({ urls }) => {
    const actual = new Set(urls.map(canonicalUrl));
    expect(actual.size).toBe(1);
  });

  it('is idempotent', () => {
    const urls = [
      'https://www.example.com/news/story/amp/?b=2&a=1&utm_source=x#frag',
      'https://example.com/caf%c3%a9?q=a%20b',
      'https://example.com/#!/story/1',
    ];
    for (const url of urls) {
      const once = canonicalUrl(url);
      expect(canonicalUrl(once)).toBe(once);
    }
  });

  it.each([
    { url: '', message: /not a web address/ },
    { url: '   ', message: /not a web address/ },
    { url: 'example.com/story', message: /not a web address: "example\.com\/story"/ },
    { url: '/news/story', message: /not a web address/ },
    { url: 'ftp://example.com/file', message: /ftp: but only http and https/ },
    { url: 'file:///home/reader/a.html', message: /file: but only http and https/ },
    { url: 'javascript:alert(1)', message: /javascript: but only http and https/ },
    { url: 'mailto:desk@example.com', message: /mailto:/ },
    { url: 'https://', message: /not a web address/ },
  ])('throws for $url', ({ url, message }) => {
    expect(() => canonicalUrl(url)).toThrow(message);
  });

  it('throws an Error instance for a value that is not a string', () => {
    expect(() => canonicalUrl(undefined as unknown as string)).toThrow(Error);
  });
});

describe('outletFromUrl', () => {
  it.each([
    { url: 'https://www.northern-ledger.example/x', expected: 'northern-ledger.example' },
    { url: 'https://northern-ledger.example/x', expected: 'northern-ledger.example' },
    { url: 'https://m.northern-ledger.example/x', expected: 'northern-ledger.example' },
    { url: 'https://mobile.northern-ledger.example/x', expected: 'northern-ledger.example' },
    { url: 'https://amp.northern-ledger.example/x', expected: 'northern-ledger.example' },
    { url: 'https://WWW.Northern-Ledger.Example./x', expected: 'northern-ledger.example' },
    { url: 'https://news.bbc.co.uk/x', expected: 'news.bbc.co.uk' },
    { url: 'https://www.com/x', expected: 'www.com' },
    { url: 'http://localhost:3000/x', expected: 'localhost' },
    { url: 'northern-ledger.example/x', expected: 'northern-ledger.example' },
    { url: 'www.northern-ledger.example', expected: 'northern-ledger.example' },
    { url: 'https://www.bücher.example/x', expected: 'xn--bcher-kva.example' },
    { url: '', expected: '' },
    { url: 'not a url at all', expected: '' },
    { url: 'file:///home/a.html', expected: '' },
  ])('$url → $expected', ({ url, expected }) => {
    const actual = outletFromUrl(url);
    expect(actual).toBe(expected);
  });
});

describe('sameSite', () => {
  it.each([
    ['https://ledger.example/a', 'https://ledger.example/b', true],
    ['https://www.ledger.example/a', 'https://m.ledger.example/b', true],
    ['https://amp.ledger.example/a', 'http://LEDGER.example./b', true],
    ['https://mobile.ledger.example/a', 'https://ledger.example:8443/b', true],
    ['https://edition.ledger.example/a', 'https://www.ledger.example/b', true],
    ['https://news.portal.example/a', 'https://www.meridian-wire.example/a', false],
    ['https://ledger.example/a', 'https://notledger.example/a', false],
    ['https://ledger.example.net/a', 'https://ledger.example/a', false],
    ['https://ledger.example/a', 'javascript:alert(1)', false],
    ['not a url', 'not a url', false],
  ])('%s and %s → %s', (a, b, expected) => {
    expect(sameSite(a, b)).toBe(expected);
    expect(sameSite(b, a)).toBe(expected);
  });
});

describe('isHttpUrl', () => {
  it.each([
    { s: 'https://example.com/story', expected: true },
    { s: 'http://example.com', expected: true },
    { s: 'HTTPS://EXAMPLE.COM/', expected: true },
    { s: 'https://example.com:8443/a?b=c#d', expected: true },
    { s: 'http://127.0.0.1/', expected: true },
    { s: 'javascript:alert(1)', expected: false },
    { s: 'JavaScript:alert(1)', expected: false },
    { s: 'java\nscript:alert(1)', expected: false },
    { s: 'data:text/html,<script>alert(1)</script>', expected: false },
    { s: 'vbscript:msgbox', expected: false },
    { s: 'file:///etc/passwd', expected: false },
    { s: 'ftp://example.com/', expected: false },
    { s: 'chrome://settings', expected: false },
    { s: '//example.com/story', expected: false },
    { s: '/story', expected: false },
    { s: 'example.com', expected: false },
    { s: 'https://', expected: false },
    { s: ' https://example.com/', expected: false },
    { s: 'https://exa mple.com/', expected: false },
    { s: 'https://example.com/\tstory', expected: false },
    { s: '', expected: false },
    { s: null, expected: false },
    { s: 42, expected: false },
  ])('$s → $expected', ({ s, expected }) => {
    const actual = isHttpUrl(s);
    expect(actual).toBe(expected);
  });
});

describe('safeHref', () => {
  const long = `https://example.com/${'a'.repeat(MAX_URL_CHARS)}`;
  it.each([
    // Addresses that may be links, returned as parsed.
    { url: 'https://example.com/story', expected: 'https://example.com/story' },
    { url: 'http://example.com', expected: 'http://example.com/' },
    { url: 'HTTPS://EXAMPLE.COM/Story', expected: 'https://example.com/Story' },
    { url: 'https://example.com/a?q=<script>&b="x"', expected: 'https://example.com/a?q=%3Cscript%3E&b=%22x%22' },
    { url: 'https://example.com/"><svg/onload=alert(1)>', expected: 'https://example.com/%22%3E%3Csvg/onload=alert(1)%3E' },
    { url: 'https://xn--80ak6aa92e.com/', expected: 'https://xn--80ak6aa92e.com/' },
    // Script and other schemes, in many spellings.
    { url: 'javascript:alert(1)', expected: null },
    { url: 'JAVASCRIPT:alert(1)', expected: null },
    { url: 'JaVaScRiPt:alert(1)', expected: null },
    { url: ' javascript:alert(1)', expected: null },
    { url: '\u0000javascript:alert(1)', expected: null },
    { url: 'java\tscript:alert(1)', expected: null },
    { url: 'java\nscript:alert(1)', expected: null },
    { url: 'java\rscript:alert(1)', expected: null },
    { url: 'javascript\u0001:alert(1)', expected: null },
    { url: 'javascript:alert(1)//https://example.com/', expected: null },
    { url: 'javascript://example.com/%0aalert(1)', expected: null },
    { url: 'javascript&#58;alert(1)', expected: null },
    { url: '&#106;avascript:alert(1)', expected: null },
    { url: 'javascript&colon;alert(1)', expected: null },
    { url: '&#x6A;&#x61;&#x76;&#x61;script:alert(1)', expected: null },
    { url: 'javascript%3Aalert(1)', expected: null },
    { url: 'jav&#x09;ascript:alert(1)', expected: null },
    { url: '\u202ejavascript:alert(1)', expected: null },
    { url: 'data:text/html,<script>alert(1)</script>', expected: null },
    { url: 'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', expected: null },
    { url: 'vbscript:msgbox(1)', expected: null },
    { url: 'VBScript:msgbox(1)', expected: null },
    { url: 'file:///etc/passwd', expected: null },
    { url: 'chrome-extension://abcdefghijklmnop/options.html', expected: null },
    { url: 'moz-extension://abc/options.html', expected: null },
    { url: 'chrome://settings', expected: null },
    { url: 'about:blank', expected: null },
    { url: 'blob:https://example.com/1234', expected: null },
    { url: 'ftp://example.com/', expected: null },
    // Not absolute, or not a usable address.
    { url: '//evil.example/', expected: null },
    { url: '/story', expected: null },
    { url: 'example.com', expected: null },
    { url: 'https://', expected: null },
    { url: 'https:javascript:alert(1)', expected: null },
    { url: '', expected: null },
    // Addresses that show as something other than where they go.
    { url: 'https://example.com@evil.example/', expected: null },
    { url: 'https://user:pass@example.com/', expected: null },
    { url: 'https://example.com/\u202egnp.exe', expected: null },
    { url: 'https://exa\u200bmple.com/', expected: null },
    { url: 'https://example.com/\u2066x', expected: null },
    { url: 'https://example.com/ story', expected: null },
    { url: 'https://example.com/\u00a0story', expected: 'https://example.com/%C2%A0story' },
    { url: long, expected: null },
    // Not strings.
    { url: null, expected: null },
    { url: undefined, expected: null },
    { url: 42, expected: null },
    { url: { toString: () => 'https://example.com/' }, expected: null },
    { url: ['https://example.com/'], expected: null },
  ])('$url → $expected', ({ url, expected }) => {
    const actual = safeHref(url);
    expect(actual).toBe(expected);
  });
});

describe('absoluteHttpUrl', () => {
  it.each([
    { raw: '/story/1', base: 'https://news.example/a/b', expected: 'https://news.example/story/1' },
    { raw: 'https://other.example/x', base: 'https://news.example/', expected: 'https://other.example/x' },
    { raw: '  https://news.example/x  ', base: 'https://news.example/', expected: 'https://news.example/x' },
    { raw: 'javascript:alert(1)', base: 'https://news.example/', expected: null },
    { raw: 'data:text/html,x', base: 'https://news.example/', expected: null },
    { raw: 'http://[bad', base: 'https://news.example/', expected: null },
    { raw: null, base: 'https://news.example/', expected: null },
    { raw: '', base: 'https://news.example/', expected: null },
  ])('$raw against $base → $expected', ({ raw, base, expected }) => {
    const actual = absoluteHttpUrl(raw, base);
    expect(actual).toBe(expected);
  });
});

describe('canonicalUrl: a key is its own key (found by the fuzz test)', () => {
  it.each([
    ['https://paper.example/a/index.html/index.php', 'https://paper.example/a'],
    ['https://paper.example/a/index.html/amp/', 'https://paper.example/a'],
    ['http://paper.example:443/a', 'https://paper.example/a'],
    ['https://paper.example:80/a', 'https://paper.example/a'],
    ['https://paper.example:8080/a', 'https://paper.example:8080/a'],
  ])('%s → %s', (url, key) => {
    expect(canonicalUrl(url)).toBe(key);
    expect(canonicalUrl(key)).toBe(key);
  });

  it('refuses an address whose host is only dots', () => {
    expect(() => canonicalUrl('http:////./story')).toThrow(/has no host/);
    expect(isHttpUrl('http://./story')).toBe(false);
  });
});
