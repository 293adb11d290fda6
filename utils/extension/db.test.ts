import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { openDb, openDbV1, reopenIfFailed, SCHEMA_V1, SCHEMA_V2, V1_INDEX_KEY, type ArticleRow, type CrosscheckDb } from './db';
import { CorpusStore } from './corpus-store';
import { SearchIndex } from '../search/index';
import { copySignature } from '../syndication';
import { SigFilter } from './sig-filter';

let n = 0;

const WIRE = `The regional council approved the Kessel dam project on Friday after six years of debate, officials said.
Construction is to begin in the spring and will take four years, according to the water authority, which put the cost at
two hundred million. Farmers downstream said they feared for their wells; the authority said a study had found no risk.`;

/** Article rows as version 1 wrote them. */
function v1Rows(count: number): Omit<ArticleRow, 'id'>[] {
  return Array.from({ length: count }, (_, i) => {
    const text = `Report ${i}: the dam project code${i}x in district${i} was approved by the regional council on Friday after ${i + 3} years of debate, officials said. Residents welcomed the decision.`;
    const signature = copySignature(text);
    return {
      url: `https://paper${i % 2}.example/news/${i}?ref=home`,
      canonicalUrl: `https://paper${i % 2}.example/news/${i}`,
      outlet: `Paper ${i % 2}`,
      title: `Dam approved ${i}`,
      published: i % 4 === 0 ? null : `2025-0${(i % 9) + 1}-1${i % 10}`,
      text,
      signature,
      sigKeys: signature.slice(0, 6),
      ...(i === 3 ? { copyOf: 1, copyOfOutlet: 'Paper 1' } : {}),
      source: i < 2 ? 'demo' : 'import',
      addedAt: 1_700_000_000_000 + i,
    } as Omit<ArticleRow, 'id'>;
  });
}

/** A version-1 database with articles, a demo flag and (optionally) its one-blob index. */
async function makeV1(name: string, count: number, blob: 'matching' | 'stale' | 'none'): Promise<ArticleRow[]> {
  const old = openDbV1(name);
  await old.table('articles').bulkAdd(v1Rows(count));
  const rows = (await old.table('articles').toArray()) as ArticleRow[];
  await old.table('meta').put({ key: 'demoCorpus', value: 'loaded' });
  if (blob !== 'none') {
    const index = SearchIndex.create();
    for (const r of rows.slice(0, blob === 'stale' ? count - 1 : count)) index.add({ id: r.id, outlet: r.outlet, title: r.title, text: r.text, published: r.published });
    await old.table('meta').put({ key: V1_INDEX_KEY, value: { bytes: index.toBytes(), articles: index.size } });
  }
  old.close();
  return rows;
}

describe('schema upgrade from version 1', () => {
  it.each(['matching', 'stale', 'none'] as const)('keeps every article and answers searches (old index blob: %s)', async (blob) => {
    const name = `upgrade-${n++}`;
    const before = await makeV1(name, 30, blob);
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    // Nothing lost: every row as it was, and the meta flags.
    expect(await db.articles.toArray()).toEqual(before);
    expect((await db.meta.get('demoCorpus'))?.value).toBe('loaded');
    expect(await db.meta.get(V1_INDEX_KEY)).toBeUndefined();
    // The old blob became the snapshot when it still matched the articles.
    const base = await db.indexBase.get('base');
    if (blob === 'matching') expect(base).toMatchObject({ upToId: before[before.length - 1].id, articles: 30 });
    else expect(base).toBeUndefined();

    const store = new CorpusStore(db);
    expect(await store.indexInfo()).toMatchObject({ articles: 30, tail: blob === 'matching' ? 0 : 30 });
    const hit = (await store.search({ text: 'dam project code7x district7 approved' }, { k: 1 }))[0];
    expect(hit.url).toBe('https://paper1.example/news/7?ref=home');
    // The new indexes serve the new features on old rows.
    expect(await db.articles.where('published').between('2025-02-01', '2025-02-1\uffff', true, true).count()).toBeGreaterThan(0);
    expect((await store.outletStats()).map((s) => [s.outlet, s.articles, s.copies])).toEqual([
      ['Paper 0', 15, 0],
      ['Paper 1', 15, 1],
    ]);
    expect(await store.removePublishedBetween('2025-01-01', '2025-12-31')).toBe(30 - 8);
    expect(await store.removeSource('demo')).toBe(1); // article 0 is undated and from the demo
    db.close();
    await db.delete();
  });
});

