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
 * sentence the terms between the previous sentence's end and its start, and the terms in it.
 */
import { forEachToken } from './analyze';
import type { SearchIndex } from './index';

/** Raised whenever what is packed, or the analysis behind it, changes. */
export const TERMS_FORMAT = 1;

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

/**
 * Packs an article's terms, adding new ones to `index`'s vocabulary in the order `index.add`
 * would (the title's, then the text's): call it before the article is added. `passage` is the text
 * passages are found in (`passageText`), `sentences` its sentences.
 */
export function packTerms(index: SearchIndex, title: string, text: string, passage: string, sentences: readonly { start: number; end: number }[]): Uint8Array {
  const titleIds: number[] = [];
  forEachToken(title, false, (term) => void titleIds.push(index.internTerm(term)));
  if (passage !== text) forEachToken(text, false, (term) => void index.internTerm(term));
  const textIds: number[] = [];
  const starts: number[] = [];
  forEachToken(passage, false, (term, start) => {
    textIds.push(index.internTerm(term));
    starts.push(start);
  });
  let check = FOLD_START;
  for (const id of titleIds) check = fold(check, index.termHash(id));
  for (const id of textIds) check = fold(check, index.termHash(id));
  const ranges = sentenceRanges(starts, sentences);
  const out: number[] = [TERMS_FORMAT, check & 0xffff, check >>> 16, titleIds.length, ...titleIds, textIds.length, ...textIds, sentences.length];
  let end = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    out.push(ranges[i] - end, ranges[i + 1] - ranges[i]);
    end = ranges[i + 1];
  }
  return encode(out);
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

/** Reads packed varints one by one; `ok` turns false at a truncated or overlong value. */
class Reader {
  at = 0;
  ok = true;
  constructor(private readonly bytes: Uint8Array) {}

  next(): number {
    const bytes = this.bytes;
    let v = 0;
    let scale = 1;
    for (let i = 0; i < 5; i++) {
      if (this.at >= bytes.length) break;
      const b = bytes[this.at++];
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 128;
    }
    this.ok = false;
    return 0;
  }

  ids(count: number, limit: number): Uint32Array | undefined {
    if (count > this.bytes.length - this.at) return undefined;
    const ids = new Uint32Array(count);
    for (let i = 0; i < count; i++) {
      const id = this.next();
      if (id >= limit) return undefined;
      ids[i] = id;
    }
    return this.ok ? ids : undefined;
  }
}

/**
 * The terms packed by `packTerms`, when they belong to `index`'s vocabulary and fit `sentences`
 * (the passage text's sentences in use); undefined otherwise (another format, another
 * vocabulary, damaged bytes), and the article is then analysed from its text.
 */
export function unpackTerms(packed: unknown, index: SearchIndex, sentences: readonly unknown[]): ArticleTerms | undefined {
  if (!(packed instanceof Uint8Array)) return undefined;
  const r = new Reader(packed);
  if (r.next() !== TERMS_FORMAT) return undefined;
  const check = r.next() + r.next() * 0x10000;
  const limit = index.termCount;
  const title = r.ids(r.next(), limit);
  if (!title) return undefined;
  const text = r.ids(r.next(), limit);
  if (!text) return undefined;
  let h = FOLD_START;
  for (let i = 0; i < title.length; i++) h = fold(h, index.termHash(title[i]));
  for (let i = 0; i < text.length; i++) h = fold(h, index.termHash(text[i]));
  if (h !== check) return undefined;
  const n = r.next();
  if (!r.ok || n !== sentences.length) return undefined;
  const ranges = new Int32Array(2 * n);
  let end = 0;
  for (let i = 0; i < n; i++) {
    const start = end + r.next();
    end = start + r.next();
    if (end > text.length) return undefined;
    ranges[2 * i] = start;
    ranges[2 * i + 1] = end;
  }
  return r.ok && r.at === packed.length ? { title, text, ranges } : undefined;
}
