/**
 * How a sentence the reader marked "not a claim" is remembered for a page: by its words while
 * they are short enough (what every dismissal saved so far holds: a message carried at most
 * 20,000 characters), else by a key of its length, two hashes of its words and its opening words.
 */
import { cutText } from './text/cut';

/** Sentences up to this length are remembered by their words themselves. */
export const DISMISSAL_TEXT_MAX = 20_000;

/** Starts every key that is not the sentence itself (no sentence kept as itself starts with it). */
const KEYED = '\u0000';

/** Opening characters of a long sentence kept in its key (to tell it apart when reading the stored list). */
const OPENING_CHARS = 60;

/**
 * The key a dismissed sentence is remembered by: the sentence itself when it is at most
 * DISMISSAL_TEXT_MAX characters (old saved dismissals keep matching), else `\0`, its length, two
 * 32-bit hashes of all its characters and its opening characters — at most about 100 characters,
 * whatever the sentence's length. Two sentences share a key only if they are the same sentence
 * or both long with the same length, opening and both hashes.
 */
export function dismissalKey(text: string): string {
  if (text.length <= DISMISSAL_TEXT_MAX && !text.startsWith(KEYED)) return text;
  return `${KEYED}${text.length}:${hex(fnv1a(text))}${hex(mixHash(text))}:${cutText(text, OPENING_CHARS)}`;
}

function hex(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/** FNV-1a over the UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** A second hash, independent of the first: multiply-rotate over the code units, with a final mix. */
function mixHash(text: string): number {
  let h = 0x9e3779b9 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h = (h << 13) | (h >>> 19);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
