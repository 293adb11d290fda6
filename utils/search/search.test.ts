import { describe, expect, it, vi } from 'vitest';
import { queryTerms, tokenize } from './analyze';
import { SCORING, SEARCH_COST, SearchIndex, type IndexedDoc, type ScoredId } from './index';
import { analyseForQuery, analyseText, bestPassage, packSentences, prepareQuery, SENTENCE_OFFSETS_VERSION, sentencesOf, unpackSentences } from './passages';
import { createIndexRetriever, createMemoryRetriever, type StoredArticle } from './retriever';
import { stem } from './stem';
import { copySignature } from '../syndication';

const DOCS: IndexedDoc[] = [
  { id: 1, outlet: 'Daily Ledger', title: 'Rebels seize the Kandar valley', text: 'Rebel fighters seized the Kandar valley on Monday after two days of fighting. The army said its troops had withdrawn to the south.' },
  { id: 2, outlet: 'Harbour Times', title: 'Insurgents take control of province', text: 'Insurgents took control of Kandar province late on Monday, regional officials said. Thousands of residents fled towards the coast.' },
  { id: 3, outlet: 'Coast Courier', title: 'Floods hit coastal towns', text: 'Heavy rain flooded three coastal towns on Monday. Four people died and 1,200 homes were damaged, the fire service said.' },
  { id: 4, outlet: 'Daily Ledger', title: 'Central bank raises rates', text: 'The central bank raised its main interest rate by half a point to 4.5%, the highest level in nine years.' },
  { id: 5, outlet: 'Valley Voice', title: 'Minister denies resignation rumours', text: 'The health minister rejected reports that she would resign, calling them fabricated.' },
  { id: 6, outlet: 'Harbour Times', title: 'Wine harvest in the valley', text: 'Growers in the Meran valley expect a record harvest this autumn after a warm summer.' },
];

function build(docs = DOCS): SearchIndex {
  const ix = SearchIndex.create();
  for (const d of docs) ix.add(d);
  return ix;
}

const ids = (hits: { id: number }[]) => hits.map((h) => h.id);

describe('stemmer and analysis', () => {
  it('folds inflections together', () => {
    expect(stem('seized')).toBe(stem('seize'));
    expect(stem('seizes')).toBe(stem('seizing'));
    expect(stem('took')).toBe(stem('taking'));
    expect(stem('killed')).toBe('kill');
    expect(stem('denied')).toBe(stem('denies'));
    expect(stem('news')).toBe('news');
    expect(stem('crisis')).toBe('crisis');
  });
  it('normalises numbers and drops stop words', () => {
    const t = tokenize('The army killed 1,200 people and four soldiers in Kandar.');
    expect(t.map((x) => x.term)).toEqual(['army', 'kill', '1200', stem('people'), '4', stem('soldiers'), 'kandar']);
    expect(t.find((x) => x.term === 'kandar')?.capital).toBe(true);
    expect(t.find((x) => x.term === '1200')?.number).toBe(true);
  });
  it('treats words that name built-in object properties as plain words', () => {
    const t = tokenize('The constructor said toString and valueOf were hasOwnProperty of Proto.');
    expect(t.map((x) => x.term)).toEqual(['constructor', 'say', 'tostr', 'valueof', 'hasownproperty', 'proto']);
    expect(t.every((x) => typeof x.term === 'string' && !x.number)).toBe(true);
    expect(stem('constructor')).toBe('constructor');
    expect(stem('__proto__')).toBe('__proto__');
  });
  it('weighs structure entities and numbers above plain words', () => {
    const q = queryTerms('the army says 40 people were hurt in Tolva', { entities: ['Tolva'], numbers: [{ raw: '40', value: 40 }], negated: false, hedged: false });
    const w = Object.fromEntries(q.filter((x) => !x.expands).map((x) => [x.term, x.weight]));
    expect(w.tolva).toBeGreaterThan(w.army);
    expect(w['40']).toBeGreaterThan(w.army);
    expect(q.some((x) => x.expands === 'hurt')).toBe(true);
  });
});

