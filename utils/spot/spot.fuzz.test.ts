/**
 * Fuzz: claim spotting over seeded random prose and junk. Nothing throws; each claim is the exact
 * slice at its offsets, inside one sentence, in order; scores are probabilities; and a higher
 * sensitivity never drops a claim a lower one found.
 */
import { describe, expect, it } from 'vitest';
import { spotClaims } from './index';
import { splitSentences } from '../text/sentences';
import { anyText, forCases, prose } from '../../tests/fuzz';

const CASES = 250;

describe('fuzz: spotClaims', () => {
  it(`gives exact, ordered claims inside sentences, over ${CASES} seeded texts`, async () => {
    await forCases(CASES, (rng) => {
      const text = rng.chance(0.7) ? prose(rng, 20) : anyText(rng, 400);
      const sentences = splitSentences(text);
      const low = spotClaims(text, { sensitivity: 0.2 });
      const high = spotClaims(text, { sensitivity: 0.9 });
      const odd = spotClaims(text, { sensitivity: rng.pick([-1, 2, Number.NaN, 0, 1]) });
      for (const claims of [low, high, odd]) {
        let last = 0;
        for (const c of claims) {
          const what = JSON.stringify({ text, claim: c.text });
          if (c.start < last || c.end <= c.start || c.end > text.length) expect.fail(`offsets ${c.start}-${c.end}: ${what}`);
          if (text.slice(c.start, c.end) !== c.text) expect.fail(`not the slice at its offsets: ${what}`);
          if (!sentences.some((s) => s.start <= c.start && c.end <= s.end)) expect.fail(`not inside one sentence: ${what}`);
          if (!(c.score >= 0 && c.score <= 1)) expect.fail(`score ${c.score}: ${what}`);
          if (!Array.isArray(c.structure.entities) || !Array.isArray(c.structure.numbers)) expect.fail(`structure: ${what}`);
          last = c.end;
        }
      }
      const highStarts = new Set(high.map((c) => c.start));
      expect(low.filter((c) => !highStarts.has(c.start)), text).toEqual([]);
    });
  });
});
