/**
 * Seeded random inputs for the fuzz tests: a fixed number of cases per test, each replayable
 * from its case number (the seed), so a failure names the input that caused it.
 */
import { seededRandom } from '../utils/random';

export interface Random {
  next(): number;
  /** 0 ≤ n < max. */
  int(max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` items from `make`, joined. */
  repeat(count: number, make: () => string, sep?: string): string;
}

export function random(seed: number): Random {
  const next = seededRandom(seed);
  const int = (max: number) => Math.floor(next() * max);
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[int(items.length)],
    repeat: (count, make, sep = '') => Array.from({ length: count }, make).join(sep),
  };
}

/**
 * Runs `check` for cases 1..`cases`, each with its own generator; a failure is reported with its
 * case number (the seed that replays it).
 */
export async function forCases(cases: number, check: (rng: Random, seed: number) => void | Promise<void>, firstSeed = 1): Promise<void> {
  for (let seed = firstSeed; seed < firstSeed + cases; seed++) {
    try {
      await check(random(seed), seed);
    } catch (error) {
      if (error instanceof Error) error.message = `fuzz case ${seed}: ${error.message}`;
      throw error;
    }
  }
}

/** Characters that trouble text code: white space of every kind, quotes, dashes, surrogates, marks. */
export const ODD_CHARS = [
  ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r', '\u00a0', '\u2009', '\u2028', '\u200b', '\ufeff',
  '"', '“', '”', '«', '»', "'", '’', '(', ')', '[', ']', '—', '–', '-', '…', '.', '...', '!', '?', ',', ';', ':',
  'é', 'ß', 'İ', 'ﬁ', 'e\u0301', '中文', 'العربية', '😀', '👩‍👩‍👧', '\ud83d', '\ude00', '\u0000', '&amp;', '<', '>', '&',
  '•', '* ', '1. ', 'a) ', 'Mr.', 'U.S.', 'e.g.', 'No. 5', 'Jan. 5', '3.5', '1,200', '42%', '$5m',
];

const WORDS = [
  'the', 'army', 'said', 'on', 'Tuesday', 'it', 'had', 'taken', 'control', 'of', 'valley', 'council', 'minister',
  'Government', 'forces', 'rejected', 'claim', 'people', 'were', 'killed', 'in', 'district', 'officials', 'reported',
  'Orlen', 'Sarrow', 'Estrava', 'library', 'fire', 'destroyed', 'volumes', 'about', 'not', 'never', 'reportedly',
  'bank', 'raised', 'rates', 'percent', 'million', 'three', 'dozens', 'according', 'to', 'police', 'Ms', 'Smith',
];

/** A word, a number or an odd character. */
export function token(rng: Random): string {
  const r = rng.next();
  if (r < 0.65) {
    const w = rng.pick(WORDS);
    return rng.chance(0.1) ? w.toUpperCase() : rng.chance(0.15) ? w[0].toUpperCase() + w.slice(1) : w;
  }
  if (r < 0.8) return String(rng.int(rng.chance(0.5) ? 100 : 1e7));
  return rng.pick(ODD_CHARS);
}

/** Prose-like text: sentences of words with odd characters mixed in, paragraphs, lists. */
export function prose(rng: Random, maxSentences = 12): string {
  const parts: string[] = [];
  for (let s = rng.int(maxSentences + 1); s > 0; s--) {
    const words = rng.repeat(1 + rng.int(25), () => token(rng), ' ');
    const sentence = words[0] ? words[0].toUpperCase() + words.slice(1) : words;
    parts.push(sentence + rng.pick(['.', '.', '.', '!', '?', '…', '."', '.”', '', ':', ' (AP).']));
    parts.push(rng.pick([' ', ' ', ' ', '\n', '\n\n', '  ', '\n• ', '\n- ', '\n1. ', '\r\n']));
  }
  return parts.join('');
}

/** Any string: prose, odd characters, or random code units (lone surrogates included). */
export function anyText(rng: Random, maxLength = 300): string {
  switch (rng.int(4)) {
    case 0:
      return prose(rng);
    case 1:
      return rng.repeat(rng.int(40), () => rng.pick(ODD_CHARS));
    case 2:
      return String.fromCharCode(...Array.from({ length: rng.int(maxLength) }, () => (rng.chance(0.7) ? 32 + rng.int(95) : rng.int(0x10000))));
    default:
      return rng.repeat(rng.int(60), () => token(rng), rng.pick([' ', '', '\n']));
  }
}
