import Dexie from 'dexie';
import type { CorpusArticle, EvidenceHit } from '../types';
import { canonicalUrl } from '../url';
import { copySignature, findOriginal } from '../syndication';
import { SearchIndex, type SearchQuery } from '../search/index';
import { createIndexRetriever, type RetrieveOptions, type Retriever, type StoredArticle } from '../search/retriever';
import { packSentences, passageText, sentencesOf, unpackSentences } from '../search/passages';
import { packTerms, type PackedTerms } from '../search/termseq';
import { SigIndex } from './sig-index';
import { SigFilter } from './sig-filter';
import { SIG_KEYS, type ArticleRow, type ArticleSource, type CrosscheckDb, type ImportRow, type IndexBaseRow } from './db';
import type { CorpusSize, ImportBatchResult, ImportCheckpoint, OutletStats } from './messages';
import { diskFullError, isQuotaError } from './storage-errors';
import { validateArticle } from '../import/article';
import { addDays, dayShown } from '../local-day';
import { outletKey } from '../outlet-key';

/** When the saved index is brought up to date (a new base snapshot written). */
export interface CompactionPolicy {
  /** After this long without changes, compact if the tail or the tombstones reached the minimums below. */
  idleMs: number;
  /** Tail articles worth a compaction when idle (fewer are cheaper to index again at each wake). */
  idleTail: number;
  /** Tombstones worth a compaction when idle. */
  idleTombstones: number;
  /** During a long import: compact at once when the tail reaches this many articles… */
  maxTail: number;
  /** …or this share of the base snapshot, whichever is larger (so the rewrites stay few as it grows). */
  maxTailShare: number;
}

export const DEFAULT_COMPACTION: CompactionPolicy = {
  idleMs: 2_000,
  idleTail: 200,
  idleTombstones: 2_000,
  maxTail: 2_000,
  maxTailShare: 0.5,
};

/** Tail articles read from the database per query while indexing them at load. */
const LOAD_PAGE = 1_000;

/**
 * Rows whose stored term ids are written again after a load, at most (a rebuild of a large corpus
 * after articles were removed could list every row: the others keep being read from their text),
 * and how many per write.
 */
const MAX_RESTAMP = 20_000;
const RESTAMP_BATCH = 1_000;

/** The in-memory index and how it relates to what is saved. */
interface IndexState {
  index: SearchIndex;
  /** The base snapshot covers articles up to this id (0: no snapshot). */
  upToId: number;
  /** Highest article id indexed. */
  maxId: number;
  /** Articles indexed after the snapshot (re-indexed from their rows at load). */
  tail: number;
  /** Articles removed after the snapshot. */
  tombstones: number;
  /** Articles in the snapshot. */
  baseArticles: number;
}

/** Room left below which a failed write is taken as a full disk (a batch is up to ~4 MB of text). */
const LOW_ROOM_BYTES = 16 * 1024 * 1024;

/** What the browser says is left for this extension's data, or null where it cannot tell. */
async function browserRoomLeft(): Promise<number | null> {
  const storage = (globalThis as { navigator?: { storage?: { estimate?: () => Promise<{ quota?: number; usage?: number }> } } }).navigator?.storage;
  if (!storage?.estimate) return null;
  const { quota, usage } = await storage.estimate();
  return typeof quota === 'number' && typeof usage === 'number' ? Math.max(0, quota - usage) : null;
}

/**
 * The corpus: articles in IndexedDB plus the search index, kept in step.
 *
 * The index is saved as a base snapshot (bytes covering every article up to some id) plus
 * tombstones for articles removed since. A batch of new articles therefore writes only its rows
 * (ids above the snapshot's are the tail, indexed again from their rows when the background
 * starts) and a removal writes only its tombstones, each in the transaction that changes the
 * articles. The snapshot is rewritten (compacted) when the background is idle after enough
 * changes, or during a long import when the tail passes a bound, so a woken service worker loads
 * one snapshot and a short tail instead of rebuilding the index.
 *
 * Changes go one at a time through a queue; searches do not wait for it.
 */
export class CorpusStore {
  private state: IndexState | null = null;
  /** Which stored articles have each signature key; loaded at the first batch after a start. */
  private sigIndex: SigIndex | null = null;
  /** Keys of the rows stored while signature keys were indexed (null: no such rows to look up). */
  private oldKeys: SigFilter | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly policy: CompactionPolicy;

  /** Save snapshots as Blobs (see IndexBaseRow.bytes). */
  private readonly blobs: boolean;
  /** Bytes the browser says are left for this extension's data (null: it cannot tell). */
  private readonly roomLeft: () => Promise<number | null>;

  constructor(
    readonly db: CrosscheckDb,
    opts: { compaction?: Partial<CompactionPolicy>; blobSnapshots?: boolean; roomLeft?: () => Promise<number | null> } = {},
  ) {
    this.policy = { ...DEFAULT_COMPACTION, ...opts.compaction };
    this.roomLeft = opts.roomLeft ?? browserRoomLeft;
    // Browsers (a page or the background service worker) store Blobs in IndexedDB; Node's fake may not.
    this.blobs = opts.blobSnapshots ?? (typeof Blob !== 'undefined' && (typeof window !== 'undefined' || typeof (globalThis as { ServiceWorkerGlobalScope?: unknown }).ServiceWorkerGlobalScope !== 'undefined'));
  }

