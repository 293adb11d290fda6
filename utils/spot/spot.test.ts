import { describe, expect, it } from 'vitest';
import { isFragment, scoreSentence, spotClaims, thresholdFor } from './index';

const ARTICLE = `Floods hit the north

Photo: Reuters

The army said on Tuesday it had taken control of four of seven districts in the eastern city of Marinka. Officials in Kyiv denied the claim.
About 3.5 million people have fled the region since March, according to the U.N. refugee agency.

What happens next? I think this is a disgrace.

Read more: How the war began

Subscribe to our newsletter for the latest updates.`;

describe('scoreSentence', () => {
  it('is between 0 and 1', () => {
    for (const s of ['', 'Hello.', 'The army took control of four districts on Tuesday.']) {
      const v = scoreSentence(s);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });
  it('ranks factual assertions above opinion, questions and boilerplate', () => {
    const fact = scoreSentence('About 3.5 million people have fled the region since March, according to the U.N. refugee agency.');
    for (const s of ['What happens next?', 'I think this is a disgrace.', 'Subscribe to our newsletter for the latest updates.', 'Thank you all for coming.']) {
      expect(scoreSentence(s)).toBeLessThan(fact);
      expect(scoreSentence(s)).toBeLessThan(0.5);
    }
  });
});

describe('spotClaims', () => {
  it('finds the factual claims with exact offsets, in text order', () => {
    const claims = spotClaims(ARTICLE);
    expect(claims.length).toBeGreaterThanOrEqual(2);
    let last = -1;
    for (const c of claims) {
      expect(ARTICLE.slice(c.start, c.end)).toBe(c.text);
      expect(c.start).toBeGreaterThan(last);
      last = c.start;
      expect(c.score).toBeGreaterThanOrEqual(thresholdFor(0.5));
    }
    const texts = claims.map((c) => c.text);
    expect(texts).toContain('The army said on Tuesday it had taken control of four of seven districts in the eastern city of Marinka.');
    expect(texts.some((t) => /3\.5 million/.test(t))).toBe(true);
    for (const t of texts) expect(t).not.toMatch(/^(Photo|Read more|Subscribe|What happens|I think|Floods hit)/);
  });

  it('fills the structure', () => {
    const c = spotClaims(ARTICLE).find((x) => x.text.includes('3.5 million'))!;
    expect(c.structure.numbers[0]).toEqual({ raw: '3.5 million', value: 3_500_000, unit: 'people' });
    expect(c.structure.attribution).toBe('the U.N. refugee agency');
  });

  it('gives fewer claims at low sensitivity and more at high', () => {
    const low = spotClaims(ARTICLE, { sensitivity: 0 }).length;
    const mid = spotClaims(ARTICLE).length;
    const high = spotClaims(ARTICLE, { sensitivity: 1 }).length;
    expect(low).toBeLessThanOrEqual(mid);
    expect(mid).toBeLessThanOrEqual(high);
    expect(thresholdFor(0.5)).toBeCloseTo(0.5);
  });

  it('skips list markers but keeps list items that are claims', () => {
    const text = 'What we know:\n• 12 people were killed in the strike on the market in Kherson on Tuesday\n• Photo: AP';
    const claims = spotClaims(text, { sensitivity: 1 });
    expect(claims.length).toBe(1);
    expect(claims[0].text.startsWith('12 people')).toBe(true);
    expect(text.slice(claims[0].start, claims[0].end)).toBe(claims[0].text);
  });

  it('treats headings, captions and boilerplate as fragments', () => {
    for (const s of [
      'Floods hit the north',
      'Photo: Reuters',
      'Read more: How the war began',
      'By Anna Smith',
      'Live updates',
      'Chart: Interest rates since 2000',
      'Rescue workers search the rubble of a school in Antakya (Photo: AP)',
      'This story was updated on November 19 to add details of the rescue work.',
      'Correction, November 18: An earlier version of this article gave the wrong year.',
      'The Daily Compass · 16 October 2026 · the Sarrow Valley offensive',
    ])
      expect(isFragment(s)).toBe(true);
    expect(isFragment('Officials in Kyiv denied the claim.')).toBe(false);
  });

  it.each([
    ['KELD, Estrava — The army has taken full control of the valley after an eight-day offensive.', 'The army has taken full control'],
    ['ORLEN - The defence ministry said troops secured all eight districts by Sunday.', 'The defence ministry said'],
    ['ORLEN, Oct 12 (Meridian Wire) - The army said it had taken 14 villages on Monday.', 'The army said'],
  ])('leaves a story\'s dateline out of the claim: %s', (text, expectedStart) => {
    const [claim] = spotClaims(text, { sensitivity: 1 });
    expect(claim.text.startsWith(expectedStart)).toBe(true);
    expect(text.slice(claim.start, claim.end)).toBe(claim.text);
  });

  it('does not mistake a capitalised opening word for a dateline', () => {
    const text = 'NATO said on Monday that 3,000 troops would move to the border.';
    expect(spotClaims(text, { sensitivity: 1 })[0].text).toBe(text);
  });

  it('is empty for empty text', () => {
    expect(spotClaims('')).toEqual([]);
  });
});

describe('spotClaims with maxClaims', () => {
  // Many claims with tied and distinct scores: the same sentences repeated, plus others.
  const long = Array.from({ length: 6 }, () => ARTICLE).join('\n\n') + '\n\nUnemployment fell to 4.1% in the second quarter, the statistics office said.';
  const all = spotClaims(long, { sensitivity: 0.8 });

  it('gives the claims that capping the full list gives: highest scores, ties in text order, kept in text order', () => {
    expect(all.length).toBeGreaterThan(6);
    for (const max of [0, 1, 2, 5, all.length - 1, all.length, all.length + 3]) {
      const keep = new Set([...all].sort((a, b) => b.score - a.score).slice(0, max));
      const expected = all.length <= max ? all : all.filter((c) => keep.has(c));
      expect(spotClaims(long, { sensitivity: 0.8, maxClaims: max }), `max ${max}`).toEqual(expected);
    }
  });

  it('keeps the earlier of two claims with the same score', () => {
    const one = spotClaims(long, { sensitivity: 0.8, maxClaims: 1 });
    const best = Math.max(...all.map((c) => c.score));
    expect(one).toHaveLength(1);
    expect(one[0].start).toBe(all.find((c) => c.score === best)!.start);
  });
});

describe('spotClaims on a stretch of the text', () => {
  // A wire dateline and list markers, whose claims start after their sentence does.
  const text = [ARTICLE, 'KELD, Estrava — The army said it had taken 12 villages on Monday.', '• Police arrested 37 people after the protest, officials said.', ARTICLE].join('\n\n');
  const all = spotClaims(text, { sensitivity: 0.8 });

  it('gives the claims of the whole text that start in the stretch, whatever the stretch', () => {
    expect(all.length).toBeGreaterThan(6);
    const cuts = [0, 1, ...all.flatMap((c) => [c.start - 1, c.start, c.start + 1, c.end]), text.length, Infinity];
    for (const from of cuts) {
      for (const to of [from, from + 40, from + 400, Infinity]) {
        const expected = all.filter((c) => c.start >= from && c.start < to);
        expect(spotClaims(text, { sensitivity: 0.8, from, to }), `[${from}, ${to})`).toEqual(expected);
      }
    }
  });

  it('puts every claim in exactly one of two stretches cut anywhere', () => {
    for (let cut = 0; cut <= text.length; cut += 7) {
      const parts = [...spotClaims(text, { sensitivity: 0.8, to: cut }), ...spotClaims(text, { sensitivity: 0.8, from: cut })];
      expect(parts, `cut at ${cut}`).toEqual(all);
    }
  });
});
