/**
 * Retrieval behind an interface: for a claim, the best passages of other outlets' articles.
 * `createIndexRetriever` uses the in-memory SearchIndex for candidates, fetches those articles from
 * wherever they are stored, and reranks them by how well their best passage matches the claim.
 * A second backend (for instance a newsroom's search server) only has to implement `Retriever`.
 */
import type { CorpusArticle, EvidenceHit } from '../types';
import { queryTerms } from './analyze';
import { SearchIndex, type SearchQuery } from './index';
import { bestPassage, prepareQuery } from './passages';

export interface RetrieveOptions {
  k: number;
  /** Leave out this article (the page being read). */
  excludeUrl?: string;
  /** Leave out this outlet's articles. */
  excludeOutlet?: string;
}

export interface Retriever {
  /** At most one hit per article, best first. */
  search(query: SearchQuery, opts: RetrieveOptions): Promise<EvidenceHit[]>;
}

export interface StoredArticle extends CorpusArticle {
  id: number;
  copyOf?: number;
}

/** How candidates are reranked. */
export const RERANK = {
  /** Candidates fetched per hit wanted (at least `minDepth`). */
  depthFactor: 3,
  minDepth: 30,
  /** Weight of the best-passage match against the index score (both scaled to the best candidate's). */
  passageWeight: 0.5,
};

function sameUrl(a: string, b: string): boolean {
  const strip = (u: string) => u.trim().replace(/#.*$/, '').replace(/\/+$/, '').replace(/^https?:\/\/(www\.)?/i, '').toLowerCase();
  return strip(a) === strip(b);
}

export function createIndexRetriever(
  index: SearchIndex,
  getArticles: (ids: number[]) => Promise<(StoredArticle | undefined)[]>,
): Retriever {
  return {
    async search(query, opts) {
      const k = Math.max(0, Math.floor(opts.k));
      if (k === 0 || !query.text.trim()) return [];
      const weighted = queryTerms(query.text, query.structure);
      const depth = Math.max(k * RERANK.depthFactor, RERANK.minDepth);
      const candidates = index.searchTerms(weighted, depth, { excludeOutlet: opts.excludeOutlet });
      if (candidates.length === 0) return [];
      const articles = await getArticles(candidates.map((c) => c.id));
      const n = Math.max(index.docCount, 1);
      const idf = (term: string) => {
        const df = index.docFreq(term);
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
      };
      const prepared = prepareQuery(query, idf, weighted);
      const top = candidates[0].score || 1;
      const scored: { hit: EvidenceHit; score: number }[] = [];
      candidates.forEach((c, i) => {
        const a = articles[i];
        if (!a || a.id !== c.id) return;
        if (opts.excludeUrl && sameUrl(a.url, opts.excludeUrl)) return;
        if (opts.excludeOutlet !== undefined && a.outlet === opts.excludeOutlet) return;
        const p = bestPassage(a.text || a.title, prepared);
        const score = c.score / top + RERANK.passageWeight * Math.min(p.score, 1.5);
        const hit: EvidenceHit = {
          articleId: a.id,
          url: a.url,
          outlet: a.outlet,
          title: a.title,
          published: a.published ?? null,
          passage: p.passage || a.title,
          score: Math.round(score * 10000) / 10000,
        };
        if (a.copyOf !== undefined) hit.copyOf = a.copyOf;
        scored.push({ hit, score });
      });
      scored.sort((x, y) => y.score - x.score);
      return scored.slice(0, k).map((s) => s.hit);
    },
  };
}

/** A retriever over articles held in memory (builds its own index); for the command line and tests. */
export function createMemoryRetriever(articles: StoredArticle[]): Retriever {
  const index = SearchIndex.create();
  const byId = new Map<number, StoredArticle>();
  for (const a of articles) {
    byId.set(a.id, a);
    index.add({ id: a.id, outlet: a.outlet, title: a.title, text: a.text, published: a.published });
  }
  return createIndexRetriever(index, async (ids) => ids.map((id) => byId.get(id)));
}
