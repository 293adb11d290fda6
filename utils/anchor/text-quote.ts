/**
 * Text-quote anchoring: a claim is remembered as its exact text plus some context on each side,
 * and found again in the page's text after the page re-renders or changes a little.
 *
 * Finding goes in three steps, cheapest first:
 * 1. the exact text (when it occurs more than once, the context decides, then the hint);
 * 2. the same text after normalising whitespace, letter case, typographic quotes and dashes;
 * 3. an approximate match, tolerant of small edits, searched only near places where pieces of
 *    the quote (or the ends of its context) occur exactly, and scored with the weights below.
 */
import type { TextQuote } from '../types';

/** How much each part of an approximate match counts towards its score. */
export const MATCH_WEIGHTS = Object.freeze({
  /** Similarity of the matched text to the quote. */
  quote: 50,
  /** Similarity of the text before the match to the stored prefix. */
  prefix: 20,
  /** Similarity of the text after the match to the stored suffix. */
  suffix: 20,
  /** Closeness to the hint position, when one is given. */
  position: 2,
});

/** Lowest weighted score (0..1) an approximate match needs to be returned. */
export const MIN_MATCH_SCORE = 0.7;

/** Most edits an approximate match may have, as a share of the quote's length. */
export const MAX_EDIT_RATIO = 0.25;

/** Quotes shorter than this (after normalising) are only found exactly. */
const MIN_FUZZY_LENGTH = 12;
/** Pieces the quote is cut into to find places worth aligning. */
const MAX_PIECES = 10;
const MIN_PIECE_LENGTH = 6;
/** A piece found more often than this is too common to point anywhere. */
const MAX_PIECE_HITS = 64;
/** Places aligned in full, best-supported first. */
const MAX_CANDIDATES = 12;
/** Most drift (net insertions or deletions) an alignment may have from where the pieces point. */
const MAX_BAND = 64;
/** Alignment work allowed per search, in table cells; the best candidate is always aligned. */
const CELL_BUDGET = 3_000_000;
/** Exact occurrences compared by context; more than this and the rest are ignored. */
const MAX_EXACT_OCCURRENCES = 5_000;

/** A range of character offsets `[start, end)` into the searched text. */
export interface QuoteRange {
  start: number;
  end: number;
}

/** The exact text between `start` and `end` with up to `context` characters either side. */
export function quoteAt(text: string, start: number, end: number, context = 32): TextQuote {
  let from = clamp(Math.min(start, end), 0, text.length);
  let to = clamp(Math.max(start, end), 0, text.length);
  from = Math.trunc(from);
  to = Math.trunc(to);
  let prefixStart = Math.max(0, from - Math.max(0, context));
  let suffixEnd = Math.min(text.length, to + Math.max(0, context));
  // Do not cut a surrogate pair in half at the outer edge of the context.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  if (suffixEnd < text.length && isLowSurrogate(text.charCodeAt(suffixEnd))) suffixEnd--;
  return {
    exact: text.slice(from, to),
    prefix: text.slice(prefixStart, from),
    suffix: text.slice(to, suffixEnd),
  };
}

/**
 * Finds a quote in `text`: the exact text if it is there, else the best approximate match
 * scoring at least MIN_MATCH_SCORE, else null. `hint` (a character offset, e.g. where the
 * quote was last time) breaks ties between equally good places.
 */
export function findQuote(text: string, stored: TextQuote, hint?: number): QuoteRange | null {
  // Anchors are stored data: tolerate missing context and a hint that is not a number.
  const quote: TextQuote = { exact: stored?.exact ?? '', prefix: stored?.prefix ?? '', suffix: stored?.suffix ?? '' };
  if (!quote.exact || typeof text !== 'string') return null;
  if (hint !== undefined && !Number.isFinite(hint)) hint = undefined;
  const exact = findExact(text, quote, hint);
  if (exact) return exact;

  const norm = normalizedText(text);
  const q = normalize(quote.exact).text;
  const trimmedQ = q.trim();
  if (!trimmedQ) return null;
  const prefix = normalize(quote.prefix).text;
  const suffix = normalize(quote.suffix).text;
  const normHint = hint === undefined ? undefined : normOffset(norm, hint);

  const loose = findNormalized(norm.text, trimmedQ, prefix, suffix, normHint);
  if (loose) return toOriginal(text, norm, loose.start, loose.end);

  const fuzzy = findApproximate(norm.text, trimmedQ, prefix, suffix, normHint);
  return fuzzy ? toOriginal(text, norm, fuzzy.start, fuzzy.end) : null;
}

