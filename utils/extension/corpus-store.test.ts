import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type CrosscheckDb } from './db';
import { CorpusStore } from './corpus-store';
import { pageToArticle } from './capture';
import { packSentences, passageText, sentencesOf } from '../search/passages';
import { unpackTerms } from '../search/termseq';
import type { CorpusArticle } from '../types';

const wire = `Government forces said on Tuesday they had taken full control of the Arven valley after three days of fighting,
a claim the resistance council rejected within hours. The defence ministry said troops had entered the district capital of Sorel
and raised the national flag over the governor's compound. Residents reached by telephone described heavy shelling overnight
and said many families had fled towards the northern passes. Aid agencies said they could not confirm the figures.`;

const article = (url: string, outlet: string, text: string, published = '2026-03-01'): CorpusArticle => ({ url, outlet, title: `${outlet} report`, published, text });

let db: CrosscheckDb;
let store: CorpusStore;
let n = 0;
beforeEach(() => {
  db = openDb(`test-${n++}`);
  store = new CorpusStore(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('CorpusStore', () => {
  it('stores a batch, finds evidence in it, and persists the index with the articles', async () => {
    const result = await store.addArticles(
      [
        article('https://ledger.example/valley', 'Ledger', wire),
        article('https://post.example/bank', 'Post', 'The central bank left its main interest rate unchanged on Thursday, citing slowing inflation and weak demand.'),
      ],
      'import',
    );
    expect(result).toEqual({ added: 2, duplicates: 0, repeated: 0, copies: 0 });
    const hits = await store.search({ text: 'troops took control of the Arven valley' }, { k: 5 });
    expect(hits[0].outlet).toBe('Ledger');
    expect(hits[0].passage).toMatch(/Arven valley|control/);

    // A fresh store on the same database (a woken service worker) loads the saved index.
    const woken = new CorpusStore(db);
    expect((await woken.search({ text: 'central bank interest rate' }, { k: 5 }))[0].outlet).toBe('Post');
  });

  it('answers a page\'s claims together as it answers each, from a woken store', async () => {
    await store.addArticles(
      [
        article('https://ledger.example/valley', 'Ledger', wire),
        article('https://post.example/bank', 'Post', 'The central bank left its main interest rate unchanged on Thursday, citing slowing inflation and weak demand.'),
        article('https://courier.example/valley', 'Courier', 'Troops entered Sorel, the capital of the Arven district, and the resistance council denied the valley had fallen.'),
      ],
      'import',
    );
    const claims = [{ text: 'the resistance council denied it' }, { text: 'central bank interest rate' }, { text: 'nothing like it' }];
    const opts = { k: 5, excludeUrl: 'https://ledger.example/valley' };
    const each = [];
    for (const c of claims) each.push(await store.search(c, opts));
    const together = await new CorpusStore(db).searchMany(claims, opts);
    expect(together).toEqual(each);
    expect(together.map((hits) => hits.map((h) => h.outlet))).toEqual([['Courier'], ['Post'], []]);
  });

  it('stores the same article at two URLs once', async () => {
    await store.addArticles([article('https://www.ledger.example/valley?utm_source=x', 'Ledger', wire)], 'import');
    const again = await store.addArticles(
      [article('https://ledger.example/valley', 'Ledger', wire), article('https://ledger.example/valley#top', 'Ledger', wire)],
      'import',
    );
    expect(again).toEqual({ added: 0, duplicates: 2, repeated: 0, copies: 0 });
    expect((await store.size()).articles).toBe(1);
  });

  it('links a syndicated copy to the earlier story from another outlet', async () => {
    await store.addArticles([article('https://wire.example/a', 'Wire', wire, '2026-03-01')], 'import');
    const result = await store.addArticles([article('https://herald.example/b', 'Herald', wire + ' (Reporting by Wire)', '2026-03-02')], 'import');
    expect(result.copies).toBe(1);
    const hits = await store.search({ text: 'Arven valley control' }, { k: 5 });
    const herald = hits.find((h) => h.outlet === 'Herald');
    expect(herald?.copyOfOutlet).toBe('Wire');
  });

  it.each(['saved', 'tail', 'none'] as const)('finds the story a copy repeats after a restart (signature keys: %s)', async (how) => {
    const post = article('https://post.example/x', 'Post', 'The harbour bridge reopened after repairs lasting two years, the city said.');
    // 'tail': the story is stored after the saved signature keys (an earlier article's).
    if (how === 'tail') {
      await store.addArticles([post], 'import');
      await store.compact();
    }
    await store.addArticles([article('https://wire.example/a', 'Wire', wire, '2026-03-01')], 'import');
    if (how === 'saved') await store.compact();
    if (how === 'none') await db.indexBase.delete('sigIndex');
    const woken = new CorpusStore(db);
    const result = await woken.addArticles([article('https://herald.example/b', 'Herald', wire + ' (Reporting by Wire)', '2026-03-02')], 'import');
    expect(result.copies).toBe(1);
  });

  it('does not link a copy to a removed story, before or after a restart, and saves no signature keys of removed stories', async () => {
    await store.addArticles([article('https://wire.example/a', 'Wire', wire, '2026-03-01')], 'import');
    await store.addArticles([article('https://post.example/x', 'Post', 'The harbour bridge reopened after repairs lasting two years, the city said.')], 'import');
    const saved = async () => (await db.indexBase.get('sigIndex'))!.bytes as Uint8Array;
    await store.compact();
    const before = (await saved()).byteLength;
    expect(await store.removeOutlet('Wire')).toBe(1);
    const copy = article('https://herald.example/b', 'Herald', wire + ' (Reporting by Wire)', '2026-03-02');
    expect((await store.addArticles([copy], 'import')).copies).toBe(0);
    await store.compact();
    // The Wire story's six keys are gone from the saved index, the Herald copy's six are in.
    expect((await saved()).byteLength).toBe(before);
    const woken = new CorpusStore(db);
    expect((await woken.addArticles([{ ...copy, url: 'https://third.example/c', outlet: 'Third' }], 'import')).copies).toBe(1);
    expect((await db.articles.where('canonicalUrl').equals('https://third.example/c').first())?.copyOfOutlet).toBe('Herald');
  });

  it('leaves the page\'s own article out of its evidence', async () => {
    await store.addArticles([article('https://ledger.example/valley', 'Ledger', wire)], 'import');
    expect(await store.search({ text: 'Arven valley' }, { k: 5, excludeUrl: 'https://www.ledger.example/valley?utm_medium=social' })).toEqual([]);
  });

  it('rolls back a whole batch that cannot be stored and keeps earlier batches', async () => {
    await store.addArticles([article('https://ledger.example/1', 'Ledger', wire)], 'import');
    const bad = { ...article('https://post.example/2', 'Post', wire), url: 'javascript:alert(1)' };
    await expect(store.addArticles([article('https://post.example/3', 'Post', 'A fine article about the harbour.'), bad], 'import')).rejects.toThrow();
    expect((await store.size()).articles).toBe(1);
    expect(await store.search({ text: 'harbour' }, { k: 5 })).toEqual([]);
  });

  it("keeps the reader's import of an article first stored from the demo corpus when the demo corpus is removed", async () => {
    await store.addArticles(
      [article('https://ledger.example/1', 'Ledger', wire), article('https://post.example/2', 'Post', 'The harbour bridge reopened after repairs lasting two years.')],
      'demo',
    );
    const mine = await store.addArticles(
      [article('https://ledger.example/1?utm_source=feed', 'Ledger', wire), article('https://post.example/3', 'Post', 'The ferry timetable changes in spring.')],
      'import',
    );
    expect(mine).toMatchObject({ added: 1, duplicates: 1 });
    expect(await store.removeSource('demo')).toBe(1);
    expect((await store.exportPage(0, 10)).articles.map((a) => a.url)).toEqual(['https://ledger.example/1', 'https://post.example/3']);
    expect((await store.search({ text: 'Arven valley' }, { k: 5 }))[0]?.outlet).toBe('Ledger');
    // Loading the demo corpus again leaves the reader's article theirs.
    await store.addArticles([article('https://ledger.example/1', 'Ledger', wire)], 'demo');
    expect(await store.removeSource('demo')).toBe(0);
    expect((await store.size()).articles).toBe(2);
  });

  it('removes by source and by outlet, with the index', async () => {
    await store.addArticles([article('https://ledger.example/1', 'Ledger', wire)], 'demo');
    await store.addArticles([article('https://post.example/2', 'Post', 'The harbour bridge reopened after repairs lasting two years.')], 'import');
    expect(await store.removeSource('demo')).toBe(1);
    expect(await store.search({ text: 'Arven valley' }, { k: 5 })).toEqual([]);
    expect(await store.removeOutlet('Post')).toBe(1);
    expect(await store.size()).toEqual({ articles: 0, outlets: 0 });
  });

  it('exports every article page by page', async () => {
    await store.addArticles(
      Array.from({ length: 5 }, (_, i) => article(`https://ledger.example/${i}`, 'Ledger', `Story number ${i} about the harbour.`)),
      'import',
    );
    const first = await store.exportPage(0, 3);
    const second = await store.exportPage(first.lastId!, 3);
    expect(first.articles).toHaveLength(3);
    expect(second.articles.map((a) => a.url)).toEqual(['https://ledger.example/3', 'https://ledger.example/4']);
    expect((await store.exportPage(second.lastId!, 3)).lastId).toBeNull();
  });

  it('gives statistics per outlet', async () => {
    await store.addArticles(
      [article('https://ledger.example/1', 'Ledger', wire, '2026-03-01'), article('https://ledger.example/2', 'Ledger', 'Harbour news.', '2026-03-04')],
      'import',
    );
    expect(await store.outletStats()).toEqual([{ outlet: 'Ledger', articles: 2, oldest: '2026-03-01', newest: '2026-03-04', copies: 0 }]);
  });

  it('removes by the days a reader sees in their time zone, daylight-saving changes included', async () => {
    const dated = (path: string, published: string) => article(`https://ledger.example/${path}`, 'Ledger', `Story ${path} about the harbour.`, published);
    await store.addArticles(
      [
        dated('evening', '2026-10-09T05:30:00.000Z'), // Oct 8, 22:30 in Los Angeles
        dated('day-only', '2026-10-08'),
        dated('noon', '2026-10-08T19:00:00.000Z'), // Oct 8 in Los Angeles
        dated('next', '2026-10-09T12:00:00.000Z'), // Oct 9 in Los Angeles
        dated('before', '2026-10-08T06:30:00.000Z'), // Oct 7, 23:30 in Los Angeles
      ],
      'import',
    );
    const left = async () => (await store.exportPage(0, 100)).articles.map((a) => a.url.split('/').pop());
    expect(await store.removePublishedBetween('2026-10-08', '2026-10-08', 'America/Los_Angeles')).toBe(3);
    expect(await left()).toEqual(['next', 'before']);
    expect(await store.removePublishedBetween('2026-10-07', '2026-10-07', 'America/Los_Angeles')).toBe(1);
    expect(await left()).toEqual(['next']);

    // Berlin leaves summer time on Oct 25: Oct 25 runs from 22:00 UTC on the 24th to 23:00 UTC on the 25th.
    await store.addArticles(
      [dated('b1', '2026-10-24T21:30:00.000Z'), dated('b2', '2026-10-24T22:30:00.000Z'), dated('b3', '2026-10-25T22:30:00.000Z'), dated('b4', '2026-10-25T23:30:00.000Z')],
      'import',
    );
    expect(await store.removePublishedBetween('2026-10-25', '2026-10-25', 'Europe/Berlin')).toBe(2);
    expect(await left()).toEqual(['next', 'b1', 'b4']);
    // Without a time zone, days are UTC days.
    expect(await store.removePublishedBetween('2026-10-24', '2026-10-24')).toBe(1);
    expect(await left()).toEqual(['next', 'b4']);
    // A range of several days: the days inside it whole, its first and last as seen in the time zone.
    await store.addArticles(
      [dated('r1', '2026-11-01T06:30:00.000Z'), dated('r2', '2026-11-02T12:00:00.000Z'), dated('r3', '2026-11-03'), dated('r4', '2026-11-04T07:30:00.000Z'), dated('r5', '2026-11-04T08:30:00.000Z')],
      'import',
    );
    // In Los Angeles (UTC-7 until Nov 1 09:00 UTC, then UTC-8): r1 is Oct 31 23:30, r4 Nov 3 23:30, r5 Nov 4 00:30.
    expect(await store.removePublishedBetween('2026-11-01', '2026-11-03', 'America/Los_Angeles')).toBe(3);
    expect(await left()).toEqual(['next', 'b4', 'r1', 'r5']);
  });

  it('counts and removes names differing only in case as one outlet, as the verdicts do', async () => {
    await store.addArticles(
      [
        article('https://www.capital-courier.example/1', 'Capital Courier', 'The army took the valley on Monday.', '2026-10-12T10:00:00.000Z'),
        article('https://www.capital-courier.example/2', 'capital courier ', 'Flooding closed the northern road.', '2026-10-13T10:00:00.000Z'),
        article('https://www.capital-courier.example/3', 'CAPITAL COURIER', 'The council voted on the budget.', '2026-10-14T10:00:00.000Z'),
        article('https://www.capital-courier.example/4', 'Capital Courier', 'Schools reopened after the storm.', '2026-10-11'),
        article('https://daily-compass.example/1', 'Daily Compass', 'The bank kept its rate unchanged.', '2026-10-15T10:00:00.000Z'),
      ],
      'import',
    );
    expect(await store.outletStats('UTC')).toEqual([
      { outlet: 'Capital Courier', articles: 4, oldest: '2026-10-11', newest: '2026-10-14T10:00:00.000Z', copies: 0 },
      { outlet: 'Daily Compass', articles: 1, oldest: '2026-10-15T10:00:00.000Z', newest: '2026-10-15T10:00:00.000Z', copies: 0 },
    ]);
    expect(await store.size()).toEqual({ articles: 5, outlets: 2 });
    expect(await store.removeOutlet('capital COURIER')).toBe(4);
    expect(await store.size()).toEqual({ articles: 1, outlets: 1 });
    expect(await store.removeOutlet('Nobody')).toBe(0);
  });

  it("gives each outlet's first and last days as the reader sees them", async () => {
    const dated = (path: string, published: string) => article(`https://ledger.example/${path}`, 'Ledger', `Story ${path} about the harbour.`, published);
    await store.addArticles(
      [dated('a', '2026-10-09'), dated('b', '2026-10-09T05:30:00.000Z'), dated('c', '2026-10-20T03:00:00.000Z'), dated('d', '2026-10-19')],
      'import',
    );
    // In Los Angeles the first is Oct 8 (b), the last Oct 19 (c at 20:00 on the 19th, or d: the later stored value).
    expect(await store.outletStats('America/Los_Angeles')).toEqual([{ outlet: 'Ledger', articles: 4, oldest: '2026-10-09T05:30:00.000Z', newest: '2026-10-20T03:00:00.000Z', copies: 0 }]);
    // In UTC the first is Oct 9 and the last Oct 20.
    expect(await store.outletStats('UTC')).toEqual([{ outlet: 'Ledger', articles: 4, oldest: '2026-10-09', newest: '2026-10-20T03:00:00.000Z', copies: 0 }]);
    // In Singapore a (Oct 9) comes first, b is at 13:30 the same day; d is Oct 19, c Oct 20 at 11:00.
    await store.addArticles([dated('e', '2026-10-20')], 'import');
    expect((await store.outletStats('Asia/Singapore'))[0]).toMatchObject({ oldest: '2026-10-09', newest: '2026-10-20T03:00:00.000Z' });
  });
});

/** Articles with distinct words, so each one has its own best query. */
function numbered(count: number, from = 0, published = (i: number) => `2026-03-${String((i % 28) + 1).padStart(2, '0')}`): CorpusArticle[] {
  const places = ['harbour', 'valley', 'airport', 'bridge', 'stadium', 'library', 'hospital', 'market', 'railway', 'council'];
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return article(
      `https://outlet${i % 3}.example/story/${i}`,
      `Outlet ${i % 3}`,
      `Story ${i}: the ${places[i % places.length]} project code${i}x was discussed by officials on Monday, who said ${i * 7} people attended the meeting in district${i}.`,
      published(i),
    );
  });
}

/** Every article's best hits for its own code word, as ids: what a fresh index must also answer. */
async function answers(s: CorpusStore, codes: number[]): Promise<string[][]> {
  const index = await s.getIndex();
  return codes.map((i) => index.search({ text: `code${i}x district${i} harbour officials` }, 5).map((h) => `${h.id}:${h.score.toFixed(5)}`));
}

describe('CorpusStore: the saved index (snapshot + tail + tombstones)', () => {
  it('answers the same as an index built from scratch after adds, removes, reopening and compaction', async () => {
    const s = new CorpusStore(db, { compaction: { idleMs: 60_000, maxTail: 25, maxTailShare: 0 } });
    for (let b = 0; b < 4; b++) await s.addArticles(numbered(10, b * 10), 'import');
    // 40 articles in batches of 10 with a bound of 25: one compaction happened at 30.
    expect(await s.indexInfo()).toMatchObject({ tail: 10, tombstones: 0, articles: 40 });
    expect((await db.indexBase.get('base'))?.upToId).toBe(30);
    await s.removeArticle({ url: 'https://outlet1.example/story/4?utm_source=feed' }); // in the snapshot: a tombstone
    await s.removeArticle({ url: 'https://outlet2.example/story/35' }); // in the tail: no tombstone needed
    expect(await db.indexTombstones.count()).toBe(1);
    const codes = Array.from({ length: 40 }, (_, i) => i);
    const before = await answers(s, codes);

    // A woken service worker: snapshot + tombstones + tail.
    const woken = new CorpusStore(db);
    expect(await woken.indexInfo()).toMatchObject({ upToId: 30, tail: 9, tombstones: 1, articles: 38 });
    expect(await answers(woken, codes)).toEqual(before);

    // The same articles indexed from scratch.
    const fresh = new CorpusStore(openDb(`fresh-${n++}`));
    const kept = numbered(40).filter((_, i) => i !== 4 && i !== 35);
    await fresh.addArticles(kept, 'import');
    const scratch = await answers(fresh, codes);
    const ids = (rows: string[][]) => rows.map((r) => r.map((x) => x.split(':')[1]));
    expect(ids(before)).toEqual(ids(scratch));
    fresh.db.close();

    // Compaction: one snapshot, nothing else to read at the next start, same answers.
    expect(await woken.compact()).toBe(true);
    expect(await db.indexTombstones.count()).toBe(0);
    const compacted = new CorpusStore(db);
    expect(await compacted.indexInfo()).toMatchObject({ upToId: 40, tail: 0, tombstones: 0, articles: 38 });
    expect(await answers(compacted, codes)).toEqual(before);
  });

  it('loads the index ahead of a search when asked to (preload), in step with articles added meanwhile', async () => {
    const s = new CorpusStore(db, { compaction: { idleMs: 60_000 } });
    await s.addArticles(numbered(12), 'import');
    await s.compact();
    await s.addArticles(numbered(3, 12), 'import');
    const codes = Array.from({ length: 16 }, (_, i) => i);
    const woken = new CorpusStore(db, { compaction: { idleMs: 60_000 } });
    const snapshotReads = vi.spyOn(db.indexBase, 'get');
    woken.preload();
    woken.preload();
    // The load starts before anything else asks for the index, once however often it is asked for.
    await vi.waitFor(() => expect(snapshotReads).toHaveBeenCalledTimes(1));
    // An article stored while the index loads is found with the others.
    await woken.addArticles(numbered(1, 15), 'import');
    expect(await woken.indexInfo()).toMatchObject({ upToId: 12, tail: 4, articles: 16 });
    const fresh = new CorpusStore(openDb(`fresh-${n++}`));
    await fresh.addArticles(numbered(16), 'import');
    const ids = (rows: string[][]) => rows.map((r) => r.map((x) => x.split(':')[0]));
    expect(ids(await answers(woken, codes))).toEqual(ids(await answers(fresh, codes)));
    fresh.db.close();
  });

  it('reads no tail when the last articles after the snapshot were removed again', async () => {
    const s = new CorpusStore(db, { compaction: { idleMs: 60_000 } });
    await s.addArticles(numbered(8), 'import');
    await s.compact();
    await s.removeArticles([7, 8]);
    const woken = new CorpusStore(db);
    const rangeReads = vi.spyOn(db.articles, 'where');
    expect(await woken.indexInfo()).toMatchObject({ upToId: 8, tail: 0, tombstones: 2, articles: 6 });
    expect(rangeReads).not.toHaveBeenCalled();
    rangeReads.mockRestore();
    await woken.addArticles(numbered(1, 20), 'import');
    // New ids continue above the snapshot's: the next start reads them as the tail.
    expect(await new CorpusStore(db).indexInfo()).toMatchObject({ upToId: 8, tail: 1, tombstones: 2, articles: 7 });
  });

  it('stores each article with its sentence offsets, and answers the same for rows stored without them', async () => {
    await store.addArticles([article('https://ledger.example/valley', 'Ledger', wire)], 'import');
    const row = (await db.articles.toArray())[0];
    expect(row.sentences).toEqual(packSentences(wire));
    const query = { text: 'troops took control of the Arven valley' };
    const before = await new CorpusStore(db).search(query, { k: 3 });
    await db.articles.update(row.id, { sentences: undefined });
    expect((await db.articles.get(row.id))!.sentences).toBeUndefined();
    expect(await new CorpusStore(db).search(query, { k: 3 })).toEqual(before);
  });

  it('stores each article\'s words as the index\'s term ids, which fit the index after a restart, and answers the same without them', async () => {
    const s = new CorpusStore(db, { compaction: { idleMs: 60_000, maxTail: 25, maxTailShare: 0 } });
    for (let b = 0; b < 4; b++) await s.addArticles(numbered(10, b * 10), 'import');
    await s.addArticles([article('https://ledger.example/valley', 'Ledger', wire), article('https://post.example/untitled', 'Post', '')], 'import');
    // A snapshot up to article 30; the rest is a tail indexed again from the rows at the next start.
    expect((await db.indexBase.get('base'))?.upToId).toBe(30);
    const woken = new CorpusStore(db);
    const index = await woken.getIndex();
    const rows = await db.articles.toArray();
    for (const row of rows) {
      const passage = passageText(row);
      expect(unpackTerms(row.terms, index, sentencesOf(passage))).toBeDefined();
    }
    const queries = [
      ...Array.from({ length: 42 }, (_, i) => ({ text: `code${i}x district${i} harbour officials` })),
      { text: 'troops took control of the Arven valley' },
      { text: 'Post report' },
    ];
    const withTerms = await woken.searchMany(queries, { k: 5 });
    expect(withTerms.flat().length).toBeGreaterThan(100);
    await db.articles.toCollection().modify((row) => {
      delete row.terms;
    });
    expect(await new CorpusStore(db).searchMany(queries, { k: 5 })).toEqual(withTerms);
  });

  it('stores articles\' term ids again at the next start when the vocabulary they were given by is gone', async () => {
    const fits = async (s: CorpusStore) => {
      const index = await s.getIndex();
      await s.settled();
      const rows = await db.articles.toArray();
      return rows.filter((row) => unpackTerms(row.terms, index, sentencesOf(passageText(row))) !== undefined).length;
    };
    const s = new CorpusStore(db, { compaction: { idleMs: 60_000 } });
    await s.addArticles(numbered(5), 'import');
    // Terms given to articles that are then not kept: a batch that fails in its transaction, and
    // an article removed before a snapshot was saved.
    const bulkAdd = vi.spyOn(db.articles, 'bulkAdd').mockRejectedValueOnce(new Error('the disk is full'));
    await expect(s.addArticles([article('https://lost.example/1', 'Lost', 'Zephyrine quintals of marmalade vanished.')], 'import')).rejects.toThrow();
    bulkAdd.mockRestore();
    await s.addArticles([article('https://gone.example/1', 'Gone', 'Obsidian xylophones toured Vardenfell.')], 'import');
    await s.removeArticle({ url: 'https://gone.example/1' });
    await s.addArticles(numbered(5, 5), 'import');
    expect(await fits(s)).toBe(10);
    // The next start gives the tail's terms ids without those: the later rows' ids are stored again.
    const woken = new CorpusStore(db, { compaction: { idleMs: 60_000 } });
    expect(await fits(woken)).toBe(10);
    // And they hold once a snapshot is saved from that vocabulary.
    await woken.compact();
    expect(await fits(new CorpusStore(db))).toBe(10);
  });

  it('saves the snapshot as a Blob where the database takes Blobs, and loads it back', async () => {
    const s = new CorpusStore(db, { blobSnapshots: true, compaction: { idleMs: 60_000 } });
    await s.addArticles(numbered(12), 'import');
    await s.compact();
    const codes = Array.from({ length: 12 }, (_, i) => i);
    const before = await answers(s, codes);
    const woken = new CorpusStore(db, { blobSnapshots: false });
    expect(await woken.indexInfo()).toMatchObject({ upToId: 12, tail: 0, articles: 12 });
    expect(await answers(woken, codes)).toEqual(before);
  });

  it('saves nothing of the index per batch: only the rows, and the snapshot when compacting', async () => {
    const s = new CorpusStore(db, { compaction: { idleMs: 60_000 } });
    await s.addArticles(numbered(5), 'import');
    expect(await db.indexBase.count()).toBe(0);
    await s.compact();
    const saved = (await db.indexBase.get('base'))!.savedAt;
    await s.addArticles(numbered(5, 5), 'import');
    expect((await db.indexBase.get('base'))!.savedAt).toBe(saved);
    expect((await new CorpusStore(db).indexInfo()).tail).toBe(5);
  });

  it('compacts by itself once changes stop', async () => {
    const s = new CorpusStore(db, { compaction: { idleMs: 20, idleTail: 3 } });
    await s.addArticles(numbered(4), 'import');
    await new Promise((r) => setTimeout(r, 80));
    await s.settled();
    expect(await s.indexInfo()).toMatchObject({ upToId: 4, tail: 0 });
  });

  it('rebuilds from the articles when the saved snapshot cannot be read', async () => {
    const s = new CorpusStore(db);
    await s.addArticles(numbered(6), 'import');
    await s.compact();
    await db.indexBase.update('base', { bytes: new Uint8Array([1, 2, 3]) });
    const woken = new CorpusStore(db);
    expect(await woken.indexInfo()).toMatchObject({ upToId: 0, tail: 6, articles: 6 });
    expect((await woken.search({ text: 'code3x district3' }, { k: 1 }))[0].url).toBe('https://outlet0.example/story/3');
  });

  it('leaves index and articles untouched when a batch fails', async () => {
    await store.addArticles(numbered(3), 'import');
    await store.compact();
    const bad = { ...numbered(1, 10)[0], url: 'javascript:alert(1)' };
    await expect(store.addArticles([...numbered(2, 3), bad], 'import')).rejects.toThrow();
    expect(await store.indexInfo()).toMatchObject({ tail: 0, articles: 3 });
    expect((await new CorpusStore(db).indexInfo()).articles).toBe(3);
  });
});

describe('CorpusStore: syndicated copies', () => {
  it('links the same copies however the articles are cut into batches', async () => {
    // Copies of one wire story in several outlets, some crediting the wire, dates shuffled.
    const outlets = ['Wire', 'Herald', 'Post', 'Ledger', 'Courier', 'Star', 'Times'];
    const copies = Array.from({ length: 14 }, (_, i) =>
      article(
        `https://${outlets[i % 7].toLowerCase()}.example/${i}`,
        outlets[i % 7],
        i % 3 === 0 ? `${wire} (Reporting by ${outlets[(i + 2) % 7]})` : i % 3 === 1 ? wire : `${wire} Officials gave no figure.`,
        `2026-03-${String(1 + ((i * 5) % 9)).padStart(2, '0')}`,
      ),
    );
    const links = async (cuts: number) => {
      const d = openDb(`cuts-${n++}`);
      const s = new CorpusStore(d);
      for (let i = 0; i < copies.length; i += cuts) await s.addArticles(copies.slice(i, i + cuts), 'import');
      const rows = await d.articles.orderBy(':id').toArray();
      const urlOf = new Map(rows.map((r) => [r.id, r.url]));
      d.close();
      await d.delete();
      return rows.map((r) => `${r.url} → ${r.copyOf === undefined ? '-' : urlOf.get(r.copyOf)}`);
    };
    const whole = await links(copies.length);
    expect(whole.filter((l) => !l.endsWith('-')).length).toBeGreaterThan(3);
    for (const cuts of [1, 3, 5]) expect(await links(cuts), `batches of ${cuts}`).toEqual(whole);
  });
});

describe('CorpusStore: deleting', () => {
  it('removes the articles published between two dates, both days included, undated ones kept', async () => {
    const dates = ['2026-01-31', '2026-02-01', '2026-02-14T23:59:00Z', '2026-02-28T08:00:00Z', '2026-03-01'];
    await store.addArticles(numbered(5, 0, (i) => dates[i]), 'import');
    await store.addArticles([{ ...numbered(1, 5)[0], published: null }], 'import');
    expect(await store.removePublishedBetween('2026-02-01', '2026-02-28')).toBe(3);
    const left = (await store.exportPage(0, 10)).articles.map((a) => a.published);
    expect(left).toEqual(['2026-01-31', '2026-03-01', null]);
    expect(await store.search({ text: 'code2x district2' }, { k: 5 })).toEqual([]);
    expect(await store.removePublishedBetween('2026-03-02', '2026-03-01')).toBe(0);
  });

  it('removes one article by any variant of its address, or by id, and frees its copies', async () => {
    await store.addArticles([article('https://wire.example/a', 'Wire', wire, '2026-03-01')], 'import');
    await store.addArticles([article('https://herald.example/b', 'Herald', wire + ' (Reporting by Wire)', '2026-03-02')], 'import');
    expect((await store.outletStats()).find((s) => s.outlet === 'Herald')?.copies).toBe(1);
    expect(await store.removeArticle({ url: 'https://www.wire.example/a?utm_campaign=x#top' })).toBe(1);
    expect(await store.removeArticle({ url: 'https://wire.example/a' })).toBe(0);
    expect((await store.outletStats()).find((s) => s.outlet === 'Herald')?.copies).toBe(0);
    const herald = (await db.articles.toArray())[0];
    expect(herald.copyOf).toBeUndefined();
    expect(await store.removeArticle({ id: herald.id })).toBe(1);
    expect(await store.size()).toEqual({ articles: 0, outlets: 0 });
  });
});

/** Each article's address and the address of the article it copies ('-': none), in id order. */
async function copyLinks(d: CrosscheckDb): Promise<string[]> {
  const rows = await d.articles.orderBy(':id').toArray();
  const urlOf = new Map(rows.map((r) => [r.id, r.url]));
  return rows.map((r) => `${r.url} → ${r.copyOf === undefined ? '-' : `${urlOf.get(r.copyOf) ?? 'a removed article'} (${r.copyOfOutlet})`}`);
}

/** The links an export of the store's articles gives when imported into an empty corpus. */
async function linksAfterExportImport(s: CorpusStore): Promise<string[]> {
  const d = openDb(`reimport-${n++}`);
  const fresh = new CorpusStore(d);
  for (let after = 0; ; ) {
    const page = await s.exportPage(after, 4);
    if (page.lastId === null) break;
    await fresh.addArticles(page.articles, 'import');
    after = page.lastId;
  }
  const links = await copyLinks(d);
  d.close();
  await d.delete();
  return links;
}

describe('CorpusStore: removing the original of syndicated copies', () => {
  const copies = () => [
    article('https://wire.example/a', 'Wire', wire, '2026-03-01'),
    article('https://herald.example/b', 'Herald', `${wire} (Reporting by Wire)`, '2026-03-02'),
    article('https://third.example/c', 'Third', `${wire} (Wire)`, '2026-03-03'),
  ];

  it('links the copies left to the earliest of them, as an export imported again links them', async () => {
    await store.addArticles(copies(), 'import');
    expect(await store.removeOutlet('Wire')).toBe(1);
    const links = await copyLinks(db);
    expect(links).toEqual(['https://herald.example/b → -', 'https://third.example/c → https://herald.example/b (Herald)']);
    expect(await linksAfterExportImport(store)).toEqual(links);
    // One story, counted once: Herald's, with Third as its copy.
    expect((await store.outletStats()).map((s) => [s.outlet, s.copies])).toEqual([['Herald', 0], ['Third', 1]]);
    const hits = await store.search({ text: 'forces took full control of the Arven valley' }, { k: 5 });
    expect(hits.map((h) => [h.outlet, h.copyOfOutlet ?? null])).toEqual(expect.arrayContaining([['Herald', null], ['Third', 'Herald']]));
  });

  it.each([
    ['one article, by address', (s: CorpusStore) => s.removeArticle({ url: 'https://wire.example/a' })],
    ['the dates of the original', (s: CorpusStore) => s.removePublishedBetween('2026-03-01', '2026-03-01')],
    ['its source', (s: CorpusStore) => s.removeSource('demo')],
  ])('does the same when the original goes as %s', async (_, remove) => {
    const [original, ...rest] = copies();
    await store.addArticles([original], 'demo');
    await store.addArticles(rest, 'import');
    expect(await remove(store)).toBe(1);
    expect(await copyLinks(db)).toEqual(['https://herald.example/b → -', 'https://third.example/c → https://herald.example/b (Herald)']);
  });

  it('looks again at later articles that an original left alone could now be a copy of', async () => {
    // Wire runs the story again later: while the first run and its copies are there, the rerun
    // has no original (its own outlet's story does not count, the others are copies).
    await store.addArticles(
      [
        article('https://wire.example/a', 'Wire', wire, '2026-03-01'),
        article('https://herald.example/b', 'Herald', `${wire} Herald adds a line.`, '2026-03-02'),
        article('https://wire.example/rerun', 'Wire', wire, '2026-03-04'),
      ],
      'import',
    );
    expect(await store.removeArticle({ url: 'https://wire.example/a' })).toBe(1);
    const links = await copyLinks(db);
    expect(links).toEqual(['https://herald.example/b → -', 'https://wire.example/rerun → https://herald.example/b (Herald)']);
    expect(await linksAfterExportImport(store)).toEqual(links);
  });

  it('reads only the copies left and the articles sharing their signature keys, not the whole corpus', async () => {
    await store.addArticles(numbered(300), 'import');
    await store.addArticles(copies(), 'import');
    await store.compact();
    const woken = new CorpusStore(db);
    const read: string[] = [];
    const reading = (row: { url: string } | undefined) => {
      if (row) read.push(row.url);
      return row;
    };
    db.articles.hook('reading', reading);
    expect(await woken.removeOutlet('Wire')).toBe(1);
    db.articles.hook('reading').unsubscribe(reading);
    expect(read.sort()).toEqual(['https://herald.example/b', 'https://third.example/c']);
    expect((await copyLinks(db)).slice(-2)).toEqual(['https://herald.example/b → -', 'https://third.example/c → https://herald.example/b (Herald)']);
  });

  // Copies of one wire story in several outlets, some crediting another outlet, dates shuffled,
  // with unrelated articles between them.
  const outlets = ['Wire', 'Herald', 'Post', 'Ledger', 'Courier', 'Star', 'Times'];
  const mixed = () =>
    Array.from({ length: 21 }, (_, i) =>
      i % 3 === 2
        ? numbered(1, i)[0]
        : article(
            `https://${outlets[i % 7].toLowerCase()}.example/${i}`,
            outlets[i % 7],
            i % 4 === 0 ? `${wire} (Reporting by ${outlets[(i + 2) % 7]})` : i % 4 === 1 ? wire : `${wire} Officials gave no figure.`,
            `2026-03-${String(1 + ((i * 5) % 9)).padStart(2, '0')}`,
          ),
    );
  const removals: [string, (s: CorpusStore) => Promise<number>][] = [
    ...outlets.map((o): [string, (s: CorpusStore) => Promise<number>] => [`outlet ${o}`, (s) => s.removeOutlet(o)]),
    ...['03-01', '03-02', '03-04', '03-06'].map((d): [string, (s: CorpusStore) => Promise<number>] => [`dates up to 2026-${d}`, (s) => s.removePublishedBetween('2026-01-01', `2026-${d}`)]),
    ...[0, 1, 3, 4, 6, 7].map((i): [string, (s: CorpusStore) => Promise<number>] => [`article ${i}`, (s) => s.removeArticle({ url: mixed()[i].url })]),
  ];

  it.each(removals)('agrees with an export imported again after removing %s (after a restart too)', async (_, remove) => {
    await store.addArticles(mixed().slice(0, 10), 'import');
    await store.compact();
    await store.addArticles(mixed().slice(10), 'import');
    const before = await copyLinks(db);
    expect(before.filter((l) => !l.endsWith('-')).length).toBeGreaterThan(5);
    const woken = new CorpusStore(db);
    expect(await remove(woken)).toBeGreaterThan(0);
    const links = await copyLinks(db);
    expect(links.some((l) => l.includes('a removed article'))).toBe(false);
    expect(await linksAfterExportImport(woken)).toEqual(links);
  });
});

describe('CorpusStore: resuming an import', () => {
  const checkpoint = (line: number, errors: { line: number; error: string }[] = []) => ({
    fileKey: 'feed.jsonl|100|5', name: 'feed.jsonl', size: 100, lastModified: 5, line, bytesRead: line * 10, errors,
  });

  it('saves how far the file got with each batch, adds up the counts, and forgets it on request', async () => {
    await store.addArticles(numbered(3), 'import', checkpoint(4, [{ line: 2, error: 'not JSON' }]));
    await store.addArticles([...numbered(2, 3), numbered(1)[0]], 'import', checkpoint(7));
    const state = await store.importState('feed.jsonl|100|5');
    expect(state).toMatchObject({ line: 7, bytesRead: 70, added: 5, duplicates: 1, errorCount: 1, errors: [{ line: 2, error: 'not JSON' }] });
    await store.forgetImport('feed.jsonl|100|5');
    expect(await store.importState('feed.jsonl|100|5')).toBeNull();
  });

  it('tells duplicates from earlier batches of the same import from articles stored before it', async () => {
    await store.addArticles(numbered(2), 'import');
    await store.addArticles(numbered(2, 2), 'import', checkpoint(2));
    // Article 0 was stored before the import; article 2 by its first batch; article 4 twice in this batch.
    expect(await store.addArticles([numbered(1)[0], numbered(1, 2)[0], numbered(1, 4)[0], numbered(1, 4)[0]], 'import', checkpoint(6))).toMatchObject({
      added: 1,
      duplicates: 3,
      repeated: 2,
    });
    expect(await store.importState('feed.jsonl|100|5')).toMatchObject({ duplicates: 3, repeated: 2 });
    // A saved import from before this was counted cannot tell: its duplicates count as stored before.
    await db.imports.update('feed.jsonl|100|5', { startId: undefined });
    expect(await store.addArticles([numbered(1, 2)[0]], 'import', checkpoint(7))).toMatchObject({ duplicates: 1, repeated: 0 });
  });

  it('does not move the checkpoint when the batch fails', async () => {
    await store.addArticles(numbered(2), 'import', checkpoint(2));
    const bad = { ...numbered(1, 10)[0], url: 'javascript:alert(1)' };
    await expect(store.addArticles([numbered(1, 2)[0], bad], 'import', checkpoint(4))).rejects.toThrow();
    expect((await store.importState('feed.jsonl|100|5'))?.line).toBe(2);
  });
});

describe('CorpusStore: capture as you read', () => {
  it('adds a page once per canonical address', async () => {
    const page = article('https://ledger.example/valley?utm_source=share', 'Ledger', wire);
    expect(await store.captureArticle(page)).toBe(true);
    expect(await store.captureArticle({ ...page, url: 'https://www.ledger.example/valley#comments' })).toBe(false);
    expect(await store.captureArticle({ ...page, url: 'not a url' })).toBe(false);
    const rows = await db.articles.toArray();
    expect(rows.map((r) => r.source)).toEqual(['capture']);
  });

  it('stores a partner\'s page under its own address when its canonical link names the original publisher', async () => {
    const wireStory = { url: 'https://www.meridian-wire.example/2026/10/12/army-valley', outlet: 'Meridian Wire', title: 'Valley', published: '2026-03-01T19:40:00.000Z', text: `${wire} (Meridian Wire)` };
    const partner = { url: 'https://news.portal.example/world/army-valley-123', canonicalUrl: wireStory.url, title: 'Valley', siteName: 'Portal News', published: '2026-03-02T08:00:00Z', text: wireStory.text };
    // Read on the partner's site first: the wire's own article can still be imported after it.
    expect(await store.captureArticle(pageToArticle(partner, 'Portal News')!)).toBe(true);
    expect(await store.addArticles([wireStory], 'import')).toEqual({ added: 1, duplicates: 0, repeated: 0, copies: 0 });
    expect((await db.articles.orderBy(':id').toArray()).map((r) => [r.outlet, r.url])).toEqual([
      ['Portal News', partner.url],
      ['Meridian Wire', wireStory.url],
    ]);
    // The wire's article stored first: the partner's page is stored beside it, as its copy.
    const other = openDb(`capture-${n++}`);
    const s = new CorpusStore(other);
    await s.addArticles([wireStory], 'import');
    expect(await s.captureArticle(pageToArticle(partner, 'Portal News')!)).toBe(true);
    const copy = await other.articles.where('canonicalUrl').equals('https://news.portal.example/world/army-valley-123').first();
    expect([copy?.outlet, copy?.copyOfOutlet]).toEqual(['Portal News', 'Meridian Wire']);
    other.close();
    await other.delete();
  });

  it('stores a captured page as an import of it would be, so that export and import give it back unchanged', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const page = { url: 'https://ledger.example/valley', outlet: 'Ledger', title: '  Valley  ', published: '2026-03-01T10:00:00+02:00', text: `  ${wire.replace(/\n/g, '\r\n')}  ` };
    expect(await store.captureArticle(page)).toBe(true);
    expect(await store.captureArticle({ ...page, url: 'https://ledger.example/other', published: '2026-03-01 at noon' })).toBe(true);
    expect(await store.captureArticle({ ...page, url: 'https://ledger.example/blank', text: '   ' })).toBe(false);
    const rows = await db.articles.toArray();
    expect(rows.map((r) => [r.title, r.published, r.text])).toEqual([
      ['Valley', '2026-03-01T08:00:00.000Z', wire],
      ['Valley', null, wire],
    ]);
    vi.restoreAllMocks();
  });
});
