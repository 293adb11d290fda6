import type { CheckedClaim, ClaimStructure, EvidenceHit, SpottedClaim, StanceResult } from './types';
import { decideVerdict, outletFindings, type JudgedEvidence } from './verdict';
import { mostCheckWorthy } from './spot';
import { hasRest, OPENING_CHARS } from './claim-parts';
import { EVIDENCE_PER_OUTLET, EVIDENCE_PER_STORY } from './evidence-limits';
import { assertedPart } from './text/asserted';
import { capitalisedWords, mentionsAny, nameWords, pageNameWords } from './story-names';

/**
 * The steps of a check, each behind its own module so that any one can be replaced:
 * spotting (utils/spot), retrieval (utils/search), stance (utils/stance), verdict (utils/verdict).
 */
export interface PipelineSteps {
  /**
   * Check-worthy claims of a text, in text order; with `from`/`to` only sentences starting in that
   * stretch of the text, and with `maxClaims` at most that many of them (the highest scores, ties in
   * text order). A spotter may ignore both (selectClaims applies them again), or `maxClaims` alone,
   * but not keep to the cap without keeping to the stretch.
   */
  spot(text: string, opts: SpotOptions): SpottedClaim[];
  /** Structure of one sentence checked on its own (a selection, a typed sentence). */
  structure(text: string): ClaimStructure;
  /** Candidate evidence from other articles, best first, at most one per article. */
  search(
    query: { text: string; structure?: ClaimStructure },
    opts: EvidenceOptions,
  ): Promise<EvidenceHit[]>;
  /**
   * Candidate evidence for several claims at once (a page's claims), each list as `search` gives
   * it; a backend may read what they share once. Optional: without it, claims are searched one by one.
   */
  searchMany?(
    queries: readonly { text: string; structure?: ClaimStructure }[],
    opts: EvidenceOptions,
  ): Promise<EvidenceHit[][]>;
  /** Stance of one passage towards a claim. */
  stance(claim: string, evidence: string, opts: { structure?: ClaimStructure }): StanceResult;
}

/**
 * What evidence is looked for: `k` articles at most, none of them the page being read (its
 * address, or a copy of its text), at most `perOutlet` from one outlet and `perStory` from one
 * story with its syndicated copies.
 */
export interface EvidenceOptions {
  k: number;
  excludeUrl?: string;
  /** The page's copy signature (utils/syndication copySignature). */
  excludeCopiesOf?: readonly number[];
  perOutlet?: number;
  perStory?: number;
}

/** What the spotter is asked for (see PipelineSteps.spot). */
export interface SpotOptions {
  sensitivity?: number;
  maxClaims?: number;
  /** Only sentences starting at or after this offset of the text. */
  from?: number;
  /** Only sentences starting before this offset of the text. */
  to?: number;
}

/** The page a text comes from. */
export interface PageInfo {
  url?: string | null;
  /** The page's outlet; its own articles are shown apart. */
  outlet?: string | null;
  /**
   * The copy signature of the page's text: stored articles with the same text (the wire story the
   * page republishes, other outlets' copies of it) are the page's own story, not evidence for it.
   */
  signature?: readonly number[];
  /** The names the page's text holds (utils/story-names pageNames): evidence must be about its story. */
  names?: readonly string[];
}

export interface CheckOptions {
  /** 0 = fewest claims, 1 = most; default 0.5. */
  sensitivity?: number;
  /** Evidence passages looked at per claim. */
  evidencePerClaim?: number;
  /** At most this many claims per page (the most check-worthy are kept). */
  maxClaims?: number;
}

export const DEFAULT_EVIDENCE_PER_CLAIM = 12;
/**
 * Evidence whose passage covers less of the claim than this (see EvidenceHit.match) is not put to
 * the stance model: retrieval always returns its best k, even when nothing in the corpus is about
 * the claim, and a passage sharing one word with it ("volumes destroyed" / "trading volume") is
 * not evidence. Chosen on the demo pages (scripts/eval-demo.ts): verdicts right 24 of 35 at 0.3,
 * 22 at 0.25, 20 at 0.2.
 */
export const MIN_EVIDENCE_MATCH = 0.3;

/**
 * A passage giving another figure for what the claim's figure counts ("Turnout was 58 percent" for
 * "Turnout was 61 percent, the highest since 1998") shares fewer of the claim's words than one
 * restating it, yet bears on it most: it is evidence when, with its figure in the claim's figure's
 * place, it covers FIGURE_EVIDENCE_MATCH of the claim and, without, at least FIGURE_WORDS_MATCH.
 */
export const FIGURE_EVIDENCE_MATCH = 0.4;
export const FIGURE_WORDS_MATCH = 0.2;

function bearsOnClaim(hit: Pick<EvidenceHit, 'match' | 'withFigures'>): boolean {
  if (hit.match === undefined || hit.match >= MIN_EVIDENCE_MATCH) return true;
  return hit.withFigures !== undefined && hit.withFigures >= FIGURE_EVIDENCE_MATCH && hit.match >= FIGURE_WORDS_MATCH;
}