// ---------------------------------------------------------------------------------------------
// Step 1 and 2: exact occurrences, told apart by context.

/** All start offsets of `needle` in `haystack`, up to a limit. */
function occurrences(haystack: string, needle: string, limit: number): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0 && found.length < limit; at = haystack.indexOf(needle, at + 1)) {
    found.push(at);
  }
  return found;
}

/** Picks among exact occurrences: best context agreement, then nearest the hint, then first. */
function pickByContext(haystack: string, starts: number[], length: number, prefix: string, suffix: string, hint?: number): number {
  if (starts.length === 1) return starts[0];
  // Context that agrees exactly scores 1, the most there is: when some start has it, only those
  // compete and none needs scoring by edit distance (a sentence repeated down a long page).
  const agreeing = prefix || suffix ? starts.filter((start) => contextAgrees(haystack, start, start + length, prefix, suffix)) : [];
  const candidates = agreeing.length ? agreeing : starts;
  let best = candidates[0];
  let bestContext = -1;
  let bestDistance = Infinity;
  for (const start of candidates) {
    const context = agreeing.length ? 1 : contextScore(haystack, start, start + length, prefix, suffix);
    const distance = hint === undefined ? 0 : Math.abs(start - hint);
    if (context > bestContext || (context === bestContext && distance < bestDistance)) {
      best = start;
      bestContext = context;
      bestDistance = distance;
    }
  }
  return best;
}

function findExact(text: string, quote: TextQuote, hint?: number): QuoteRange | null {
  const starts = occurrences(text, quote.exact, MAX_EXACT_OCCURRENCES);
  if (starts.length === 0) return null;
  const start = pickByContext(text, starts, quote.exact.length, quote.prefix, quote.suffix, hint);
  return { start, end: start + quote.exact.length };
}

function findNormalized(text: string, q: string, prefix: string, suffix: string, hint?: number): QuoteRange | null {
  const starts = occurrences(text, q, MAX_EXACT_OCCURRENCES);
  if (starts.length === 0) return null;
  const start = pickByContext(text, starts, q.length, prefix, suffix, hint);
  return { start, end: start + q.length };
}

/** The text before `start` and after `end` that a stored prefix and suffix are compared with. */
const textBefore = (text: string, start: number, prefix: string) => text.slice(Math.max(0, start - prefix.length), start);
const textAfter = (text: string, end: number, suffix: string) => text.slice(end, end + suffix.length);

/** Whether the text around `[start, end)` is the stored context exactly (the context given, that is). */
function contextAgrees(text: string, start: number, end: number, prefix: string, suffix: string): boolean {
  return (!prefix || textBefore(text, start, prefix) === prefix) && (!suffix || textAfter(text, end, suffix) === suffix);
}

/** Weighted agreement of the text around `[start, end)` with the stored context, 0..1. */
function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): number {
  let score = 0;
  let weight = 0;
  if (prefix) {
    score += MATCH_WEIGHTS.prefix * similarity(prefix, textBefore(text, start, prefix));
    weight += MATCH_WEIGHTS.prefix;
  }
  if (suffix) {
    score += MATCH_WEIGHTS.suffix * similarity(suffix, textAfter(text, end, suffix));
    weight += MATCH_WEIGHTS.suffix;
  }
  return weight ? score / weight : 0;
}

// ---------------------------------------------------------------------------------------------
// Step 3: approximate matches near exactly matching pieces.

function findApproximate(text: string, q: string, prefix: string, suffix: string, hint?: number): QuoteRange | null {
  const m = q.length;
  if (m < MIN_FUZZY_LENGTH) return null;
  const maxErrors = Math.floor(m * MAX_EDIT_RATIO);
  const candidates = candidateStarts(text, q, prefix, suffix, maxErrors);
  if (candidates.length === 0) return null;

  let best: (QuoteRange & { score: number }) | null = null;
  let cells = 0;
  for (const candidate of candidates) {
    const band = Math.min(MAX_BAND, maxErrors + candidate.spread);
    const cost = m * (2 * band + 1);
    if (best && cells + cost > CELL_BUDGET) break;
    cells += cost;
    const match = align(q, text, candidate.start, band, maxErrors);
    if (!match) continue;
    const score = matchScore(text, match, 1 - match.distance / m, prefix, suffix, hint);
    if (!best || score > best.score) best = { start: match.start, end: match.end, score };
  }
  return best && best.score >= MIN_MATCH_SCORE ? { start: best.start, end: best.end } : null;
}

