/**
 * An article's words stored as the search index's term ids, found once when the article is stored:
 * answering a page's claims after a cold start then reads the ids rather than cutting each
 * article into words again (that analysis was the largest part of the first answers' cost).
 * Feedback counts the ids; passages look them up sentence by sentence.
 *
 * The ids belong to the index's vocabulary, which only grows and is saved with the index, so they
 * hold for as long as the vocabulary lives. A rebuilt index gives other ids, and an index reloaded
 * after a crash may give an id to another term than before: each packed list carries a check made
 * from the vocabulary's own hash of every id's term, and a list that does not match the vocabulary
 * in hand is not used (the article is analysed from its text as before).
 *
 * Layout, unsigned varints: format; the check as two 16-bit halves; the title's term count and
 * ids; the text's term count and ids (of `passageText`); the sentence count, then for each
 * sentence the terms between the previous sentence's end and its start, and the terms in it. The
 * check folds the vocabulary's hash of each id's term, the sentence figures, then the sentences'
 * offsets in the text (so the ranges are used only with the sentences they were made for).
 */
import { forEachToken } from './analyze';
import type { SearchIndex } from './index';

/** Raised whenever what is packed, or the analysis behind it, changes. */
export const TERMS_FORMAT = 2;

/** An article's terms as ids, with each sentence's range of them. */
export interface ArticleTerms {
  title: Uint32Array;
  text: Uint32Array;
  /** Per sentence: the first term's position in `text` and the position after its last. */
  ranges: Int32Array;
}

/**
 * Which terms fall in which sentence: for sentence i, [ranges[2i], ranges[2i + 1]) are the
 * positions of the terms starting inside it (sentences in order, not overlapping).
 */
export function sentenceRanges(starts: ArrayLike<number>, sentences: readonly { start: number; end: number }[]): Int32Array {
  const ranges = new Int32Array(2 * sentences.length);
  let at = 0;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    while (at < starts.length && starts[at] < s.start) at++;
    ranges[2 * si] = at;
    while (at < starts.length && starts[at] < s.end) at++;
    ranges[2 * si + 1] = at;
  }
  return ranges;
}

const FOLD_START = 0x811c9dc5;

function fold(h: number, termHash: number): number {
  return Math.imul(h ^ termHash, 0x01000193) >>> 0;
}

/** An article's terms packed for storing, and as ids for `SearchIndex.addTermIds`. */
export interface PackedTerms {
  packed: Uint8Array;
  title: number[];
  body: number[];
}

/**
 * Packs an article's terms, adding new ones to `index`'s vocabulary in the order `index.add`
 * would (the title's, then the text's): call it before the article is added, with `addTermIds`
 * and the ids returned (or with `add`). `sentences` are those of the text passages are found in
 * (`passageText`: the text, or the title when there is no text).
 */
export function packTerms(index: SearchIndex, title: string, text: string, sentences: readonly { start: number; end: number }[]): PackedTerms {
  // The text passages are found in (passages.ts passageText): the text, or the title when there is none.
  const passage = text || title;
  const titleIds: number[] = [];
  forEachToken(title, false, (term) => void titleIds.push(index.internTerm(term)));
  const textIds: number[] = [];
  const starts: number[] = [];
  forEachToken(passage, false, (term, start) => {
    textIds.push(index.internTerm(term));
    starts.push(start);
  });
  const hashes = index.termHashes;
  let check = FOLD_START;
  for (const id of titleIds) check = fold(check, hashes[id]);
  for (const id of textIds) check = fold(check, hashes[id]);
  const ranges = sentenceRanges(starts, sentences);
  const tail: number[] = [sentences.length];
  let end = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    tail.push(ranges[i] - end, ranges[i + 1] - ranges[i]);
    end = ranges[i + 1];
  }
  for (const v of tail) check = fold(check, v);
  for (const { start, end: to } of sentences) check = fold(fold(check, start), to);
  const packed = encode([TERMS_FORMAT, check & 0xffff, check >>> 16, titleIds.length, ...titleIds, textIds.length, ...textIds, ...tail]);
  // The index's body is the text; the passage is the title when there is no text.
  return { packed, title: titleIds, body: passage === text ? textIds : [] };
}

