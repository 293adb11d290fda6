/**
 * Fuzz: address canonicalisation over seeded random addresses. Whatever it is given it returns
 * an https key or throws an Error that says why; a key is a valid URL and its own key; variants
 * of one address (mirror hosts, tracking tags, fragments) share one key.
 */
import { describe, expect, it } from 'vitest';
import { canonicalUrl, isHttpUrl, outletFromUrl } from './url';
import { anyText, forCases, type Random } from '../tests/fuzz';

const CASES = 1500;

const SCHEMES = ['https://', 'http://', 'HTTPS://', 'ftp://', 'javascript:', 'data:text/html,', 'mailto:', '//', '', 'https:/', 'https:///'];
const HOSTS = ['example.com', 'www.example.com', 'm.news.example', 'amp.paper.example', 'www.m.www.x.example', 'bücher.example', 'xn--bcher-kva.example', '127.0.0.1', '[::1]', 'localhost', 'a', 'EXAMPLE.COM.', 'www', 'user:pw@host.example', 'host.example:8080', 'host.example:443', ''];
const SEGMENTS = ['news', 'amp', 'AMP', '2026', 'story.amp.html', 'index.html', 'index.php', '%7euser', '%7Euser', '%2F', '%zz', 'é', '..', '.', '', 'a b', 'x?y', 'a#b'];
const PARAMS = ['utm_source=x', 'UTM_Medium=y', 'fbclid=1', 'id=7', 'p=2', 'page=3', 'outputType=amp', 'output=html', 'a=1', 'a=2', 'b', '=', '=x', '&', 'ref=home', 'q=%20', 'z=é'];
const FRAGMENTS = ['', '#top', '#!/story/12', '#/story/12', '#', '#%20'];

function address(rng: Random): string {
  if (rng.chance(0.1)) return anyText(rng, 80);
  const path = rng.repeat(rng.int(5), () => rng.pick(SEGMENTS), '/');
  const query = rng.chance(0.5) ? `?${rng.repeat(1 + rng.int(4), () => rng.pick(PARAMS), '&')}` : '';
  const url = `${rng.pick(SCHEMES)}${rng.pick(HOSTS)}${path ? `/${path}` : rng.pick(['', '/'])}${query}${rng.pick(FRAGMENTS)}`;
  return rng.chance(0.1) ? ` ${url}\t` : url;
}

describe('fuzz: canonicalUrl, isHttpUrl, outletFromUrl', () => {
  it(`hold their promises over ${CASES} seeded addresses`, async () => {
    await forCases(CASES, (rng) => {
      const url = address(rng);
      expect(typeof outletFromUrl(url)).toBe('string');
      const safe = isHttpUrl(url);
      expect(typeof safe).toBe('boolean');
      let key: string;
      try {
        key = canonicalUrl(url);
      } catch (error) {
        // Refused: with an Error saying why, and never an address the UI would open.
        expect(error).toBeInstanceOf(Error);
        expect((error as Error).message).toMatch(/^not a web address: /);
        expect(safe, url).toBe(false);
        return;
      }
      expect(key, url).toMatch(/^https:\/\/[^/?#]+/);
      expect(new URL(key).href.length).toBeGreaterThan(0);
      expect(canonicalUrl(key), url).toBe(key);
      // Variants of the same address share its key.
      const parsed = new URL(key);
      const variant = new URL(key);
      variant.protocol = 'http:';
      if (!/^(\d+\.){3}\d+$|^\[/.test(parsed.hostname) && parsed.hostname.includes('.')) variant.hostname = `www.${parsed.hostname}`;
      variant.searchParams.append('utm_campaign', 'fuzz');
      if (!parsed.hash) variant.hash = 'comments';
      expect(canonicalUrl(variant.href), `${url} → ${variant.href}`).toBe(key);
    });
  });
});