  private saved(bytes: Uint8Array): Uint8Array | Blob {
    return this.blobs ? new Blob([bytes as Uint8Array<ArrayBuffer>]) : bytes;
  }

  /** Runs `task` after every change queued before it, and before any queued after. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The retriever over the current index (made again when the index is reloaded). */
  private retriever: { index: SearchIndex; retriever: Retriever } | null = null;

  /** The search index, loaded once (snapshot + tombstones + tail). */
  async getIndex(): Promise<SearchIndex> {
    if (this.state) return this.state.index;
    return (await this.exclusive(() => this.loaded())).index;
  }

  /**
   * Starts loading the index without waiting for it: called when a page's claims are about to be
   * looked up, so the snapshot is read and decoded while the claims are still being spotted. A
   * failure is left for the search that follows to report.
   */
  preload(): void {
    if (!this.state) void this.getIndex().catch(() => undefined);
  }

  /** The index state; only called inside `exclusive`. */
  private async loaded(): Promise<IndexState> {
    if (this.state) return this.state;
    const { state, restamp } = await this.load();
    this.state = state;
    // Written after the load, in the queue's next turn: the searches waiting for the index go first.
    if (restamp.length) void this.exclusive(() => this.writeTerms(restamp));
    this.maybeCompactLater();
    return this.state;
  }

  /** Stores articles' terms as given again at load (see `load`), a part at a time; a failure only costs their speed-up. */
  private async writeTerms(changes: { key: number; changes: Pick<ArticleRow, 'terms'> }[]): Promise<void> {
    try {
      for (let i = 0; i < changes.length; i += RESTAMP_BATCH) await this.writing(() => this.db.articles.bulkUpdate(changes.slice(i, i + RESTAMP_BATCH)));
    } catch (error) {
      console.warn('Crosscheck: could not store articles\' terms again', error);
    }
  }

  /**
   * The index as saved, with the tail (articles stored after the snapshot) added again from its
   * rows. The tail's terms are given ids again in the order they were stored; where that is not
   * what the row's stored ids say (the vocabulary had terms the tail no longer shows, from a batch
   * that failed or an article removed before a snapshot was saved, or the index was rebuilt, or the
   * row was stored before terms were kept), the row's ids are listed in `restamp` to be stored
   * again, before a snapshot fixes the vocabulary that would never match them.
   */
  private async load(): Promise<{ state: IndexState; restamp: { key: number; changes: Pick<ArticleRow, 'terms'> }[] }> {
    const db = this.db;
    // The snapshot row, the tombstones and the last article id in one go: with the last id known
    // the tail (usually empty) needs no query of its own after the snapshot is decoded.
    const [base, tombstones, lastId] = await db.transaction('r', db.indexBase, db.indexTombstones, db.articles, () =>
      Promise.all([db.indexBase.get('base'), db.indexTombstones.toCollection().primaryKeys() as Promise<number[]>, this.lastId()]),
    );
    let index: SearchIndex | null = null;
    if (base) {
      try {
        index = SearchIndex.fromBytes(await bytesOf(base.bytes));
      } catch (error) {
        // Saved by an incompatible version of the index, or damaged: rebuilt from the articles.
        console.warn('Crosscheck: the saved search index cannot be read; rebuilding it', error);
      }
    }
    const upToId = index && base ? base.upToId : 0;
    const state: IndexState = { index: index ?? SearchIndex.create(), upToId, maxId: upToId, tail: 0, tombstones: 0, baseArticles: index ? index.size : 0 };
    if (index) {
      for (const id of tombstones) state.index.remove(id);
      state.tombstones = tombstones.length;
    }
    const restamp: { key: number; changes: Pick<ArticleRow, 'terms'> }[] = [];
    if (lastId <= upToId) return { state, restamp };
    // The tail, page by page so that a rebuild of a large corpus does not hold it all at once.
    let after = upToId;
    for (;;) {
      const rows = await db.articles.where(':id').above(after).limit(LOAD_PAGE).toArray();
      for (const row of rows) {
        const passage = passageText(row);
        const terms = packTerms(state.index, row.title, row.text, unpackSentences(row.sentences, passage) ?? sentencesOf(passage));
        state.index.addTermIds(row, terms.title, terms.body);
        if (restamp.length < MAX_RESTAMP && !sameBytes(row.terms, terms.packed)) restamp.push({ key: row.id, changes: { terms: terms.packed } });
      }
      state.tail += rows.length;
      if (rows.length < LOAD_PAGE) break;
      after = rows[rows.length - 1].id;
    }
    // Nothing else writes while the index loads (it loads inside `exclusive`): the last id read
    // with the snapshot is the newest article's, one of the tail just indexed.
    state.maxId = lastId;
    return { state, restamp };
  }