function encode(values: readonly number[]): Uint8Array {
  let size = 0;
  for (const v of values) size += v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
  const bytes = new Uint8Array(size);
  let o = 0;
  for (let v of values) {
    while (v >= 0x80) {
      bytes[o++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    bytes[o++] = v;
  }
  return bytes;
}

/** Where `readIds` and `readVarint` leave off: the next byte, or -1 after a truncated or overlong value. */
let at = 0;

/** One unsigned varint of `bytes` at `at` (moved past it). */
function readVarint(bytes: Uint8Array): number {
  if (at < 0) return 0;
  let v = 0;
  let scale = 1;
  for (let i = 0; i < 5 && at < bytes.length; i++) {
    const b = bytes[at++];
    v += (b & 0x7f) * scale;
    if (b < 0x80) return v;
    scale *= 128;
  }
  at = -1;
  return 0;
}

/**
 * `count` ids of `bytes` at `at`, each below `limit`, folded into `check` with the vocabulary's
 * hashes; returns the new check, or -1 (and `at` -1) for a damaged list or an id out of range.
 */
function readIds(bytes: Uint8Array, out: Uint32Array, hashes: Uint32Array, limit: number, check: number): number {
  const n = bytes.length;
  let o = at;
  for (let i = 0; i < out.length; i++) {
    if (o >= n) return (at = -1);
    // Ids below 2^14 (most of them) take one or two bytes.
    let v = bytes[o++];
    if (v >= 0x80) {
      if (o >= n) return (at = -1);
      const b = bytes[o++];
      v = (v & 0x7f) | ((b & 0x7f) << 7);
      if (b >= 0x80) {
        at = o;
        v += readVarint(bytes) * 0x4000;
        if (at < 0) return -1;
        o = at;
      }
    }
    if (v >= limit) return (at = -1);
    out[i] = v;
    check = fold(check, hashes[v]);
  }
  at = o;
  return check;
}

/**
 * The terms packed by `packTerms`, when they belong to `index`'s vocabulary and fit `sentences`
 * (the passage text's sentences in use); undefined otherwise (another format, another
 * vocabulary, damaged bytes), and the article is then analysed from its text.
 */
export function unpackTerms(packed: unknown, index: SearchIndex, sentences: readonly { start: number; end: number }[]): ArticleTerms | undefined {
  if (!(packed instanceof Uint8Array)) return undefined;
  at = 0;
  if (readVarint(packed) !== TERMS_FORMAT) return undefined;
  const check = readVarint(packed) + readVarint(packed) * 0x10000;
  const limit = index.termCount;
  const hashes = index.termHashes;
  const titleCount = readVarint(packed);
  if (at < 0 || titleCount > packed.length - at) return undefined;
  const title = new Uint32Array(titleCount);
  let h = readIds(packed, title, hashes, limit, FOLD_START);
  const textCount = readVarint(packed);
  if (at < 0 || textCount > packed.length - at) return undefined;
  const text = new Uint32Array(textCount);
  h = readIds(packed, text, hashes, limit, h);
  const n = readVarint(packed);
  if (at < 0 || n !== sentences.length) return undefined;
  h = fold(h, n);
  const ranges = new Int32Array(2 * n);
  let end = 0;
  for (let i = 0; i < n; i++) {
    const gap = readVarint(packed);
    const count = readVarint(packed);
    h = fold(fold(h, gap), count);
    const start = end + gap;
    end = start + count;
    if (end > text.length) return undefined;
    ranges[2 * i] = start;
    ranges[2 * i + 1] = end;
  }
  for (let i = 0; i < n; i++) h = fold(fold(h, sentences[i].start), sentences[i].end);
  return at === packed.length && h === check ? { title, text, ranges } : undefined;
}