describe('SearchIndex', () => {
  it('ranks the article about the event first', () => {
    const ix = build();
    expect(ids(ix.search({ text: 'Rebels seized the Kandar valley on Monday' }, 3))[0]).toBe(1);
    expect(ids(ix.search({ text: 'floods damaged 1,200 homes' }, 3))[0]).toBe(3);
    expect(ids(ix.search({ text: 'interest rate rise by the central bank' }, 3))[0]).toBe(4);
  });

  it('finds a paraphrase with none of the same verbs', () => {
    const ix = build();
    const hits = ix.search({ text: 'Militants captured the region of Kandar' }, 3, { excludeIds: new Set([1]) });
    expect(hits[0].id).toBe(2);
    const denial = ix.search({ text: 'Minister dismisses claims she will quit' }, 3);
    expect(denial[0].id).toBe(5);
  });

  it('weighs entities from the claim structure', () => {
    const ix = build();
    const plain = ix.search({ text: 'valley harvest fighting' }, 6);
    const withEntity = ix.search({ text: 'valley harvest fighting', structure: { entities: ['Kandar'], numbers: [], negated: false, hedged: false } }, 6);
    expect(ids(plain)[0]).toBe(6);
    expect(ids(withEntity).indexOf(1)).toBeLessThan(ids(plain).indexOf(1));
  });

  it('leaves out an outlet and given ids', () => {
    const ix = build();
    const hits = ix.search({ text: 'Kandar valley' }, 10, { excludeOutlet: 'Daily Ledger' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.id !== 1 && h.id !== 4)).toBe(true);
    expect(ids(ix.search({ text: 'Kandar valley' }, 10, { excludeIds: new Set([1, 2]) }))).not.toContain(2);
  });

  it('forgets removed articles and re-adds under the same id', () => {
    const ix = build();
    expect(ix.size).toBe(6);
    ix.remove(1);
    expect(ix.has(1)).toBe(false);
    expect(ix.size).toBe(5);
    expect(ids(ix.search({ text: 'Rebels seized the Kandar valley' }, 10))).not.toContain(1);
    ix.remove(1); // twice is harmless
    ix.add({ id: 1, outlet: 'X', title: 'Something else', text: 'Unrelated text about football.' });
    expect(ids(ix.search({ text: 'football' }, 3))).toEqual([1]);
    ix.add({ id: 1, outlet: 'X', title: 'Replaced', text: 'Now about tennis.' });
    expect(ix.size).toBe(6);
    expect(ix.search({ text: 'football' }, 3)).toEqual([]);
  });

  it('counts a term\'s articles left after removals once, again only when the index changes', () => {
    const ix = build();
    ix.remove(1);
    const decode = vi.spyOn(ix as unknown as { decode(term: number): number }, 'decode');
    const valley = stem('valley');
    // Articles 1 and 6 have "valley"; 1 is removed.
    expect([ix.docFreq(valley), ix.docFreq(valley), ix.docFreq(valley)]).toEqual([1, 1, 1]);
    expect(decode).toHaveBeenCalledTimes(1);
    ix.add({ id: 7, outlet: 'X', title: 'Valley road reopens', text: 'The valley road reopened.' });
    expect(ix.docFreq(valley)).toBe(2);
    ix.remove(6);
    expect(ix.docFreq(valley)).toBe(1);
    expect(decode).toHaveBeenCalledTimes(3);
    // The same counts as an index that never had the removed articles, and after a compacting save.
    const fresh = build([...DOCS.filter((d) => d.id !== 1 && d.id !== 6), { id: 7, outlet: 'X', title: 'Valley road reopens', text: 'The valley road reopened.' }]);
    const loaded = SearchIndex.fromBytes(ix.toBytes());
    for (const term of ['valley', 'monday', 'kandar', 'harvest', 'road'].map(stem)) {
      expect(ix.docFreq(term)).toBe(fresh.docFreq(term));
      expect(loaded.docFreq(term)).toBe(fresh.docFreq(term));
    }
  });

  it('gives identical results after a save and load, and keeps working after changes', () => {
    const ix = build();
    ix.remove(4);
    const queries = ['Rebels seized the Kandar valley', 'flood deaths', 'minister resign', 'valley', 'nothing matches zzz'];
    const bytes = ix.toBytes();
    const copy = SearchIndex.fromBytes(bytes);
    expect(copy.size).toBe(ix.size);
    for (const q of queries) expect(copy.search({ text: q }, 5)).toEqual(ix.search({ text: q }, 5));
    // Changing the loaded copy must not change the saved bytes.
    const before = bytes.slice();
    copy.add({ id: 9, outlet: 'New', title: 'Kandar valley retaken', text: 'Government forces recaptured the Kandar valley.' });
    copy.remove(2);
    expect(bytes).toEqual(before);
    expect(ids(copy.search({ text: 'Kandar valley' }, 10))).toContain(9);
    expect(ids(copy.search({ text: 'Kandar valley' }, 10))).not.toContain(2);
    const again = SearchIndex.fromBytes(copy.toBytes());
    for (const q of queries) expect(again.search({ text: q }, 5)).toEqual(copy.search({ text: q }, 5));
    // A copy at an odd offset still loads.
    const odd = new Uint8Array(bytes.length + 3);
    odd.set(bytes, 3);
    expect(SearchIndex.fromBytes(odd.subarray(3)).search({ text: 'flood' }, 3)).toEqual(ix.search({ text: 'flood' }, 3));
    expect(() => SearchIndex.fromBytes(new Uint8Array(100))).toThrow();
  });

  it('grows a loaded index exactly as one built in a single go (posting blocks of the saved bytes extended in place)', () => {
    const doc = (i: number) => ({ id: i, outlet: `o${i % 4}`, title: `story ${i % 9}`, text: `common word${i % 10} item${i} ${i % 3 === 0 ? 'tri tri' : 'duo'}` });
    const whole = SearchIndex.create();
    const part = SearchIndex.create();
    for (let i = 1; i <= 600; i++) whole.add(doc(i));
    for (let i = 1; i <= 300; i++) part.add(doc(i));
    const loaded = SearchIndex.fromBytes(part.toBytes());
    for (let i = 301; i <= 600; i++) loaded.add(doc(i));
    for (const q of ['common word3', 'tri', 'story 4 duo', 'item450']) expect(loaded.search({ text: q }, 20)).toEqual(whole.search({ text: q }, 20));
    expect(loaded.toBytes()).toEqual(whole.toBytes());
  });

  it('keeps long posting lists right across many blocks', () => {
    const ix = SearchIndex.create();
    for (let i = 0; i < 3000; i++) ix.add({ id: i * 7, outlet: `o${i % 5}`, title: '', text: `common word${i % 10} item${i} ${i % 3 === 0 ? 'tri tri tri' : ''}` });
    const hits = ix.search({ text: 'item2999' }, 5);
    expect(hits[0].id).toBe(2999 * 7);
    const copy = SearchIndex.fromBytes(ix.toBytes());
    expect(copy.search({ text: 'word3 tri' }, 20)).toEqual(ix.search({ text: 'word3 tri' }, 20));
    expect(copy.search({ text: 'word3 tri' }, 20)[0].id % 21).toBe(0);
  });
});

