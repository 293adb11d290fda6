/**
 * The browser half of the corpus benchmark, bundled with esbuild and run in a page of real
 * Chromium: ingestion into IndexedDB, a cold start (open the database, load the saved index,
 * answer a page's claims) and warm query latency, for Crosscheck's store and for FlexSearch and
 * MiniSearch persisted the way an extension would persist them (articles and the exported index
 * in IndexedDB).
 */
import Dexie, { type Table } from 'dexie';
import { Charset, Index as FlexIndex } from 'flexsearch';
import MiniSearch from 'minisearch';
import { openDb } from '../../utils/extension/db';
import { CorpusStore } from '../../utils/extension/corpus-store';
import { EVIDENCE_PER_OUTLET, EVIDENCE_PER_STORY } from '../../utils/evidence-limits';
import { generateArticle } from './generate';
import type { CorpusArticle } from '../../utils/types';
import { percentile } from '../stats';

export type Engine = 'crosscheck' | 'flexsearch' | 'minisearch';

/** Evidence per claim, as the product asks (utils/pipeline DEFAULT_EVIDENCE_PER_CLAIM). */
const K = 12;
/** The product's other evidence options: at most so many articles per outlet and per story (utils/evidence-limits). */
const LIMITS = { perOutlet: EVIDENCE_PER_OUTLET, perStory: EVIDENCE_PER_STORY };
const FLEX_OPTIONS = { tokenize: 'strict' as const, resolution: 9, encoder: Charset.LatinBalance };
const MINI_OPTIONS = { fields: ['title', 'text'], storeFields: [] as string[] };

interface PeerDb extends Dexie {
  articles: Table<CorpusArticle & { id?: number }, number>;
  index: Table<{ key: string; data: string }, string>;
}

function peerDb(engine: Engine): PeerDb {
  const db = new Dexie(`bench-${engine}`) as PeerDb;
  db.version(1).stores({ articles: '++id', index: '&key' });
  return db;
}

const now = () => performance.now();

/** Stores `n` generated articles in batches; the time counts storing and indexing, not generating. */
async function ingest(engine: Engine, n: number, batch: number): Promise<{ ms: number; articles: number; saveMs: number }> {
  let ms = 0;
  let saveMs = 0;
  if (engine === 'crosscheck') {
    const store = new CorpusStore(openDb('crosscheck-bench'), { compaction: { idleMs: 1e9 } });
    for (let i = 0; i < n; i += batch) {
      const articles = Array.from({ length: Math.min(batch, n - i) }, (_, k) => generateArticle(i + k));
      const t = now();
      await store.addArticles(articles, 'import');
      ms += now() - t;
    }
    // The import's end: the snapshot is written so the next start loads it.
    const t = now();
    await store.compact();
    saveMs = now() - t;
    const articles = (await store.size()).articles;
    store.db.close();
    return { ms: ms + saveMs, articles, saveMs };
  }
  const db = peerDb(engine);
  const flex = engine === 'flexsearch' ? new FlexIndex(FLEX_OPTIONS) : null;
  const mini = engine === 'minisearch' ? new MiniSearch<{ id: number; title: string; text: string }>(MINI_OPTIONS) : null;
  for (let i = 0; i < n; i += batch) {
    const articles = Array.from({ length: Math.min(batch, n - i) }, (_, k) => generateArticle(i + k));
    const t = now();
    const ids = (await db.articles.bulkAdd(articles, { allKeys: true })) as number[];
    articles.forEach((a, k) => {
      if (flex) flex.add(ids[k], `${a.title}\n${a.text}`);
      else mini!.add({ id: ids[k], title: a.title, text: a.text });
    });
    ms += now() - t;
  }
  const t = now();
  if (flex) {
    const parts: { key: string; data: string }[] = [];
    await flex.export((key: string | number, data: string) => void parts.push({ key: String(key), data: data ?? '' }));
    await db.index.bulkPut(parts);
  } else {
    await db.index.put({ key: 'minisearch', data: JSON.stringify(mini) });
  }
  saveMs = now() - t;
  const articles = await db.articles.count();
  db.close();
  return { ms: ms + saveMs, articles, saveMs };
}

/** What a started engine answers with. */
interface Engine_ {
  /** The product's answer: evidence for one claim (articles read from the database). */
  answer(claim: string): Promise<number>;
  /** The index alone: ids of the best articles. */
  ids(claim: string): number;
  /** A page's claims answered together (their articles read at once). */
  answerMany(claims: string[]): Promise<number>;
}

