/**
 * Fuzz: the whole text pipeline (sentences → spot → retrieve → stance → verdict) over seeded
 * random pages and a small in-memory corpus. Nothing throws; every checked claim is the exact
 * slice at its offsets, in order; verdicts, stances and confidences are in range; the page's own
 * article is never its own evidence.
 */
import { describe, expect, it } from 'vitest';
import { checkSelection, checkText, countWords, DEFAULT_MAX_CLAIMS, MIN_SELECTION_WORDS } from './pipeline';
import { defaultSteps } from './steps';
import { createMemoryRetriever, type StoredArticle } from './search/retriever';
import { STANCES, VERDICTS, type CheckedClaim } from './types';
import { anyText, forCases, prose, type Random } from '../tests/fuzz';

const CASES = 80;
const OUTLETS = ['Ledger', 'Post', 'Herald', 'Wire', 'Compass'];

function corpus(rng: Random): StoredArticle[] {
  return Array.from({ length: 3 + rng.int(10) }, (_, id) => ({
    id,
    url: `https://${rng.pick(OUTLETS).toLowerCase()}.example/${id}`,
    outlet: rng.pick(OUTLETS),
    title: prose(rng, 1),
    published: rng.chance(0.8) ? `2026-0${1 + rng.int(9)}-1${rng.int(10)}` : null,
    text: rng.chance(0.9) ? prose(rng, 15) : anyText(rng, 300),
  }));
}

function problem(text: string, claims: CheckedClaim[], pageUrl: string): string | null {
  let last = 0;
  for (const c of claims) {
    const what = JSON.stringify(c.text);
    if (c.start < last || c.end <= c.start || c.end > text.length || text.slice(c.start, c.end) !== c.text) return `offsets ${c.start}-${c.end} of ${what}`;
    if (!VERDICTS.includes(c.verdict)) return `verdict ${c.verdict}`;
    for (const o of c.outlets) {
      if (!STANCES.includes(o.stance)) return `stance ${o.stance}`;
      if (!(o.confidence >= 0 && o.confidence <= 1)) return `confidence ${o.confidence}`;
      if (o.url === pageUrl) return `the page is its own evidence for ${what}`;
      if (typeof o.evidence !== 'string' || !o.outlet) return `finding ${JSON.stringify(o)}`;
    }
    last = c.end;
  }
  return null;
}

describe('fuzz: checkText and checkSelection', () => {
  it(`check random pages against a random corpus, over ${CASES} seeded cases`, async () => {
    await forCases(CASES, async (rng) => {
      const articles = corpus(rng);
      const steps = defaultSteps(createMemoryRetriever(articles).search);
      // The page is sometimes one of the corpus articles (it must not confirm itself).
      const own = rng.chance(0.3) ? rng.pick(articles) : null;
      const text = own ? own.text : rng.chance(0.8) ? prose(rng, 20) : anyText(rng, 400);
      const page = { url: own?.url ?? 'https://page.example/story', outlet: own?.outlet ?? rng.pick([...OUTLETS, null]) };
      const maxClaims = rng.pick([DEFAULT_MAX_CLAIMS, 3]);
      const claims = await checkText(text, steps, page, { sensitivity: rng.next(), maxClaims });
      expect(claims.length).toBeLessThanOrEqual(maxClaims);
      expect(problem(text, claims, page.url), JSON.stringify(text)).toBeNull();
      const selection = rng.chance(0.5) ? text.slice(rng.int(text.length), rng.int(text.length) + 80) : anyText(rng, 60);
      const chosen = await checkSelection(selection, steps, page);
      expect(problem(selection.trim(), chosen, page.url), JSON.stringify(selection)).toBeNull();
      // Anything that can state something is checked (a word or two may not be: MIN_SELECTION_WORDS).
      if (countWords(selection) >= MIN_SELECTION_WORDS) expect(chosen.length).toBeGreaterThan(0);
    });
  });
});
