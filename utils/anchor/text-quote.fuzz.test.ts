/**
 * Fuzz: text quotes over seeded random texts, ranges and stored quotes. Nothing throws; a found
 * range lies inside the text; a quote taken from a text is found again at its own place.
 */
import { describe, expect, it } from 'vitest';
import { findQuote, quoteAt } from './text-quote';
import { anyText, forCases, prose, type Random } from '../../tests/fuzz';

const CASES = 800;

function edit(rng: Random, text: string): string {
  let t = text;
  for (let i = rng.int(4); i > 0; i--) {
    const at = rng.int(t.length + 1);
    t = rng.chance(0.5) ? t.slice(0, at) + rng.pick([' ', 'x', '\n', '’', '—']) + t.slice(at) : t.slice(0, at) + t.slice(at + 1 + rng.int(3));
  }
  return t;
}

describe('fuzz: quoteAt and findQuote', () => {
  it(`a quote is found again where it was taken, over ${CASES} seeded texts`, async () => {
    await forCases(CASES, (rng) => {
      const text = rng.chance(0.7) ? prose(rng, 20) : anyText(rng, 400);
      const a = rng.int(text.length + 1);
      const b = rng.int(text.length + 1);
      const quote = quoteAt(text, a, b, rng.pick([0, 8, 32]));
      const [start, end] = [Math.min(a, b), Math.max(a, b)];
      expect(quote.exact).toBe(text.slice(start, end));
      expect(text.slice(start - quote.prefix.length, start)).toBe(quote.prefix);
      expect(text.slice(end, end + quote.suffix.length)).toBe(quote.suffix);
      const found = findQuote(text, quote, start);
      if (quote.exact === '') expect(found).toBeNull();
      else expect(found, JSON.stringify(quote)).toEqual({ start, end });
    });
  });

  it(`never throws and gives a range inside the text for any quote, over ${CASES} seeded cases`, async () => {
    await forCases(CASES, (rng) => {
      const text = rng.chance(0.6) ? prose(rng, 20) : anyText(rng, 400);
      const source = rng.chance(0.5) ? edit(rng, text) : anyText(rng, 200);
      const a = rng.int(source.length + 1);
      const quote = rng.chance(0.9)
        ? quoteAt(source, a, a + rng.int(120), rng.int(40))
        : ({ exact: rng.chance(0.5) ? anyText(rng, 30) : undefined, prefix: null, suffix: 3 } as never);
      const hint = rng.pick([undefined, rng.int(text.length + 10) - 5, Number.NaN, Infinity, -1]);
      const found = findQuote(text, quote, hint);
      if (found === null) return;
      expect(Number.isInteger(found.start) && Number.isInteger(found.end)).toBe(true);
      expect(found.start).toBeGreaterThanOrEqual(0);
      expect(found.end).toBeGreaterThanOrEqual(found.start);
      expect(found.end).toBeLessThanOrEqual(text.length);
    });
  });
});