let started: Engine_ | null = null;
/** Time spent reading articles from IndexedDB (Crosscheck: inside the retriever's article fetches). */
let fetchMs = 0;
/** Each read of articles in a cold start: rows and milliseconds. */
let fetches: string[] = [];

/** Opens the database and loads the saved index, as a woken service worker would. */
async function start(engine: Engine): Promise<Engine_> {
  if (engine === 'crosscheck') {
    const store = new CorpusStore(openDb('crosscheck-bench'), { compaction: { idleMs: 1e9 } });
    const table = store.db.articles;
    const bulkGet = table.bulkGet.bind(table);
    table.bulkGet = (async (keys: number[]) => {
      const t = now();
      const rows = await bulkGet(keys);
      fetchMs += now() - t;
      fetches.push(`${keys.length} rows ${(now() - t).toFixed(0)} ms`);
      return rows;
    }) as typeof table.bulkGet;
    const index = await store.getIndex();
    return {
      answer: async (claim) => (await store.search({ text: claim }, { k: K, ...LIMITS })).length,
      ids: (claim) => index.search({ text: claim }, K).length,
      answerMany: async (claims) => (await store.searchMany(claims.map((text) => ({ text })), { k: K, ...LIMITS })).reduce((n, hits) => n + hits.length, 0),
    };
  }
  const db = peerDb(engine);
  if (engine === 'flexsearch') {
    const flex = new FlexIndex(FLEX_OPTIONS);
    for (const part of await db.index.toArray()) flex.import(part.key, part.data);
    const ids = (claim: string) => flex.search(claim, { limit: K, suggest: true }) as number[];
    return {
      answer: async (claim) => (await timedGet(db, ids(claim))).length,
      ids: (claim) => ids(claim).length,
      answerMany: (claims) => manyAnswers(db, claims.map(ids)),
    };
  }
  const row = await db.index.get('minisearch');
  const mini = MiniSearch.loadJSON<{ id: number; title: string; text: string }>(row!.data, MINI_OPTIONS);
  const ids = (claim: string) => mini.search(claim).slice(0, K).map((r) => r.id as number);
  return {
    answer: async (claim) => (await timedGet(db, ids(claim))).length,
    ids: (claim) => ids(claim).length,
    answerMany: (claims) => manyAnswers(db, claims.map(ids)),
  };
}

/** Every claim's articles read in one call, as Crosscheck's searchMany does. */
async function manyAnswers(db: PeerDb, idLists: number[][]): Promise<number> {
  const all = [...new Set(idLists.flat())];
  const rows = new Map((await timedGet(db, all)).map((r) => [r!.id!, r]));
  return idLists.reduce((n, ids) => n + ids.filter((id) => rows.has(id)).length, 0);
}

async function timedGet(db: PeerDb, ids: number[]) {
  const t = now();
  const rows = (await db.articles.bulkGet(ids)).filter(Boolean);
  fetchMs += now() - t;
  return rows;
}

/** A cold start: database opened, index loaded, the page's claims answered one after another (or `together`). */
async function cold(engine: Engine, claims: string[], together = false): Promise<{ totalMs: number; loadMs: number; answersMs: number; fetchMs: number; hits: number; fetches: string[] }> {
  const t0 = now();
  fetchMs = 0;
  fetches = [];
  started = await start(engine);
  const loadMs = now() - t0;
  let hits = 0;
  if (together) hits = await started.answerMany(claims);
  else for (const claim of claims) hits += await started.answer(claim);
  const totalMs = now() - t0;
  return { totalMs, loadMs, answersMs: totalMs - loadMs, fetchMs, hits, fetches };
}


/** Per-claim latency once started: the product's answer and the index alone. */
async function warm(claims: string[]): Promise<{ p50: number; p95: number; idsP50: number; idsP95: number }> {
  if (!started) throw new Error('not started');
  const full: number[] = [];
  const ids: number[] = [];
  for (const claim of claims) {
    let t = now();
    await started.answer(claim);
    full.push(now() - t);
    t = now();
    started.ids(claim);
    ids.push(now() - t);
  }
  return { p50: percentile(full, 0.5), p95: percentile(full, 0.95), idsP50: percentile(ids, 0.5), idsP95: percentile(ids, 0.95) };
}