describe('adding terms to a search', () => {
  const many = () => {
    const ix = SearchIndex.create();
    const words = ['kandar', 'valley', 'rebel', 'harvest', 'flood', 'bank', 'minister', 'common', 'osric', 'brannock'];
    // Word i is in about 1 of (i + 1) articles, so the query mixes rare and common terms.
    for (let d = 0; d < 400; d++) {
      const text = words.filter((_, i) => (d * 7 + i * 13) % (i + 1) === 0 || (d % 37 === i)).join(' ') + ` filler${d % 50} common`;
      ix.add({ id: d + 1, outlet: `o${d % 6}`, title: d % 9 === 0 ? 'Kandar report' : '', text });
    }
    return ix;
  };
  const w = (s: string, weight = 1) => s.split(' ').map((term) => ({ term, weight }));

  /** Same articles in the same order, scores equal but for single-precision rounding. */
  const same = (a: ScoredId[], b: ScoredId[]) => {
    expect(a.map((h) => h.id)).toEqual(b.map((h) => h.id));
    a.forEach((h, i) => expect(h.score).toBeCloseTo(b[i].score, 4));
  };
  /** Runs `fn` with common terms looked up by candidates from `minDf` articles on. */
  const withLookUps = <T>(minDf: number, fn: () => T): T => {
    const saved = { ...SEARCH_COST };
    Object.assign(SEARCH_COST, { minDf, share: 0 });
    try {
      return fn();
    } finally {
      Object.assign(SEARCH_COST, saved);
    }
  };
  const queries: [string, string][] = [
    ['kandar valley', 'osric brannock'],
    ['kandar', 'rebel'],
    ['common', 'osric'],
    ['common filler3', 'valley flood bank'],
    ['osric brannock minister', 'common'],
    ['nothing', 'kandar'],
    ['kandar valley', 'nothing'],
    ['rebel harvest flood bank minister', 'osric brannock valley'],
    ['filler7 filler8 rebel', 'harvest flood'],
  ];

  it('finds the same k best when common terms are looked up only by the articles that could still make it', () => {
    const ix = many();
    for (const [first, more] of queries) {
      for (const k of [1, 5, 12]) {
        for (const opts of [{}, { excludeOutlet: 'o2' }]) {
          const q = [...w(first), ...w(more, 0.3)];
          const everyTerm = withLookUps(Infinity, () => ix.searchTerms(q, k, opts));
          for (const minDf of [2, 20, 60]) same(withLookUps(minDf, () => ix.searchTerms(q, k, opts)), everyTerm);
        }
      }
    }
  });

  it('gives the same results as searching with every term at once', () => {
    for (const minDf of [Infinity, 2, 40]) {
      withLookUps(minDf, () => {
        const ix = many();
        for (const [first, more] of queries) {
          for (const opts of [{}, { excludeOutlet: 'o2' }]) {
            const { hits, state } = ix.searchKeeping(w(first), 12, opts);
            expect(hits).toEqual(ix.searchTerms(w(first), 12, opts));
            same(ix.searchMore(state, w(more, 0.3), 12, opts), ix.searchTerms([...w(first), ...w(more, 0.3)], 12, opts));
          }
        }
      });
    }
  });

  it('gives every path the scores of BM25F worked out plainly, words used more than 63 times and removed articles included', () => {
    const { k1, b, titleWeight, leadTerms } = SCORING;
    const docs: IndexedDoc[] = [];
    for (let d = 0; d < 300; d++) {
      // "common" in most articles, "osric" in a third of them (some using it 70 times: a frequency
      // code above one byte), "kandar" and "brannock" rarer.
      const words = [`filler${d % 40}`, d % 5 === 0 ? 'kandar' : '', d % 3 === 0 ? (d % 9 === 0 ? 'osric '.repeat(70) : 'osric') : '', d % 4 ? 'common' : '', d % 11 === 0 ? 'brannock brannock' : ''];
      docs.push({ id: d + 1, outlet: `o${d % 5}`, title: d % 7 === 0 ? 'Osric in Kandar' : '', text: `${'lead '.repeat(d % 50)}${words.join(' ')} common` });
    }
    const removed = new Set([4, 10, 28]);
    const ix = SearchIndex.create();
    for (const d of docs) ix.add(d);
    for (const id of removed) ix.remove(id);
    const alive = docs.filter((d) => !removed.has(d.id));
    // Each article's body and title counts per term, as indexed (the lead counts in the title too).
    const stats = alive.map((d) => {
      const title = new Map<string, number>();
      const body = new Map<string, number>();
      tokenize(d.title).forEach((t) => title.set(t.term, (title.get(t.term) ?? 0) + 1));
      tokenize(d.text).forEach((t, i) => {
        body.set(t.term, (body.get(t.term) ?? 0) + 1);
        if (i < leadTerms) title.set(t.term, (title.get(t.term) ?? 0) + 1);
      });
      const titleLen = [...title.values()].reduce((x, y) => x + y, 0);
      const bodyLen = [...body.values()].reduce((x, y) => x + y, 0);
      return { id: d.id, title, body, len: bodyLen + titleWeight * titleLen };
    });
    const avg = stats.reduce((x, s) => x + s.len, 0) / stats.length;
    const plain = (q: { term: string; weight: number }[], k: number): ScoredId[] => {
      const df = (term: string) => stats.filter((s) => s.body.has(term) || s.title.has(term)).length;
      const known = q.filter((t) => df(t.term) > 0);
      const rare = known.filter((t) => df(t.term) <= SCORING.commonShare * stats.length);
      const use = rare.length >= 2 ? rare : known;
      const scored = stats.map((s) => {
        let score = 0;
        for (const t of use) {
          const n = df(t.term);
          const idf = Math.log(1 + (stats.length - n + 0.5) / (n + 0.5));
          const tf = (s.body.get(t.term) ?? 0) + titleWeight * Math.min(s.title.get(t.term) ?? 0, 3);
          if (tf > 0) score += (t.weight * idf * (k1 + 1) * tf) / (tf + k1 * (1 - b + (b * s.len) / avg));
        }
        return { id: s.id, score };
      });
      return scored.filter((x) => x.score > 0).sort((x, y) => y.score - x.score || x.id - y.id).slice(0, k);
    };
    const close = (a: ScoredId[], want: ScoredId[]) => {
      expect(a.map((h) => h.id)).toEqual(want.map((h) => h.id));
      a.forEach((h, i) => expect(h.score).toBeCloseTo(want[i].score, 4));
    };
    for (const minDf of [Infinity, 2, 30]) {
      withLookUps(minDf, () => {
        // Each query twice: a common term's second use reads its row of frequencies.
        for (let round = 0; round < 2; round++) {
          for (const [first, more] of [['osric', 'kandar'], ['osric common', 'brannock'], ['kandar osric', 'common lead'], ['common', 'osric']]) {
            const q = w(first);
            const extra = w(more, 0.3);
            close(ix.searchTerms(q, 10), plain(q, 10));
            const { state } = ix.searchKeeping(q, 10);
            close(ix.searchMore(state, extra, 10), plain([...q, ...extra], 10));
          }
        }
      });
    }
  });

  it('scores the whole query again when the index changed in between', () => {
    const ix = many();
    const { state } = ix.searchKeeping(w('kandar valley'), 10);
    ix.add({ id: 1000, outlet: 'new', title: 'Kandar valley osric', text: 'kandar valley osric osric' });
    ix.remove(5);
    const again = ix.searchMore(state, w('osric', 0.5), 10);
    same(again, ix.searchTerms([...w('kandar valley'), ...w('osric', 0.5)], 10));
    expect(again[0].id).toBe(1000);
  });
});

