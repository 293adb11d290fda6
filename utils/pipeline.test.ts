import { describe, expect, it } from 'vitest';
import { checkClaim, checkSelection, countWords, checkText, openingClaims, openingLimit, restClaims, selectClaims, type PipelineSteps } from './pipeline';
import { OPENING_CHARS } from './claim-parts';
import { mostCheckWorthy } from './spot';
import { claimStructure } from './spot/structure';
import type { ClaimStructure, EvidenceHit, SpottedClaim, Stance } from './types';

const structure: ClaimStructure = { entities: [], numbers: [], negated: false, hedged: false };

/** Steps with rules simple enough to predict: every sentence with a digit is a claim. */
function fakeSteps(evidence: { outlet: string; passage: string; stance: Stance; published?: string }[]): PipelineSteps & { searched: string[] } {
  const searched: string[] = [];
  return {
    searched,
    spot(text) {
      const claims: SpottedClaim[] = [];
      for (const m of text.matchAll(/[^.]+\./g)) {
        const raw = m[0];
        const lead = raw.length - raw.trimStart().length;
        const sentence = raw.trim();
        if (/\d/.test(sentence)) claims.push({ text: sentence, start: m.index + lead, end: m.index + lead + sentence.length, score: 0.9, structure });
      }
      return claims;
    },
    structure: () => structure,
    async search(query, opts) {
      searched.push(`${query.text}|${opts.excludeUrl ?? ''}`);
      return evidence.map((e, i): EvidenceHit => ({
        articleId: i, url: `https://${e.outlet}.example/${i}`, outlet: e.outlet, title: '', published: e.published ?? null, passage: e.passage, score: 1,
      }));
    },
    stance(_claim, passage) {
      const s = evidence.find((e) => e.passage === passage)!.stance;
      const scores = { confirm: 0.05, dispute: 0.05, discuss: 0.05, unrelated: 0.05 };
      scores[s] = 0.85;
      return { stance: s, scores };
    },
  };
}

describe('checkText', () => {
  it('checks each claim with offsets into the text, and passes the page URL to retrieval', async () => {
    const steps = fakeSteps([
      { outlet: 'ledger', passage: 'Troops took 4 districts.', stance: 'confirm', published: '2026-03-01' },
      { outlet: 'radio', passage: 'The council denied it.', stance: 'dispute', published: '2026-03-02' },
    ]);
    const text = 'It was a long week. The army took 4 districts. Nobody knows why.';
    const actual = await checkText(text, steps, { url: 'https://page.example/a', outlet: 'page' });
    expect(actual).toHaveLength(1);
    expect(text.slice(actual[0].start, actual[0].end)).toBe('The army took 4 districts.');
    expect(actual[0].verdict).toBe('conflicting');
    expect(actual[0].outlets.map((o) => o.outlet)).toEqual(['ledger', 'radio']);
    expect(steps.searched).toEqual(['The army took 4 districts.|https://page.example/a']);
  });

  it('looks for what the claim asserts, without the source it names, and keeps the claim as written', async () => {
    const steps = fakeSteps([{ outlet: 'ledger', passage: 'The army took 4 districts.', stance: 'confirm' }]);
    const actual = await checkText('The army took 4 districts, according to posts on a forum run by veterans.', steps);
    expect(steps.searched).toEqual(['The army took 4 districts.|']);
    expect(actual[0].text).toBe('The army took 4 districts, according to posts on a forum run by veterans.');
  });

  it('keeps only the most check-worthy claims past the limit, in text order', async () => {
    const steps = fakeSteps([]);
    const base = steps.spot;
    steps.spot = (text, o) => base(text, o).map((c, i) => ({ ...c, score: i === 1 ? 0.1 : 0.9 }));
    const actual = await checkText('A 1. B 2. C 3.', steps, {}, { maxClaims: 2 });
    expect(actual.map((c) => c.text)).toEqual(['A 1.', 'C 3.']);
  });
});

