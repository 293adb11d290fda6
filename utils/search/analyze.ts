/**
 * Text analysis shared by indexing, querying and passage selection: tokens, stop words, stems,
 * number normalisation, and the weights a query gives its terms (entities and numbers weigh more;
 * related news verbs and nouns are added with a lower weight).
 */
import type { ClaimStructure } from '../types';
import { stem } from './stem';
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

/** Number words that mean the same as their digits ("four districts" = "4 districts"). */
const NUMBER_WORDS: Record<string, string> = {
  two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11',
  twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18',
  nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80',
  ninety: '90', hundred: '100', dozen: '12',
};

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
