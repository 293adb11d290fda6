/**
 * Fuzz: site patterns and the on/off decision over seeded random input. Normalising never
 * throws and is stable; a pattern covers its own host; the deny list wins; and the popup's
 * switch (setSiteEnabled) always leaves the site in the state asked for.
 */
import { describe, expect, it } from 'vitest';
import { isSiteEnabled, matchesSitePattern, normalizeSitePattern, setSiteEnabled, type SiteSettings } from './site-settings';
import { anyText, forCases, type Random } from '../tests/fuzz';

const CASES = 1500;

const LABELS = ['example', 'news', 'www', 'm', 'co', 'uk', 'com', 'bücher', 'xn--bcher-kva', 'a-b', '-bad', 'bad-', 'x_y', '127', '0', 'WWW', 'Example', ''];
function host(rng: Random): string {
  return rng.repeat(1 + rng.int(4), () => rng.pick(LABELS), '.');
}

function pattern(rng: Random): string {
  switch (rng.int(8)) {
    case 0:
      return anyText(rng, 40);
    case 1:
      return `*.${host(rng)}`;
    case 2:
      return `.${host(rng)}`;
    case 3:
      return `${rng.pick(['https://', 'http://', 'ftp://', ''])}${rng.chance(0.2) ? 'user@' : ''}${host(rng)}${rng.pick(['', ':8080', ':x', '/path?q#f', '.'])}`;
    case 4:
      return rng.pick(['127.0.0.1', '*.127.0.0.1', '[::1]', '[::1', '*.[::1]', 'localhost', '*', '*.*.example', ' example.com ', 'EXAMPLE.com.', '']);
    default:
      return host(rng);
  }
}

function settings(rng: Random): SiteSettings {
  return {
    mode: rng.chance(0.5) ? 'everywhere' : 'listed',
    allow: Array.from({ length: rng.int(4) }, () => pattern(rng)),
    deny: Array.from({ length: rng.int(3) }, () => pattern(rng)),
  };
}

describe('fuzz: site patterns', () => {
  it(`normalise stably and cover their own host, over ${CASES} seeded patterns`, async () => {
    await forCases(CASES, (rng) => {
      const input = pattern(rng);
      const p = normalizeSitePattern(input);
      if (p === null) {
        expect(matchesSitePattern('example.com', input)).toBe(false);
        return;
      }
      expect(p, input).toMatch(/^(\*\.)?([a-z0-9_.-]+|\[[0-9a-f:.]+\])$/);
      expect(normalizeSitePattern(p), input).toBe(p);
      const base = p.replace(/^\*\./, '');
      expect(matchesSitePattern(base, input), input).toBe(true);
      expect(matchesSitePattern(`https://${base}/any/page`, p), input).toBe(true);
      if (p.startsWith('*.')) expect(matchesSitePattern(`deep.sub.${base}`, p), input).toBe(true);
      else if (!base.startsWith('[') && !/^[\d.]+$/.test(base)) expect(matchesSitePattern(`other-${base}`, p), input).toBe(false);
    });
  });

  it(`decide on or off without throwing, the deny list winning, over ${CASES} seeded settings`, async () => {
    await forCases(CASES, (rng) => {
      const s = settings(rng);
      const h = host(rng);
      const url = rng.chance(0.2) ? anyText(rng, 60) : `${rng.pick(['https://', 'http://', 'file://', 'chrome://'])}${h}/${rng.chance(0.5) ? 'a' : ''}`;
      const on = isSiteEnabled(url, s);
      expect(typeof on).toBe('boolean');
      if (!on) return;
      const parsed = new URL(url);
      expect(['http:', 'https:']).toContain(parsed.protocol);
      expect(s.deny.some((p) => matchesSitePattern(parsed.hostname, p))).toBe(false);
      if (s.mode === 'listed') expect(s.allow.some((p) => matchesSitePattern(parsed.hostname, p))).toBe(true);
    });
  });

  it(`the switch leaves a site as asked and changes nothing else it need not, over ${CASES} seeded cases`, async () => {
    await forCases(CASES, (rng) => {
      const s = settings(rng);
      const copy = structuredClone(s);
      const h = host(rng);
      const want = rng.chance(0.5);
      const next = setSiteEnabled(s, h, want);
      expect(s).toEqual(copy);
      if (normalizeSitePattern(h) === null || normalizeSitePattern(h)!.startsWith('*')) return;
      const url = `https://${new URL(`https://${h}/`).hostname}/`;
      expect(isSiteEnabled(url, next), `${h} in ${JSON.stringify(s)}`).toBe(want);
      // Already as asked: the settings come back unchanged.
      if (isSiteEnabled(url, s) === want) expect(next).toEqual({ ...s, mode: s.mode });
    });
  });
});