describe('selectClaims in two parts', () => {
  // Sentences "S<i> <i>." (each a claim for the fake spotter), scored by a repeating pattern.
  const textOf = (n: number) => Array.from({ length: n }, (_, i) => `Sentence number ${i} of the story, which counts ${i}.`).join(' ');
  const scored = (steps: PipelineSteps): PipelineSteps => {
    const base = steps.spot;
    return { ...steps, spot: (text, o) => base(text, o).map((c) => ({ ...c, score: ((c.start * 7919) % 1000) / 1000 })) };
  };
  const steps = scored(fakeSteps([]));
  const topOf = (claims: { start: number; score: number }[], max: number) =>
    new Set([...claims].sort((a, b) => b.score - a.score || a.start - b.start).slice(0, max).map((c) => c.start));

  it('chooses a text no longer than the opening as one: the most check-worthy up to the limit', () => {
    const text = textOf(150);
    expect(text.length).toBeLessThanOrEqual(OPENING_CHARS);
    const all = steps.spot(text, {});
    const top = topOf(all, 20);
    expect(selectClaims(text, steps, { maxClaims: 20 })).toEqual(all.filter((c) => top.has(c.start)));
    expect(openingClaims(text, steps, { maxClaims: 20 })).toEqual(selectClaims(text, steps, { maxClaims: 20 }));
    expect(restClaims(text, steps, { maxClaims: 20 }, [])).toEqual([]);
  });

  it('gives a long text\'s opening its share of the limit, chosen among the opening, and the rest what is left', () => {
    const text = textOf(1200);
    const max = 30;
    expect(text.length).toBeGreaterThan(3 * OPENING_CHARS);
    const all = steps.spot(text, {});
    const inOpening = all.filter((c) => c.start < OPENING_CHARS);
    const share = openingLimit(text.length, max);
    expect(share).toBe(Math.ceil((max * OPENING_CHARS) / text.length));
    const opening = openingClaims(text, steps, { maxClaims: max });
    const openingTop = topOf(inOpening, share);
    expect(opening).toEqual(inOpening.filter((c) => openingTop.has(c.start)));
    const rest = restClaims(text, steps, { maxClaims: max }, opening);
    const inRest = all.filter((c) => c.start >= OPENING_CHARS);
    const restTop = topOf(inRest, max - opening.length);
    expect(rest).toEqual(inRest.filter((c) => restTop.has(c.start)));
    expect(selectClaims(text, steps, { maxClaims: max })).toEqual([...opening, ...rest]);
    expect(opening.length + rest.length).toBe(max);
  });

  it('lets the rest fill what an opening with few claims left', () => {
    // Only the rest has claims (figures): the opening's share goes to them.
    const words = 'Nothing here counts at all in this part of the story.';
    const text = `${Array.from({ length: 300 }, () => words).join(' ')} ${textOf(400)}`;
    const max = 25;
    expect(openingClaims(text, steps, { maxClaims: max })).toEqual([]);
    expect(selectClaims(text, steps, { maxClaims: max })).toHaveLength(max);
  });

  it('gives the opening\'s next most check-worthy claims what the rest leaves of the limit', () => {
    // Claims (figures) only in the opening: the limit is filled from it after all.
    const words = 'Nothing here counts at all in this part of the story.';
    const text = `${textOf(200)} ${Array.from({ length: 300 }, () => words).join(' ')}`;
    const max = 25;
    const all = steps.spot(text, {});
    expect(all.every((c) => c.start < OPENING_CHARS)).toBe(true);
    const opening = openingClaims(text, steps, { maxClaims: max });
    expect(opening.length).toBe(openingLimit(text.length, max));
    expect(opening.length).toBeLessThan(max);
    const rest = restClaims(text, steps, { maxClaims: max }, opening);
    // The opening's claims stay; those added are the next best, so all of them are the opening's best `max`.
    const top = topOf(all, max);
    expect(selectClaims(text, steps, { maxClaims: max })).toEqual(all.filter((c) => top.has(c.start)));
    expect(rest.every((c) => top.has(c.start) && !opening.some((o) => o.start === c.start))).toBe(true);
  });

  it('gives the same claims whether the spotter keeps to the stretch and the limit or ignores both', () => {
    const text = textOf(1200);
    const keeping: PipelineSteps = {
      ...steps,
      spot: (t, o) => {
        const inStretch = steps.spot(t, {}).filter((c) => c.start >= (o.from ?? 0) && c.start < (o.to ?? Infinity));
        return o.maxClaims === undefined ? inStretch : mostCheckWorthy(inStretch, o.maxClaims);
      },
    };
    const ignoring: PipelineSteps = { ...steps, spot: (t) => steps.spot(t, {}) };
    const kept = selectClaims(text, keeping, { maxClaims: 30 });
    expect(kept).toHaveLength(30);
    expect(selectClaims(text, ignoring, { maxClaims: 30 })).toEqual(kept);
  });
});