/** Counts the whole article rows read through Dexie's `each` until `stop` (index keys walked with it do not count). */
function countRowsRead(db: ReturnType<typeof openDb>): { read: number; stop(): void } {
  const collection = Object.getPrototypeOf(db.articles.toCollection()) as { each(fn: (...a: unknown[]) => unknown): Promise<void> };
  const each = collection.each;
  const counter = { read: 0, stop: () => spy.mockRestore() };
  const spy = vi.spyOn(collection, 'each').mockImplementation(function (this: unknown, fn: (...a: unknown[]) => unknown) {
    return each.call(this, (...a: unknown[]) => {
      if (typeof a[0] === 'object' && a[0] !== null && 'text' in a[0]) counter.read++;
      return fn(...a);
    });
  });
  return counter;
}

describe('articles stored while their signature keys were indexed', () => {
  it('serve syndication through the old index without reading rows, and new rows add no entries to it', async () => {
    const name = `sig-keys-${n++}`;
    const db = openDb(name);
    // Rows as stored before: signature keys in `sigKeys` (indexed), and the saved set of keys alone.
    const signature = copySignature(WIRE);
    const wire = { url: 'https://wire.example/dam', canonicalUrl: 'https://wire.example/dam', outlet: 'Wire', title: 'Dam', published: '2025-03-01', text: WIRE, signature, sigKeys: signature.slice(0, 6), source: 'import', addedAt: 1 };
    await db.articles.bulkAdd([...v1Rows(30), wire] as ArticleRow[]);
    const keys = new SigFilter();
    for (const r of (await db.articles.toArray()) as ArticleRow[]) for (const k of r.sigKeys ?? []) keys.add(k);
    await db.indexBase.put({ key: 'sigKeys', bytes: keys.toBytes(), upToId: 31, articles: 31, savedAt: 1 });
    const original = (await db.articles.where('canonicalUrl').equals(wire.canonicalUrl).first())!;

    // Rows read while the signature keys are gathered (none: the old index has them).
    const rows = countRowsRead(db);
    const store = new CorpusStore(db);
    const copy = { url: 'https://other.example/copy', outlet: 'Other', title: 'Copy', published: '2025-12-01', text: WIRE };
    expect((await store.addArticles([copy], 'import')).copies).toBe(1);
    rows.stop();
    expect(rows.read).toBe(0);
    const stored = (await db.articles.where('canonicalUrl').equals('https://other.example/copy').first())!;
    expect(stored.copyOf).toBe(original.id);
    expect(stored.sigKeys).toBeUndefined();
    expect(stored.copyKeys).toEqual(signature.slice(0, 6));
    // The new row is not in the old index: only the old row has these keys there.
    expect(await db.articles.where('sigKeys').anyOf(signature.slice(0, 6)).primaryKeys()).toEqual(Array(6).fill(original.id));

    await store.compact();
    expect((await db.indexBase.toArray()).map((r) => r.key).sort()).toEqual(['base', 'sigIndex', 'sigKeys']);
    // After a restart, both the old row and the new one are candidates (the saved index).
    const woken = new CorpusStore(db);
    await woken.removeArticles([original.id]);
    const third = { ...copy, url: 'https://third.example/copy', outlet: 'Third' };
    expect((await woken.addArticles([third], 'import')).copies).toBe(1);
    expect((await db.articles.where('canonicalUrl').equals(third.url).first())?.copyOfOutlet).toBe('Other');
    db.close();
    await db.delete();
  });
});

