/**
 * The search engines compared in the evaluation and the benchmark, behind one small interface:
 * the product's index (with and without the passage rerank), a plain BM25, MiniSearch and
 * FlexSearch.
 */
import { Charset, Index as FlexIndex } from 'flexsearch';
import MiniSearch from 'minisearch';
import { STOP_WORDS, terms } from '../../utils/search/analyze';
import { SearchIndex } from '../../utils/search/index';
import { createIndexRetriever, type StoredArticle } from '../../utils/search/retriever';
import { stem } from '../../utils/search/stem';

export interface EvalDoc {
  id: number;
  outlet: string;
  title: string;
  text: string;
  url: string;
}

export interface Engine {
  name: string;
  /** Ranked ids, best first, leaving out `excludeId`. */
  search(text: string, k: number, excludeId?: number): Promise<number[]>;
}

export type EngineFactory = { name: string; build(docs: EvalDoc[]): Engine };

/** The product's index alone (BM25F, weights, related terms). */
export const crosscheckIndex: EngineFactory = {
  name: 'Crosscheck index',
  build(docs) {
    const ix = SearchIndex.create();
    for (const d of docs) ix.add(d);
    return {
      name: this.name,
      async search(text, k, excludeId) {
        const ex = excludeId === undefined ? undefined : new Set([excludeId]);
        return ix.search({ text }, k, { excludeIds: ex }).map((h) => h.id);
      },
    };
  },
};

/** The product's retriever: the index, one feedback pass from the best articles, passages for the hits. */
export const crosscheckRetriever: EngineFactory = {
  name: 'Crosscheck retriever (index + feedback pass)',
  build(docs) {
    const ix = SearchIndex.create();
    const byId = new Map<number, StoredArticle>();
    for (const d of docs) {
      ix.add(d);
      byId.set(d.id, { ...d, published: null });
    }
    const r = createIndexRetriever(ix, async (ids) => ids.map((id) => byId.get(id)));
    return {
      name: this.name,
      async search(text, k, excludeId) {
        const url = excludeId === undefined ? undefined : byId.get(excludeId)?.url;
        const hits = await r.search({ text }, { k, excludeUrl: url });
        return hits.map((h) => h.articleId);
      },
    };
  },
};

function plainTerms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => !STOP_WORDS.has(t));
}

/** A textbook BM25 (k1 1.2, b 0.75) over title + text, with maps; `analyse` picks the tokens. */
function bm25(name: string, analyse: (text: string) => string[]): EngineFactory {
  return {
    name,
    build(docs) {
      const postings = new Map<string, { id: number; tf: number }[]>();
      const len = new Map<number, number>();
      let total = 0;
      for (const d of docs) {
        const toks = analyse(`${d.title}\n${d.text}`);
        len.set(d.id, toks.length);
        total += toks.length;
        const tf = new Map<string, number>();
        for (const t of toks) tf.set(t, (tf.get(t) ?? 0) + 1);
        for (const [t, c] of tf) {
          let list = postings.get(t);
          if (!list) postings.set(t, (list = []));
          list.push({ id: d.id, tf: c });
        }
      }
      const n = docs.length;
      const avg = total / Math.max(n, 1);
      return {
        name,
        async search(text, k, excludeId) {
          const scores = new Map<number, number>();
          for (const t of new Set(analyse(text))) {
            const list = postings.get(t);
            if (!list) continue;
            const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
            for (const { id, tf } of list) {
              const s = (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * (len.get(id) ?? 0)) / avg));
              scores.set(id, (scores.get(id) ?? 0) + s);
            }
          }
          return [...scores]
            .filter(([id]) => id !== excludeId)
            .sort((a, b) => b[1] - a[1] || a[0] - b[0])
            .slice(0, k)
            .map(([id]) => id);
        },
      };
    },
  };
}

export const plainBm25 = bm25('BM25 (words, stop words)', plainTerms);
export const stemmedBm25 = bm25('BM25 (stemmed, our analyser)', terms);

function miniSearch(name: string, stemmed: boolean): EngineFactory {
  return {
    name,
    build(docs) {
      const ms = new MiniSearch<EvalDoc>({
        fields: ['title', 'text'],
        storeFields: [],
        ...(stemmed ? { processTerm: (t: string) => (STOP_WORDS.has(t) ? null : stem(t)) } : {}),
      });
      ms.addAll(docs);
      return {
        name,
        async search(text, k, excludeId) {
          return ms
            .search(text, { boost: { title: 2 } })
            .map((r) => r.id as number)
            .filter((id) => id !== excludeId)
            .slice(0, k);
        },
      };
    },
  };
}

export const miniSearchDefault = miniSearch('MiniSearch 7.2 (defaults, title boost 2)', false);
export const miniSearchStemmed = miniSearch('MiniSearch 7.2 (our stemmer + stop words)', true);

function flexSearch(name: string, charset: 'LatinBalance' | 'LatinAdvanced'): EngineFactory {
  return {
    name,
    build(docs) {
      const ix = new FlexIndex({ tokenize: 'strict', resolution: 9, encoder: Charset[charset] });
      for (const d of docs) ix.add(d.id, `${d.title}\n${d.text}`);
      return {
        name,
        async search(text, k, excludeId) {
          const ids = ix.search(text, { limit: k + 1, suggest: true }) as number[];
          return ids.filter((id) => id !== excludeId).slice(0, k);
        },
      };
    },
  };
}

export const flexSearchBalance = flexSearch('FlexSearch 0.8 (LatinBalance, suggest)', 'LatinBalance');
export const flexSearchAdvanced = flexSearch('FlexSearch 0.8 (LatinAdvanced, suggest)', 'LatinAdvanced');

export const ALL_ENGINES: EngineFactory[] = [
  plainBm25,
  stemmedBm25,
  miniSearchDefault,
  miniSearchStemmed,
  flexSearchBalance,
  flexSearchAdvanced,
  crosscheckIndex,
  crosscheckRetriever,
];