describe('edge cases', () => {
  it('handles empty indexes, empty queries and k beyond the corpus', async () => {
    const empty = SearchIndex.create();
    expect(empty.search({ text: 'anything' }, 5)).toEqual([]);
    const loaded = SearchIndex.fromBytes(empty.toBytes());
    expect(loaded.size).toBe(0);
    loaded.add(DOCS[0]);
    expect(ids(loaded.search({ text: 'Kandar' }, 5))).toEqual([1]);
    const ix = build();
    expect(ix.search({ text: 'the of and' }, 5)).toEqual([]);
    expect(ix.search({ text: 'Kandar' }, 0)).toEqual([]);
    expect(ix.search({ text: 'Monday' }, 100).length).toBeLessThanOrEqual(6);
    const r = createMemoryRetriever([]);
    expect(await r.search({ text: 'Kandar' }, { k: 5 })).toEqual([]);
    expect(await createMemoryRetriever(ARTICLES).search({ text: '   ' }, { k: 5 })).toEqual([]);
  });

  it('finds a same-event article through the names the best articles share', async () => {
    const arts: StoredArticle[] = [
      { id: 1, url: 'https://a.example/1', outlet: 'A', title: 'Rebels seize Kandar', published: null, text: 'Rebels seized Kandar on Monday. Commander Osric Vell said the town of Brannock was next.' },
      { id: 2, url: 'https://b.example/2', outlet: 'B', title: 'Kandar captured', published: null, text: 'Kandar was captured by rebels led by Osric Vell, who named Brannock as his next target.' },
      { id: 3, url: 'https://c.example/3', outlet: 'C', title: 'Vell eyes Brannock', published: null, text: 'Osric Vell told fighters that Brannock would fall within days.' },
      { id: 4, url: 'https://d.example/4', outlet: 'D', title: 'Harvest festival', published: null, text: 'The valley celebrated its harvest with music.' },
    ];
    const hits = await createMemoryRetriever(arts).search({ text: 'Rebels seized Kandar' }, { k: 3 });
    expect(hits.map((h) => h.articleId)).toContain(3);
    expect(hits.map((h) => h.articleId)).not.toContain(4);
  });
});

