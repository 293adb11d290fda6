/**
 * Retrieval behind an interface: for a claim, the best passages of other outlets' articles.
 * `createIndexRetriever` uses the in-memory SearchIndex for candidates, fetches those articles from
 * wherever they are stored, and reranks them by how well their best passage matches the claim.
 * A second backend (for instance a newsroom's search server) only has to implement `Retriever`.
 */
import type { CorpusArticle, EvidenceHit } from '../types';
import { forEachToken, queryTerms, type WeightedTerm } from './analyze';
import { SearchIndex, type SearchOptions, type SearchQuery } from './index';
import { capitalisedWords } from '../story-names';
import { outletKey } from '../outlet-key';
import { analysedFromIds, analyseForQuery, analyseText, bestPassage, passageText, prepareQuery, sentencesOf, unpackSentences, type AnalysedText, type PreparedQuery } from './passages';
import { unpackTerms } from './termseq';
import { canonicalUrl } from '../url';
import { isCopy } from '../syndication';

export interface RetrieveOptions {
  k: number;
  /** Leave out this article (the page being read). */
  excludeUrl?: string;
  /**
   * The copy signature of the page being read (utils/syndication copySignature): articles that are
   * copies of its text are the page's own story at another address (the wire story it republishes,
   * or another outlet's copy of it) and are left out too.
   */
  excludeCopiesOf?: readonly number[];
  /** Leave out this outlet's articles. */
  excludeOutlet?: string;
  /**
   * At most this many hits from one outlet (by name, whatever its case), so that a site with many
   * stored articles on a story (the reader's own captures of it) does not take every place from
   * the other outlets. No limit when absent.
   */
  perOutlet?: number;
  /** At most this many hits from one story with its syndicated copies (`copyOf`): verdicts count them as one source. */
  perStory?: number;
}

export interface Retriever {
  /** At most one hit per article, best first. */
  search(query: SearchQuery, opts: RetrieveOptions): Promise<EvidenceHit[]>;
  /**
   * Several queries with the same options (a page's claims): for each, what `search` returns,
   * with the articles of all read together (two reads in all rather than up to two per query).
   */
  searchMany?(queries: readonly SearchQuery[], opts: RetrieveOptions): Promise<EvidenceHit[][]>;
}

export interface StoredArticle extends CorpusArticle {
  id: number;
  copyOf?: number;
  /** The outlet of the article this one copies, passed on to its hits. */
  copyOfOutlet?: string;
  /** Sentence offsets of `text || title` found when it was stored (passages.ts packSentences); found again when absent. */
  sentences?: Uint32Array;
  /** Copy signature of the text (utils/syndication), as stored; absent for articles held in memory without one. */
  signature?: readonly number[];
  /** The title's and text's terms as the search index's ids (termseq.ts packTerms), as stored; used when they fit the index in hand. */
  terms?: Uint8Array;
}

/** Counts hits by outlet and by story, for RetrieveOptions.perOutlet and perStory. */
class Crowding {
  /** The articles let in, by outlet key. */
  private readonly outlets = new Map<string, number[]>();
  private readonly stories = new Map<number, number>();
  private readonly originals = new Set<number>();
  /** Outlets with an article of their own (not a copy) let in. */
  private readonly ownOutlets = new Set<string>();
  constructor(private readonly opts: RetrieveOptions) {}

  /** Whether one more hit of this article keeps within the limits; counts it when it does. */
  admit(a: StoredArticle): boolean {
    const { perOutlet, perStory } = this.opts;
    const outlet = outletKey(a.outlet);
    const story = a.copyOf ?? a.id;
    const ofOutlet = this.outlets.get(outlet) ?? [];
    // Copies count in the verdicts only through their original: a story's original keeps a place
    // among its copies, and an outlet's own article a place among the copies it ran.
    const copy = a.copyOf !== undefined;
    if (perOutlet !== undefined && ofOutlet.length >= perOutlet - (copy && !this.ownOutlets.has(outlet) ? 1 : 0)) return false;
    if (perStory !== undefined && (this.stories.get(story) ?? 0) >= perStory - (copy && !this.originals.has(story) ? 1 : 0)) return false;
    if (!copy) {
      this.originals.add(story);
      this.ownOutlets.add(outlet);
    }
    ofOutlet.push(a.id);
    this.outlets.set(outlet, ofOutlet);
    this.stories.set(story, (this.stories.get(story) ?? 0) + 1);
    return true;
  }

