/**
 * Finds the passage of an article (one sentence, or two neighbouring ones) that best matches a
 * query: the share of the query's weight it covers (each query word counted once, a related word
 * standing in for it at its lower weight), with a bonus for query word pairs that appear close
 * together and in order (phrases such as "took control", "death toll").
 */
import { splitSentences } from '../text/sentences';
import { forEachToken, queryTerms, TermFilter, tokenize, type WeightedTerm } from './analyze';
import type { SearchQuery } from './index';
import { sentenceRanges, type ArticleTerms } from './termseq';

export interface Passage {
  passage: string;
  start: number;
  end: number;
  /** 0 when nothing matches; about 1 when the passage holds every query word (more with phrase bonuses). */
  score: number;
  /**
   * The passage's score with a figure it gives for what the query's figure counts standing in for
   * that figure ("31 people" for "23 people", at OTHER_FIGURE_CREDIT); only when it gives one.
   */
  withFigures?: number;
  /**
   * The sentence outside the passage that matches the query best, when it matches at least
   * OTHER_PASSAGE_SHARE as well: an article may state or deny the claim elsewhere than where it
   * shares most words with it (a figure further down, a denial after the lead).
   */
  other?: string;
  /** How well `other` matches the query, as `score` (its words) and `withFigures` (its figures in place). */
  otherScore?: number;
  otherWithFigures?: number;
}

/** How well, relative to the passage, another sentence must match to be returned beside it. */
const OTHER_PASSAGE_SHARE = 0.6;

/** How much a pair of neighbouring query words found together adds, relative to their lighter weight. */
const PAIR_BONUS = 0.5;
/** A two-sentence window must beat the best single sentence by this factor to be chosen. */
const PAIR_WINDOW_PENALTY = 0.85;
/** Longest passage returned, in characters. */
const MAX_PASSAGE = 600;

interface QueryTerm {
  weight: number;
  root: string;
}

/** A query prepared once for scoring many passages. */
export interface PreparedQuery {
  /** Weight per term; related terms map to the query term they stand for. */
  terms: Map<string, QueryTerm>;
  /** The same by the search index's term id (terms the index has), for articles whose terms are stored as ids. */
  ids?: Map<number, QueryTerm>;
  /** Original query terms in order (for the phrase bonus). */
  order: string[];
  total: number;
  /** Skips the words that cannot be query terms (made on first use). */
  filter?: TermFilter;
  /**
   * The query's figures by the term of what they count ("48 million crowns" → crown → the root
   * of "48"): a sentence giving a figure for the same thing has the query's figure in its place,
   * if perhaps with another value, and is where a passage about that figure is found.
   */
  figures?: Map<string, string>;
}

/** A figure for what the query's figure counts, but another value, fills its place at this share of its weight. */
const OTHER_FIGURE_CREDIT = 0.8;

/** Words between a figure and what it counts: "48 million crowns", "2.4 billion euros". */
const FIGURE_SCALES = new Set(['hundr', 'hundred', 'thousand', 'million', 'billion', 'trillion']);