describe('bestPassage', () => {
  it('returns the sentence that matches, with offsets', () => {
    const text = 'Markets were calm. Rebels took control of the Kandar province on Monday. Aid agencies are worried.';
    const p = bestPassage(text, { text: 'Rebels seized the Kandar valley' });
    expect(p.passage).toBe('Rebels took control of the Kandar province on Monday.');
    expect(text.slice(p.start, p.end)).toBe(p.passage);
    expect(p.score).toBeGreaterThan(0);
    expect(bestPassage(text, { text: 'zzz' }).score).toBe(0);
    expect(bestPassage('', { text: 'zzz' }).passage).toBe('');
  });
});

describe('passages from the words that may be query terms', () => {
  it('finds the same passage as from every term of the article', () => {
    const texts = [
      ...DOCS.map((d) => d.text),
      'The companies denied it. Four officers took 1,200 rifles from the depot on Monday.\n\nOfficials said the well-known firm’s chief had fled; a spokesman says 3.50 percent. Rebels seized Kandar.',
      'İstanbul police arrested twelve people. A dozen companies were fined; the minister denies any wrongdoing and says she will not resign. The 4th report said so.',
      'Rebel fighters stormed the valley. "We took it," a commander said. Troops withdrew, the army said, after two days. The toll rose to 40.',
    ];
    const queries = [
      'Rebels seized the Kandar valley on Monday',
      'the company denied taking 1200 rifles',
      'four officers took the rifles',
      'twelve people arrested in Istanbul',
      'minister denied she would resign',
      'death toll rose to forty',
      'a dozen firms fined',
      'the army said troops withdrew after 2 days',
    ];
    let matched = 0;
    for (const text of texts) {
      const full = analyseText(text);
      for (const query of queries) {
        const q = prepareQuery({ text: query });
        const want = bestPassage(text, q, undefined, full);
        expect(bestPassage(text, q, undefined, analyseForQuery(text, q))).toEqual(want);
        if (want.score > 0) matched++;
      }
    }
    expect(matched).toBeGreaterThan(10);
  });
});

const ARTICLES: StoredArticle[] = DOCS.map((d) => ({ id: d.id, url: `https://${d.outlet.toLowerCase().replace(/ /g, '')}.example/${d.id}`, outlet: d.outlet, title: d.title, published: null, text: d.text }));