  /** Adds the outlets that have all their places, and the articles they were given, to `into`. */
  full(into: { outlets: Set<string>; keep: Set<number> }): void {
    const { perOutlet } = this.opts;
    if (perOutlet === undefined) return;
    for (const [outlet, ids] of this.outlets) {
      if (ids.length < perOutlet) continue;
      into.outlets.add(outlet);
      for (const id of ids) into.keep.add(id);
    }
  }
}

/** Whether an article is the page being read: at its address, or a copy of its text (see RetrieveOptions). */
function isThePage(a: StoredArticle, opts: RetrieveOptions): boolean {
  if (opts.excludeUrl && sameUrl(a.url, opts.excludeUrl)) return true;
  return !!opts.excludeCopiesOf?.length && !!a.signature?.length && isCopy(a.signature, opts.excludeCopiesOf);
}

/** How candidates are reranked. */
export const RERANK = {
  /** Candidates fetched per hit wanted (at least `minDepth`). */
  depthFactor: 2,
  minDepth: 20,
  /**
   * Weight of the best-passage match against the index score (both scaled to the best
   * candidate's) when reranking. 0 (the default) skips the rerank: it did not change quality on the
   * FNC-1 tuning split or the multi-outlet set and cost most of the query time; passages are then
   * found for the returned hits only.
   */
  passageWeight: 0,
  /**
   * Feedback from the first results: terms that several of the best `feedbackDocs` articles share
   * (names, places, figures of the same event) are added to the query, the strongest at
   * `feedbackWeight` of a query word, and the index is asked again. 0 articles turns it off.
   */
  feedbackDocs: 3,
  feedbackTerms: 10,
  feedbackWeight: 0.2,
  /** Only articles scoring at least this share of the best one's score give feedback. */
  feedbackMinScore: 0,
};

/**
 * Terms shared by the feedback articles, weighted by frequency in them and rarity in the corpus.
 * Counted by the index's term ids (-1 for a word the index has not seen, which counts towards the
 * article's length only).
 */
function feedbackTerms(articles: { title: string; analysed: AnalysedText }[], index: SearchIndex, have: readonly WeightedTerm[]): WeightedTerm[] {
  const n = Math.max(index.docCount, 1);
  const score = new Map<number, number>();
  const seenIn = new Map<number, number>();
  const skip = new Set(have.map((w) => index.termId(w.term)));
  for (const a of articles) {
    const tf = new Map<number, number>();
    let len = 0;
    const count = (id: number) => {
      tf.set(id, (tf.get(id) ?? 0) + 1);
      len++;
    };
    const { titleIds, terms } = a.analysed;
    if (titleIds && terms instanceof Uint32Array) {
      for (let i = 0; i < titleIds.length; i++) count(titleIds[i]);
      for (let i = 0; i < terms.length; i++) count(terms[i]);
    } else {
      forEachToken(a.title, false, (term) => count(index.termId(term)));
      for (const term of terms as readonly string[]) count(index.termId(term));
    }
    for (const [id, c] of tf) {
      if (id < 0 || skip.has(id)) continue;
      score.set(id, (score.get(id) ?? 0) + c / Math.max(len, 1));
      seenIn.set(id, (seenIn.get(id) ?? 0) + 1);
    }
  }
  const need = Math.min(2, articles.length);
  const ranked: { id: number; weight: number }[] = [];
  for (const [id, s] of score) {
    if ((seenIn.get(id) ?? 0) < need) continue;
    const df = index.docFreqOf(id);
    if (df <= 1) continue;
    ranked.push({ id, weight: s * Math.log(1 + (n - df + 0.5) / (df + 0.5)) });
  }
  ranked.sort((x, y) => y.weight - x.weight);
  const top = ranked.slice(0, RERANK.feedbackTerms);
  const max = top[0]?.weight ?? 1;
  return top.map((t) => {
    const term = index.termText(t.id);
    return { term, weight: (RERANK.feedbackWeight * t.weight) / max, expands: term };
  });
}

