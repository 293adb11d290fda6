/**
 * Faults while the corpus changes: a full disk (QuotaExceededError) and a service worker stopped
 * in the middle of a transaction (its transaction aborted). Whatever fails, the database stays as
 * it was before the change, the in-memory index agrees with it, and a woken worker reads it back.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type CrosscheckDb } from './db';
import { CorpusStore } from './corpus-store';
import type { ImportCheckpoint } from './messages';
import { DISK_FULL_MESSAGE, isQuotaError } from './storage-errors';
import type { CorpusArticle } from '../types';

let db: CrosscheckDb;
let n = 0;
beforeEach(() => {
  db = openDb(`faults-${n++}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

const PLACES = ['harbour', 'valley', 'airport', 'bridge', 'stadium', 'library', 'hospital', 'market'];
function articles(count: number, from = 0): CorpusArticle[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return {
      url: `https://outlet${i % 3}.example/story/${i}`,
      outlet: `Outlet ${i % 3}`,
      title: `Story ${i}`,
      published: `2026-03-${String((i % 28) + 1).padStart(2, '0')}`,
      text: `Story ${i}: the ${PLACES[i % PLACES.length]} project code${i}x was discussed by officials on Monday, who said ${i * 7} people attended the meeting in district${i}.`,
    };
  });
}

/** A wire story (long enough to recognise copies of it) and a copy of it in another outlet. */
const WIRE_TEXT = `Government forces said on Tuesday they had taken full control of the Arven valley (code900x, district900) after three days of fighting,
a claim the resistance council rejected within hours. The defence ministry said troops had entered the district capital of Sorel
and raised the national flag over the governor's compound. Residents reached by telephone described heavy shelling overnight
and said many families had fled towards the northern passes. Aid agencies said they could not confirm the figures.`;
const wire: CorpusArticle = { url: 'https://wire.example/arven', outlet: 'Wire', title: 'Arven', published: '2026-03-01', text: WIRE_TEXT };
const copy: CorpusArticle = { url: 'https://herald.example/arven', outlet: 'Herald', title: 'Arven', published: '2026-03-02', text: `${WIRE_TEXT} (Reporting by Wire)` };

const checkpoint = (line: number): ImportCheckpoint => ({ fileKey: 'feed.jsonl|9|9', name: 'feed.jsonl', size: 9, lastModified: 9, line, bytesRead: line, errors: [] });

/** Everything the database holds, in a comparable form. */
async function contents(d: CrosscheckDb) {
  const bytes = async (b: Uint8Array | Blob) => [...(b instanceof Uint8Array ? b : new Uint8Array(await b.arrayBuffer()))];
  return {
    articles: await d.articles.toArray(),
    imports: await d.imports.toArray(),
    indexBase: await Promise.all((await d.indexBase.toArray()).map(async (r) => ({ ...r, bytes: await bytes(r.bytes) }))),
    tombstones: await d.indexTombstones.toArray(),
    meta: await d.meta.toArray(),
  };
}

/** The ids each article's own query finds first: what the index answers. */
async function answers(store: CorpusStore, ids: number[]): Promise<(number | null)[]> {
  const index = await store.getIndex();
  return ids.map((i) => index.search({ text: `code${i}x district${i}` }, 1)[0]?.id ?? null);
}