describe('retrievers', () => {
  it('answer nothing, without failing, when every article found is left out as a copy of the page', async () => {
    const story = 'Rebel fighters seized the Kandar valley on Monday after two days of fighting, the army said, and thousands of residents fled towards the coast before the roads were closed by the rebels.';
    const text = `${story} ${story.replace('Monday', 'Sunday')} Officials said aid would arrive within days, and that the roads to the coast would open again soon.`;
    const rows: StoredArticle[] = [1, 2, 3].map((id) => ({ id, url: `https://copy${id}.example/`, outlet: `Copy ${id}`, title: 'Kandar valley', published: null, text, signature: copySignature(text) }));
    const retriever = createMemoryRetriever(rows);
    const opts = { k: 5, excludeCopiesOf: copySignature(text) };
    expect(opts.excludeCopiesOf.length).toBeGreaterThan(0);
    expect(await retriever.searchMany!([{ text: 'Rebels seized the Kandar valley' }], opts)).toEqual([[]]);
    expect(await retriever.search({ text: 'Rebels seized the Kandar valley' }, opts)).toEqual([]);
  });

  it('keep to perOutlet when one outlet has far more matching articles than the places (its others are left out at once)', async () => {
    const rows: StoredArticle[] = [
      ...Array.from({ length: 60 }, (_, i) => ({ id: 1 + i, url: `https://wire.example/${i}`, outlet: i % 2 ? 'Big Wire' : ' big wire', title: 'Kandar valley seized by rebels', published: null, text: `Rebels seized the Kandar valley; the Kandar valley fell, update ${i}.` })),
      ...Array.from({ length: 12 }, (_, i) => ({ id: 500 + i, url: `https://o${i}.example/`, outlet: `Other ${i}`, title: `Report ${i}`, published: null, text: `Rebels seized the Kandar valley on Monday, report ${i} said, with other news of the town ${'and more '.repeat(i)}.` })),
      ...Array.from({ length: 200 }, (_, i) => ({ id: 1000 + i, url: `https://t${i}.example/`, outlet: `Town ${i}`, title: `Council ${i}`, published: null, text: `The council met to discuss item ${i}.` })),
    ];
    const hits = await createMemoryRetriever(rows).search({ text: 'Rebels seized the Kandar valley' }, { k: 12, perOutlet: 3, perStory: 2 });
    expect(hits).toHaveLength(12);
    expect(hits.filter((h) => h.outlet.trim().toLowerCase() === 'big wire')).toHaveLength(3);
  });

  it("keep a place for an outlet's own article among the copies it ran (copies count in verdicts only through their original)", async () => {
    const wire = (i: number) => `Rebels seized the Kandar valley on Monday, wire story ${i} said, after fighting near the river.`;
    const rows: StoredArticle[] = [
      ...[0, 1, 2].map((i) => ({ id: 10 + i, url: `https://wire.example/${i}`, outlet: 'Wire', title: `Kandar valley seized ${i}`, published: null, text: wire(i) })),
      ...[0, 1, 2].map((i) => ({ id: 20 + i, url: `https://metro.example/w${i}`, outlet: 'Metro Daily', title: `Kandar valley seized ${i}`, published: null, text: wire(i), copyOf: 10 + i, copyOfOutlet: 'Wire' })),
      { id: 30, url: 'https://metro.example/own', outlet: 'Metro Daily', title: 'Army denies the valley fell', published: null, text: 'The army denied that rebels seized the Kandar valley; its troops hold the river crossing, Metro Daily was told.' },
      ...Array.from({ length: 200 }, (_, i) => ({ id: 1000 + i, url: `https://t${i}.example/`, outlet: `Town ${i}`, title: `Council ${i}`, published: null, text: `The council met to discuss item ${i}.` })),
    ];
    const hits = await createMemoryRetriever(rows).search({ text: 'Rebels seized the Kandar valley' }, { k: 12, perOutlet: 3, perStory: 2 });
    expect(hits.map((h) => h.articleId)).toContain(30);
    expect(hits.filter((h) => h.outlet === 'Metro Daily')).toHaveLength(3);
  });

  it('leave out the other articles of every outlet that fills its places, also of one filled in a later round', async () => {
    const rows: StoredArticle[] = [
      ...Array.from({ length: 60 }, (_, i) => ({ id: 1 + i, url: `https://x.example/${i}`, outlet: 'X Wire', title: 'Kandar valley seized by rebels', published: null, text: `Rebels seized the Kandar valley; the Kandar valley fell to rebels, update ${i}.` })),
      ...Array.from({ length: 60 }, (_, i) => ({ id: 100 + i, url: `https://y.example/${i}`, outlet: 'Y Post', title: 'Kandar valley seized', published: null, text: `Rebels seized the Kandar valley, Y Post report ${i} said on Monday.` })),
      ...Array.from({ length: 12 }, (_, i) => ({ id: 500 + i, url: `https://o${i}.example/`, outlet: `Other ${i}`, title: `Report ${i}`, published: null, text: `Rebels seized the Kandar valley on Monday, report ${i} said, with other news of the town ${'and more '.repeat(i + 2)}.` })),
      ...Array.from({ length: 300 }, (_, i) => ({ id: 1000 + i, url: `https://t${i}.example/`, outlet: `Town ${i}`, title: `Council ${i}`, published: null, text: `The council met to discuss item ${i}.` })),
    ];
    const hits = await createMemoryRetriever(rows).search({ text: 'Rebels seized the Kandar valley' }, { k: 12, perOutlet: 3, perStory: 2 });
    expect(hits).toHaveLength(12);
    expect(hits.filter((h) => h.outlet === 'X Wire')).toHaveLength(3);
    expect(hits.filter((h) => h.outlet === 'Y Post')).toHaveLength(3);
  });

  it('keep to perOutlet and perStory, asking the index again so that other outlets fill the places', async () => {
    const report = (i: number) => `Rebel fighters seized the Kandar valley on Monday, report number ${i} said, after two days of fighting near the river.`;
    const rows: StoredArticle[] = [
      // One outlet's six reports, then one story run by four outlets (an original and three copies).
      ...Array.from({ length: 6 }, (_, i) => ({ id: 100 + i, url: `https://ledger.example/${i}`, outlet: i % 2 ? 'daily ledger' : 'Daily Ledger', title: 'Kandar valley seized', published: null, text: report(i) })),
      { id: 200, url: 'https://wire.example/1', outlet: 'Wire', title: 'Kandar valley seized by rebels', published: null, text: report(99) },
      ...[1, 2, 3].map((i) => ({ id: 200 + i, url: `https://copy${i}.example/1`, outlet: `Copy ${i}`, title: 'Kandar valley seized by rebels', published: null, text: report(99), copyOf: 200, copyOfOutlet: 'Wire' })),
      ...ARTICLES,
      // Other news, so that the valley's words are not in most articles.
      ...Array.from({ length: 30 }, (_, i) => ({ id: 300 + i, url: `https://town${i}.example/`, outlet: `Town ${i}`, title: `Council budget ${i}`, published: null, text: `The council met on Tuesday to discuss budget item ${i} and the new library.` })),
    ];
    const retriever = createMemoryRetriever(rows);
    const query = { text: 'Rebels seized the Kandar valley' };
    // (ARTICLES has two Daily Ledger reports of its own.)
    const ledger = (hits: { outlet: string }[]) => hits.filter((h) => h.outlet.toLowerCase() === 'daily ledger');
    const story = (hits: { articleId: number; copyOf?: number }[]) => hits.filter((h) => h.articleId === 200 || h.copyOf === 200);
    // Without limits the ten crowd out the valley's other reports.
    const open = await retriever.search(query, { k: 10 });
    expect(ledger(open).length + story(open).length).toBeGreaterThanOrEqual(9);
    const opts = { k: 10, perOutlet: 3, perStory: 2 };
    const limited = await retriever.search(query, opts);
    expect(ledger(limited)).toHaveLength(3);
    expect(story(limited)).toHaveLength(2);
    // The places freed go to the other outlets' reports of the valley.
    expect(limited.map((h) => h.articleId)).toEqual(expect.arrayContaining([2]));
    expect(await retriever.searchMany!([query, { text: 'floods damaged 1,200 homes' }], opts)).toEqual([limited, await retriever.search({ text: 'floods damaged 1,200 homes' }, opts)]);
  });

  it('answer several queries at once as they answer each, reading the articles together', async () => {
    const index = SearchIndex.create();
    for (const a of ARTICLES) index.add(a);
    const byId = new Map(ARTICLES.map((a) => [a.id, a]));
    const reads: number[][] = [];
    const make = () =>
      createIndexRetriever(index, async (ids) => {
        reads.push(ids);
        return ids.map((id) => byId.get(id));
      });
    const queries = [
      { text: 'Rebels seized the Kandar valley' },
      { text: 'floods damaged 1,200 homes on Monday' },
      { text: 'zzz nothing' },
      { text: '   ' },
      { text: 'Minister dismisses claims she will quit' },
      { text: 'valley harvest' },
    ];
    for (const opts of [{ k: 3 }, { k: 5, excludeUrl: ARTICLES[0].url }, { k: 2, excludeOutlet: 'Harbour Times' }]) {
      const one = make();
      const each = [];
      for (const q of queries) each.push(await one.search(q, opts));
      reads.length = 0;
      const together = await make().searchMany!(queries, opts);
      expect(together).toEqual(each);
      expect(together.some((hits) => hits.length > 0)).toBe(true);
      // One read for the first candidates and at most one for what the feedback pass adds.
      expect(reads.length).toBeLessThanOrEqual(2);
      expect(reads.every((ids) => new Set(ids).size === ids.length)).toBe(true);
    }
  });

  it('ask for a page\'s first candidates while later claims are still being scored, and read each article once', async () => {
    const index = SearchIndex.create();
    for (const a of ARTICLES) index.add(a);
    const byId = new Map(ARTICLES.map((a) => [a.id, a]));
    let scored = 0;
    const searchKeeping = index.searchKeeping.bind(index);
    index.searchKeeping = (...args: Parameters<typeof index.searchKeeping>) => {
      scored++;
      return searchKeeping(...args);
    };
    const scoredAtRead: number[] = [];
    const reads: number[][] = [];
    const words = ['Rebels seized the Kandar valley', 'floods damaged 1,200 homes', 'Minister dismisses claims', 'valley harvest', 'central bank rate'];
    const queries = Array.from({ length: 25 }, (_, i) => ({ text: `${words[i % words.length]} ${i % 2 ? 'on Monday' : ''}` }));
    const together = await createIndexRetriever(index, async (ids) => {
      scoredAtRead.push(scored);
      reads.push(ids);
      return ids.map((id) => byId.get(id));
    }).searchMany!(queries, { k: 4 });
    expect(scoredAtRead[0]).toBeLessThan(queries.length);
    const all = reads.flat();
    expect(new Set(all).size).toBe(all.length);
    const one = createMemoryRetriever(ARTICLES);
    for (let i = 0; i < queries.length; i++) expect(together[i]).toEqual(await one.search(queries[i], { k: 4 }));
  });

  it('return one hit per article, best first, with passages', async () => {
    const r = createMemoryRetriever(ARTICLES);
    const hits = await r.search({ text: 'Rebels seized the Kandar valley' }, { k: 5 });
    expect(hits[0].articleId).toBe(1);
    expect(new Set(hits.map((h) => h.articleId)).size).toBe(hits.length);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
    expect(hits[0].passage).toMatch(/seized the Kandar valley/);
  });
  it('leave out the page itself and its outlet', async () => {
    const r = createMemoryRetriever(ARTICLES);
    const byUrl = await r.search({ text: 'Rebels seized the Kandar valley' }, { k: 5, excludeUrl: 'https://dailyledger.example/1/' });
    expect(byUrl.map((h) => h.articleId)).not.toContain(1);
    const byOutlet = await r.search({ text: 'Rebels seized the Kandar valley' }, { k: 5, excludeOutlet: 'Daily Ledger' });
    expect(byOutlet.every((h) => h.outlet !== 'Daily Ledger')).toBe(true);
    expect(byOutlet[0].articleId).toBe(2);
  });
  it('skip articles the store no longer has and pass copyOf through', async () => {
    const ix = build();
    const store = new Map(ARTICLES.map((a) => [a.id, a.id === 2 ? { ...a, copyOf: 1 } : a]));
    store.delete(1);
    const r = createIndexRetriever(ix, async (list) => list.map((id) => store.get(id)));
    const hits = await r.search({ text: 'Rebels seized the Kandar valley' }, { k: 3 });
    expect(hits[0].articleId).toBe(2);
    expect(hits[0].copyOf).toBe(1);
  });
});