  /**
   * The signature-key index: the saved copy plus the keys of articles stored after it. Rows stored
   * while signature keys were indexed are found through that old index, with the set of their keys
   * saved then (`oldKeys`): the rows up to that set's `upToId` need not be read. Without a saved
   * copy, the rows after them are read (all rows, when there is no such set: a database whose old
   * rows were never summed up, read once). Only called inside `exclusive`, so no batch is stored
   * while it loads.
   */
  private async loadedSigIndex(): Promise<SigIndex> {
    if (this.sigIndex) return this.sigIndex;
    const db = this.db;
    const [saved, old] = await Promise.all([db.indexBase.get('sigIndex'), db.indexBase.get('sigKeys')]);
    let after = 0;
    if (old) {
      try {
        this.oldKeys = SigFilter.fromBytes(await bytesOf(old.bytes));
        after = old.upToId;
      } catch (error) {
        // Every row is read instead (the saved index may lack the older rows' keys too).
        console.warn('Crosscheck: the saved signature keys of older articles cannot be read; reading the articles', error);
      }
    }
    /** Whether the older rows' saved keys, if any, were read. */
    const oldRead = !old || this.oldKeys !== null;
    let index: SigIndex | null = null;
    if (saved && oldRead) {
      try {
        index = SigIndex.fromBytes(await bytesOf(saved.bytes));
        after = saved.upToId;
      } catch (error) {
        console.warn('Crosscheck: the saved signature keys cannot be read; building them again', error);
        after = this.oldKeys ? old!.upToId : 0;
      }
    }
    const into = index ?? new SigIndex();
    let read = 0;
    let last = after;
    await db.articles.where(':id').above(after).each((row) => {
      read++;
      last = row.id;
      copyKeys(row).forEach((k) => into.add(k, row.id));
    });
    this.sigIndex = into;
    // Many rows read (no saved copy, or one far behind): saved at once, so that the next start does
    // not read them again — a compaction, which saves it too, may not come for a long while. When
    // the older rows' set could not be read, every row was, their keys included: the set goes.
    if (read >= this.policy.idleTail || !oldRead) {
      const row = this.sigIndexRow(into.toBytes(), last, (index ? saved!.articles : 0) + read);
      await this.writing(() =>
        db.transaction('rw', db.indexBase, async () => {
          await db.indexBase.put(row);
          if (!oldRead) await db.indexBase.delete('sigKeys');
        }),
      ).catch((error) => console.warn('Crosscheck: could not save the signature keys', error));
    }
    return into;
  }

  /** The saved form of the signature-key index, holding the keys of the articles up to `upToId`. */
  private sigIndexRow(bytes: Uint8Array, upToId: number, articles: number): IndexBaseRow {
    return { key: 'sigIndex', bytes: this.saved(bytes), upToId, articles, savedAt: Date.now() };
  }

  private async lastId(): Promise<number> {
    return ((await this.db.articles.orderBy(':id').reverse().limit(1).primaryKeys())[0] as number | undefined) ?? 0;
  }

  /** Writes a new base snapshot when the tail or the tombstones have grown; returns whether it did. */
  compact(opts: { force?: boolean } = {}): Promise<boolean> {
    return this.exclusive(() => this.compactNow(opts.force ?? true));
  }

  private async compactNow(force: boolean): Promise<boolean> {
    const state = await this.loaded();
    const due = force
      ? state.tail > 0 || state.tombstones > 0
      : state.tail >= this.policy.idleTail || state.tombstones >= this.policy.idleTombstones;
    if (!due) return false;
    const bytes = state.index.toBytes();
    const articles = state.index.size;
    // Pairs of removed articles are left out (a lookup would find their rows missing anyway).
    const sigIndex = this.sigIndex?.toBytes((id) => state.index.has(id));
    // One transaction: a failure (a full disk) leaves the old snapshot and its tombstones as they were.
    await this.writing(() => this.db.transaction('rw', this.db.indexBase, this.db.indexTombstones, async () => {
      await this.db.indexBase.put({ key: 'base', bytes: this.saved(bytes), upToId: state.maxId, articles, savedAt: Date.now() });
      if (sigIndex) await this.db.indexBase.put(this.sigIndexRow(sigIndex, state.maxId, articles));
      await this.db.indexTombstones.clear();
    }));
    // The saved form is compact (removed articles dropped, one block per term): use it in place.
    state.index = SearchIndex.fromBytes(bytes);
    state.upToId = state.maxId;
    state.tail = 0;
    state.tombstones = 0;
    state.baseArticles = articles;
    return true;
  }