describe('checkSelection', () => {
  it('checks the whole selection as one claim when no sentence reads as a claim', async () => {
    const steps = fakeSteps([{ outlet: 'ledger', passage: 'Yes.', stance: 'confirm' }]);
    const actual = await checkSelection('  the valley has fallen  ', steps);
    expect(actual).toHaveLength(1);
    expect(actual[0].text).toBe('the valley has fallen');
    expect(actual[0].verdict).toBe('confirmed');
  });
  it('checks nothing in a word, a name or a phrase too short to state anything, whatever the passages that name it say', async () => {
    const steps = fakeSteps([
      { outlet: 'ledger', passage: 'The army took the valley.', stance: 'confirm' },
      { outlet: 'courier', passage: 'The army did not take the valley.', stance: 'dispute' },
    ]);
    for (const text of ['army', ' Sarrow Valley ', 'the army', '军队']) expect(await checkSelection(text, steps)).toEqual([]);
    // Three words can state something: checked as one claim.
    expect(await checkSelection('Sorel fled abroad', steps)).toHaveLength(1);
    // A short sentence that reads as a claim is checked.
    expect(await checkSelection('Up 3%.', steps)).toHaveLength(1);
  });
  it('checks a word or two that state something (an action), not a name, a date or a number alone', async () => {
    const steps = { ...fakeSteps([{ outlet: 'ledger', passage: 'The president resigned on Monday.', stance: 'confirm' }]), structure: claimStructure };
    for (const text of ['Zelensky resigned.', 'Prices doubled', 'Dunmere fell']) expect(await checkSelection(text, steps), text).toHaveLength(1);
    for (const text of ['army', 'Sarrow Valley', 'the army', 'October 8', 'Boeing 737', 'About 12', '2024']) expect(await checkSelection(text, steps), text).toEqual([]);
  });
  it('returns nothing for an empty selection', async () => {
    expect(await checkSelection('   ', fakeSteps([]))).toEqual([]);
  });
});

describe('countWords', () => {
  it('counts words in any script, not spaces or punctuation', () => {
    expect(countWords('The army, it said, won.')).toBe(5);
    expect(countWords('  — 12,000 ')).toBe(1);
    expect(countWords('')).toBe(0);
    expect(countWords('قال الجيش')).toBe(2);
  });
});

