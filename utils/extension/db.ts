import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { ImportState } from './messages';

/**
 * The corpus database. Opened in the background (and read by extension pages); never from a
 * content script, where IndexedDB would belong to the news site's origin.
 *
 * Versions (each kept, so an older database is upgraded step by step):
 * 1. articles (by canonical URL, outlet, outlet+date, source, signature keys) and meta.
 * 2. the search index as a base snapshot plus tombstones (no longer one blob rewritten per
 *    batch), import bookkeeping for resuming after a restart, and indexes for deleting by date
 *    and for per-outlet statistics without reading article bodies.
 *
 * Articles' signature keys are no longer indexed (six index entries per article): rows keep them
 * in `copyKeys`, and the candidates for a syndicated copy come from a signature-key index saved
 * with the search index snapshot (utils/extension/sig-index). Rows stored before keep theirs in
 * `sigKeys`, still covered by the `*sigKeys` index: dropping it would delete six index entries per
 * stored article, and Chromium keeps an undo entry for each key a transaction deletes, which
 * leaves deletion markers that it walks at every open of the database (at 100,000 articles:
 * 2.3 million instead of 0.97 million, and an open of 400–550 ms instead of ~200, measured).
 * Every key an article writes leaves such work, hence the fewest indexes (utils/search/README.md).
 */

/** Where an article came from. */
export type ArticleSource = 'demo' | 'import' | 'capture';

/** One stored article. Only fields a `where()` uses are indexed; the text never is. */
export interface ArticleRow {
  id: number;
  /** The URL as given. */
  url: string;
  /** The URL with tracking parameters, AMP and mobile variants removed: one article, one key. */
  canonicalUrl: string;
  outlet: string;
  title: string;
  published: string | null;
  text: string;
  /** MinHash signature of the text, to recognise syndicated copies. */
  signature: number[];
  /** The first few signature values, to find candidate copies quickly (in utils/extension/sig-index; not indexed). */
  copyKeys?: number[];
  /** The same, in rows stored while they were indexed (`*sigKeys`); such rows have no `copyKeys`. */
  sigKeys?: number[];
  /**
   * Sentence offsets of the text (the title when there is none), packed (utils/search/passages
   * packSentences): found when the article is stored so that answering a claim need not split it
   * again. Absent in rows stored before it was kept; not indexed.
   */
  sentences?: Uint32Array;
  /**
   * The title's and text's words as the search index's term ids, with the sentences they fall in
   * (utils/search/termseq packTerms): answering a claim reads them instead of analysing the text,
   * when they fit the index in hand. Absent in rows stored before they were kept; not indexed.
   */
  terms?: Uint8Array;
  /** Set when this article is a syndicated copy of another stored article. */
  copyOf?: number;
  copyOfOutlet?: string;
  source: ArticleSource;
  addedAt: number;
}

/** Small records: flags such as the demo corpus state. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * The saved search index: every article with `id <= upToId` that existed when it was saved.
 * Articles added later (higher ids) are the tail, indexed again from their rows at load; articles
 * removed later are listed in `indexTombstones`.
 */
export interface IndexBaseRow {
  /**
   * 'base': the search index; 'sigIndex': which articles have each signature key
   * (utils/extension/sig-index); 'sigKeys': the keys alone of the rows stored while they were
   * indexed (utils/extension/sig-filter), saved then and still read.
   */
  key: 'base' | 'sigIndex' | 'sigKeys';
  /**
   * In a browser a Blob: Chromium reads a 38 MB Blob back in ~70 ms against 130–320 ms for the
   * same bytes as a Uint8Array (measured after a browser restart). Uint8Array elsewhere.
   */
  bytes: Uint8Array | Blob;
  upToId: number;
  /** Articles in the snapshot. */
  articles: number;
  savedAt: number;
}

/** An article removed after the base snapshot that still holds it. */
export interface TombstoneRow {
  id: number;
}

/**
 * How far an import got, saved with each stored batch so that it can resume after the browser
 * restarts: what the options page is told (`ImportState`), and the file's size and last
 * modification (with its name, its identity in `fileKey`).
 */
export interface ImportRow extends ImportState {
  size: number;
  lastModified: number;
  /** Last article id stored before this import began: stored articles with higher ids came from it. */
  startId?: number;
  startedAt: number;
}

export type CrosscheckDb = Dexie & {
  articles: EntityTable<ArticleRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  indexBase: EntityTable<IndexBaseRow, 'key'>;
  indexTombstones: EntityTable<TombstoneRow, 'id'>;
  imports: EntityTable<ImportRow, 'fileKey'>;
};

/** Number of signature values kept per article to find candidate copies. */
export const SIG_KEYS = 6;

/** Version 1's stores, kept so that a version-1 database upgrades. */
export const SCHEMA_V1 = {
  articles: '++id, &canonicalUrl, outlet, [outlet+published], source, *sigKeys',
  meta: '&key',
};

/** Version 2: published (delete by date), copyOf (copies of a removed story), outlet+copyOf (statistics). */
export const SCHEMA_V2 = {
  articles: '++id, &canonicalUrl, outlet, [outlet+published], published, source, *sigKeys, copyOf, [outlet+copyOf]',
  meta: '&key',
  indexBase: '&key',
  indexTombstones: '&id',
  imports: '&fileKey',
};

/** Key of version 1's whole-index blob in `meta`. */
export const V1_INDEX_KEY = 'searchIndex';

/**
 * Version 1 kept the index as one blob in `meta`, with the number of articles it covered. When
 * it still matches the articles it becomes the base snapshot (no rebuild); otherwise it is
 * dropped and the index is rebuilt from the articles on first use.
 */
async function upgradeToV2(tx: Transaction): Promise<void> {
  const meta = tx.table<MetaRow, string>('meta');
  const old = (await meta.get(V1_INDEX_KEY))?.value as { bytes?: Uint8Array; articles?: number } | undefined;
  if (!old) return;
  await meta.delete(V1_INDEX_KEY);
  const articles = tx.table<ArticleRow, number>('articles');
  const count = await articles.count();
  if (!(old.bytes instanceof Uint8Array) || old.articles !== count) return;
  const last = (await articles.orderBy(':id').reverse().limit(1).primaryKeys())[0] ?? 0;
  await tx.table<IndexBaseRow, string>('indexBase').put({ key: 'base', bytes: old.bytes, upToId: last, articles: count, savedAt: Date.now() });
}

/** Opens (or creates) the corpus database. `name` lets tests use their own. */
export function openDb(name = 'crosscheck'): CrosscheckDb {
  const db = new Dexie(name) as CrosscheckDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  return db;
}

/** Opens a database with version 1's schema only, as an older Crosscheck did (for upgrade tests). */
export function openDbV1(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(SCHEMA_V1);
  return db;
}

/**
 * After the database failed to open (the disk was full as the browser reopened it, say), Dexie
 * answers every later call with that failure, even once there is room again, until the browser
 * restarts: this lets the next call open it afresh. A database open, or closed on purpose, is left
 * as it is.
 */
export function reopenIfFailed(db: Dexie): void {
  if (!db.isOpen() && db.hasFailed() && !db.hasBeenClosed()) db.close({ disableAutoOpen: false });
}