  /** Schedules a compaction for when no change has come for a while. */
  private maybeCompactLater(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const state = this.state;
    if (!state || (state.tail === 0 && state.tombstones === 0)) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      void this.exclusive(() => this.compactNow(false)).catch((error) => console.warn('Crosscheck: could not save the search index', error));
    }, this.policy.idleMs);
  }

  /** Waits for every queued change (and a compaction due now) to finish. */
  async settled(): Promise<void> {
    await this.exclusive(async () => undefined);
  }

  /** Figures about the saved index, for tests and the benchmark. */
  async indexInfo(): Promise<{ upToId: number; tail: number; tombstones: number; articles: number }> {
    const s = await this.exclusive(() => this.loaded());
    return { upToId: s.upToId, tail: s.tail, tombstones: s.tombstones, articles: s.index.size };
  }

  /**
   * Stores a batch of articles, all or nothing: articles already stored (same canonical URL) are
   * skipped; syndicated copies are linked to the story they copy. With a `checkpoint`, how far the
   * import file got is saved in the same transaction, so a restarted import skips exactly the
   * lines already stored. Duplicates repeating a URL met earlier in the same import (or batch)
   * are counted apart, as `repeated`. When the disk is full the batch fails as a whole with a
   * "The disk is full" error and nothing of it is stored.
   */
  async addArticles(articles: readonly CorpusArticle[], source: ArticleSource, checkpoint?: ImportCheckpoint): Promise<ImportBatchResult> {
    // Signatures and canonical URLs are computed before waiting for the queue.
    const prepared = articles.map((a) => {
      const signature = copySignature(a.text);
      const passage = passageText(a);
      const sentences = sentencesOf(passage);
      return {
        article: a,
        key: canonicalUrl(a.url),
        signature,
        copyKeys: signature.slice(0, SIG_KEYS),
        sentenceList: sentences,
        sentences: packSentences(passage, sentences),
      };
    });
    return this.exclusive(async () => {
      const state = await this.loaded();
      const sigIndex = await this.loadedSigIndex();
      const db = this.db;
      const now = Date.now();
      const result: ImportBatchResult = { added: 0, duplicates: 0, repeated: 0, copies: 0 };
      const batch: ArticleRow[] = [];
      /** The stored rows' terms as ids, row by row (for the index once the batch is stored). */
      const batchTerms: PackedTerms[] = [];
      await this.writing(() => db.transaction('rw', db.articles, db.imports, async () => {
        result.added = result.duplicates = result.repeated = result.copies = 0;
        batch.length = 0;
        batchTerms.length = 0;
        // The import so far; a new one notes the last id stored before it, so that duplicates of
        // its own earlier batches (higher ids) are told from articles stored before it began.
        const progress = checkpoint ? await this.importProgress(checkpoint, now) : null;
        // One lookup per key, all issued at once: IndexedDB serves them in one go, where anyOf()
        // would walk a cursor key by key (measured 2–3× slower for batches of 500).
        const keys = [...new Set(prepared.map((p) => p.key))];
        const found = await Promise.all(keys.map((k) => db.articles.where('canonicalUrl').equals(k).primaryKeys()));
        const existing = new Map(keys.map((k, i) => [k, found[i] as number[]]).filter(([, ids]) => ids.length > 0) as [string, number[]][]);
        // The reader's own import (or capture) of an article stored from the demo corpus makes it
        // theirs: removing the demo corpus keeps it.
        if (source !== 'demo' && existing.size) {
          const demo = new Set((await db.articles.where('source').equals('demo').primaryKeys()) as number[]);
          const theirs = [...existing.values()].flat().filter((id) => demo.has(id));
          if (theirs.length) await db.articles.bulkUpdate(theirs.map((key) => ({ key, changes: { source } })));
        }
        const seen = new Set<string>();
        const rows: Omit<ArticleRow, 'id'>[] = [];
        for (const p of prepared) {
          const stored = existing.get(p.key);
          if (stored || seen.has(p.key)) {
            result.duplicates++;
            // (An import saved before `startId` was kept cannot tell: its duplicates count as stored before.)
            const startId = progress?.startId;
            if (!stored || (startId !== undefined && stored.some((id) => id > startId))) result.repeated++;
            continue;
          }
          seen.add(p.key);
          // Its terms as the index's ids, given now in the order the index adds them once the batch is stored.
          const terms = packTerms(state.index, p.article.title, p.article.text, p.sentenceList);
          batchTerms.push(terms);
          rows.push({
            url: p.article.url,
            canonicalUrl: p.key,
            outlet: p.article.outlet,
            title: p.article.title,
            published: p.article.published,
            text: p.article.text,
            signature: p.signature,
            copyKeys: p.copyKeys,
            sentences: p.sentences,
            terms: terms.packed,
            source,
            addedAt: now,
          });
        }
        if (rows.length) {
          // Candidate originals: stored articles sharing a signature value, plus this batch's own.
          // (An id of a removed article reads as missing.)
          const keys = [...new Set(rows.flatMap((r) => copyKeys(r)))];
          const matchIds = [...new Set((await this.idsWithKeys(keys, sigIndex)).flat())];
          const stored = matchIds.length ? ((await db.articles.bulkGet(matchIds)).filter(Boolean) as ArticleRow[]) : [];
          const ids = (await db.articles.bulkAdd(rows as ArticleRow[], { allKeys: true })) as number[];
          batch.push(...rows.map((r, i) => ({ ...r, id: ids[i] }) as ArticleRow));
          const byKey = new Map<number, ArticleRow[]>();
          for (const c of [...stored, ...batch]) {
            for (const k of copyKeys(c)) {
              const list = byKey.get(k);
              if (list) list.push(c);
              else byKey.set(k, [c]);
            }
          }
          const copyUpdates: { key: number; changes: Partial<ArticleRow> }[] = [];
          for (const row of batch) {
            const original = originalAmong(row, copyKeys(row).flatMap((k) => byKey.get(k) ?? []));
            if (original) {
              row.copyOf = original.id;
              row.copyOfOutlet = original.outlet;
              copyUpdates.push({ key: row.id, changes: { copyOf: original.id, copyOfOutlet: original.outlet } });
              result.copies++;
            }
          }
          if (copyUpdates.length) await db.articles.bulkUpdate(copyUpdates);
        }
        result.added = batch.length;
        if (checkpoint && progress) await this.saveCheckpoint(progress, checkpoint, result, now);
      }));
      for (const [i, row] of batch.entries()) {
        for (const k of copyKeys(row)) sigIndex.add(k, row.id);
        state.index.addTermIds(row, batchTerms[i].title, batchTerms[i].body);
        if (row.id > state.maxId) state.maxId = row.id;
      }
      state.tail += batch.length;
      if (state.tail >= Math.max(this.policy.maxTail, this.policy.maxTailShare * state.baseArticles)) {
        // The batch is stored whatever happens here: a snapshot that cannot be saved (a full disk)
        // leaves the old one, and the tail is indexed again from the rows at the next start.
        await this.compactNow(true).catch((error) => console.warn('Crosscheck: could not save the search index; the previous one is kept', error));
      }
      this.maybeCompactLater();
      return result;
    });
  }

  /**
   * Runs a write; a full disk becomes a "The disk is full" error (the write's transaction is rolled
   * back). Chromium does not always say so: on a disk that filled up it aborted the transaction
   * ("500 of 500 operations failed … AbortError") or failed to write blobs (DataError); a write
   * that fails while the browser says almost no room is left is taken as a full disk too.
   */
  private async writing<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isQuotaError(error)) throw diskFullError(error);
      const room = await this.roomLeft().catch(() => null);
      throw room !== null && room < LOW_ROOM_BYTES ? diskFullError(error) : error;
    }
  }

  /** The saved progress of an import, or a new one (inside the batch's transaction). */
  private async importProgress(c: ImportCheckpoint, now: number): Promise<ImportRow> {
    const row = await this.db.imports.get(c.fileKey);
    if (row) return row;
    return {
      fileKey: c.fileKey,
      name: c.name,
      size: c.size,
      lastModified: c.lastModified,
      line: 0,
      bytesRead: 0,
      added: 0,
      duplicates: 0,
      repeated: 0,
      copies: 0,
      errors: [],
      errorCount: 0,
      startId: await this.lastId(),
      startedAt: now,
      updatedAt: now,
    };
  }

  /** Adds a batch's outcome to the import's saved progress (inside the batch's transaction). */
  private async saveCheckpoint(row: ImportRow, c: ImportCheckpoint, result: ImportBatchResult, now: number): Promise<void> {
    await this.db.imports.put({
      ...row,
      line: Math.max(row.line, c.line),
      bytesRead: Math.max(row.bytesRead, c.bytesRead),
      added: row.added + result.added,
      duplicates: row.duplicates + result.duplicates,
      repeated: (row.repeated ?? 0) + result.repeated,
      copies: row.copies + result.copies,
      errors: [...row.errors, ...c.errors].slice(0, 200),
      errorCount: row.errorCount + c.errors.length,
      updatedAt: now,
    });
  }

  /** How far an earlier import of this file got, or null. */
  async importState(fileKey: string): Promise<ImportRow | null> {
    return (await this.db.imports.get(fileKey)) ?? null;
  }

  /** Forgets an import's progress (finished, or the reader starts over). */
  async forgetImport(fileKey: string): Promise<void> {
    await this.db.imports.delete(fileKey);
  }

  /**
   * Adds the article the reader is reading (capture as you read); false when it was stored already
   * or cannot be stored. It is stored as an import of it would be (dates in UTC, one kind of line
   * break, trimmed), so that exporting the corpus and importing it again gives it back unchanged.
   */
  async captureArticle(page: CorpusArticle): Promise<boolean> {
    const article = importedForm(page);
    if (!article) return false;
    const key = safeCanonical(article.url);
    if (!key) return false;
    if ((await this.db.articles.where('canonicalUrl').equals(key).count()) > 0) return false;
    try {
      return (await this.addArticles([article], 'capture')).added > 0;
    } catch (error) {
      // Capture happens in the background while the reader reads: nothing to show them, so say why in the log.
      if (!isQuotaError(error)) throw error;
      console.warn(`Crosscheck: the disk is full; ${article.url} was not added to your corpus`, error);
      return false;
    }
  }

  /** Removes articles by id, with the index, all or nothing; returns how many there were. */
  async removeArticles(ids: readonly number[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.exclusive(async () => {
      const state = await this.loaded();
      const db = this.db;
      // Copies of the articles removed are linked again among those left, which takes the
      // signature-key index: loaded first (outside the transaction), and only when there are some.
      const removing = new Set(ids);
      const copiesLeft = ((await db.articles.where('copyOf').anyOf(ids as number[]).primaryKeys()) as number[]).some((id) => !removing.has(id));
      const sigIndex = copiesLeft ? await this.loadedSigIndex() : null;
      let present: number[] = [];
      await this.writing(() => db.transaction('rw', db.articles, db.indexTombstones, async () => {
        present = (await db.articles.where(':id').anyOf(ids as number[]).primaryKeys()) as number[];
        if (present.length === 0) return;
        await db.articles.bulkDelete(present);
        const orphans = (await db.articles.where('copyOf').anyOf(present).primaryKeys()) as number[];
        if (orphans.length) {
          // (Every change goes through this store's queue: nothing can have linked a copy since.)
          if (!sigIndex) throw new Error('the corpus changed while articles were being removed');
          await this.relinkCopies(orphans, sigIndex);
        }
        const inBase = present.filter((id) => id <= state.upToId);
        if (inBase.length) await db.indexTombstones.bulkPut(inBase.map((id) => ({ id })));
      }));
      for (const id of present) {
        state.index.remove(id);
        if (id <= state.upToId) state.tombstones++;
        else state.tail--;
      }
      this.maybeCompactLater();
      return present.length;
    });
  }

  /**
   * Links again the copies whose original was removed (inside the removal's transaction), as an
   * import of the articles left, in the same order, would link them: each, in id order, to what
   * `originalAmong` picks among the earlier articles sharing a signature key. The earliest copy
   * left of a story thus becomes its original and the later ones its copies. A copy that now
   * stands on its own is a candidate original for the later articles sharing its keys (a rerun
   * by its outlet, say) and one that stops standing alone no longer is: those articles are looked
   * at again too, and so on, so removing articles and then exporting and importing the corpus
   * link the same copies. Only the articles sharing keys with those looked at are read.
   */
  private async relinkCopies(orphanIds: number[], sigIndex: SigIndex): Promise<void> {
    const db = this.db;
    /** Rows read (the removed ones read as missing), and the ids of the articles having each key. */
    const rows = new Map<number, ArticleRow>();
    const requested = new Set<number>();
    const idsByKey = new Map<number, number[]>();
    // Dexie's own promises, so that the transaction is kept across the awaits (a native promise
    // awaited when no database request is under way would let it end).
    const readSharing = (keys: number[]): Promise<void> =>
      this.idsWithKeys(keys, sigIndex).then((ids) => {
        keys.forEach((k, i) => idsByKey.set(k, ids[i]));
        const missing = [...new Set(ids.flat())].filter((id) => !requested.has(id));
        missing.forEach((id) => requested.add(id));
        if (missing.length === 0) return;
        return db.articles.bulkGet(missing).then((found) => {
          for (const row of found) if (row) rows.set(row.id, row);
        });
      });
    const keysToRead = (of: readonly ArticleRow[]) => [...new Set(of.flatMap((r) => copyKeys(r)))].filter((k) => !idsByKey.has(k));
    const orphans = (await db.articles.bulkGet(orphanIds)).filter(Boolean) as ArticleRow[];
    for (const row of orphans) {
      rows.set(row.id, row);
      requested.add(row.id);
    }
    await readSharing(keysToRead(orphans));

    // Looked at in id order; an article is only ever queued after the one being looked at.
    const queue = new MinQueue(orphans.map((r) => r.id));
    const updates = new Map<number, Partial<ArticleRow>>();
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      const row = rows.get(id)!;
      const keys = keysToRead([row]);
      if (keys.length) await readSharing(keys);
      const sharing = copyKeys(row).flatMap((k) => (idsByKey.get(k) ?? []).map((i) => rows.get(i)).filter((r): r is ArticleRow => r !== undefined));
      const original = originalAmong(row, sharing);
      if (original?.id === row.copyOf) continue;
      const wasCopy = row.copyOf !== undefined;
      row.copyOf = original?.id;
      row.copyOfOutlet = original?.outlet;
      updates.set(row.id, { copyOf: row.copyOf, copyOfOutlet: row.copyOfOutlet });
      if (wasCopy !== (original !== undefined)) for (const other of sharing) if (other.id > row.id) queue.push(other.id);
    }
    if (updates.size) await db.articles.bulkUpdate([...updates].map(([key, changes]) => ({ key, changes })));
  }

  /**
   * For each signature key, the ids of the stored articles having it (removed ones may be among
   * them): from the signature-key index, and for rows stored while the keys were indexed, from
   * that old index (only for the keys some of them have).
   */
  private idsWithKeys(keys: readonly number[], sigIndex: SigIndex): Promise<number[][]> {
    const ids = keys.map((k) => sigIndex.get(k));
    const oldKeys = this.oldKeys;
    const inOld = oldKeys ? keys.flatMap((k, i) => (oldKeys.has(k) ? [i] : [])) : [];
    // A Dexie promise either way, which keeps a transaction it is awaited in.
    if (inOld.length === 0) return Dexie.Promise.resolve(ids);
    return Dexie.Promise.all(inOld.map((i) => this.db.articles.where('sigKeys').equals(keys[i]).primaryKeys())).then((old) => {
      inOld.forEach((i, j) => (ids[i] = [...new Set([...ids[i], ...(old[j] as number[])])]));
      return ids;
    });
  }

  /** Removes every article from one source (the demo corpus, say). */
  async removeSource(source: ArticleSource): Promise<number> {
    return this.removeArticles((await this.db.articles.where('source').equals(source).primaryKeys()) as number[]);
  }

  /**
   * Removes every article of one outlet, under any of its names that differ only in case or
   * surrounding spaces (one outlet to the verdicts: utils/outlet-key).
   */
  async removeOutlet(outlet: string): Promise<number> {
    const names = await this.outletNames(outlet);
    if (names.length === 0) return 0;
    return this.removeArticles((await this.db.articles.where('outlet').anyOf(names).primaryKeys()) as number[]);
  }

  /** The stored names of an outlet (see removeOutlet). */
  private async outletNames(outlet: string): Promise<string[]> {
    const key = outletKey(outlet);
    return ((await this.db.articles.orderBy('outlet').uniqueKeys()) as string[]).filter((name) => outletKey(name) === key);
  }

  /**
   * Removes the articles published between two days, both included (`YYYY-MM-DD`), as a reader
   * in `timeZone` sees them (utils/local-day): a moment counts on the day it was there, a date
   * alone on that day. Articles without a date are kept.
   */
  async removePublishedBetween(from: string, to: string, timeZone = 'UTC'): Promise<number> {
    if (!from || !to || from > to) return 0;
    // A moment is on its UTC day, the day before or the day after, wherever the reader is.
    const ids: number[] = [];
    await this.db.articles
      .where('published')
      .between(addDays(from, -1), `${addDays(to, 1)}\uffff`, true, true)
      .eachKey((key, cursor) => {
        const value = String(key);
        // A value of a UTC day strictly inside the range is inside it in every time zone.
        const utcDay = value.slice(0, 10);
        const day = utcDay > from && utcDay < to && /^\d{4}-\d{2}-\d{2}/.test(value) ? utcDay : dayShown(value, timeZone);
        if (day !== null && day >= from && day <= to) ids.push(cursor.primaryKey as number);
      });
    return this.removeArticles(ids);
  }

  /** Removes one article, named by its id or by its address (any URL variant of it). */
  async removeArticle(which: { id?: number; url?: string }): Promise<number> {
    if (which.id !== undefined) return this.removeArticles([which.id]);
    const key = which.url ? safeCanonical(which.url) : null;
    if (!key) return 0;
    const ids = (await this.db.articles.where('canonicalUrl').equals(key).primaryKeys()) as number[];
    return this.removeArticles(ids);
  }

  /** Evidence for a query, from the index and the stored articles. */
  async search(query: SearchQuery, opts: RetrieveOptions): Promise<EvidenceHit[]> {
    return (await this.currentRetriever()).search(query, opts);
  }

  /** Evidence for several queries (a page's claims), their articles read together: what `search` gives for each. */
  async searchMany(queries: readonly SearchQuery[], opts: RetrieveOptions): Promise<EvidenceHit[][]> {
    const retriever = await this.currentRetriever();
    return retriever.searchMany ? retriever.searchMany(queries, opts) : Promise.all(queries.map((q) => retriever.search(q, opts)));
  }

  private async currentRetriever(): Promise<Retriever> {
    const index = await this.getIndex();
    // One retriever per loaded index, so what it caches about articles serves a page's many claims.
    if (this.retriever?.index !== index) {
      this.retriever = {
        index,
        retriever: createIndexRetriever(index, async (ids) => (await this.db.articles.bulkGet(ids)).map((row) => row && toStored(row))),
      };
    }
    return this.retriever.retriever;
  }

  /** Number of articles and outlets. */
  async size(): Promise<CorpusSize> {
    const [articles, outlets] = await Promise.all([this.db.articles.count(), this.db.articles.orderBy('outlet').uniqueKeys()]);
    return { articles, outlets: new Set((outlets as string[]).map(outletKey)).size };
  }

  /**
   * Per-outlet counts and date range, for the options page; from the indexes only (no article is
   * read). The first and last dates are those shown on the first and last days for a reader in
   * `timeZone` (utils/local-day), which the order of the stored values alone does not give: a
   * date alone sorts before the moments of its UTC day, and a moment may be shown a day earlier
   * or later than its UTC day.
   */
  async outletStats(timeZone = 'UTC'): Promise<OutletStats[]> {
    const articles = this.db.articles;
    const outlets = (await articles.orderBy('outlet').uniqueKeys()) as string[];
    const published = (keys: unknown[]) => keys.map((k) => (k as [string, string])[1]);
    /** Of stored dates, the one shown on the earliest (or latest) day; the first of those in order. */
    const edge = (dates: string[], latest: boolean): string | null => {
      let best: string | null = null;
      let bestDay: string | null = null;
      for (const d of latest ? [...dates].reverse() : dates) {
        const day = dayShown(d, timeZone);
        if (day === null) continue;
        if (bestDay === null || (latest ? day > bestDay : day < bestDay)) [best, bestDay] = [d, day];
      }
      return best ?? (latest ? dates[dates.length - 1] : dates[0]) ?? null;
    };
    const one = async (outlet: string) => {
      const range = () => articles.where('[outlet+published]').between([outlet, ''], [outlet, '\uffff']);
      const [count, first, last, copies] = await Promise.all([
        articles.where('outlet').equals(outlet).count(),
        range().limit(1).keys(),
        range().reverse().limit(1).keys(),
        articles.where('[outlet+copyOf]').between([outlet, -Infinity], [outlet, Infinity]).count(),
      ]);
      const [oldest] = published(first);
      const [newest] = published(last);
      // Dates whose day may be shown before the first value's (or after the last's): those of
      // the same UTC day and the next one (the previous one).
      const near = async (value: string | undefined, latest: boolean) => {
        if (value === undefined) return null;
        const day = value.slice(0, 10);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return value;
        const keys = latest
          ? await articles.where('[outlet+published]').between([outlet, addDays(day, -1)], [outlet, value], true, true).keys()
          : await articles.where('[outlet+published]').between([outlet, value], [outlet, addDays(day, 2)], true, false).keys();
        return edge(published(keys), latest);
      };
      const [from, to] = await Promise.all([near(oldest, false), near(newest, true)]);
      return { outlet, articles: count, oldest: from, newest: to, copies };
    };
    // Names differing only in case or surrounding spaces are one outlet, as to the verdicts
    // (utils/outlet-key): one row, under the name most of its articles carry.
    const groups = new Map<string, string[]>();
    for (const outlet of outlets) {
      const key = outletKey(outlet);
      const names = groups.get(key);
      if (names) names.push(outlet);
      else groups.set(key, [outlet]);
    }
    return Promise.all(
      [...groups.values()].map(async (names) => {
        const rows = await Promise.all(names.map(one));
        if (rows.length === 1) return rows[0];
        const named = rows.reduce((a, b) => (b.articles > a.articles ? b : a));
        const dates = (pick: (r: OutletStats) => string | null) => rows.map(pick).filter((d): d is string => d !== null).sort();
        return {
          outlet: named.outlet,
          articles: rows.reduce((n, r) => n + r.articles, 0),
          oldest: edge(dates((r) => r.oldest), false),
          newest: edge(dates((r) => r.newest), true),
          copies: rows.reduce((n, r) => n + r.copies, 0),
        };
      }),
    );
  }

  /** One page of articles in id order, for export. */
  async exportPage(afterId: number, limit: number): Promise<{ articles: CorpusArticle[]; lastId: number | null }> {
    const rows = await this.db.articles.where('id').above(afterId).limit(limit).toArray();
    return {
      articles: rows.map((r) => ({ url: r.url, outlet: r.outlet, title: r.title, published: r.published, text: r.text })),
      lastId: rows.length ? rows[rows.length - 1].id : null,
    };
  }
}

