/**
 * Fuzz: sentence splitting over seeded random prose and junk. Every span is the exact slice at
 * its offsets, trimmed and non-empty; spans are in order without overlap; and together they
 * cover every non-space character of the text.
 */
import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';
import { anyText, forCases, prose } from '../../tests/fuzz';

const CASES = 1500;
const SPACE = /^\s*$/;

/** What is wrong with `spans` as exact, ordered, trimmed spans covering `text`, or null. */
function spanProblem(text: string, spans: readonly { text: string; start: number; end: number }[]): string | null {
  let last = 0;
  for (const span of spans) {
    const what = JSON.stringify(span);
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end)) return `offsets not integers: ${what}`;
    if (span.start < last) return `out of order or overlapping: ${what}`;
    if (span.end <= span.start || span.end > text.length) return `offsets out of range: ${what}`;
    if (span.text !== text.slice(span.start, span.end)) return `text is not the slice at its offsets: ${what}`;
    if (span.text !== span.text.trim()) return `not trimmed: ${what}`;
    // Covering: what lies between two spans is only white space.
    if (!SPACE.test(text.slice(last, span.start))) return `text left out before ${what}`;
    last = span.end;
  }
  return SPACE.test(text.slice(last)) ? null : 'text left out after the last span';
}

describe('fuzz: splitSentences', () => {
  it(`gives exact, ordered, trimmed spans covering the text, over ${CASES} seeded texts`, async () => {
    await forCases(CASES, (rng) => {
      const text = rng.chance(0.6) ? prose(rng, 25) : anyText(rng, 500);
      expect(spanProblem(text, splitSentences(text)), JSON.stringify(text)).toBeNull();
    });
  });
});