/** A figure and the word after it, with a scale word between: "84 million crowns", "52.4 percent". */
const FIGURE_IN_TEXT = /(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozens|hundreds|thousands))\s*(?:%|(?:of\s+)?(?:(?:hundred|thousand|million|billion|trillion)\s+)?([\p{L}][\p{L}'’-]*))/giu;

/** The query's figures by what they count (see PreparedQuery.figures); undefined when it has none. */
function queryFigures(text: string, terms: Map<string, QueryTerm>): Map<string, string> | undefined {
  let out: Map<string, string> | undefined;
  const toks = tokenize(text);
  toks.forEach((t, i) => {
    if (!t.number || !/^\d/.test(t.term) || !terms.has(t.term)) return;
    let j = i + 1;
    while (j < toks.length && FIGURE_SCALES.has(toks[j].term)) j++;
    if (text.slice(t.end).startsWith('%')) {
      (out ??= new Map()).set('percent', terms.get(t.term)!.root);
      return;
    }
    const unit = toks[j];
    // what it counts must follow the figure closely: "48 million crowns", not "48 of the 70 districts"
    if (!unit || unit.number || unit.start - t.end > 24) return;
    if (!text.slice(t.end, unit.start).match(/^[\s\p{L}-]*$/u)) return;
    (out ??= new Map()).set(unit.term, terms.get(t.term)!.root);
  });
  return out;
}

/** The query roots of figures a sentence gives for the query's counted things (see PreparedQuery.figures). */
function figuresIn(sentence: string, figures: Map<string, string>): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(FIGURE_IN_TEXT)) {
    const unit = m[1] === undefined ? 'percent' : tokenize(m[1])[0]?.term;
    const root = unit === undefined ? undefined : figures.get(unit);
    if (root) out.push(root);
  }
  return out;
}

/** `idOf` gives the search index's id of a term (-1 when it has none), for articles analysed as ids. */
export function prepareQuery(query: SearchQuery, idf?: (term: string) => number, weighted?: WeightedTerm[], idOf?: (term: string) => number): PreparedQuery {
  const qt = weighted ?? queryTerms(query.text, query.structure);
  const terms = new Map<string, QueryTerm>();
  let total = 0;
  for (const t of qt) {
    const w = t.weight * (idf ? idf(t.expands ?? t.term) : 1);
    terms.set(t.term, { weight: w, root: t.expands ?? t.term });
    if (!t.expands) total += w;
  }
  const order: string[] = [];
  for (const tok of tokenize(query.text)) if (order[order.length - 1] !== tok.term) order.push(tok.term);
  const prepared: PreparedQuery = { terms, order, total: total || 1 };
  const figures = queryFigures(query.text, terms);
  if (figures) prepared.figures = figures;
  if (idOf) {
    prepared.ids = new Map();
    for (const [term, m] of terms) {
      const id = idOf(term);
      if (id >= 0) prepared.ids.set(id, m);
    }
  }
  return prepared;
}

/** An article's sentences and index terms, computed once and reused for every query. */
export interface AnalysedText {
  sentences: { start: number; end: number }[];
  /**
   * Index terms in order: as text ('' for words a query's analysis skipped), or as the search
   * index's term ids when they were stored with the article (termseq.ts).
   */
  terms: readonly string[] | Uint32Array;
  /** Per sentence, the range of `terms` in it (termseq.ts sentenceRanges). */
  ranges: Int32Array;
  /** The title's terms as ids, when stored. */
  titleIds?: Uint32Array;
}

/** An article analysed from its stored term ids (termseq.ts unpackTerms), for `sentences` they were packed with. */
export function analysedFromIds(sentences: { start: number; end: number }[], stored: ArticleTerms): AnalysedText {
  return { sentences, terms: stored.text, ranges: stored.ranges, titleIds: stored.title };
}

export function analyseText(text: string, sentences?: { start: number; end: number }[], forQuery?: PreparedQuery): AnalysedText {
  const terms: string[] = [];
  const starts: number[] = [];
  const filter = forQuery ? (forQuery.filter ??= new TermFilter(forQuery.terms.keys())) : undefined;
  forEachToken(
    text,
    false,
    (term, start) => {
      terms.push(term);
      starts.push(start);
    },
    filter,
  );
  const within = sentences ?? sentencesOf(text);
  return { sentences: within, terms, ranges: sentenceRanges(starts, within) };
}

/** The text of an article that passages are found in (and stored sentence offsets refer to): its body, or its title when it has none. */
export function passageText(a: { text: string; title: string }): string {
  return a.text || a.title;
}

/** An article's sentences (offsets). */
export function sentencesOf(text: string): { start: number; end: number }[] {
  return splitSentences(text).map((s) => ({ start: s.start, end: s.end }));
}

/** Version of the sentence splitting behind stored offsets; raised whenever `splitSentences` changes what it returns. */
export const SENTENCE_OFFSETS_VERSION = 1;

/**
 * An article's sentence offsets packed for storing beside it (found once when the article is
 * stored rather than at each cold start): the version, then each sentence's start and end.
 */
export function packSentences(text: string, sentences = sentencesOf(text)): Uint32Array {
  const packed = new Uint32Array(1 + 2 * sentences.length);
  packed[0] = SENTENCE_OFFSETS_VERSION;
  sentences.forEach((s, i) => {
    packed[1 + 2 * i] = s.start;
    packed[2 + 2 * i] = s.end;
  });
  return packed;
}

/** Stored offsets as sentences; undefined when missing, split by another version, or not fitting the text. */
export function unpackSentences(packed: Uint32Array | undefined, text: string): { start: number; end: number }[] | undefined {
  if (!(packed instanceof Uint32Array) || packed.length % 2 !== 1 || packed[0] !== SENTENCE_OFFSETS_VERSION) return undefined;
  const sentences: { start: number; end: number }[] = [];
  let previous = 0;
  for (let i = 1; i < packed.length; i += 2) {
    const start = packed[i];
    const end = packed[i + 1];
    if (start < previous || end <= start || end > text.length) return undefined;
    sentences.push({ start, end });
    previous = end;
  }
  return sentences;
}

/**
 * What `bestPassage` needs to find a passage for one query: the article's words, with '' for
 * those that cannot be the query's terms (not stemmed: much faster than `analyseText`, and the
 * same passage). Not for other queries.
 */
export function analyseForQuery(text: string, q: PreparedQuery, sentences?: { start: number; end: number }[]): AnalysedText {
  return analyseText(text, sentences, q);
}

interface SentenceMatch {
  start: number;
  end: number;
  /** Best weight per query root found in the sentence. */
  roots: Map<string, number>;
  pairs: number;
}

/** Matches of the query in each sentence, from the article's terms. */
function matchSentences(a: AnalysedText, q: PreparedQuery): SentenceMatch[] {
  const sentences = a.sentences;
  const out: SentenceMatch[] = sentences.map((s) => ({ start: s.start, end: s.end, roots: new Map(), pairs: 0 }));
  // Positions (token ordinals) of each query root, per sentence, for the phrase bonus.
  const positions: Map<string, number[]>[] = [];
  const ids = a.terms instanceof Uint32Array;
  if (ids && !q.ids) throw new Error('passages: an article analysed as term ids needs a query prepared with them (prepareQuery idOf)');
  const table = (ids ? q.ids : q.terms) as Map<string | number, QueryTerm>;
  const terms = a.terms;
  for (let si = 0; si < sentences.length; si++) {
    const end = a.ranges[2 * si + 1];
    for (let ordinal = a.ranges[2 * si]; ordinal < end; ordinal++) {
      const m = table.get(terms[ordinal]);
      if (!m) continue;
      const roots = out[si].roots;
      if ((roots.get(m.root) ?? 0) < m.weight) roots.set(m.root, m.weight);
      const pos = (positions[si] ??= new Map());
      const list = pos.get(m.root);
      if (list) list.push(ordinal);
      else pos.set(m.root, [ordinal]);
    }
  }
  positions.forEach((pos, i) => {
    if (!pos || pos.size < 2) return;
    let pairs = 0;
    for (let j = 0; j + 1 < q.order.length; j++) {
      const a = pos.get(q.order[j]);
      const b = pos.get(q.order[j + 1]);
      if (!a || !b) continue;
      if (a.some((x) => b.some((y) => y > x && y - x <= 3))) {
        pairs += PAIR_BONUS * Math.min(q.terms.get(q.order[j])?.weight ?? 0, q.terms.get(q.order[j + 1])?.weight ?? 0);
      }
    }
    out[i].pairs = pairs;
  });
  return out;
}

function coverage(q: PreparedQuery, ...ms: SentenceMatch[]): number {
  const roots = new Map<string, number>();
  let pairs = 0;
  for (const m of ms) {
    for (const [r, w] of m.roots) if ((roots.get(r) ?? 0) < w) roots.set(r, w);
    pairs += m.pairs;
  }
  let s = 0;
  for (const w of roots.values()) s += w;
  return (s + pairs) / q.total;
}

/**
 * The best passage of an article for a query, with offsets into `articleText`. Pass `analysed`
 * (from `analyseText` of the same text) to skip re-reading an article seen before.
 */
export function bestPassage(
  articleText: string,
  query: SearchQuery | PreparedQuery,
  idf?: (term: string) => number,
  analysed?: AnalysedText,
): Passage {
  const q = 'order' in query ? query : prepareQuery(query, idf);
  const a = analysed ?? analyseText(articleText);
  const sentences = a.sentences;
  if (sentences.length === 0) return { passage: '', start: 0, end: 0, score: 0 };
  const matches = matchSentences(a, q);
  // how much of the query a passage holds, without the figures' places filled (see below)
  let plain: SentenceMatch[] | undefined;
  if (q.figures) {
    plain = matches.map((m) => ({ ...m, roots: new Map(m.roots) }));
    // a sentence giving a figure for what the query's figure counts has that figure's place filled
    for (const m of matches) {
      if (m.roots.size === 0) continue;
      for (const root of figuresIn(articleText.slice(m.start, m.end), q.figures)) {
        // (less than the query's own figure: a sentence with that figure stays ahead)
        const w = (q.terms.get(root)?.weight ?? 0) * OTHER_FIGURE_CREDIT;
        if ((m.roots.get(root) ?? 0) < w) m.roots.set(root, w);
      }
    }
  }
  let best = { start: sentences[0].start, end: sentences[0].end, score: -1 };
  // the best match without the figures' places filled, wherever it is
  let match = 0;
  for (let i = 0; i < matches.length; i++) {
    const one = coverage(q, matches[i]);
    if (one > best.score) best = { start: matches[i].start, end: matches[i].end, score: one };
    if (plain) match = Math.max(match, coverage(q, plain[i]));
    if (i + 1 < matches.length && matches[i].roots.size > 0 && matches[i + 1].roots.size > 0) {
      // a pair is chosen on the words it holds, not on a figure's place filled: a sentence naming
      // the subject beside one with another figure must not beat the sentence with the figure
      const two = plain ? coverage(q, plain[i], plain[i + 1]) : coverage(q, matches[i], matches[i + 1]);
      const fits = matches[i + 1].end - matches[i].start <= MAX_PASSAGE;
      if (two * PAIR_WINDOW_PENALTY > best.score && fits) {
        best = { start: matches[i].start, end: matches[i + 1].end, score: two * PAIR_WINDOW_PENALTY };
      }
      if (plain && fits) match = Math.max(match, coverage(q, plain[i], plain[i + 1]) * PAIR_WINDOW_PENALTY);
    }
  }
  if (!plain) match = best.score;
  let { start, end } = best;
  if (end - start > MAX_PASSAGE) {
    // Cut an overlong sentence at a word boundary.
    const cut = articleText.lastIndexOf(' ', start + MAX_PASSAGE);
    end = cut > start ? cut : start + MAX_PASSAGE;
  }
  // The figures' places filled choose the passage but do not make the article match the query
  // better (a figure in the same unit is no sign that it is about the same thing): the score is
  // the best match the article has without them.
  const out: Passage = { passage: articleText.slice(start, end), start, end, score: Math.max(match, 0) };
  if (plain && best.score > out.score) out.withFigures = best.score;
  let other = -1;
  let otherScore = best.score * OTHER_PASSAGE_SHARE;
  for (let i = 0; i < matches.length; i++) {
    if (matches[i].end <= best.start || matches[i].start >= best.end) {
      const one = coverage(q, matches[i]);
      if (one > otherScore && matches[i].end - matches[i].start <= MAX_PASSAGE) [other, otherScore] = [i, one];
    }
  }
  if (other >= 0) {
    out.other = articleText.slice(matches[other].start, matches[other].end);
    out.otherScore = plain ? coverage(q, plain[other]) : otherScore;
    if (plain && otherScore > out.otherScore) out.otherWithFigures = otherScore;
  }
  return out;
}