/** The saved bytes, from either form. */
async function bytesOf(saved: Uint8Array | Blob): Promise<Uint8Array> {
  return saved instanceof Uint8Array ? saved : new Uint8Array(await saved.arrayBuffer());
}

/** The article as the importer reads it (a date it cannot read is dropped), or null when it would be refused. */
function importedForm(article: CorpusArticle): CorpusArticle | null {
  let checked = validateArticle(article);
  if (!checked.ok && article.published) checked = validateArticle({ ...article, published: null });
  if (checked.ok) return checked.article;
  console.warn(`Crosscheck: ${article.url} was not added to your corpus: ${checked.error}`);
  return null;
}

function safeCanonical(url: string): string | null {
  try {
    return canonicalUrl(url);
  } catch {
    return null;
  }
}

/**
 * The stored article `row` copies, among articles sharing a signature key with it (`sharing`,
 * repeats allowed), as imports and removals pick it: only articles stored before it (lower ids)
 * that are not copies themselves are candidates, as they would be had the articles come in other
 * batches, so links depend on the order articles came in, not on the batches, and an export
 * imported again links the same copies; findOriginal then decides (dates, and which outlet the
 * copy credits), candidates in id order so that ties go the same way however they were found.
 */
function originalAmong(row: ArticleRow, sharing: Iterable<ArticleRow>): ArticleRow | undefined {
  const candidates = new Map<number, ArticleRow>();
  for (const c of sharing) if (c.id < row.id && c.copyOf === undefined) candidates.set(c.id, c);
  if (candidates.size === 0) return undefined;
  return findOriginal(row, [...candidates.values()].sort((a, b) => a.id - b.id));
}