export const DEFAULT_MAX_CLAIMS = 60;

/** Cross-checks one claim against the corpus. */
export async function checkClaim(
  claim: Pick<SpottedClaim, 'text' | 'start' | 'end' | 'score' | 'structure'>,
  steps: PipelineSteps,
  page: PageInfo = {},
  opts: CheckOptions = {},
): Promise<CheckedClaim> {
  const hits = await steps.search(searchQuery(claim), searchOptions(page, opts));
  return judge(claim, hits, steps, page);
}

/**
 * What is looked for: what the claim asserts, without the source it names or a lead-in before a
 * colon (utils/text/asserted). "…, according to messages that spread on investor forums" is not
 * what other outlets' passages must hold, and a passage holding all of what the claim asserts
 * should not fall below MIN_EVIDENCE_MATCH for lacking it.
 */
function searchQuery(claim: Pick<SpottedClaim, 'text' | 'structure'>): { text: string; structure?: ClaimStructure } {
  return { text: assertedPart(claim.text), structure: claim.structure };
}

function searchOptions(page: PageInfo, opts: CheckOptions): EvidenceOptions {
  return {
    k: opts.evidencePerClaim ?? DEFAULT_EVIDENCE_PER_CLAIM,
    excludeUrl: page.url ?? undefined,
    perOutlet: EVIDENCE_PER_OUTLET,
    perStory: EVIDENCE_PER_STORY,
    ...(page.signature?.length ? { excludeCopiesOf: page.signature } : {}),
  };
}

/** Stance of each relevant hit, and the verdict of the outlets they come from. */
function judge(
  claim: Pick<SpottedClaim, 'text' | 'start' | 'end' | 'score' | 'structure'>,
  hits: EvidenceHit[],
  steps: PipelineSteps,
  page: PageInfo,
): CheckedClaim {
  // About the page's story: the article names one of the claim's names or the page's (a page's
  // claims only: a reader's selection has no page's names to go by, and its own may be too few).
  const pageWords = page.names?.length ? pageNameWords(page.names) : null;
  const claimWords = pageWords ? nameWords(claim.structure?.entities ?? []) : null;
  const aboutStory = (hit: EvidenceHit) => {
    if (!pageWords || (pageWords.size === 0 && claimWords!.size === 0)) return true;
    const words = hit.names ?? capitalisedWords(`${hit.title}\n${hit.passage}`);
    return mentionsAny(words, pageWords) || mentionsAny(words, claimWords!);
  };
  const relevant = hits.filter((hit) => bearsOnClaim(hit) && aboutStory(hit));
  const judged: JudgedEvidence[] = relevant.map((hit) => ({
    hit,
    stance: steps.stance(claim.text, hit.passage, { structure: claim.structure }),
  }));
  // A story often restates the claim where it shares most words with it and disputes it further
  // down ("But the ministry denied …", another figure): an article's other sentence bearing on the
  // claim counts when it disputes it (the outlet's finding is then the side it takes, see
  // outletFindings). Only a dispute: a confirmation there was as often a party's own word.
  for (const hit of relevant) {
    // (the sentence must bear on the claim by itself, as the passage must)
    if (!hit.other || !bearsOnClaim(hit.other)) continue;
    const other = { ...hit, passage: hit.other.passage };
    const stance = steps.stance(claim.text, other.passage, { structure: claim.structure });
    if (stance.stance === 'dispute') judged.push({ hit: other, stance });
  }
  const outlets = outletFindings(judged, { outlet: page.outlet, url: page.url });
  return { text: claim.text, start: claim.start, end: claim.end, score: claim.score, verdict: decideVerdict(outlets), outlets };
}

/**
 * A long text's claims are chosen in two parts: its opening (the sentences that start in its first
 * OPENING_CHARS characters) and the rest. The opening's are chosen among the opening only, with a
 * share of the limit in proportion to its length; the rest's fill what the opening left, and what
 * the rest leaves goes to the opening's next most check-worthy claims. So a page's opening can be
 * spotted and painted before the rest is read, and its claims stay when the rest comes. A text no
 * longer than OPENING_CHARS is all opening, chosen as one (the most check-worthy up to the limit).
 */
export function openingLimit(length: number, max: number): number {
  return hasRest(length) ? Math.ceil((max * OPENING_CHARS) / length) : max;
}

/** The claims of a text's opening that will be checked first (see openingLimit), in text order. */
export function openingClaims(text: string, steps: Pick<PipelineSteps, 'spot'>, opts: CheckOptions = {}): SpottedClaim[] {
  const max = openingLimit(text.length, opts.maxClaims ?? DEFAULT_MAX_CLAIMS);
  return claimsBetween(text, steps, opts, 0, OPENING_CHARS, max);
}