function urlKey(u: string): string {
  try {
    return canonicalUrl(u);
  } catch {
    return u.trim().replace(/#.*$/, '').replace(/\/+$/, '').replace(/^https?:\/\/(www\.)?/i, '').toLowerCase();
  }
}

function sameUrl(a: string, b: string): boolean {
  return a === b || urlKey(a) === urlKey(b);
}

/** Queries scored before their candidates are asked for from storage (reads overlap the scoring of the next group). */
const READ_GROUP = 10;

interface Plan {
  query: SearchQuery;
  weighted: WeightedTerm[];
  first: ReturnType<SearchIndex['searchKeeping']>;
  candidates: { id: number; score: number }[];
  /** Articles left out of the index's answers: the page itself (RetrieveOptions.excludeCopiesOf) and articles beyond the limits. */
  excluded?: Set<number>;
  /**
   * Outlets with all their places (RetrieveOptions.perOutlet): the index leaves out their other
   * articles, so that an outlet with many more cannot fill the places again round after round.
   */
  fullOutlets?: { outlets: Set<string>; keep: Set<number> };
}

/** What the index is asked with for a plan: its exclusions added to `base`. */
function planOptions(plan: Plan, base: SearchOptions): SearchOptions {
  if (!plan.excluded && !plan.fullOutlets) return base;
  return { ...base, excludeIds: plan.excluded, fullOutlets: plan.fullOutlets };
}

/** Rounds of asking the index again without the unwanted candidates found (copies of the page, articles beyond the limits). */
const REASK_ROUNDS = 3;

/** How many articles' analysed text (sentences, and terms once needed) a retriever keeps for later queries. */
const ANALYSED_CACHE = 256;

interface CachedArticle {
  text: string;
  sentences: { start: number; end: number }[];
  /** Every term: from its stored term ids when they fit the index, else once the article gave feedback or was looked at by a second query. */
  analysed?: AnalysedText;
  /** Queries that found a passage in it without its terms. */
  looks: number;
}

/** A passage's match as hits carry it, to three decimals. */
const thousandths = (x: number) => Math.round(x * 1000) / 1000;

export function createIndexRetriever(
  index: SearchIndex,
  getArticles: (ids: number[]) => Promise<(StoredArticle | undefined)[]>,
): Retriever {
  // Claims of one page mostly find the same articles: read each article once, not once per claim.
  const cache = new Map<number, CachedArticle>();
  const entryOf = (a: StoredArticle): CachedArticle => {
    const text = passageText(a);
    const hit = cache.get(a.id);
    if (hit && hit.text === text) {
      cache.delete(a.id);
      cache.set(a.id, hit);
      return hit;
    }
    const sentences = unpackSentences(a.sentences, text) ?? sentencesOf(text);
    // Terms stored as ids that fit this index make the article analysed already.
    const stored = a.terms && unpackTerms(a.terms, index, sentences);
    const entry: CachedArticle = { text, sentences, analysed: stored ? analysedFromIds(sentences, stored) : undefined, looks: 0 };
    cache.set(a.id, entry);
    if (cache.size > ANALYSED_CACHE) cache.delete(cache.keys().next().value as number);
    return entry;
  };
  /** Every term of an article (feedback needs them; a batch keeps them for its passages). */
  const analysedOf = (batch: Map<number, AnalysedText>, a: StoredArticle): AnalysedText => {
    let analysed = batch.get(a.id);
    if (!analysed) {
      const entry = entryOf(a);
      analysed = entry.analysed ??= analyseText(entry.text, entry.sentences);
      batch.set(a.id, analysed);
    }
    return analysed;
  };
  /**
   * What finding a passage needs: the article's terms when known; the first time, only the words
   * that may be this query's terms (cheaper); from the second query on, every term (kept).
   */
  const forPassage = (batch: Map<number, AnalysedText>, a: StoredArticle, q: PreparedQuery): AnalysedText => {
    const known = batch.get(a.id);
    if (known) return known;
    const entry = entryOf(a);
    if (entry.analysed || entry.looks > 0) return analysedOf(batch, a);
    entry.looks++;
    return analyseForQuery(entry.text, q, entry.sentences);
  };
  /**
   * Reads articles not read or asked for yet by this batch, in one call; resolves once they are in
   * `known`. Already marked as handled, so a read that fails while the caller is still working is
   * reported where it is awaited.
   */
  const readInto = (known: Map<number, StoredArticle | undefined>, asked: Set<number>, ids: Iterable<number>): Promise<void> => {
    const missing: number[] = [];
    for (const id of ids) {
      // Every id in `known` was asked for first.
      if (asked.has(id)) continue;
      asked.add(id);
      missing.push(id);
    }
    if (missing.length === 0) return Promise.resolve();
    const read = getArticles(missing).then((rows) => missing.forEach((id, i) => known.set(id, rows[i])));
    read.catch(() => undefined);
    return read;
  };

  async function searchMany(queries: readonly SearchQuery[], opts: RetrieveOptions): Promise<EvidenceHit[][]> {
    const k = Math.max(0, Math.floor(opts.k));
    // Without a passage rerank only the k best (plus room for the page itself) need reading.
    const rerank = RERANK.passageWeight > 0;
    const depth = rerank ? Math.max(k * RERANK.depthFactor, RERANK.minDepth) : k + 2;
    const searchOpts = { excludeOutlet: opts.excludeOutlet };
    const known = new Map<number, StoredArticle | undefined>();
    const asked = new Set<number>();
    const analysed = new Map<number, AnalysedText>();
    const candidateIds = (ps: readonly (Plan | null)[]) => ps.flatMap((p) => (p ? p.candidates.map((c) => c.id) : []));
    // First pass for every query, a group at a time; each group's candidates are asked for as soon
    // as it is scored, so storage reads them while the next groups are scored.
    const plans: (Plan | null)[] = [];
    const firstReads: Promise<void>[] = [];
    for (let g = 0; g < queries.length; g += READ_GROUP) {
      const group = queries.slice(g, g + READ_GROUP).map((query): Plan | null => {
        if (k === 0 || !query.text.trim()) return null;
        const weighted = queryTerms(query.text, query.structure);
        const first = index.searchKeeping(weighted, depth, searchOpts);
        return first.hits.length ? { query, weighted, first, candidates: first.hits } : null;
      });
      plans.push(...group);
      // Asked for now, not awaited: IndexedDB reads them while the next groups are scored (a yield
      // here measured no different: the request goes out when it is made).
      firstReads.push(readInto(known, asked, candidateIds(group)));
    }
    const limited = opts.perOutlet !== undefined || opts.perStory !== undefined;
    /**
     * Copies of the page's own text rank first for its claims (the wire story it republishes,
     * other outlets' copies, the page itself when it was captured), and one outlet's or one story's
     * many articles can fill the list: once a group's candidates are read, the index is asked
     * again without the copies and the articles beyond the limits (perOutlet, perStory), so that
     * they do not take the places of other outlets' evidence.
     */
    const dropUnwanted = async (group: readonly (Plan | null)[]) => {
      for (let round = 0; round < REASK_ROUNDS; round++) {
        const again: Plan[] = [];
        for (const plan of group) {
          if (!plan) continue;
          const crowding = new Crowding(opts);
          const unwanted = plan.candidates.filter((c) => {
            const a = known.get(c.id);
            if (a === undefined || plan.excluded?.has(c.id)) return false;
            return isThePage(a, opts) || (limited && !crowding.admit(a));
          });
          if (unwanted.length === 0) continue;
          plan.excluded ??= new Set();
          for (const c of unwanted) plan.excluded.add(c.id);
          if (opts.perOutlet !== undefined) crowding.full((plan.fullOutlets ??= { outlets: new Set(), keep: new Set() }));
          plan.first = index.searchKeeping(plan.weighted, depth, planOptions(plan, searchOpts));
          plan.candidates = plan.first.hits;
          again.push(plan);
        }
        if (again.length === 0) return;
        await readInto(known, asked, candidateIds(again));
      }
    };
    // Feedback from each query's best articles and a second pass, group by group as their articles
    // arrive; what the second passes found is asked for at once.
    const moreReads: Promise<void>[] = [];
    for (let g = 0; g * READ_GROUP < plans.length; g++) {
      await firstReads[g];
      const group = plans.slice(g * READ_GROUP, (g + 1) * READ_GROUP);
      if (opts.excludeCopiesOf?.length || limited) await dropUnwanted(group);
      if (RERANK.feedbackDocs > 0) {
        for (const plan of group) {
          if (!plan || plan.candidates.length < 2) continue;
          const { candidates, weighted, first } = plan;
          const fb: { title: string; analysed: AnalysedText }[] = [];
          const minScore = candidates[0].score * RERANK.feedbackMinScore;
          for (let i = 0; i < candidates.length && fb.length < RERANK.feedbackDocs; i++) {
            const a = known.get(candidates[i].id);
            if (candidates[i].score < minScore) break;
            if (a && !isThePage(a, opts)) fb.push({ title: a.title, analysed: analysedOf(analysed, a) });
          }
          const extra = feedbackTerms(fb, index, weighted);
          // Only the added terms are scored: the first pass's scores are kept.
          if (extra.length > 0) plan.candidates = index.searchMore(first.state, extra, depth, planOptions(plan, searchOpts));
        }
      }
      moreReads.push(readInto(known, asked, candidateIds(group)));
    }
    await Promise.all([...firstReads, ...moreReads]);
    const n = Math.max(index.docCount, 1);
    const idf = (term: string) => {
      const df = index.docFreq(term);
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    };
    return plans.map((plan) => {
      // (Asking again without unwanted candidates can leave none.)
      if (!plan || plan.candidates.length === 0) return [];
      const { candidates, query, weighted } = plan;
      const prepared = prepareQuery(query, idf, weighted, (term) => index.termId(term));
      const top = candidates[0].score || 1;
      const scored: { hit: EvidenceHit; score: number }[] = [];
      const crowding = new Crowding(opts);
      for (let i = 0; i < candidates.length; i++) {
        if (!rerank && scored.length >= k) break;
        const c = candidates[i];
        const a = known.get(c.id);
        if (!a || a.id !== c.id) continue;
        if (isThePage(a, opts)) continue;
        if (opts.excludeOutlet !== undefined && a.outlet === opts.excludeOutlet) continue;
        if (limited && !crowding.admit(a)) continue;
        const p = bestPassage(passageText(a), prepared, undefined, forPassage(analysed, a, prepared));
        const score = c.score / top + RERANK.passageWeight * Math.min(p.score, 1.5);
        const hit: EvidenceHit = {
          articleId: a.id,
          url: a.url,
          outlet: a.outlet,
          title: a.title,
          published: a.published ?? null,
          passage: p.passage || a.title,
          score: Math.round(score * 10000) / 10000,
          match: thousandths(p.score),
        };
        if (p.withFigures !== undefined) hit.withFigures = thousandths(p.withFigures);
        if (p.other !== undefined) {
          const other: NonNullable<EvidenceHit['other']> = { passage: p.other, match: thousandths(p.otherScore!) };
          if (p.otherWithFigures !== undefined) other.withFigures = thousandths(p.otherWithFigures);
          hit.other = other;
        }
        if (a.copyOf !== undefined) hit.copyOf = a.copyOf;
        if (a.copyOfOutlet !== undefined) hit.copyOfOutlet = a.copyOfOutlet;
        scored.push({ hit, score });
      }
      if (rerank) scored.sort((x, y) => y.score - x.score);
      // (the names of the hits kept only, not of every candidate scored)
      return scored.slice(0, k).map(({ hit }) => {
        hit.names = capitalisedWords(`${hit.title}\n${known.get(hit.articleId)!.text}`);
        return hit;
      });
    });
  }

  return {
    async search(query, opts) {
      return (await searchMany([query], opts))[0];
    },
    searchMany,
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