describe('sentence offsets stored with articles', () => {
  const sample = 'Gen. J. R. Smith said on Jan. 5 that the U.S. would act. "We are safe," he said. Is it over?\n\nA heading\nThe rest of it… follows here! • one item\n• another item (No. 5 of them.) The end';

  it('come back as the sentences a fresh split finds', () => {
    const packed = packSentences(sample);
    expect(unpackSentences(packed, sample)).toEqual(sentencesOf(sample));
    expect(unpackSentences(packSentences(''), '')).toEqual([]);
  });

  it('are refused when missing, from another version of the splitting, or not fitting the text', () => {
    const packed = packSentences(sample);
    expect(unpackSentences(undefined, sample)).toBeUndefined();
    const other = packed.slice();
    other[0] = SENTENCE_OFFSETS_VERSION + 1;
    expect(unpackSentences(other, sample)).toBeUndefined();
    expect(unpackSentences(packed, sample.slice(0, 100))).toBeUndefined();
    expect(unpackSentences(packed.subarray(0, packed.length - 1), sample)).toBeUndefined();
  });

  it('are those of the current sentence splitting (when this fails, raise SENTENCE_OFFSETS_VERSION and update the offsets here)', () => {
    expect([...packSentences(sample)]).toEqual([SENTENCE_OFFSETS_VERSION, 0, 56, 57, 80, 81, 92, 94, 103, 104, 133, 134, 144, 145, 176, 177, 184]);
    expect(SENTENCE_OFFSETS_VERSION).toBe(1);
  });

  it('give the same evidence as sentences found at query time', async () => {
    const docs = [
      { id: 1, url: 'https://a.example/1', outlet: 'A', title: 'Valley', published: null, text: 'Troops entered the valley on Monday. The council rejected the claim. Residents fled north.' },
      { id: 2, url: 'https://b.example/2', outlet: 'B', title: 'Bank', published: null, text: 'The bank held rates. Inflation slowed. Troops were not mentioned.' },
    ];
    const withOffsets: StoredArticle[] = docs.map((d) => ({ ...d, sentences: packSentences(d.text) }));
    // Offsets that do not fit (a stale copy) are ignored rather than trusted.
    const stale: StoredArticle[] = docs.map((d) => ({ ...d, sentences: Uint32Array.of(SENTENCE_OFFSETS_VERSION, 0, 5000) }));
    const query = { text: 'the council rejected the troops claim' };
    const plain = await createMemoryRetriever(docs).search(query, { k: 2 });
    expect(await createMemoryRetriever(withOffsets).search(query, { k: 2 })).toEqual(plain);
    expect(await createMemoryRetriever(stale).search(query, { k: 2 })).toEqual(plain);
    expect(plain[0].passage).toBe('The council rejected the claim.');
  });

  it('are the ones used when they fit the text (not found again)', async () => {
    const text = 'Troops entered the valley on Monday. The council rejected the claim. Residents fled north.';
    const doc = { id: 1, url: 'https://a.example/1', outlet: 'A', title: 'Valley', published: null, text };
    // Valid offsets that make the whole text one sentence: the passage is then all of it.
    const oneSentence: StoredArticle = { ...doc, sentences: Uint32Array.of(SENTENCE_OFFSETS_VERSION, 0, text.length) };
    const [hit] = await createMemoryRetriever([oneSentence]).search({ text: 'the council rejected the claim' }, { k: 1 });
    expect(hit.passage).toBe(text);
  });
});