/**
 * The claims checked beyond the opening's (`opening`, as openingClaims gave them), in text order:
 * the rest's most check-worthy up to what the limit leaves, then, if the rest has fewer, the
 * opening's next most check-worthy up to the limit.
 */
export function restClaims(text: string, steps: Pick<PipelineSteps, 'spot'>, opts: CheckOptions, opening: readonly SpottedClaim[]): SpottedClaim[] {
  if (!hasRest(text.length)) return [];
  const max = opts.maxClaims ?? DEFAULT_MAX_CLAIMS;
  const room = Math.max(0, max - opening.length);
  const rest = room === 0 ? [] : claimsBetween(text, steps, opts, OPENING_CHARS, Infinity, room);
  if (rest.length >= room) return rest;
  // The opening's most check-worthy up to what is left: its claims already taken, and the next ones
  // (so the spotter works out the structure of no claim that will not be used).
  const taken = new Set(opening.map((c) => c.start));
  const more = claimsBetween(text, steps, opts, 0, OPENING_CHARS, max - rest.length).filter((c) => !taken.has(c.start));
  return [...mostCheckWorthy(more, room - rest.length), ...rest];
}

/** The claims of a text that will be checked, in text order: its opening's and those beyond (see openingLimit). */
export function selectClaims(text: string, steps: Pick<PipelineSteps, 'spot'>, opts: CheckOptions = {}): SpottedClaim[] {
  const opening = openingClaims(text, steps, opts);
  return inTextOrder([...opening, ...restClaims(text, steps, opts, opening)]);
}

/** Claims sorted by where they start. */
export function inTextOrder<T extends { start: number }>(claims: T[]): T[] {
  return claims.sort((a, b) => a.start - b.start);
}

/** Claims of the sentences starting in [from, to): spotted, and past `max` the most check-worthy, in text order. */
function claimsBetween(text: string, steps: Pick<PipelineSteps, 'spot'>, opts: CheckOptions, from: number, to: number, max: number): SpottedClaim[] {
  // The spotter may cap and place the claims itself (and skip the structure of those left out);
  // the filter and cap below give the same claims either way — provided a spotter that caps also
  // keeps to the stretch (the cap is of the stretch's claims).
  const claims = steps.spot(text, { sensitivity: opts.sensitivity, maxClaims: max, from, to }).filter((c) => c.start >= from && c.start < to);
  return mostCheckWorthy(claims, max);
}

/** Cross-checks claims already spotted, in order. */
export async function checkClaims(claims: readonly SpottedClaim[], steps: PipelineSteps, page: PageInfo = {}, opts: CheckOptions = {}): Promise<CheckedClaim[]> {
  if (steps.searchMany && claims.length > 1) {
    // A page's claims together: the backend reads the articles they share once.
    const hits = await steps.searchMany(
      claims.map(searchQuery),
      searchOptions(page, opts),
    );
    return claims.map((claim, i) => judge(claim, hits[i] ?? [], steps, page));
  }
  const checked: CheckedClaim[] = [];
  for (const claim of claims) checked.push(await checkClaim(claim, steps, page, opts));
  return checked;
}

/** Spots the claims of a text and cross-checks each one. */
export async function checkText(text: string, steps: PipelineSteps, page: PageInfo = {}, opts: CheckOptions = {}): Promise<CheckedClaim[]> {
  return checkClaims(selectClaims(text, steps, opts), steps, page, opts);
}

/**
 * A text the reader chose with fewer words than this, none of it read as a claim and with no
 * action in it, states nothing outlets could confirm or dispute (a word, a name, "the army", a
 * date): it is not checked, rather than be given a verdict from the stances of every passage that
 * happens to name it. ("Zelensky resigned." is checked.)
 */
export const MIN_SELECTION_WORDS = 3;

/** The words of a text (in any script: Intl.Segmenter's word-like segments). */
export function countWords(text: string): number {
  let words = 0;
  for (const segment of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)) if (segment.isWordLike) words++;
  return words;
}

/**
 * Checks a text the reader chose (a selection, a typed sentence): every sentence that reads as a
 * claim is checked, and when none does, the whole text is checked as one claim — the reader asked
 * — unless it is too short to state anything (see MIN_SELECTION_WORDS): then nothing is checked.
 */
export async function checkSelection(
  text: string,
  steps: PipelineSteps,
  page: PageInfo = {},
  opts: CheckOptions = {},
): Promise<CheckedClaim[]> {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const spotted = steps.spot(trimmed, { sensitivity: 1 });
  if (spotted.length > 0) return checkText(trimmed, { ...steps, spot: () => spotted }, page, opts);
  const structure = steps.structure(trimmed);
  // A word or two states something only with an action ("Zelensky resigned."): not a date, a
  // model or a number alone ("October 8", "Boeing 737", "About 12").
  if (countWords(trimmed) < MIN_SELECTION_WORDS && !structure.action) return [];
  return [await checkClaim({ text: trimmed, start: 0, end: trimmed.length, score: 1, structure }, steps, page, opts)];
}