/** Checks that the database and a fresh store over it agree: every stored article indexed, nothing else. */
async function expectConsistent(d: CrosscheckDb, store: CorpusStore): Promise<void> {
  const rows = await d.articles.toArray();
  const woken = new CorpusStore(d);
  for (const s of [store, woken]) {
    expect((await s.indexInfo()).articles).toBe(rows.length);
    const index = await s.getIndex();
    // Articles by their code word (a copy shares its original's): each code's query finds exactly them.
    const byCode = new Map<string, number[]>();
    for (const row of rows) {
      const code = /code(\d+)x/.exec(row.text)![1];
      byCode.set(code, [...(byCode.get(code) ?? []), row.id]);
    }
    for (const [code, ids] of byCode) {
      const found = index.search({ text: `code${code}x district${code}` }, ids.length + 1).map((h) => h.id);
      expect(found.slice(0, ids.length).sort(), `code${code}x`).toEqual([...ids].sort());
    }
  }
  const info = await woken.indexInfo();
  const base = await d.indexBase.get('base');
  expect(info.upToId).toBe(base?.upToId ?? 0);
  // Tombstones only name articles the snapshot holds and that are gone.
  const ids = new Set(rows.map((r) => r.id));
  for (const { id } of await d.indexTombstones.toArray()) {
    expect(id).toBeLessThanOrEqual(info.upToId);
    expect(ids.has(id)).toBe(false);
  }
  // The tail is exactly the stored articles above the snapshot.
  expect(info.tail).toBe(rows.filter((r) => r.id > info.upToId).length);
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Makes `table.method` do its work and then fail, as a write that meets a full disk or a stopped worker would. */
function failAfter<T extends object>(table: T, method: keyof T, error: () => unknown, times = 1) {
  const original = (table[method] as (...a: unknown[]) => Promise<unknown>).bind(table);
  let left = times;
  return vi.spyOn(table, method as never).mockImplementation((async (...args: unknown[]) => {
    const result = await original(...args);
    if (left-- > 0) throw error();
    return result;
  }) as never);
}

describe('isQuotaError', () => {
  it.each([
    ['a DOMException', quotaError(), true],
    ["Dexie's QuotaExceededError", new Dexie.QuotaExceededError('full'), true],
    ['an abort wrapping it', new Dexie.AbortError('Transaction aborted', quotaError()), true],
    ['a bulk error listing it', new Dexie.BulkError('1 of 2 failed', [quotaError()]), true],
    ["Firefox's name", { name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' }, true],
    ['our own message', new Error(DISK_FULL_MESSAGE), true],
    ['a constraint error', new Dexie.ConstraintError('key exists'), false],
    ['a plain error', new Error('the browser closed'), false],
    ['nothing', undefined, false],
  ])('%s: %s', (_, error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });
});

describe('a full disk', () => {
  it('rolls an import batch back as a whole, keeps the checkpoint at the last stored batch, and resumes', async () => {
    const store = new CorpusStore(db);
    await store.addArticles(articles(5), 'import', checkpoint(5));
    await store.compact();
    await store.addArticles(articles(5, 5), 'import', checkpoint(10));
    const before = await contents(db);
    const answersBefore = await answers(store, [0, 7, 12]);

    // The third batch's rows are written, then the disk is full before the transaction commits.
    failAfter(db.articles, 'bulkAdd', quotaError);
    await expect(store.addArticles(articles(5, 10), 'import', checkpoint(15))).rejects.toThrow(DISK_FULL_MESSAGE);

    expect(await contents(db)).toEqual(before);
    expect(await answers(store, [0, 7, 12])).toEqual(answersBefore);
    expect(answersBefore[2]).toBeNull();
    expect((await store.importState('feed.jsonl|9|9'))?.line).toBe(10);
    await expectConsistent(db, store);

    // Space freed: the same batch goes in, once.
    vi.restoreAllMocks();
    expect(await store.addArticles(articles(5, 10), 'import', checkpoint(15))).toMatchObject({ added: 5, duplicates: 0 });
    expect(await store.importState('feed.jsonl|9|9')).toMatchObject({ line: 15, added: 15 });
    await expectConsistent(db, store);
  });

  it('fails the same way when the quota error comes wrapped in an aborted transaction', async () => {
    const store = new CorpusStore(db);
    await store.addArticles([...articles(3), wire], 'import');
    const before = await contents(db);
    failAfter(db.articles, 'bulkUpdate', () => new Dexie.AbortError('Transaction aborted', quotaError()));
    // Copies are linked with bulkUpdate: send a syndicated copy so that it runs.
    await expect(store.addArticles([copy, ...articles(2, 3)], 'import')).rejects.toThrow(/^The disk is full/);
    expect(await contents(db)).toEqual(before);
    await expectConsistent(db, store);
  });

  it('says the disk is full when a write fails for a reason the browser does not name, with (almost) no room left', async () => {
    // What Chromium gave on a full disk: every row of the batch "aborted", the quota error nowhere.
    const aborted = () => new Dexie.BulkError('articles.bulkAdd(): 500 of 500 operations failed', [new Dexie.AbortError('The transaction was aborted, so the request cannot be fulfilled.')]);
    let room = 50_000;
    const store = new CorpusStore(db, { roomLeft: async () => room });
    await store.addArticles(articles(3), 'import', checkpoint(3));
    const before = await contents(db);
    failAfter(db.articles, 'bulkAdd', aborted);
    await expect(store.addArticles(articles(3, 3), 'import', checkpoint(6))).rejects.toThrow(DISK_FULL_MESSAGE);
    expect(await contents(db)).toEqual(before);
    // With room to spare, the failure is not taken for a full disk.
    room = 500_000_000;
    vi.restoreAllMocks();
    failAfter(db.articles, 'bulkAdd', aborted);
    await expect(store.addArticles(articles(3, 3), 'import', checkpoint(6))).rejects.toThrow(/^articles\.bulkAdd\(\): 500 of 500/);
    // Nor when the browser cannot tell.
    const unknown = new CorpusStore(db, { roomLeft: async () => null });
    vi.restoreAllMocks();
    failAfter(db.articles, 'bulkAdd', aborted);
    await expect(unknown.addArticles(articles(3, 3), 'import', checkpoint(6))).rejects.toThrow(/^articles\.bulkAdd\(\): 500 of 500/);
    expect(await contents(db)).toEqual(before);
  });

  it('keeps a batch that was stored when only the snapshot written after it meets the full disk', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = new CorpusStore(db, { compaction: { maxTail: 4, maxTailShare: 0 } });
    await store.addArticles(articles(4), 'import'); // compacts: snapshot of 4
    const snapshot = await db.indexBase.get('base');
    expect(snapshot?.articles).toBe(4);
    failAfter(db.indexBase, 'put', quotaError, 10);
    expect(await store.addArticles(articles(4, 4), 'import', checkpoint(8))).toMatchObject({ added: 4 });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/could not save the search index; the previous one is kept/), expect.anything());
    // The old snapshot stays, readable; the new batch is its tail.
    expect(await db.indexBase.get('base')).toEqual(snapshot);
    expect(await db.articles.count()).toBe(8);
    expect((await store.importState('feed.jsonl|9|9'))?.line).toBe(8);
    expect(await new CorpusStore(db).indexInfo()).toMatchObject({ articles: 8, upToId: snapshot!.upToId, tail: 4 });
    await expectConsistent(db, store);
  });

  it('leaves the old snapshot usable when a compaction fails', async () => {
    const store = new CorpusStore(db);
    await store.addArticles(articles(6), 'import');
    await store.compact();
    await store.removeArticles([(await db.articles.toArray())[2].id]);
    await store.addArticles(articles(3, 6), 'import');
    const before = await contents(db);
    failAfter(db.indexTombstones, 'clear', quotaError);
    await expect(store.compact()).rejects.toThrow(DISK_FULL_MESSAGE);
    expect(await contents(db)).toEqual(before);
    await expectConsistent(db, store);
    expect(await answers(new CorpusStore(db), [2, 7])).toEqual([null, (await db.articles.where('canonicalUrl').equals('https://outlet1.example/story/7').first())!.id]);
  });

  it('fails a capture quietly, with the reason in the log', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = new CorpusStore(db);
    await store.addArticles(articles(2), 'import');
    const before = await contents(db);
    failAfter(db.articles, 'bulkAdd', quotaError);
    await expect(store.captureArticle(articles(1, 5)[0])).resolves.toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/the disk is full; https:\/\/outlet2\.example\/story\/5 was not added/), expect.anything());
    expect(await contents(db)).toEqual(before);
    await expectConsistent(db, store);
  });

  it('fails a deletion as a whole', async () => {
    const store = new CorpusStore(db);
    await store.addArticles(articles(6), 'import');
    await store.compact();
    const before = await contents(db);
    failAfter(db.indexTombstones, 'bulkPut', quotaError);
    await expect(store.removeOutlet('Outlet 0')).rejects.toThrow(DISK_FULL_MESSAGE);
    expect(await contents(db)).toEqual(before);
    await expectConsistent(db, store);
  });
});

