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

// Words: letters/digits with internal apostrophes, hyphens, dots or commas between digits.
const WORD = /[\p{L}\p{N}]+(?:(?:[.,](?=\p{N})|['’](?=\p{L})|-(?=[\p{L}\p{N}]))[\p{L}\p{N}]+)*/gu;

function normaliseNumber(raw: string): string {
  // "1,200" → "1200"; "3.50" → "3.5"; "3.0" → "3".
  let s = raw.replace(/,/g, '');
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

/**
 * Cuts text into index terms. Possessive "'s" is dropped, hyphenated words give their parts,
 * stop words are skipped (unless `keepStopWords`), and each term is stemmed.
 */
export function tokenize(text: string, keepStopWords = false): Token[] {
  const out: Token[] = [];
  let sentenceStart = true;
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index;
    // A sentence start is the first word or a word after . ! ? or a line break.
    const gap = text.slice(last, start);
    if (/[.!?:\n]/.test(gap)) sentenceStart = true;
    last = start + raw.length;
    const first = raw.codePointAt(0) ?? 0;
    const isUpper = first >= 65 && first <= 90 ? true : first > 127 && raw[0] !== raw[0].toLowerCase();
    const capital = isUpper && !sentenceStart;
    sentenceStart = false;
    if (/^\p{N}/u.test(raw) && /^[\p{N}.,]+$/u.test(raw)) {
      out.push({ term: normaliseNumber(raw), start, end: start + raw.length, capital: false, number: true });
      continue;
    }
    let lower = raw.toLowerCase().replace(/’/g, "'");
    if (lower.endsWith("'s")) lower = lower.slice(0, -2);
    const parts = lower.split(/[-']/);
    let pos = 0;
    for (const part of parts) {
      const pStart = start + pos;
      pos += part.length + 1;
      if (!part) continue;
      const num = NUMBER_WORDS[part];
      if (num !== undefined) {
        out.push({ term: num, start: pStart, end: pStart + part.length, capital: false, number: true });
        continue;
      }
      if (!keepStopWords && STOP_WORDS.has(part)) continue;
      if (part.length === 1 && !/\p{N}/u.test(part)) continue;
      const numeric = /^[\p{N}.,]+$/u.test(part);
      out.push({ term: numeric ? normaliseNumber(part) : stem(part), start: pStart, end: pStart + part.length, capital, number: numeric });
    }
  }
  return out;
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
