import type { CorpusArticle, EvidenceHit } from '../types';
import { canonicalUrl } from '../url';
import { copySignature, findOriginal } from '../syndication';
import { SearchIndex, type SearchQuery } from '../search/index';
import { createIndexRetriever, type StoredArticle } from '../search/retriever';
import { SIG_KEYS, type ArticleRow, type ArticleSource, type CrosscheckDb } from './db';
import type { CorpusSize, ImportBatchResult, OutletStats } from './messages';

const INDEX_KEY = 'searchIndex';

/** What is persisted of the search index, with the number of articles it covers. */
interface StoredIndex {
  bytes: Uint8Array;
  articles: number;
}

/**
 * The corpus: articles in IndexedDB plus the search index, kept in step. The index lives in
 * memory while the background runs and is persisted as bytes beside the articles, in the same
 * transaction, so a woken service worker loads it instead of rebuilding it.
 */
export class CorpusStore {
  private index: Promise<SearchIndex> | null = null;

  constructor(readonly db: CrosscheckDb) {}

  /** The search index: loaded from the database once, rebuilt from the articles if missing or stale. */
  getIndex(): Promise<SearchIndex> {
    this.index ??= this.loadIndex().catch((error) => {
      this.index = null;
      throw error;
    });
    return this.index;
  }

  private async loadIndex(): Promise<SearchIndex> {
    const [stored, count] = await Promise.all([this.db.meta.get(INDEX_KEY), this.db.articles.count()]);
    const value = stored?.value as StoredIndex | undefined;
    if (value && value.articles === count) {
      try {
        return SearchIndex.fromBytes(value.bytes);
      } catch {
        // A damaged index is rebuilt from the articles below.
      }
    }
    const index = SearchIndex.create();
    await this.db.articles.each((row) => index.add(toIndexed(row)));
    await this.db.meta.put({ key: INDEX_KEY, value: { bytes: index.toBytes(), articles: index.size } satisfies StoredIndex });
    return index;
  }

  /**
   * Stores a batch of articles, all or nothing: articles already stored (same canonical URL) are
   * skipped; syndicated copies are linked to the story they copy; the index is updated and saved
   * in the same transaction.
   */
  async addArticles(articles: readonly CorpusArticle[], source: ArticleSource): Promise<ImportBatchResult> {
    const index = await this.getIndex();
    const now = Date.now();
    const prepared = articles.map((a) => {
      const signature = copySignature(a.text);
      return { article: a, key: canonicalUrl(a.url), signature, sigKeys: signature.slice(0, SIG_KEYS) };
    });
    let result: ImportBatchResult = { added: 0, duplicates: 0, copies: 0 };
    const added: ArticleRow[] = [];
    try {
      await this.db.transaction('rw', this.db.articles, this.db.meta, async () => {
        result = { added: 0, duplicates: 0, copies: 0 };
        added.length = 0;
        const existingKeys = new Set(
          (await this.db.articles.where('canonicalUrl').anyOf(prepared.map((p) => p.key)).keys()) as string[],
        );
        const seen = new Set<string>();
        const rows: Omit<ArticleRow, 'id'>[] = [];
        for (const p of prepared) {
          if (existingKeys.has(p.key) || seen.has(p.key)) {
            result.duplicates++;
            continue;
          }
          seen.add(p.key);
          rows.push({
            url: p.article.url,
            canonicalUrl: p.key,
            outlet: p.article.outlet,
            title: p.article.title,
            published: p.article.published,
            text: p.article.text,
            signature: p.signature,
            sigKeys: p.sigKeys,
            source,
            addedAt: now,
          });
        }
        // Candidate originals: stored articles sharing a signature value, plus this batch's own.
        const keys = [...new Set(rows.flatMap((r) => r.sigKeys))];
        const stored = keys.length ? await this.db.articles.where('sigKeys').anyOf(keys).toArray() : [];
        const ids = (await this.db.articles.bulkAdd(rows as ArticleRow[], { allKeys: true })) as number[];
        const batch = rows.map((r, i) => ({ ...r, id: ids[i] }) as ArticleRow);
        const copyUpdates: { key: number; changes: Partial<ArticleRow> }[] = [];
        for (const row of batch) {
          const candidates = [...stored, ...batch].filter((c) => c.id !== row.id && c.copyOf === undefined);
          const original = findOriginal(row, candidates);
          if (original && (original.published ?? '9999') <= (row.published ?? '9999')) {
            row.copyOf = original.id;
            row.copyOfOutlet = original.outlet;
            copyUpdates.push({ key: row.id, changes: { copyOf: original.id, copyOfOutlet: original.outlet } });
            result.copies++;
          }
        }
        if (copyUpdates.length) await this.db.articles.bulkUpdate(copyUpdates);
        for (const row of batch) index.add(toIndexed(row));
        added.push(...batch);
        result.added = batch.length;
        await this.db.meta.put({ key: INDEX_KEY, value: { bytes: index.toBytes(), articles: index.size } satisfies StoredIndex });
      });
    } catch (error) {
      // The transaction rolled back; the in-memory index may hold articles that were not stored.
      this.index = null;
      throw error;
    }
    return result;
  }