async function estimate(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

(globalThis as unknown as { corpusBench: unknown }).corpusBench = { ingest, cold, warm, estimate };

/** Where ingestion time goes, for one batch size: copy signatures, indexing, and the whole store call. */
async function probeIngest(n: number, batch: number): Promise<Record<string, number>> {
  const { copySignature } = await import('../../utils/syndication');
  const { SearchIndex } = await import('../../utils/search/index');
  const articles = Array.from({ length: n }, (_, i) => generateArticle(1_000_000 + i));
  let t = now();
  for (const a of articles) copySignature(a.text);
  const signatureMs = now() - t;
  const ix = SearchIndex.create();
  t = now();
  articles.forEach((a, i) => ix.add({ id: i + 1, outlet: a.outlet, title: a.title, text: a.text }));
  const indexMs = now() - t;
  const store = new CorpusStore(openDb('probe-bench'), { compaction: { idleMs: 1e9 } });
  t = now();
  for (let i = 0; i < n; i += batch) await store.addArticles(articles.slice(i, i + batch), 'import');
  const storeMs = now() - t;
  const db = peerDb('flexsearch');
  t = now();
  for (let i = 0; i < n; i += batch) await db.articles.bulkAdd(articles.slice(i, i + batch));
  const plainPutMs = now() - t;
  return { signatureMs, indexMs, storeMs, plainPutMs };
}
(globalThis as unknown as { corpusBench: Record<string, unknown> }).corpusBench.probeIngest = probeIngest;

/** Where a cold start's index load goes: opening the database, reading the snapshot, decoding it, reading the tail. */
async function probeLoad(): Promise<Record<string, number>> {
  const { SearchIndex } = await import('../../utils/search/index');
  const out: Record<string, number> = {};
  let t = now();
  const db = openDb('crosscheck-bench');
  await db.open();
  out.openMs = now() - t;
  t = now();
  const base = await db.indexBase.get('base');
  out.getMs = now() - t;
  t = now();
  const bytes = base!.bytes instanceof Blob ? new Uint8Array(await base!.bytes.arrayBuffer()) : base!.bytes;
  out.bytesMs = now() - t;
  out.mb = bytes.byteLength / 1e6;
  t = now();
  const index = SearchIndex.fromBytes(bytes);
  out.fromBytesMs = now() - t;
  t = now();
  await db.indexTombstones.toCollection().primaryKeys();
  await db.articles.where(':id').above(base!.upToId).limit(1000).toArray();
  out.tailMs = now() - t;
  t = now();
  index.search({ text: 'the council said 12 percent' }, 36);
  out.firstSearchMs = now() - t;
  return out;
}
(globalThis as unknown as { corpusBench: Record<string, unknown> }).corpusBench.probeLoad = probeLoad;

/** How long opening the database takes on a started browser: IndexedDB's own open, or Dexie's (which opens it and reads its schema). */
async function probeOpen(how: 'raw' | 'dexie'): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  let t = now();
  if (how === 'raw') {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('crosscheck-bench');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    out.openMs = now() - t;
    t = now();
    await new Promise((resolve, reject) => {
      const req = idb.transaction('indexBase', 'readonly').objectStore('indexBase').get('base');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    out.getMs = now() - t;
    idb.close();
  } else {
    const db = openDb('crosscheck-bench');
    await db.open();
    out.openMs = now() - t;
    t = now();
    await db.indexBase.get('base');
    out.getMs = now() - t;
    db.close();
  }
  return out;
}
(globalThis as unknown as { corpusBench: Record<string, unknown> }).corpusBench.probeOpen = probeOpen;



/**
 * What the first start of this code costs on a corpus stored by other code: opening the database
 * (a schema upgrade, if any, runs in it), loading the index, and storing a first small batch
 * (which loads or builds what finding syndicated copies needs), then a second.
 */
async function probeUpgrade(n: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  let t = now();
  const db = openDb('crosscheck-bench');
  await db.open();
  out.openMs = now() - t;
  out.version = db.verno;
  const store = new CorpusStore(db, { compaction: { idleMs: 1e9 } });
  t = now();
  await store.getIndex();
  out.indexLoadMs = now() - t;
  t = now();
  const r = await store.addArticles(Array.from({ length: 10 }, (_, k) => generateArticle(n + k)), 'import');
  out.firstBatchMs = now() - t;
  out.added = r.added;
  t = now();
  await store.addArticles(Array.from({ length: 10 }, (_, k) => generateArticle(n + 10 + k)), 'import');
  out.secondBatchMs = now() - t;
  db.close();
  return out;
}
(globalThis as unknown as { corpusBench: Record<string, unknown> }).corpusBench.probeUpgrade = probeUpgrade;