describe('the signature-key index built from many rows', () => {
  it('is saved at once, so the next start does not read those rows again', async () => {
    const name = `sig-index-${n++}`;
    const db = openDb(name);
    const policy = { compaction: { idleTail: 10, idleMs: 60_000, maxTail: 10_000 } };
    const article = (i: number) => ({ url: `https://post.example/${i}`, outlet: 'Post', title: `Story ${i}`, published: '2025-03-01', text: `${WIRE} Story number ${i} of the day, with its own words ${i * 7}.` });
    const first = new CorpusStore(db, policy);
    await first.addArticles(Array.from({ length: 30 }, (_, i) => article(i)), 'import');
    await first.settled();
    // No saved copy of the signature keys (a compaction never came): the rows are what there is.
    await db.indexBase.delete('sigIndex');

    const rows = countRowsRead(db);
    const rowsReadAdding = async (i: number) => {
      rows.read = 0;
      await new CorpusStore(db, policy).addArticles([article(i)], 'capture');
      return rows.read;
    };
    expect(await rowsReadAdding(100)).toBe(30);
    // The next start reads only the row added since.
    expect(await rowsReadAdding(101)).toBe(1);
    rows.stop();
    db.close();
    await db.delete();
  });

  it('is built from every row once when the older rows\' saved keys cannot be read, and that set is dropped', async () => {
    const db = openDb(`sig-index-${n++}`);
    const policy = { compaction: { idleTail: 1_000, idleMs: 60_000, maxTail: 10_000 } };
    const article = (i: number) => ({ url: `https://post.example/${i}`, outlet: 'Post', title: `Story ${i}`, published: '2025-03-01', text: `${WIRE} Story number ${i} of the day, with its own words ${i * 7}.` });
    await new CorpusStore(db, policy).addArticles(Array.from({ length: 30 }, (_, i) => article(i)), 'import');
    // A saved set of older keys that cannot be read (its bytes are not bytes).
    await db.indexBase.put({ key: 'sigKeys', bytes: {} as Uint8Array, upToId: 30, articles: 30, savedAt: 1 });
    const rows = countRowsRead(db);
    await new CorpusStore(db, policy).addArticles([article(100)], 'capture');
    expect(rows.read).toBe(30);
    expect(await db.indexBase.get('sigKeys')).toBeUndefined();
    rows.read = 0;
    const store = new CorpusStore(db, policy);
    const result = await store.addArticles([{ ...article(5), url: 'https://herald.example/5', outlet: 'Herald' }], 'capture');
    rows.stop();
    expect(rows.read).toBe(1);
    expect(result.copies).toBe(1);
    db.close();
    await db.delete();
  });
});