describe('evidence relevance', () => {
  it("judges on a page only articles about the page's story: one naming none of its names or the claim's is left out", async () => {
    const steps = fakeSteps([
      { outlet: 'ledger', passage: 'The bridge will stay closed for six months.', stance: 'confirm' },
      { outlet: 'weather', passage: 'The road will stay closed for six months.', stance: 'confirm' },
    ]);
    const search = steps.search;
    steps.search = async (q, o) =>
      (await search(q, o)).map((h) => ({ ...h, names: h.outlet === 'ledger' ? ['Kessling', 'Vantry'] : ['Velmor', 'Amber', 'Delta'] }));
    const claim = { text: 'The bridge will stay closed for 6 months.', start: 0, end: 41, score: 1, structure: { entities: [], numbers: [], negated: false, hedged: false } };
    const onPage = await checkClaim(claim, steps, { names: ['Kessling Bridge', 'Vantry'] });
    expect(onPage.outlets.map((o) => o.outlet)).toEqual(['ledger']);
    // Without the page's names (a reader's selection), both are judged.
    expect((await checkClaim(claim, steps, {})).outlets.map((o) => o.outlet).sort()).toEqual(['ledger', 'weather']);
  });

  it('does not judge passages that share too little with the claim', async () => {
    const steps = fakeSteps([
      { outlet: 'ledger', passage: 'Troops took 4 districts.', stance: 'confirm' },
      { outlet: 'sport', passage: 'The club won 4 games.', stance: 'dispute' },
    ]);
    const search = steps.search;
    steps.search = async (q, o) => (await search(q, o)).map((h) => ({ ...h, match: h.outlet === 'sport' ? 0.05 : 0.8 }));
    const [claim] = await checkText('The army took 4 districts.', steps);
    expect(claim.outlets.map((o) => o.outlet)).toEqual(['ledger']);
    expect(claim.verdict).toBe('confirmed');
  });

  it("counts an article's other sentence when it disputes the claim, not when it only confirms it", async () => {
    const steps = fakeSteps([
      { outlet: 'courier', passage: 'The minister resigned over the 48 contract.', stance: 'discuss' },
      { outlet: 'courier', passage: 'The contract was worth 84 million, documents show.', stance: 'dispute' },
      { outlet: 'ledger', passage: 'The ledger wrote about the 48 contract.', stance: 'discuss' },
      { outlet: 'ledger', passage: 'The company said the contract was worth 48 million.', stance: 'confirm' },
    ]);
    const search = steps.search;
    // each outlet's article: its first passage, with the second as its other sentence
    steps.search = async (q, o) => {
      const hits = await search(q, o);
      return [{ ...hits[0], other: { passage: hits[1].passage, match: 0.5 } }, { ...hits[2], other: { passage: hits[3].passage, match: 0.5 } }];
    };
    const [claim] = await checkText('The contract was worth 48 million.', steps);
    const byOutlet = Object.fromEntries(claim.outlets.map((o) => [o.outlet, o]));
    expect(byOutlet.courier.stance).toBe('dispute');
    expect(byOutlet.courier.evidence).toBe('The contract was worth 84 million, documents show.');
    expect(byOutlet.ledger.stance).toBe('discuss');
  });

  it("does not count an article's other sentence that shares too little with the claim", async () => {
    const steps = fakeSteps([
      { outlet: 'courier', passage: 'The minister resigned over the 48 contract.', stance: 'discuss' },
      { outlet: 'courier', passage: 'Critics said the 48 figure was far too low.', stance: 'dispute' },
    ]);
    const search = steps.search;
    steps.search = async (q, o) => {
      const hits = await search(q, o);
      return [{ ...hits[0], other: { passage: hits[1].passage, match: 0.1 } }];
    };
    const [claim] = await checkText('The contract was worth 48 million.', steps);
    expect(claim.outlets.map((o) => o.stance)).toEqual(['discuss']);
  });

  it('judges a passage giving another figure for what the claim counts, with fewer of its words', async () => {
    const steps = fakeSteps([
      { outlet: 'ledger', passage: 'Turnout was 61 percent.', stance: 'confirm' },
      { outlet: 'mirror', passage: 'Turnout was 58 percent, slightly lower than four years ago.', stance: 'dispute' },
      { outlet: 'market', passage: 'The shares fell 4 percent.', stance: 'dispute' },
    ]);
    const search = steps.search;
    const figures: Record<string, Partial<EvidenceHit>> = {
      ledger: { match: 0.6 },
      mirror: { match: 0.23, withFigures: 0.43 },
      // another figure in the same unit, with almost nothing else of the claim
      market: { match: 0.1, withFigures: 0.3 },
    };
    steps.search = async (q, o) => (await search(q, o)).map((h) => ({ ...h, ...figures[h.outlet] }));
    const [claim] = await checkText('Turnout was 61 percent, the highest since 1998.', steps);
    expect(claim.outlets.map((o) => o.outlet).sort()).toEqual(['ledger', 'mirror']);
    expect(claim.verdict).toBe('conflicting');
  });
});

describe('a page\'s claims searched together', () => {
  it('gives the same checks as searching them one by one, in one call to the backend', async () => {
    const evidence = [
      { outlet: 'ledger', passage: 'The bridge cost 3 million.', stance: 'confirm' as const },
      { outlet: 'courier', passage: 'The bridge cost 5 million, not 3.', stance: 'dispute' as const },
    ];
    const text = 'The bridge cost 3 million. It opened on 4 May. Nothing else.';
    const one = fakeSteps(evidence);
    const many = fakeSteps(evidence);
    let calls = 0;
    many.searchMany = async (queries, opts) => {
      calls++;
      return Promise.all(queries.map((q) => many.search(q, opts)));
    };
    const a = await checkText(text, one, { url: 'https://page.example/1' });
    const b = await checkText(text, many, { url: 'https://page.example/1' });
    expect(b).toEqual(a);
    expect(b.length).toBe(2);
    expect(calls).toBe(1);
    expect(many.searched).toEqual(one.searched);
  });
});