/** A queue of ids giving the smallest first (a binary heap); an id queued again is given once. */
class MinQueue {
  private readonly heap: number[] = [];
  private readonly queued = new Set<number>();

  constructor(ids: readonly number[]) {
    for (const id of ids) this.push(id);
  }

  push(id: number): void {
    if (this.queued.has(id)) return;
    this.queued.add(id);
    const heap = this.heap;
    let i = heap.push(id) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent] <= id) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = id;
  }

  pop(): number | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= heap.length) break;
        const child = left + 1 < heap.length && heap[left + 1] < heap[left] ? left + 1 : left;
        if (heap[child] >= last) break;
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}

/** An article's signature keys, wherever its row keeps them. */
function copyKeys(row: Pick<ArticleRow, 'copyKeys' | 'sigKeys'>): number[] {
  return row.copyKeys ?? row.sigKeys ?? [];
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  if (!(a instanceof Uint8Array) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function toStored(row: ArticleRow): StoredArticle {
  return {
    id: row.id,
    url: row.url,
    outlet: row.outlet,
    title: row.title,
    published: row.published,
    text: row.text,
    copyOf: row.copyOf,
    copyOfOutlet: row.copyOfOutlet,
    sentences: row.sentences,
    signature: row.signature,
    terms: row.terms,
  };
}
