/**
 * Text analysis shared by indexing, querying and passage selection: tokens, stop words, stems,
 * number normalisation, and the weights a query gives its terms (entities and numbers weigh more;
 * related news verbs and nouns are added with a lower weight).
 */
import type { ClaimStructure } from '../types';
import { irregularForms, stem } from './stem';
import { withoutPrototype } from '../text/table';
import { relatedTerms } from './related';

export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other ' +
    'our ours ourselves out over own same she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up very was we were what when where which while who whom why will ' +
    'with would you your yours yourself yourselves s t d ll m re ve don doesn didn isn wasn weren aren hasn haven hadn ' +
    'won wouldn shouldn couldn mustn may might must shall upon via per within without us yet ever every also although though ' +
    'however thus therefore because since unless whether either neither one ones another amp nbsp http https www com'
  ).split(' '),
);

/**
 * Number words that mean the same as their digits ("four districts" = "4 districts"). Without a
 * prototype, so that words such as "constructor" are not found in it.
 */
const NUMBER_WORDS: Record<string, string> = withoutPrototype({
  two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11',
  twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18',
  nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80',
  ninety: '90', hundred: '100', dozen: '12',
});

/** A word of a text: its index term, where it was, and what kind of word it looked like. */
export interface Token {
  term: string;
  start: number;
  end: number;
  /** Written with a capital letter somewhere other than a sentence start (a likely name). */
  capital: boolean;
  /** A number (digits, or a number word). */
  number: boolean;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DIGIT_ONLY = /^[\p{N}.,]+$/u;
const STARTS_WITH_NUMBER = /^\p{N}/u;

/** Whether a UTF-16 code unit is part of a word (letters and digits, any script). */
function isWordChar(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2));
  if (c >= 0xdc00 && c <= 0xdfff) return LETTER_OR_DIGIT.test(text.slice(i - 1, i + 1));
  return LETTER_OR_DIGIT.test(text[i]);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isNumberTerm(term: string): boolean {
  return isDigit(term.charCodeAt(0)) && DIGIT_ONLY.test(term);
}