/** Weighted score of a match, 0..1, from its quote similarity, context and position. */
function matchScore(text: string, match: QuoteRange, quoteSimilarity: number, prefix: string, suffix: string, hint?: number): number {
  let score = MATCH_WEIGHTS.quote * quoteSimilarity;
  let weight = MATCH_WEIGHTS.quote;
  if (prefix) {
    score += MATCH_WEIGHTS.prefix * similarity(prefix, textBefore(text, match.start, prefix));
    weight += MATCH_WEIGHTS.prefix;
  }
  if (suffix) {
    score += MATCH_WEIGHTS.suffix * similarity(suffix, textAfter(text, match.end, suffix));
    weight += MATCH_WEIGHTS.suffix;
  }
  if (hint !== undefined && text.length > 0) {
    score += MATCH_WEIGHTS.position * (1 - Math.min(1, Math.abs(match.start - hint) / text.length));
    weight += MATCH_WEIGHTS.position;
  }
  return score / weight;
}

interface Candidate {
  /** Where the quote would start if this place is right. */
  start: number;
  /** How many pieces point here. */
  votes: number;
  /** How far apart the pieces' guesses are (edits between them shift the later ones). */
  spread: number;
}

/**
 * Places where the quote may start: every exact occurrence of a piece of the quote votes for
 * the start it implies, as do the end of the prefix and the start of the suffix. Nearby votes
 * are merged; the best-supported places come first.
 */
function candidateStarts(text: string, q: string, prefix: string, suffix: string, maxErrors: number): Candidate[] {
  const m = q.length;
  const pieces = Math.max(2, Math.min(MAX_PIECES, Math.floor(m / MIN_PIECE_LENGTH)));
  const pieceLength = Math.floor(m / pieces);
  const guesses: Array<{ start: number; source: number }> = [];
  const vote = (needle: string, offset: number, source: number) => {
    if (needle.trim().length < 3) return;
    const hits = occurrences(text, needle, MAX_PIECE_HITS + 1);
    if (hits.length > MAX_PIECE_HITS) return;
    for (const hit of hits) guesses.push({ start: hit - offset, source });
  };
  for (let i = 0; i < pieces; i++) {
    const offset = i * pieceLength;
    vote(q.slice(offset, offset + pieceLength), offset, i);
  }
  const anchor = Math.min(16, Math.max(MIN_PIECE_LENGTH, pieceLength));
  if (prefix.length >= MIN_PIECE_LENGTH) {
    const tail = prefix.slice(-anchor);
    vote(tail, -tail.length, pieces);
  }
  if (suffix.length >= MIN_PIECE_LENGTH) vote(suffix.slice(0, anchor), m, pieces + 1);
  if (guesses.length === 0) return [];

  guesses.sort((a, b) => a.start - b.start);
  const gap = Math.max(4, Math.ceil(maxErrors / 2));
  const clusters: Candidate[] = [];
  let first = 0;
  for (let i = 1; i <= guesses.length; i++) {
    if (i < guesses.length && guesses[i].start - guesses[i - 1].start <= gap) continue;
    const group = guesses.slice(first, i);
    const sources = new Set(group.map((g) => g.source));
    const lo = group[0].start;
    const hi = group[group.length - 1].start;
    const median = group[group.length >> 1].start;
    clusters.push({ start: median, votes: sources.size, spread: Math.min(hi - lo, m) });
    first = i;
  }
  clusters.sort((a, b) => b.votes - a.votes || a.start - b.start);
  return clusters.slice(0, MAX_CANDIDATES);
}

/**
 * Best alignment of the whole of `pattern` starting near `center` in `text`, allowing the
 * alignment to drift at most `band` characters either way (edit distance with a free start and
 * end in the text, computed only in a diagonal band). Gives up, returning null, as soon as every
 * alignment has more than `maxErrors` edits.
 */