  /** Removes articles by id, with the index, all or nothing. */
  async removeArticles(ids: readonly number[]): Promise<number> {
    if (ids.length === 0) return 0;
    const index = await this.getIndex();
    try {
      await this.db.transaction('rw', this.db.articles, this.db.meta, async () => {
        await this.db.articles.bulkDelete(ids as number[]);
        // Copies of a removed article stand on their own again.
        const orphans = await this.db.articles.filter((row) => row.copyOf !== undefined && ids.includes(row.copyOf)).primaryKeys();
        if (orphans.length) {
          await this.db.articles.bulkUpdate(orphans.map((key) => ({ key, changes: { copyOf: undefined, copyOfOutlet: undefined } })));
        }
        for (const id of ids) index.remove(id);
        await this.db.meta.put({ key: INDEX_KEY, value: { bytes: index.toBytes(), articles: index.size } satisfies StoredIndex });
      });
    } catch (error) {
      this.index = null;
      throw error;
    }
    return ids.length;
  }

  /** Removes every article from one source (the demo corpus, say). */
  async removeSource(source: ArticleSource): Promise<number> {
    return this.removeArticles(await this.db.articles.where('source').equals(source).primaryKeys());
  }

  /** Removes every article of one outlet. */
  async removeOutlet(outlet: string): Promise<number> {
    return this.removeArticles(await this.db.articles.where('outlet').equals(outlet).primaryKeys());
  }

  /** Evidence for a query, from the index and the stored articles. */
  async search(query: SearchQuery, opts: { k: number; excludeUrl?: string }): Promise<EvidenceHit[]> {
    const index = await this.getIndex();
    const fetched = new Map<number, ArticleRow>();
    const retriever = createIndexRetriever(index, async (ids) =>
      (await this.db.articles.bulkGet(ids)).map((row) => {
        if (row) fetched.set(row.id, row);
        return row && toStored(row);
      }),
    );
    const exclude = opts.excludeUrl ? safeCanonical(opts.excludeUrl) : null;
    // One more than asked, in case the page's own article is among the hits.
    const hits = await retriever.search(query, { k: opts.k + 1 });
    return hits
      .filter((hit) => !exclude || safeCanonical(hit.url) !== exclude)
      .slice(0, opts.k)
      .map((hit) => {
        const row = fetched.get(hit.articleId);
        return row?.copyOf !== undefined ? { ...hit, copyOf: row.copyOf, copyOfOutlet: row.copyOfOutlet } : hit;
      });
  }

  /** Number of articles and outlets. */
  async size(): Promise<CorpusSize> {
    const [articles, outlets] = await Promise.all([this.db.articles.count(), this.db.articles.orderBy('outlet').uniqueKeys()]);
    return { articles, outlets: outlets.length };
  }

  /** Per-outlet counts and date range, for the options page. */
  async outletStats(): Promise<OutletStats[]> {
    const outlets = (await this.db.articles.orderBy('outlet').uniqueKeys()) as string[];
    return Promise.all(
      outlets.map(async (outlet) => {
        const range = this.db.articles.where('[outlet+published]').between([outlet, ''], [outlet, '\uffff']);
        const [articles, first, last, copies] = await Promise.all([
          this.db.articles.where('outlet').equals(outlet).count(),
          range.first(),
          range.last(),
          this.db.articles.where('outlet').equals(outlet).filter((r) => r.copyOf !== undefined).count(),
        ]);
        return { outlet, articles, oldest: first?.published ?? null, newest: last?.published ?? null, copies };
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

function safeCanonical(url: string): string | null {
  try {
    return canonicalUrl(url);
  } catch {
    return null;
  }
}

function toIndexed(row: ArticleRow) {
  return { id: row.id, outlet: row.outlet, title: row.title, text: row.text, published: row.published };
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
  };
}