describe('schema upgrades: every earlier version is covered', () => {
  /** Versions an older Crosscheck may have left on disk, each with an upgrade test above or below. */
  const TESTED_EARLIER_VERSIONS = [1];

  it('tests an upgrade from every version before the current one', async () => {
    const db = openDb(`versions-${n++}`);
    await db.open();
    // A new schema version must come with a test that upgrades from the one before it.
    expect(TESTED_EARLIER_VERSIONS).toEqual(Array.from({ length: db.verno - 1 }, (_, i) => i + 1));
    db.close();
    await db.delete();
  });

  it('upgrades a large version-1 database page by page, every article indexed', async () => {
    const name = `upgrade-large-${n++}`;
    const before = await makeV1(name, 2_500, 'stale');
    const db = openDb(name);
    expect(await db.articles.toArray()).toEqual(before);
    const store = new CorpusStore(db);
    expect(await store.indexInfo()).toMatchObject({ articles: 2_500, tail: 2_500, upToId: 0 });
    for (const i of [0, 999, 1_000, 2_499]) {
      expect((await store.search({ text: `dam project code${i}x district${i}` }, { k: 1 }))[0]?.url).toBe(`https://paper${i % 2}.example/news/${i}?ref=home`);
    }
    db.close();
    await db.delete();
  });

  it('upgrades a version-1 database whose index blob is not bytes, and an empty one', async () => {
    const odd = `upgrade-odd-${n++}`;
    const old = openDbV1(odd);
    await old.table('articles').bulkAdd(v1Rows(3));
    await old.table('meta').put({ key: V1_INDEX_KEY, value: { bytes: [1, 2, 3], articles: 3 } });
    old.close();
    const db = openDb(odd);
    expect(await db.articles.count()).toBe(3);
    expect(await db.indexBase.count()).toBe(0);
    expect((await new CorpusStore(db).indexInfo()).articles).toBe(3);
    db.close();
    await db.delete();

    const empty = `upgrade-empty-${n++}`;
    await openDbV1(empty).open().then((d) => d.close());
    const fresh = openDb(empty);
    await fresh.open();
    expect(fresh.verno).toBe(2);
    expect(await fresh.articles.count()).toBe(0);
    fresh.close();
    await fresh.delete();
  });

  it('opens a database left at version 3 (a release whose articles had no signature-key or date index) and works with it', async () => {
    const name = `v3-${n++}`;
    // Version 3's schema, as that release declared it; its articles stored by today's store.
    const v3 = new Dexie(name) as CrosscheckDb;
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores({ ...SCHEMA_V2, articles: '++id, &canonicalUrl, outlet, [outlet+published], source, copyOf, [outlet+copyOf]' });
    const wire = { url: 'https://wire.example/dam', outlet: 'Wire', title: 'Dam', published: '2025-03-01', text: WIRE };
    const rows = v1Rows(6).map(({ url, outlet, title, published, text }) => ({ url, outlet, title, published, text }));
    const first = new CorpusStore(v3);
    await first.addArticles([wire, ...rows], 'import');
    await first.compact();
    expect(v3.verno).toBe(3);
    v3.close();

    const db = openDb(name);
    const store = new CorpusStore(db);
    // A copy is recognised, searches answer, statistics count, deleting by date finds its articles.
    expect((await store.addArticles([{ ...wire, url: 'https://other.example/copy', outlet: 'Other' }], 'import')).copies).toBe(1);
    expect((await store.search({ text: 'Kessel dam regional council' }, { k: 3 }))[0]?.url).toMatch(/dam|copy/);
    expect((await store.outletStats()).find((o) => o.outlet === 'Wire')?.articles).toBe(1);
    expect(await store.removePublishedBetween('2025-03-01', '2025-03-01')).toBe(2);
    expect(await db.articles.count()).toBe(rows.length);
    db.close();
    await db.delete();
  });

  it('reopens a current database with data in every table unchanged', async () => {
    const name = `reopen-${n++}`;
    const db = openDb(name);
    const store = new CorpusStore(db);
    const rows = v1Rows(8).map(({ url, outlet, title, published, text }) => ({ url, outlet, title, published, text }));
    await store.addArticles(rows.slice(0, 5), 'import', { fileKey: 'f|1|1', name: 'f', size: 1, lastModified: 1, line: 5, bytesRead: 1, errors: [{ line: 2, error: 'x' }] });
    await store.compact();
    await store.addArticles(rows.slice(5), 'import');
    await store.removeArticles([(await db.articles.toArray())[1].id]);
    await db.meta.put({ key: 'demoCorpus', value: 'removed' });
    const tables = async (d: typeof db) => ({
      articles: await d.articles.toArray(),
      meta: await d.meta.toArray(),
      indexBase: await d.indexBase.toArray(),
      indexTombstones: await d.indexTombstones.toArray(),
      imports: await d.imports.toArray(),
    });
    const before = await tables(db);
    for (const [table, content] of Object.entries(before)) expect(content.length, table).toBeGreaterThan(0);
    db.close();
    const again = openDb(name);
    expect(await tables(again)).toEqual(before);
    expect(await new CorpusStore(again).indexInfo()).toMatchObject({ articles: 7, tombstones: 1, tail: 3 });
    again.close();
    await again.delete();
  });
});

describe('reopenIfFailed', () => {
  it('lets the database open again after an open that failed (the disk was full), once there is room', async () => {
    const name = `reopen-${n++}`;
    const db = openDb(name);
    const open = indexedDB.open.bind(indexedDB);
    const spy = vi.spyOn(indexedDB, 'open').mockImplementationOnce(() => {
      throw new DOMException('Encountered full disk while opening backing store for indexedDB.open.', 'QuotaExceededError');
    });
    await expect(db.articles.count()).rejects.toThrow(/full disk/);
    spy.mockImplementation(open);
    // Without help, Dexie answers with the old failure for good.
    await expect(db.articles.count()).rejects.toThrow();
    reopenIfFailed(db);
    expect(await db.articles.count()).toBe(0);
    // An open database, or one the code closed on purpose, is left as it is.
    reopenIfFailed(db);
    expect(db.isOpen()).toBe(true);
    db.close();
    reopenIfFailed(db);
    await expect(db.articles.count()).rejects.toThrow(/closed/i);
    spy.mockRestore();
  });
});