function align(pattern: string, text: string, center: number, band: number, maxErrors: number): (QuoteRange & { distance: number }) | null {
  const m = pattern.length;
  const n = text.length;
  const width = 2 * band + 1;
  const first = center - band;
  const INF = 1 << 29;
  // Row i, column k holds the best cost of aligning pattern[0, i) so that it ends at text
  // offset first + i + k; index k + 1 leaves room for an out-of-band sentinel on each side.
  let prev = new Int32Array(width + 2);
  let row = new Int32Array(width + 2);
  let prevOrigin = new Int32Array(width + 2);
  let rowOrigin = new Int32Array(width + 2);
  prev[0] = prev[width + 1] = row[0] = row[width + 1] = INF;
  for (let k = 0; k < width; k++) {
    const end = first + k;
    prev[k + 1] = end >= 0 && end <= n ? 0 : INF;
    prevOrigin[k + 1] = end;
  }
  for (let i = 1; i <= m; i++) {
    const p = pattern.charCodeAt(i - 1);
    let rowMin = INF;
    for (let k = 0; k < width; k++) {
      const end = first + i + k;
      if (end < 1 || end > n) {
        row[k + 1] = INF;
        continue;
      }
      // Diagonal (match or substitution) first, so ties keep the straightest alignment.
      let cost = prev[k + 1] + (text.charCodeAt(end - 1) === p ? 0 : 1);
      let origin = prevOrigin[k + 1];
      const skipPattern = prev[k + 2] + 1;
      if (skipPattern < cost) {
        cost = skipPattern;
        origin = prevOrigin[k + 2];
      }
      const skipText = row[k] + 1;
      if (skipText < cost) {
        cost = skipText;
        origin = rowOrigin[k];
      }
      row[k + 1] = cost;
      rowOrigin[k + 1] = origin;
      if (cost < rowMin) rowMin = cost;
    }
    if (rowMin > maxErrors) return null;
    const swap = prev;
    prev = row;
    row = swap;
    const swapOrigin = prevOrigin;
    prevOrigin = rowOrigin;
    rowOrigin = swapOrigin;
  }
  let best = -1;
  for (let k = 0; k < width; k++) {
    if (best < 0 || prev[k + 1] < prev[best + 1]) best = k;
  }
  const distance = prev[best + 1];
  const start = prevOrigin[best + 1];
  const end = first + m + best;
  if (distance > maxErrors || end <= start) return null;
  return { start, end, distance };
}

// ---------------------------------------------------------------------------------------------
// Similarity and normalisation.

/** 1 − edit distance / longer length: 1 for equal strings, 0 for nothing in common. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - levenshtein(a, b) / longer;
}

function levenshtein(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (c === b.charCodeAt(j - 1) ? 0 : 1);
      row[j] = Math.min(sub, prev[j] + 1, row[j - 1] + 1);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length];
}

/** Text after normalising, with the offset in the original of each normalised character. */
interface Normalized {
  text: string;
  /** `map[i]` is the original offset of normalised character `i`; `map[text.length]` = original length. */
  map: Int32Array;
}

const SPACE = 0x20;

/** Whitespace as the page may render it: spaces, tabs, line breaks, no-break and thin spaces. */
function isSpace(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** Characters a re-render may add or drop without changing the text: soft hyphens, zero-width marks. */
function isIgnorable(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/** One character folded: lower case, straight quotes, ASCII hyphen. */
function fold(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if (c < 0x80) return c;
  switch (c) {
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032: case 0x00b4: case 0x0060:
      return 0x27; // '
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033: case 0x00ab: case 0x00bb:
      return 0x22; // "
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return 0x2d; // -
  }
  if (c >= 0xd800 && c <= 0xdfff) return c;
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/** Normalises text for loose comparison, keeping a map back to the original offsets. */
function normalize(s: string): Normalized {
  const codes = new Uint16Array(s.length);
  const map = new Int32Array(s.length + 1);
  let n = 0;
  let lastSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      if (lastSpace) continue;
      lastSpace = true;
      codes[n] = SPACE;
      map[n++] = i;
      continue;
    }
    if (isIgnorable(c)) continue;
    lastSpace = false;
    codes[n] = fold(c);
    map[n++] = i;
  }
  map[n] = s.length;
  let text = '';
  for (let i = 0; i < n; i += 8192) {
    text += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  }
  return { text, map: map.subarray(0, n + 1) };
}

// Claims on one page are looked up one after another in the same text: normalise it once.
let cachedSource: string | null = null;
let cachedNormalized: Normalized | null = null;

function normalizedText(text: string): Normalized {
  if (cachedSource !== text || !cachedNormalized) {
    cachedNormalized = normalize(text);
    cachedSource = text;
  }
  return cachedNormalized;
}

/** The normalised offset of an original offset (the first normalised character at or after it). */
function normOffset(norm: Normalized, original: number): number {
  let lo = 0;
  let hi = norm.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (norm.map[mid] < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Maps a normalised range back to the original text, without whitespace at either end. */
function toOriginal(text: string, norm: Normalized, start: number, end: number): QuoteRange | null {
  let from = norm.map[start];
  let to = norm.map[end - 1] + 1;
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return to > from ? { start: from, end: to } : null;
}

function clamp(n: number, lo: number, hi: number): number {
  if (Number.isNaN(n)) return lo;
  return Math.min(hi, Math.max(lo, n));
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