describe('evidence for a page whose story the corpus holds several times', () => {
  const filler = (seed: string) => Array.from({ length: 60 }, (_, i) => `${seed}word${i}`).join(' ');
  const wire = `The river dam at Holmvik burst on Tuesday night, flooding the lower town and forcing four thousand residents from their homes. ${filler('wire')} Engineers had warned about cracks in the dam wall for years.`;

  it('leaves out every stored copy of the page, and still gives k other articles', async () => {
    const arts: StoredArticle[] = [];
    let id = 1;
    // unrelated articles, so that no query word is common
    for (let i = 0; i < 400; i++) {
      const t = `${filler(`bg${i}`)} council budget school road.`;
      arts.push({ id: id++, url: `https://bg.example/${i}`, outlet: `Bg ${i % 30}`, title: `Budget ${i}`, text: t, published: '2024-01-01', signature: copySignature(t) });
    }
    // the wire story the page republishes, and seven other outlets that ran it (they rank first)
    arts.push({ id: id++, url: 'https://wire.example/dam', outlet: 'Wire', title: 'Dam bursts at Holmvik', text: wire, published: '2024-01-01', signature: copySignature(wire) });
    for (let i = 0; i < 7; i++) arts.push({ id: id++, url: `https://copy${i}.example/dam`, outlet: `Copy ${i}`, title: 'Dam bursts at Holmvik', text: wire, published: '2024-01-02', signature: copySignature(wire) });
    for (let i = 0; i < 20; i++) {
      const t = `Officials said the Holmvik dam burst on Tuesday night and the river flooded part of the town. ${filler(`ind${i}`)} Residents were moved to schools.`;
      arts.push({ id: id++, url: `https://ind${i}.example/dam`, outlet: `Independent ${i}`, title: `Holmvik flood ${i}`, text: t, published: '2024-01-03', signature: copySignature(t) });
    }
    const r = createMemoryRetriever(arts);
    const q = { text: 'The river dam at Holmvik burst on Tuesday night, flooding the lower town.' };
    const byAddress = await r.search(q, { k: 12, excludeUrl: 'https://page.example/dam' });
    expect(byAddress.filter((h) => h.outlet === 'Wire' || h.outlet.startsWith('Copy')).length).toBe(8);
    const hits = await r.search(q, { k: 12, excludeUrl: 'https://page.example/dam', excludeCopiesOf: copySignature(wire) });
    expect(hits.map((h) => h.outlet).filter((o) => o === 'Wire' || o.startsWith('Copy'))).toEqual([]);
    expect(hits).toHaveLength(12);
    // the same as a corpus without the copies
    const without = createMemoryRetriever(arts.filter((a) => a.outlet !== 'Wire' && !a.outlet.startsWith('Copy')));
    expect(hits.map((h) => h.url)).toEqual((await without.search(q, { k: 12 })).map((h) => h.url));
    // and the same through searchMany, with the claims of a page together
    const [many] = await r.searchMany!([q, { text: 'Engineers had warned about cracks in the dam wall.' }], { k: 12, excludeCopiesOf: copySignature(wire) });
    expect(many.map((h) => h.url)).toEqual(hits.map((h) => h.url));
  });
});