function normaliseNumber(raw: string): string {
  // "1,200" → "1200"; "3.50" → "3.5"; "3.0" → "3".
  let s = raw.replace(/,/g, '');
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

/** Term for a lower-case word part: its stem, a number's digits, or '' when it is not indexed. */
const termCache = new Map<string, string>();
const stopCache = new Map<string, string>();

function termOf(part: string, keepStopWords: boolean): string {
  const cache = keepStopWords ? stopCache : termCache;
  let t = cache.get(part);
  if (t !== undefined) return t;
  const num = NUMBER_WORDS[part];
  if (num !== undefined) t = num;
  else if (!keepStopWords && STOP_WORDS.has(part)) t = '';
  else if (DIGIT_ONLY.test(part)) t = normaliseNumber(part);
  else if (part.length === 1) t = '';
  else t = stem(part);
  if (cache.size > 200_000) cache.clear();
  cache.set(part, t);
  return t;
}

const LOOK = 0;
const SKIP_SILENT = 1;
const SKIP_COUNTED = 2;

/** FNV-1a over a plain ASCII word, letters lower-cased. */
function asciiHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

let stopHashes: Map<number, string[]> | null = null;

/** Whether a plain ASCII word is a stop word, without building its string. */
function isStopWordAt(text: string, start: number, end: number): boolean {
  if (!stopHashes) {
    stopHashes = new Map();
    for (const w of STOP_WORDS) {
      const h = asciiHash(w, 0, w.length);
      const list = stopHashes.get(h);
      if (list) list.push(w);
      else stopHashes.set(h, [w]);
    }
  }
  const list = stopHashes.get(asciiHash(text, start, end));
  if (!list) return false;
  return list.some((w) => {
    if (w.length !== end - start) return false;
    for (let i = 0; i < w.length; i++) {
      let c = text.charCodeAt(start + i);
      if (c >= 65 && c <= 90) c |= 32;
      if (c !== w.charCodeAt(i)) return false;
    }
    return true;
  });
}

/**
 * The first two letters any word yielding one of some terms starts with, so that tokenizing for
 * those terms (`forEachToken(text, false, fn, filter)`) skips stemming the other words. Every word
 * of a term starts with one of the term's probes (see termProbes).
 */
export class TermFilter {
  private readonly pairs = new Uint8Array(128 * 128);

  constructor(terms: Iterable<string>) {
    const lower = (c: number) => (c >= 65 && c <= 90 ? c | 32 : c);
    for (const term of terms) {
      for (const probe of termProbes(term)) {
        const a = lower(probe.charCodeAt(0));
        if (a >= 128) continue;
        if (probe.length === 1) this.pairs.fill(1, a * 128, a * 128 + 128);
        else if (probe.charCodeAt(1) < 128) this.pairs[a * 128 + lower(probe.charCodeAt(1))] = 1;
      }
    }
  }

  /** LOOK: find the word's term; SKIP_SILENT: no term of the set and no term at all; SKIP_COUNTED: a term, not of the set. */
  check(text: string, start: number, end: number): number {
    for (let i = start; i < end; i++) if (text.charCodeAt(i) >= 128) return LOOK;
    if (end - start < 2) return SKIP_SILENT;
    let a = text.charCodeAt(start);
    let b = text.charCodeAt(start + 1);
    if (a >= 65 && a <= 90) a |= 32;
    if (b >= 65 && b <= 90) b |= 32;
    if (this.pairs[a * 128 + b]) return LOOK;
    return isStopWordAt(text, start, end) ? SKIP_SILENT : SKIP_COUNTED;
  }
}

/**
 * Lower-case strings one of which starts every word part that yields `term`: a stem starts its
 * words but for "-ies" / "-ied" forms ("companie" for "company"), irregular forms ("took") and
 * number words ("four" for 4); a number starts with its first digit whatever its separators
 * ("1,200").
 */
export function termProbes(term: string): string[] {
  if (!term) return [];
  if (STARTS_WITH_NUMBER.test(term)) {
    const words = Object.keys(NUMBER_WORDS).filter((w) => NUMBER_WORDS[w] === term);
    return [term[0], ...words];
  }
  // "-ies" and "-ied" forms end their stems in "y" ("companies" → "company").
  const y = term.length > 1 && term.endsWith('y') ? [`${term.slice(0, -1)}ie`] : [];
  return [term, ...y, ...irregularForms(term)];
}

/**
 * Cuts text into index terms. Possessive "'s" is dropped, hyphenated words give their parts,
 * stop words are skipped (unless `keepStopWords`), and each term is stemmed.
 */
export function tokenize(text: string, keepStopWords = false): Token[] {
  const out: Token[] = [];
  forEachToken(text, keepStopWords, (term, start, end, capital, number) => {
    out.push({ term, start, end, capital, number });
  });
  return out;
}

/** The same as `tokenize`, without building token objects (for indexing). */
export function forEachToken(
  text: string,
  keepStopWords: boolean,
  fn: (term: string, start: number, end: number, capital: boolean, number: boolean) => void,
  among?: TermFilter,
): void {
  const n = text.length;
  let sentenceStart = true;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (!isWordChar(c, text, i)) {
      // . ! ? : and line breaks end a sentence (for telling names from sentence-initial words).
      if (c === 46 || c === 33 || c === 63 || c === 58 || c === 10) sentenceStart = true;
      i++;
      continue;
    }
    const start = i;
    let allDigits = true;
    let hasJoiner = false;
    while (i < n) {
      c = text.charCodeAt(i);
      if (isWordChar(c, text, i)) {
        if (allDigits && !isDigit(c)) allDigits = false;
        i++;
        continue;
      }
      // Joiners inside a word: "1,200", "3.5" (digits both sides), "don't", "well-known".
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      const prev = text.charCodeAt(i - 1);
      if ((c === 46 || c === 44) && isDigit(prev) && isDigit(next)) {
        i++;
        continue;
      }
      if ((c === 39 || c === 0x2019 || c === 45) && i + 1 < n && isWordChar(next, text, i + 1)) {
        if (c !== 45 && !(next >= 97 && next <= 122) && !(next >= 65 && next <= 90) && next < 128) break;
        hasJoiner = true;
        allDigits = false;
        i++;
        continue;
      }
      break;
    }
    const end = i;
    const first = text.charCodeAt(start);
    const upper = first >= 65 && first <= 90 ? true : first > 127 && text[start] !== text[start].toLowerCase();
    const capital = upper && !sentenceStart;
    sentenceStart = false;
    if (among && !keepStopWords && !allDigits && !hasJoiner && !isDigit(first)) {
      const verdict = among.check(text, start, end);
      // Not one of the terms looked for: reported as '' when it has a term at all (positions count it).
      if (verdict === SKIP_COUNTED) fn('', start, end, capital, false);
      if (verdict !== LOOK) continue;
    }
    const raw = text.slice(start, end);
    if (allDigits || (isDigit(first) && DIGIT_ONLY.test(raw))) {
      fn(normaliseNumber(raw), start, end, false, true);
      continue;
    }
    let lower = raw.toLowerCase();
    if (!hasJoiner) {
      const term = termOf(lower, keepStopWords);
      if (term) {
        const number = isNumberTerm(term);
        fn(term, start, end, capital && !number, number);
      }
      continue;
    }
    lower = lower.replace(/’/g, "'");
    if (lower.endsWith("'s")) lower = lower.slice(0, -2);
    let pos = 0;
    for (const part of lower.split(/[-']/)) {
      const pStart = start + pos;
      pos += part.length + 1;
      if (!part) continue;
      const term = termOf(part, keepStopWords);
      if (term) {
        const number = isNumberTerm(term);
        fn(term, pStart, pStart + part.length, capital && !number, number);
      }
    }
  }
}

/** Index terms of a text, in order (stop words removed). */
export function terms(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}

/** A query as weighted terms. */
export interface WeightedTerm {
  term: string;
  weight: number;
  /** Set for terms added by expansion: the query term they stand in for. */
  expands?: string;
}

/** How much more entities, numbers and related terms count. Few, principled, tuned on a held-out split. */
export const QUERY_WEIGHTS = {
  /** A term of a named entity given in the claim structure. */
  entity: 2,
  /** A capitalised word inside the sentence when no structure is given (a likely name). */
  capital: 1.5,
  /** A number. */
  number: 1.6,
  /** The claim's action verb, from the structure. */
  action: 1.2,
  /** A related term added by expansion, relative to the term it comes from. */
  related: 0.35,
};

/**
 * Turns a query into weighted terms: each distinct term once, weighted by kind, plus related terms
 * (synonyms of news verbs and nouns) at a fraction of the weight of the term they relate to.
 */
export function queryTerms(text: string, structure?: ClaimStructure, expand = true): WeightedTerm[] {
  const W = QUERY_WEIGHTS;
  const weights = new Map<string, number>();
  const bump = (term: string, w: number) => weights.set(term, Math.max(weights.get(term) ?? 0, w));
  for (const t of tokenize(text)) bump(t.term, t.number ? W.number : t.capital && !structure ? W.capital : 1);
  if (structure) {
    for (const e of structure.entities) for (const t of tokenize(e)) bump(t.term, t.number ? W.number : W.entity);
    for (const n of structure.numbers) for (const t of tokenize(n.raw)) if (t.number) bump(t.term, W.number);
    if (structure.action) for (const t of tokenize(structure.action)) bump(t.term, W.action);
  }
  const out: WeightedTerm[] = [...weights].map(([term, weight]) => ({ term, weight }));
  if (expand) {
    const added = new Map<string, WeightedTerm>();
    for (const { term, weight } of out) {
      for (const r of relatedTerms(term)) {
        if (weights.has(r)) continue;
        const w = weight * W.related;
        const prev = added.get(r);
        if (!prev || prev.weight < w) added.set(r, { term: r, weight: w, expands: term });
      }
    }
    out.push(...added.values());
  }
  return out;
}