describe('a service worker stopped in the middle of a change', () => {
  const stopped = () => new Error('the service worker was stopped');

  it.each([
    { name: 'after the rows are written', table: 'articles', method: 'bulkAdd' },
    { name: 'while copies are linked', table: 'articles', method: 'bulkUpdate' },
    { name: 'while the checkpoint is saved', table: 'imports', method: 'put' },
  ] as const)('an import batch stopped $name leaves nothing of it', async ({ table, method }) => {
    const store = new CorpusStore(db);
    await store.addArticles([...articles(4), wire], 'import', checkpoint(5));
    await store.compact();
    await store.addArticles(articles(3, 4), 'import', checkpoint(7));
    await store.removeArticles([(await db.articles.toArray())[1].id]);
    const before = await contents(db);
    failAfter(db[table] as object, method as never, stopped);
    await expect(store.addArticles([...articles(4, 7), copy], 'import', checkpoint(12))).rejects.toThrow('the service worker was stopped');
    expect(await contents(db)).toEqual(before);
    expect((await store.importState('feed.jsonl|9|9'))?.line).toBe(7);
    await expectConsistent(db, store);

    // The restarted import sends the same batch again: stored once.
    vi.restoreAllMocks();
    const woken = new CorpusStore(db);
    expect(await woken.addArticles([...articles(4, 7), copy], 'import', checkpoint(12))).toMatchObject({ added: 5, duplicates: 0, copies: 1 });
    expect(await db.articles.count()).toBe(before.articles.length + 5);
    await expectConsistent(db, woken);
  });

  it('an import batch whose transaction is aborted from inside leaves nothing of it', async () => {
    const store = new CorpusStore(db);
    await store.addArticles(articles(3), 'import', checkpoint(3));
    const before = await contents(db);
    const original = db.articles.bulkAdd.bind(db.articles);
    vi.spyOn(db.articles, 'bulkAdd').mockImplementation((async (...args: Parameters<typeof original>) => {
      const ids = await original(...args);
      Dexie.currentTransaction.abort();
      return ids;
    }) as never);
    await expect(store.addArticles(articles(3, 3), 'import', checkpoint(6))).rejects.toThrow();
    expect(await contents(db)).toEqual(before);
    await expectConsistent(db, store);
  });

  it('a capture stopped part way leaves nothing of it', async () => {
    const store = new CorpusStore(db);
    await store.addArticles(articles(2), 'import');
    const before = await contents(db);
    failAfter(db.articles, 'bulkAdd', stopped);
    await expect(store.captureArticle(articles(1, 9)[0])).rejects.toThrow('the service worker was stopped');
    expect(await contents(db)).toEqual(before);
    await expectConsistent(db, store);
  });

  it('a deletion stopped part way leaves every article and the index as they were', async () => {
    const store = new CorpusStore(db);
    await store.addArticles(articles(6), 'import');
    await store.compact();
    await store.addArticles(articles(2, 6), 'import');
    const before = await contents(db);
    failAfter(db.indexTombstones, 'bulkPut', stopped);
    await expect(store.removeOutlet('Outlet 1')).rejects.toThrow('the service worker was stopped');
    expect(await contents(db)).toEqual(before);
    await expectConsistent(db, store);
    // Done again after the restart: every article of the outlet gone, from the index too.
    vi.restoreAllMocks();
    expect(await new CorpusStore(db).removeOutlet('Outlet 1')).toBe(3);
    await expectConsistent(db, new CorpusStore(db));
  });
});
