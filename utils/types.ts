/**
 * The product's vocabulary as types. Every pipeline step (extract → sentences → spot → retrieve
 * → stance → verdict) speaks in these; each step lives behind its own module in `utils/` so it can
 * be replaced without touching the rest.
 */

/** Stance of one piece of evidence towards a claim. */
export type Stance = 'confirm' | 'dispute' | 'discuss' | 'unrelated';
export const STANCES: readonly Stance[] = ['confirm', 'dispute', 'discuss', 'unrelated'];

/** Verdict for a claim, from all independent outlets' stances. */
export type Verdict = 'confirmed' | 'disputed' | 'conflicting' | 'unverified';
export const VERDICTS: readonly Verdict[] = ['confirmed', 'disputed', 'conflicting', 'unverified'];

/** A run of text with character offsets `[start, end)` into the text it was cut from. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

/** A number mentioned in a claim, with what it counts where that can be told. */
export interface ClaimNumber {
  /** The text as written ("3.5 million", "four", "1,200"). */
  raw: string;
  /** Its value, where it has one (null for "dozens", "hundreds"). */
  value: number | null;
  /** Unit or counted noun ("people", "districts", "%", "km"), if any. */
  unit?: string;
}

/** What retrieval and stance need to know about a claim beyond its words. */
export interface ClaimStructure {
  /** Named entities: people, places, organisations, as written. */
  entities: string[];
  numbers: ClaimNumber[];
  /** The main verb or action ("took control", "killed", "announced"), if found. */
  action?: string;
  /** Who the statement is attributed to ("the army", "officials"), if it is attributed. */
  attribution?: string;
  /** The claim is negated ("did not", "no", "never"). */
  negated: boolean;
  /** The claim is hedged ("reportedly", "may have", "allegedly"). */
  hedged: boolean;
}

/** A check-worthy sentence found in a text. */
export interface SpottedClaim extends Span {
  /** Check-worthiness, 0..1 (higher = more worth checking). */
  score: number;
  structure: ClaimStructure;
}

/** One article as stored in the corpus and exchanged in JSON Lines. */
export interface CorpusArticle {
  url: string;
  outlet: string;
  title: string;
  /** ISO-8601 date or date-time; null when unknown. */
  published: string | null;
  text: string;
}

/** A passage of a corpus article that may bear on a claim, as returned by retrieval. */
export interface EvidenceHit {
  /** Identifies the article in its store (the database key in the extension, the line in the CLI). */
  articleId: number;
  url: string;
  outlet: string;
  title: string;
  published: string | null;
  /** The passage (one or a few sentences) that matched. */
  passage: string;
  /** Retrieval score, higher is better; only comparable within one query. */
  score: number;
  /**
   * How much of the claim the passage covers, comparable across queries: about 0 when it shares
   * nothing specific with the claim, about 1 when it holds every word of it (IDF-weighted).
   */
  match?: number;
  /**
   * How much of the claim the passage covers when a figure it gives for what the claim's figure
   * counts stands in for the claim's ("31 people were treated in hospital" for "23 people were
   * taken to hospital"); only when it gives one and that covers more than `match`.
   */
  withFigures?: number;
  /**
   * Another sentence of the article that matches the claim nearly as well as the passage (see
   * Passage.other), with how well it matches (as `match` and `withFigures` for the passage).
   */
  other?: { passage: string; match: number; withFigures?: number };
  /** When this article is a syndicated copy, the id of the article it copies. */
  copyOf?: number;
  /** When this article is a syndicated copy, the outlet of the article it copies. */
  copyOfOutlet?: string;
  /** The capitalised words of the article's title and text (which story it is about: utils/story-names). */
  names?: string[];
}

/** The stance classifier's answer for one (claim, evidence) pair. */
export interface StanceResult {
  stance: Stance;
  /** A probability per stance, summing to 1. */
  scores: Record<Stance, number>;
}

/** One outlet's position on a claim, with the evidence behind it. */
export interface OutletFinding {
  outlet: string;
  stance: Stance;
  /** Confidence in the stance, 0..1. */
  confidence: number;
  url: string;
  title: string;
  published: string | null;
  /** The sentence (or passage) the outlet wrote. */
  evidence: string;
  /** The page's own outlet: shown apart, never counted as independent. */
  sameOutlet: boolean;
  /** Outlets whose articles are syndicated copies of this one (counted once, with this one). */
  copies: string[];
  /** Set when this finding is itself a syndicated copy of another outlet's story. */
  copyOf?: string;
}

/** A claim on a page with its verdict and the outlets behind it. */
export interface CheckedClaim extends Span {
  score: number;
  verdict: Verdict;
  /** Outlets in date order (oldest first; undated last). */
  outlets: OutletFinding[];
}

/** Exact text plus context, to re-find a claim after the page changes. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}
