/**
 * The compact in-memory search index over the corpus: an inverted index in typed arrays, scored
 * with BM25F (title and body), that grows one article at a time, forgets articles, and saves to /
 * loads from a single byte array that is used in place (loading 100,000 articles takes
 * milliseconds, which a woken service worker needs).
 *
 * Layout. Each term has a chain of blocks in one byte pool; a block is
 * `[next block offset: u32][end of data: u32][postings…]`. A posting is the gap to the previous
 * document (varint, shifted left two bits) whose low bits name a common term-frequency code or say
 * that the code follows (varint: body count << 2 | title count, capped at 3), so most postings take
 * one to three bytes. Removed articles are only marked; `toBytes` writes a compacted
 * copy (one block per term, removed articles dropped).
 */
import type { ClaimStructure } from '../types';
import { forEachToken, queryTerms, type WeightedTerm } from './analyze';
import { TermTable } from './termtable';
import { outletKey } from '../outlet-key';

export interface IndexedDoc {
  id: number;
  outlet: string;
  title: string;
  text: string;
  published?: string | null;
}

export interface SearchQuery {
  text: string;
  structure?: ClaimStructure;
}

export interface SearchOptions {
  excludeIds?: ReadonlySet<number>;
  excludeOutlet?: string;
  /**
   * Outlets (by `outletKey`: name without surrounding spaces, whatever its case) whose articles are
   * left out, but for the ids in `keep`: outlets that have their share of a claim's places already.
   */
  fullOutlets?: { outlets: ReadonlySet<string>; keep: ReadonlySet<number> };
}

export interface ScoredId {
  id: number;
  score: number;
}

interface FoundTerm {
  id: number;
  w: number;
  df: number;
  /** In at most `SCORING.commonShare` of the articles. */
  rare: boolean;
}

/** A search's partial scores, for adding terms to its query (see `SearchIndex.searchMore`). */
export interface SearchState {
  readonly qterms: WeightedTerm[];
  readonly found: FoundTerm[];
  readonly rareOnly: boolean;
  /** The index's change count when taken; a changed index is searched again from the start. */
  readonly changes: number;
  /** Articles scored (slots, in the order first touched) and their partial scores. */
  readonly slots: Int32Array;
  readonly scores: Float32Array;
  /** Per article: whether the `pending` terms were looked up for it. */
  readonly complete: Uint8Array;
  /** Common terms looked up only by the first pass's candidates. */
  readonly pending: FoundTerm[];
}

/** When a query term is looked up by candidate articles rather than added to every article it is in. */
export const SEARCH_COST = {
  /** Terms in more than this many articles… */
  minDf: 1024,
  /** …and more than this share of them. */
  share: 1 / 64,
  /** Memory kept for rows of common terms' frequencies (one byte per article per term). */
  rowBytes: 16 << 20,
};

/** Relative slack when comparing bounds with scores (scores are summed in single precision). */
const MARGIN = 1e-5;

/** Scoring parameters (BM25F). Few and standard; see scripts/search/eval.ts for how they were checked. */
export const SCORING = {
  k1: 1.2,
  b: 0.75,
  /** A title occurrence counts as this many body occurrences. */
  titleWeight: 2,
  /** Terms in more than this share of the articles are skipped when the query has rarer terms. */
  commonShare: 0.4,
  /** How many index terms at the start of the text also count as title (set when indexing). */
  leadTerms: 40,
};

const MAGIC = 0x58435343; // "CSCX"
const VERSION = 2;

/**
 * The two low bits of a posting's gap varint name its most common term-frequency codes, so that
 * they need no second byte: 0 → once in the body, 1 → twice in the body, 2 → once in the body and
 * once in the title; 3 → the code follows as its own varint.
 */
const COMMON_CODES = [4, 8, 5];
function codeClass(code: number): number {
  return code === 4 ? 0 : code === 8 ? 1 : code === 5 ? 2 : 3;
}
const HEADER_WORDS = 16;
const FIRST_BLOCK = 16; // data bytes in a term's first block
const MAX_BLOCK = 1 << 16;

function grow<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(arr: T, min: number): T {
  if (arr.length >= min) return arr;
  const C = arr.constructor as new (n: number) => T;
  const n = new C(Math.max(min, Math.ceil(arr.length * 1.5) + 16));
  n.set(arr);
  return n;
}

/** How many bytes a varint takes. */
function varintSize(v: number): number {
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

// The scoring loops below are small functions of their own, each with one type per argument: on a
// cold start the engine compiles them whole after a few calls, rather than compiling a loop inside
// a larger method while it runs and leaving that code at the loop's end (which it did dozens of
// times per page's claims, each time going back to the interpreter).

/**
 * Adds decoded postings' BM25 contributions (`wk` = weight × (k1 + 1)) to `acc`, listing articles
 * touched for the first time in `touched` after its first `nTouched`; with `skipDone`, articles
 * marked in `done` are left out. Returns the new touched count.
 */
function addPostings(
  slots: Int32Array,
  codes: Uint16Array,
  m: number,
  wk: number,
  titleWeight: number,
  acc: Float32Array,
  norm: Float32Array,
  touched: Int32Array,
  nTouched: number,
  done: Uint8Array,
  skipDone: boolean,
): number {
  for (let i = 0; i < m; i++) {
    const slot = slots[i];
    if (skipDone && done[slot]) continue;
    const code = codes[i];
    const tf = (code >>> 2) + titleWeight * (code & 3);
    if (acc[slot] === 0) touched[nTouched++] = slot;
    acc[slot] += (wk * tf) / (tf + norm[slot]);
  }
  return nTouched;
}

/** Adds decoded postings' contributions to the articles marked in `marks` only. */
function addMarkedPostings(slots: Int32Array, codes: Uint16Array, m: number, wk: number, titleWeight: number, acc: Float32Array, norm: Float32Array, marks: Uint8Array): void {
  for (let i = 0; i < m; i++) {
    const slot = slots[i];
    if (!marks[slot]) continue;
    const code = codes[i];
    const tf = (code >>> 2) + titleWeight * (code & 3);
    acc[slot] += (wk * tf) / (tf + norm[slot]);
  }
}

/** Sets `marks` to `value` for the listed articles (with `onlyUndone`, those not marked in `done`). */
function markList(list: Int32Array, n: number, marks: Uint8Array, value: number, done: Uint8Array, onlyUndone: boolean): void {
  for (let i = 0; i < n; i++) if (!(onlyUndone && done[list[i]])) marks[list[i]] = value;
}

/**
 * Adds a term's contributions, from its row of frequency codes, to the listed articles (with
 * `onlyUndone`, those not marked in `done`); code 255 is looked up in `big`.
 */
function addFromRow(
  list: Int32Array,
  n: number,
  row: Uint8Array,
  big: Map<number, number> | undefined,
  wk: number,
  titleWeight: number,
  acc: Float32Array,
  norm: Float32Array,
  done: Uint8Array,
  onlyUndone: boolean,
): void {
  for (let i = 0; i < n; i++) {
    const slot = list[i];
    let code = row[slot];
    if (code === 0 || (onlyUndone && done[slot])) continue;
    if (code === 255) code = big?.get(slot) ?? 255;
    const tf = (code >>> 2) + titleWeight * (code & 3);
    acc[slot] += (wk * tf) / (tf + norm[slot]);
  }
}

/**
 * Writes to `out` the listed articles whose score plus what they may still gain (`most`, plus
 * `undoneMost` when not marked in `done`) reaches `bar`, in list order; returns how many.
 */
function selectCandidates(list: Int32Array, n: number, acc: Float32Array, done: Uint8Array, bar: number, most: number, undoneMost: number, out: Int32Array): number {
  let c = 0;
  for (let i = 0; i < n; i++) {
    const s = list[i];
    if (acc[s] + (most + (done[s] ? 0 : undoneMost)) >= bar) out[c++] = s;
  }
  return c;
}

/** Copies the listed articles' scores and whether they are complete (all, or as marked in `done`) into a search's kept state. */
function keepScores(slots: Int32Array, n: number, acc: Float32Array, done: Uint8Array, allComplete: boolean, scores: Float32Array, complete: Uint8Array): void {
  for (let i = 0; i < n; i++) {
    scores[i] = acc[slots[i]];
    complete[i] = allComplete ? 1 : done[slots[i]];
  }
}

/** Puts a kept state's articles, scores and completeness back into the scratch arrays. */
function restoreScores(slots: Int32Array, scores: Float32Array, complete: Uint8Array, n: number, touched: Int32Array, acc: Float32Array, done: Uint8Array): void {
  for (let i = 0; i < n; i++) {
    const s = slots[i];
    touched[i] = s;
    acc[s] = scores[i];
    done[s] = complete[i];
  }
}

/** Clears the scores and marks of the listed articles. */
function clearScores(list: Int32Array, n: number, acc: Float32Array, done: Uint8Array): void {
  for (let i = 0; i < n; i++) {
    const s = list[i];
    acc[s] = 0;
    done[s] = 0;
  }
}

/**
 * The k best of the listed articles that may be returned (not removed, not of outlet id
 * `excludeOutlet`, not in `excludeIds`, not of an outlet id flagged in `full` unless in `keep`),
 * best first, into `slots` and `scores` (empty on entry): a small sorted insertion (k is small);
 * equal scores in article order.
 */
function topK(
  list: Int32Array,
  n: number,
  k: number,
  acc: Float32Array,
  dead: Uint8Array,
  outletOf: Uint32Array,
  excludeOutlet: number,
  docId: Float64Array,
  excludeIds: ReadonlySet<number> | undefined,
  full: Uint8Array | undefined,
  keep: ReadonlySet<number> | undefined,
  slots: number[],
  scores: number[],
): void {
  for (let i = 0; i < n; i++) {
    const s = list[i];
    const score = acc[s];
    if (scores.length === k && (score < scores[k - 1] || (score === scores[k - 1] && s > slots[k - 1]))) continue;
    if (dead[s] || (excludeOutlet !== -1 && outletOf[s] === excludeOutlet) || (excludeIds && excludeIds.has(docId[s]))) continue;
    if (full && full[outletOf[s]] === 1 && !keep!.has(docId[s])) continue;
    let j = scores.length < k ? scores.length : k - 1;
    while (j > 0 && (scores[j - 1] < score || (scores[j - 1] === score && slots[j - 1] > s))) {
      scores[j] = scores[j - 1];
      slots[j] = slots[j - 1];
      j--;
    }
    scores[j] = score;
    slots[j] = s;
  }
}

/** Writes decoded postings' codes into a row (255 for codes above 254); whether any was above 254. */
function fillRow(row: Uint8Array, slots: Int32Array, codes: Uint16Array, m: number): boolean {
  let big = false;
  for (let i = 0; i < m; i++) {
    const code = codes[i];
    if (code >= 255) {
      big = true;
      row[slots[i]] = 255;
    } else row[slots[i]] = code;
  }
  return big;
}

export class SearchIndex {
  // Documents, by slot (order of arrival).
  private nSlots = 0;
  private alive = 0;
  private docId = new Float64Array(64);
  private docOutlet = new Uint32Array(64);
  private docBodyLen = new Uint32Array(64);
  private docTitleLen = new Uint16Array(64);
  private docDead = new Uint8Array(64);
  private totalBody = 0;
  private totalTitle = 0;
  private outlets: string[] = [];
  private outletIds = new Map<string, number>();
  private slotOf: Map<number, number> | null = new Map();

  // Terms.
  private vocab = new TermTable();
  private tHead = new Uint32Array(1024);
  private tTail = new Uint32Array(1024);
  private tCapEnd = new Uint32Array(1024);
  private tCount = new Uint32Array(1024);
  private tLast = new Int32Array(1024);

  // Postings.
  private pool = new Uint8Array(1 << 16);
  private poolLen = 8; // offset 0 means "no block"

  /** Set after fromBytes: arrays are views on the caller's bytes and must be copied before any change. */
  private borrowed = false;

  // Query-time scratch.
  private acc: Float32Array = new Float32Array(0);
  private touched: Int32Array = new Int32Array(0);
  /** Set for articles whose common terms were looked up (see searchKeeping). */
  private done: Uint8Array = new Uint8Array(0);
  private norm: Float32Array = new Float32Array(0);
  private normFor = -1;
  private changes = 0;

  static create(): SearchIndex {
    return new SearchIndex();
  }

  get size(): number {
    return this.alive;
  }

  private slots(): Map<number, number> {
    if (!this.slotOf) {
      const m = new Map<number, number>();
      for (let s = 0; s < this.nSlots; s++) if (!this.docDead[s]) m.set(this.docId[s], s);
      this.slotOf = m;
    }
    return this.slotOf;
  }

  has(id: number): boolean {
    return this.slots().has(id);
  }

  private own(): void {
    if (!this.borrowed) return;
    this.borrowed = false;
    this.vocab.own();
    this.docId = this.docId.slice();
    this.docOutlet = this.docOutlet.slice();
    this.docBodyLen = this.docBodyLen.slice();
    this.docTitleLen = this.docTitleLen.slice();
    this.docDead = this.docDead.slice();
    this.tHead = this.tHead.slice();
    this.tTail = this.tTail.slice();
    // In a saved index every block is full: its capacity ends where its data ends.
    const capEnd = new Uint32Array(this.tHead.length);
    for (let t = 0; t < this.vocab.count; t++) if (this.tHead[t] !== 0) capEnd[t] = this.readU32(this.tHead[t] + 4);
    this.tCapEnd = capEnd;
    this.tCount = this.tCount.slice();
    this.tLast = this.tLast.slice();
    const pool = new Uint8Array(Math.ceil(this.poolLen * 1.25) + 1024);
    pool.set(this.pool.subarray(0, this.poolLen));
    this.pool = pool;
  }

  private outletId(outlet: string): number {
    let id = this.outletIds.get(outlet);
    if (id === undefined) {
      id = this.outlets.length;
      this.outlets.push(outlet);
      this.outletIds.set(outlet, id);
    }
    return id;
  }

  /** Adds an article (replacing one with the same id). */
  add(doc: IndexedDoc): void {
    const title: number[] = [];
    const body: number[] = [];
    forEachToken(doc.title, false, (term) => void title.push(this.internTerm(term)));
    forEachToken(doc.text, false, (term) => void body.push(this.internTerm(term)));
    this.addTermIds(doc, title, body);
  }

  /**
   * Adds an article from its title's and text's terms as ids (`internTerm`, in reading order):
   * what `add` does once it has cut the text into terms, for a caller that has them already.
   */
  addTermIds(doc: Pick<IndexedDoc, 'id' | 'outlet'>, title: ArrayLike<number>, body: ArrayLike<number>): void {
    this.own();
    if (this.has(doc.id)) this.remove(doc.id);
    const slot = this.nSlots;
    const need = slot + 1;
    if (need > this.docId.length) {
      this.docId = grow(this.docId, need);
      this.docOutlet = grow(this.docOutlet, need);
      this.docBodyLen = grow(this.docBodyLen, need);
      this.docTitleLen = grow(this.docTitleLen, need);
      this.docDead = grow(this.docDead, need);
    }
    // Per term id, in order of first appearance: title counts in the low 16 bits, body counts above.
    const counts = new Map<number, number>();
    let titleLen = 0;
    for (let i = 0; i < title.length; i++) {
      counts.set(title[i], (counts.get(title[i]) ?? 0) + 1);
      titleLen++;
    }
    // The lead (first words of the text) is where news puts the event; it counts in the title
    // field too, which also gives untitled articles a title.
    const lead = SCORING.leadTerms;
    for (let bodyLen = 0; bodyLen < body.length; bodyLen++) {
      const id = body[bodyLen];
      counts.set(id, (counts.get(id) ?? 0) + (bodyLen < lead ? 0x10001 : 0x10000));
      if (bodyLen < lead) titleLen++;
    }
    const bodyLen = body.length;
    this.nSlots++;
    this.alive++;
    this.docId[slot] = doc.id;
    this.docOutlet[slot] = this.outletId(doc.outlet);
    this.docBodyLen[slot] = bodyLen;
    this.docTitleLen[slot] = Math.min(titleLen, 0xffff);
    this.docDead[slot] = 0;
    this.totalBody += bodyLen;
    this.totalTitle += titleLen;
    this.slots().set(doc.id, slot);
    for (const [term, c] of counts) {
      const bodyCount = Math.min(c >>> 16, 0x3fff);
      const titleCount = Math.min(c & 0xffff, 3);
      this.append(term, slot, (bodyCount << 2) | titleCount);
    }
    this.changes++;
  }

  /** Makes room in the per-term arrays for term id `term`. */
  private growTerms(term: number): void {
    if (term < this.tHead.length) return;
    const n = term + 1;
    this.tHead = grow(this.tHead, n);
    this.tTail = grow(this.tTail, n);
    this.tCapEnd = grow(this.tCapEnd, n);
    this.tCount = grow(this.tCount, n);
    this.tLast = grow(this.tLast, n);
  }

  /**
   * The id of a term, adding it to the vocabulary (with no articles yet) when new. Ids are given in
   * order of arrival and never change while the vocabulary lives (saved and loaded with the index),
   * so an article's terms can be stored as ids (termseq.ts): interning its title's and text's terms
   * in reading order before `add` gives them the ids `add` would have given.
   */
  internTerm(term: string): number {
    this.own();
    const id = this.vocab.intern(term);
    this.growTerms(id);
    return id;
  }

  /** The id of a term, or -1 when the index has never seen it. */
  termId(term: string): number {
    return this.vocab.get(term);
  }

  /** The term with id `id` (0 <= id < termCount). */
  termText(id: number): string {
    return this.vocab.term(id);
  }

  /** Every term's hash by id, as stored with the vocabulary (to check ids stored elsewhere), read-only; valid until the next term is added. */
  get termHashes(): Uint32Array {
    return this.vocab.hashes;
  }

  /** Terms in the vocabulary (ids run from 0 to this − 1). */
  get termCount(): number {
    return this.vocab.count;
  }

  /** `docFreq` by term id. */
  docFreqOf(id: number): number {
    return id < 0 || id >= this.vocab.count ? 0 : this.liveDf(id);
  }

  private append(term: number, slot: number, code: number): void {
    this.growTerms(term);
    const cls = codeClass(code);
    const plain = cls !== 3;
    const first = this.tCount[term] === 0;
    const gap = first ? slot : slot - this.tLast[term];
    const v = gap * 4 + cls;
    const size = varintSize(v) + (plain ? 0 : varintSize(code));
    let tail = this.tTail[term];
    let end = tail === 0 ? 0 : this.readU32(tail + 4);
    if (tail === 0 || end + size > this.tCapEnd[term]) {
      const prevCap = tail === 0 ? 0 : this.tCapEnd[term] - tail - 8;
      const cap = Math.max(size, Math.min(MAX_BLOCK, prevCap === 0 ? FIRST_BLOCK : prevCap * 2));
      const block = this.allocBlock(cap);
      if (tail === 0) this.tHead[term] = block;
      else this.writeU32(tail, block);
      this.tTail[term] = tail = block;
      this.tCapEnd[term] = block + 8 + cap;
      end = block + 8;
    }
    const pool = this.pool;
    let p = end;
    let x = v;
    while (x >= 0x80) {
      pool[p++] = (x & 0x7f) | 0x80;
      x = Math.floor(x / 128);
    }
    pool[p++] = x;
    if (!plain) {
      x = code;
      while (x >= 0x80) {
        pool[p++] = (x & 0x7f) | 0x80;
        x >>>= 7;
      }
      pool[p++] = x;
    }
    this.writeU32(tail + 4, p);
    this.tCount[term]++;
    this.tLast[term] = slot;
  }

  private allocBlock(cap: number): number {
    const at = this.poolLen;
    const need = at + 8 + cap;
    if (need > this.pool.length) {
      const n = new Uint8Array(Math.max(need, Math.ceil(this.pool.length * 1.5)));
      n.set(this.pool.subarray(0, this.poolLen));
      this.pool = n;
    }
    this.poolLen = need;
    this.writeU32(at, 0);
    this.writeU32(at + 4, at + 8);
    return at;
  }

  private readU32(p: number): number {
    const b = this.pool;
    return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
  }

  private writeU32(p: number, v: number): void {
    const b = this.pool;
    b[p] = v & 0xff;
    b[p + 1] = (v >>> 8) & 0xff;
    b[p + 2] = (v >>> 16) & 0xff;
    b[p + 3] = (v >>> 24) & 0xff;
  }

  /** Forgets an article. Its postings stay until the next `toBytes`, but it is never returned. */
  remove(id: number): void {
    const slot = this.slots().get(id);
    if (slot === undefined) return;
    // Only the removal marks change, and a loaded index has its own array of them: a removal
    // does not copy the loaded index (a woken store applies its tombstones this way).
    this.docDead[slot] = 1;
    this.alive--;
    this.totalBody -= this.docBodyLen[slot];
    this.totalTitle -= this.docTitleLen[slot];
    this.slots().delete(id);
    this.changes++;
  }

  private scratchSlot: Int32Array = new Int32Array(0);
  private scratchCode: Uint16Array = new Uint16Array(0);

  /**
   * Decodes a term's postings into `scratchSlot` / `scratchCode`, in slot order, leaving out
   * removed articles unless `withDead`. Returns how many were written.
   */
  private decode(term: number, withDead = false): number {
    const total = this.tCount[term];
    if (this.scratchSlot.length < total) {
      this.scratchSlot = new Int32Array(Math.max(total, this.scratchSlot.length * 2, 256));
      this.scratchCode = new Uint16Array(this.scratchSlot.length);
    }
    const outSlot = this.scratchSlot;
    const outCode = this.scratchCode;
    const dead = this.docDead;
    const skipDead = !withDead && this.nSlots > this.alive;
    const pool = this.pool;
    let n = 0;
    let block = this.tHead[term];
    let slot = 0;
    let first = true;
    while (block !== 0) {
      let p = block + 8;
      const end = (pool[block + 4] | (pool[block + 5] << 8) | (pool[block + 6] << 16) | (pool[block + 7] << 24)) >>> 0;
      while (p < end) {
        let b = pool[p++];
        let v = b & 0x7f;
        if (b & 0x80) {
          let mul = 128;
          do {
            b = pool[p++];
            v += (b & 0x7f) * mul;
            mul *= 128;
          } while (b & 0x80);
        }
        const cls = v & 3;
        let code: number;
        if (cls !== 3) code = COMMON_CODES[cls];
        else {
          b = pool[p++];
          code = b & 0x7f;
          let shift = 7;
          while (b & 0x80) {
            b = pool[p++];
            code |= (b & 0x7f) << shift;
            shift += 7;
          }
        }
        const gap = (v - cls) / 4;
        slot = first ? gap : slot + gap;
        first = false;
        if (skipDead && dead[slot]) continue;
        outSlot[n] = slot;
        outCode[n++] = code;
      }
      block = (pool[block] | (pool[block + 1] << 8) | (pool[block + 2] << 16) | (pool[block + 3] << 24)) >>> 0;
    }
    return n;
  }

  /** Live document frequencies worked out since the last change (see liveDf). */
  private dfCache = new Map<number, number>();
  private dfFor = -1;

  /**
   * Articles (not removed) containing a term id. Once an article is removed this needs the term's
   * postings decoded, so the answer is kept per term until the index changes.
   */
  private liveDf(term: number): number {
    if (this.nSlots === this.alive) return this.tCount[term];
    if (this.dfFor !== this.changes) {
      this.dfCache.clear();
      this.dfFor = this.changes;
    }
    let df = this.dfCache.get(term);
    if (df === undefined) {
      df = this.decode(term);
      this.dfCache.set(term, df);
    }
    return df;
  }

  /** Per-article BM25 length normalisation, recomputed when the corpus has changed. */
  private norms(): Float32Array {
    if (this.normFor === this.changes && this.norm.length >= this.nSlots) return this.norm;
    const { k1, b, titleWeight } = SCORING;
    const n = Math.max(this.alive, 1);
    const avg = (this.totalBody + titleWeight * this.totalTitle) / n || 1;
    if (this.norm.length < this.nSlots) this.norm = new Float32Array(Math.ceil(this.nSlots * 1.25) + 16);
    const norm = this.norm;
    for (let s = 0; s < this.nSlots; s++) {
      const len = this.docBodyLen[s] + titleWeight * this.docTitleLen[s];
      norm[s] = k1 * (1 - b + (b * len) / avg);
    }
    this.normFor = this.changes;
    return norm;
  }

  /** The inverse document frequency of a term id (BM25's, never negative). */
  private idf(df: number): number {
    const n = Math.max(this.alive, df);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Document frequency of an index term (as produced by the analyser), 0 when unknown. */
  docFreq(term: string): number {
    return this.docFreqOf(this.vocab.get(term));
  }

  /** Number of articles, for idf computations outside the index. */
  get docCount(): number {
    return this.alive;
  }

  /** Scores articles against weighted terms; the building block of `search`. */
  searchTerms(qterms: WeightedTerm[], k: number, opts: SearchOptions = {}): ScoredId[] {
    return this.searchKeeping(qterms, k, opts, false).hits;
  }

  /**
   * `searchTerms`, also returning the articles' partial scores so that `searchMore` can add terms
   * to the query without scoring these again.
   *
   * Terms in many articles (see SEARCH_COST) are not added to every article they are in: once the
   * rarer terms are scored, only articles that could still reach the k best with them (their
   * score so far plus the most those terms can add) look them up, in a row of term frequencies
   * per article kept for the terms used most recently. The k best are the same as scoring every
   * term for every article.
   */
  searchKeeping(qterms: WeightedTerm[], k: number, opts: SearchOptions = {}, keep = true): { hits: ScoredId[]; state: SearchState | null } {
    if (k <= 0 || this.alive === 0) return { hits: [], state: null };
    const found = this.lookUp(qterms);
    if (found.length === 0) return { hits: [], state: null };
    const rare = found.filter((f) => f.rare);
    // Very common terms add little and cost most: skip them when rarer terms carry the query.
    const rareOnly = rare.length >= 2;
    const use = rareOnly ? rare : found;
    this.prepareScratch();
    const limit = this.expensiveDf();
    let n = this.accumulate(use.filter((t) => t.df <= limit), 0);
    const dear = this.scoreCommon(n, k, opts, use.filter((t) => t.df > limit), []);
    n = dear.n;
    const done = this.done;
    let state: SearchState | null = null;
    if (keep) {
      const slots = this.touched.slice(0, n);
      const scores = new Float32Array(n);
      const complete = new Uint8Array(n);
      keepScores(slots, n, this.acc, done, dear.left.length === 0, scores, complete);
      state = { qterms, found, rareOnly, changes: this.changes, slots, scores, complete, pending: dear.left };
    }
    const hits = dear.nCand >= 0 ? this.selectTop(this.candidateList, dear.nCand, k, opts) : this.selectTop(this.touched, n, k, opts);
    this.clear(n);
    return { hits, state };
  }

  /**
   * The k best for the first query's terms plus `more`, scoring only the added terms when it can
   * (the index unchanged since `state` was taken and the same common-term rule applying);
   * otherwise the whole query is scored again. The same articles and scores as
   * `searchTerms([...first query terms, ...more])`, but for rounding (terms are added in
   * another order).
   */
  searchMore(state: SearchState | null, more: WeightedTerm[], k: number, opts: SearchOptions = {}): ScoredId[] {
    const whole = () => this.searchTerms([...(state?.qterms ?? []), ...more], k, opts);
    if (!state || state.changes !== this.changes) return whole();
    if (k <= 0 || this.alive === 0) return [];
    const extra = this.lookUp(more);
    const extraRare = extra.filter((f) => f.rare);
    const rareBefore = state.found.filter((f) => f.rare).length;
    const rareOnly = rareBefore + extraRare.length >= 2;
    // Common terms were scored in the first pass and would now be left out: score it all again.
    if (rareOnly && !state.rareOnly) return whole();
    const use = rareOnly ? extraRare : extra;
    this.prepareScratch();
    const touched = this.touched;
    const n0 = state.slots.length;
    restoreScores(state.slots, state.scores, state.complete, n0, touched, this.acc, this.done);
    const limit = this.expensiveDf();
    let n = this.accumulate(use.filter((t) => t.df <= limit), n0);
    const dear = this.scoreCommon(n, k, opts, use.filter((t) => t.df > limit), state.pending);
    n = dear.n;
    const hits = dear.nCand >= 0 ? this.selectTop(this.candidateList, dear.nCand, k, opts) : this.selectTop(touched, n, k, opts);
    this.clear(n);
    return hits;
  }

  /**
   * Scores common terms (MaxScore): as long as they could lift an article no term has reached yet
   * into the k best, the one that could add most is added to every article it is in; the rest are
   * looked up only by the articles that could still reach the k best with them. `pending` terms
   * count only for articles not yet `done` (their lookups were skipped by an earlier pass).
   * Returns the touched count, the candidates (`nCand` in candidateList; -1 when every touched
   * article is complete) and the terms left to candidates' lookups.
   */
  private scoreCommon(n: number, k: number, opts: SearchOptions, dear: FoundTerm[], pending: FoundTerm[]): { n: number; nCand: number; left: FoundTerm[] } {
    const list = [...dear.map((t) => ({ t, pending: false })), ...pending.map((t) => ({ t, pending: true }))];
    if (list.length === 0) return { n, nCand: -1, left: [] };
    const ub = (t: FoundTerm) => t.w * (SCORING.k1 + 1);
    list.sort((a, b) => ub(a.t) - ub(b.t));
    let theta = 0;
    for (;;) {
      theta = this.kthBest(n, k, opts);
      let sum = 0;
      let j = 0;
      while (j < list.length && sum + ub(list[j].t) < theta * (1 - MARGIN)) sum += ub(list[j++].t);
      if (j === list.length) break;
      const top = list.pop()!;
      n = this.accumulate([top.t], n, top.pending);
      if (list.length === 0) return { n, nCand: -1, left: [] };
    }
    const done = this.done;
    let dearMost = 0;
    let pendingMost = 0;
    for (const e of list) {
      if (e.pending) pendingMost += ub(e.t);
      else dearMost += ub(e.t);
    }
    const candidates = this.candidates(n, theta, dearMost, pendingMost);
    const nCand = this.candidateCount;
    const dearLeft = list.filter((e) => !e.pending).map((e) => e.t);
    const pendingLeft = list.filter((e) => e.pending).map((e) => e.t);
    this.lookUpTerms(candidates, nCand, pendingLeft, true);
    this.lookUpTerms(candidates, nCand, dearLeft, false);
    for (let i = 0; i < nCand; i++) done[candidates[i]] = 1;
    return { n, nCand, left: dearLeft };
  }

  /** Terms in more articles than this are looked up by the candidates rather than added to every article. */
  private expensiveDf(): number {
    return Math.max(SEARCH_COST.minDf, this.alive * SEARCH_COST.share);
  }


  private excludedOutlet(opts: SearchOptions): number {
    return opts.excludeOutlet === undefined ? -1 : (this.outletIds.get(opts.excludeOutlet) ?? -2);
  }

  /** Per outlet id, 1 for the outlets of `SearchOptions.fullOutlets` (worked out again when the index's outlets or the set change). */
  private fullFlags = new WeakMap<object, { outlets: number; full: number; flags: Uint8Array }>();

  private fullOutletFlags(opts: SearchOptions): Uint8Array | undefined {
    const full = opts.fullOutlets;
    if (!full || full.outlets.size === 0) return undefined;
    // (The caller's set may grow between searches: a plan adds the outlets filled in each round.)
    const known = this.fullFlags.get(full);
    if (known && known.outlets === this.outlets.length && known.full === full.outlets.size) return known.flags;
    const flags = new Uint8Array(this.outlets.length);
    this.outlets.forEach((name, id) => {
      if (full.outlets.has(outletKey(name))) flags[id] = 1;
    });
    this.fullFlags.set(full, { outlets: this.outlets.length, full: full.outlets.size, flags });
    return flags;
  }

  /** The k-th best score so far among the touched articles that may be returned; 0 when fewer. */
  private kthBest(n: number, k: number, opts: SearchOptions): number {
    const { scores } = this.best(this.touched, n, k, opts);
    return scores.length < k ? 0 : scores[k - 1];
  }

  private candidateList: Int32Array = new Int32Array(0);
  private candidateCount = 0;

  /**
   * Touched articles that could still reach `theta` with what they may gain (`most`, plus
   * `undoneMost` for articles not marked done), in touched order.
   */
  private candidates(n: number, theta: number, most: number, undoneMost: number): Int32Array {
    if (this.candidateList.length < n) this.candidateList = new Int32Array(Math.max(n, this.candidateList.length * 2, 256));
    this.candidateCount = selectCandidates(this.touched, n, this.acc, this.done, theta * (1 - MARGIN), most, undoneMost, this.candidateList);
    return this.candidateList;
  }

  /**
   * Adds the terms' contributions to the listed articles; `onlyUndone` skips articles already
   * done. A term's postings are read through once the first time it is looked up; from its second
   * use on, it gets a row of frequencies per article (kept for the terms used most recently).
   */
  private lookUpTerms(list: Int32Array, n: number, terms: FoundTerm[], onlyUndone: boolean): void {
    const { k1, titleWeight } = SCORING;
    const norm = this.norms();
    const acc = this.acc;
    const done = this.done;
    this.rowsUpToDate();
    for (const t of terms) {
      const wk = t.w * (k1 + 1);
      if (!this.rows.has(t.id) && !this.usedOnce.has(t.id)) {
        this.usedOnce.add(t.id);
        this.addThroughPostings(t.id, wk, list, n, onlyUndone);
        continue;
      }
      const row = this.row(t.id);
      addFromRow(list, n, row, this.bigCodes.get(t.id), wk, titleWeight, acc, norm, done, onlyUndone);
    }
  }

  /** Drops the rows (and what was looked up once) when the index has changed. */
  private rowsUpToDate(): void {
    if (this.rowsFor === this.changes) return;
    this.rows.clear();
    this.usedOnce.clear();
    this.bigCodes.clear();
    this.rowBytes = 0;
    this.rowsFor = this.changes;
  }

  /** Terms looked up once (without a row); cleared with the rows. */
  private usedOnce = new Set<number>();
  private marks: Uint8Array = new Uint8Array(0);

  /** Adds a term's contributions to the listed articles by reading its postings through. */
  private addThroughPostings(term: number, wk: number, list: Int32Array, n: number, onlyUndone: boolean): void {
    const { titleWeight } = SCORING;
    if (this.marks.length < this.nSlots) this.marks = new Uint8Array(this.acc.length);
    const marks = this.marks;
    const done = this.done;
    markList(list, n, marks, 1, done, onlyUndone);
    const norm = this.norms();
    const m = this.decode(term, true);
    addMarkedPostings(this.scratchSlot, this.scratchCode, m, wk, titleWeight, this.acc, norm, marks);
    markList(list, n, marks, 0, done, false);
  }

  // Rows of term-frequency codes per article for common terms, most recently used last.
  private rows = new Map<number, Uint8Array>();
  /** Codes above 254, per term (an article using a word more than 63 times). */
  private bigCodes = new Map<number, Map<number, number>>();
  private rowsFor = -1;
  private rowBytes = 0;

  /** A common term's frequency code for every article (0: absent; 255: see bigCodes). */
  private row(term: number): Uint8Array {
    this.rowsUpToDate();
    const kept = this.rows.get(term);
    if (kept) {
      this.rows.delete(term);
      this.rows.set(term, kept);
      return kept;
    }
    const row = new Uint8Array(this.nSlots);
    const m = this.decode(term, true);
    const slots = this.scratchSlot;
    const codes = this.scratchCode;
    if (fillRow(row, slots, codes, m)) {
      const big = new Map<number, number>();
      for (let i = 0; i < m; i++) if (codes[i] >= 255) big.set(slots[i], codes[i]);
      this.bigCodes.set(term, big);
    }
    for (const [old, r] of this.rows) {
      if (this.rowBytes + row.length <= SEARCH_COST.rowBytes) break;
      this.rows.delete(old);
      this.bigCodes.delete(old);
      this.rowBytes -= r.length;
    }
    this.rows.set(term, row);
    this.rowBytes += row.length;
    return row;
  }

  /** Clears the accumulators of the touched articles. */
  private clear(n: number): void {
    clearScores(this.touched, n, this.acc, this.done);
  }

  /** Query terms known to the index, with their BM25 weight. */
  private lookUp(qterms: WeightedTerm[]): FoundTerm[] {
    const found: FoundTerm[] = [];
    const common = SCORING.commonShare * this.alive;
    for (const q of qterms) {
      const id = this.vocab.get(q.term);
      if (id < 0) continue;
      const df = this.liveDf(id);
      if (df > 0) found.push({ id, w: q.weight * this.idf(df), df, rare: df <= common });
    }
    return found;
  }

  private prepareScratch(): void {
    if (this.acc.length < this.nSlots) {
      this.acc = new Float32Array(Math.ceil(this.nSlots * 1.25) + 16);
      this.touched = new Int32Array(this.acc.length);
      this.done = new Uint8Array(this.acc.length);
    }
  }

  /**
   * Adds the terms' BM25 contributions to the accumulators (postings read through `decode`);
   * `nTouched` articles are already in `touched`. Returns the new count.
   */
  private accumulate(terms: FoundTerm[], nTouched: number, skipDone = false): number {
    const { k1, titleWeight } = SCORING;
    const acc = this.acc;
    const touched = this.touched;
    const norm = this.norms();
    const done = this.done;
    const k1p1 = k1 + 1;
    for (const { id, w } of terms) {
      // Removed articles are left out by decode.
      const m = this.decode(id);
      nTouched = addPostings(this.scratchSlot, this.scratchCode, m, w * k1p1, titleWeight, acc, norm, touched, nTouched, done, skipDone);
    }
    return nTouched;
  }

  /** The k best of the listed articles. */
  private selectTop(list: Int32Array, n: number, k: number, opts: SearchOptions): ScoredId[] {
    const { slots, scores } = this.best(list, n, k, opts);
    return slots.map((s, i) => ({ id: this.docId[s], score: scores[i] }));
  }

  /** The slots and scores of the k best of the listed articles that may be returned, best first. */
  private best(list: Int32Array, n: number, k: number, opts: SearchOptions): { slots: number[]; scores: number[] } {
    const slots: number[] = [];
    const scores: number[] = [];
    topK(list, n, k, this.acc, this.docDead, this.docOutlet, this.excludedOutlet(opts), this.docId, opts.excludeIds, this.fullOutletFlags(opts), opts.fullOutlets?.keep, slots, scores);
    return { slots, scores };
  }


  search(query: SearchQuery, k: number, opts: SearchOptions = {}): ScoredId[] {
    return this.searchTerms(queryTerms(query.text, query.structure), k, opts);
  }

  /** The outlet an article was indexed under. */
  outletOf(id: number): string | undefined {
    const s = this.slots().get(id);
    return s === undefined ? undefined : this.outlets[this.docOutlet[s]];
  }

  /** Saves the index, compacted (removed articles dropped), as one byte array. */
  toBytes(): Uint8Array {
    // New slot numbers: alive articles in their order.
    const remap = new Int32Array(this.nSlots);
    let n = 0;
    for (let s = 0; s < this.nSlots; s++) remap[s] = this.docDead[s] ? -1 : n++;
    const nTerms = this.vocab.count;
    const head = new Uint32Array(nTerms);
    const count = new Uint32Array(nTerms);
    const last = new Int32Array(nTerms);
    let out = new Uint8Array(Math.max(this.poolLen + 8 * nTerms + 16, 64));
    let o = 8;
    const put = (x: number) => {
      while (x >= 0x80) {
        out[o++] = (x & 0x7f) | 0x80;
        x = Math.floor(x / 128);
      }
      out[o++] = x;
    };
    for (let t = 0; t < nTerms; t++) {
      if (out.length < o + 8 + 10 * this.tCount[t] + 8) {
        const bigger = new Uint8Array(Math.max(out.length * 2, o + 8 + 10 * this.tCount[t] + 8));
        bigger.set(out.subarray(0, o));
        out = bigger;
      }
      const block = o;
      o += 8;
      let prev = -1;
      let c = 0;
      const m = this.decode(t, true);
      for (let i = 0; i < m; i++) {
        const ns = remap[this.scratchSlot[i]];
        if (ns < 0) continue;
        const code = this.scratchCode[i];
        const gap = prev < 0 ? ns : ns - prev;
        const cls = codeClass(code);
        put(gap * 4 + cls);
        if (cls === 3) put(code);
        prev = ns;
        c++;
      }
      if (c === 0) {
        o = block;
        continue;
      }
      out[block] = out[block + 1] = out[block + 2] = out[block + 3] = 0;
      out[block + 4] = o & 0xff;
      out[block + 5] = (o >>> 8) & 0xff;
      out[block + 6] = (o >>> 16) & 0xff;
      out[block + 7] = (o >>> 24) & 0xff;
      head[t] = block;
      count[t] = c;
      last[t] = prev;
    }
    const poolLen = o;

    const docId = new Float64Array(n);
    const docOutlet = new Uint32Array(n);
    const docBody = new Uint32Array(n);
    const docTitle = new Uint16Array(n);
    for (let s = 0; s < this.nSlots; s++) {
      const ns = remap[s];
      if (ns < 0) continue;
      docId[ns] = this.docId[s];
      docOutlet[ns] = this.docOutlet[s];
      docBody[ns] = this.docBodyLen[s];
      docTitle[ns] = this.docTitleLen[s];
    }
    const outlets = new TextEncoder().encode(JSON.stringify(this.outlets));
    const v = this.vocab;
    const sections: ArrayBufferView[] = [
      docId,
      docOutlet,
      docBody,
      docTitle,
      v.offsets.subarray(0, nTerms + 1),
      v.hashes.subarray(0, nTerms),
      v.chars.subarray(0, v.charLen),
      v.slots,
      head,
      count,
      last,
      out.subarray(0, poolLen),
      outlets,
    ];
    const header = new Uint32Array(HEADER_WORDS);
    header[0] = MAGIC;
    header[1] = VERSION;
    header[2] = n;
    header[3] = nTerms;
    header[4] = v.charLen;
    header[5] = v.slots.length;
    header[6] = poolLen;
    header[7] = outlets.length;
    header[8] = sections.length;
    const align = (x: number) => (x + 7) & ~7;
    let total = header.byteLength;
    for (const s of sections) total = align(total) + s.byteLength;
    const bytes = new Uint8Array(align(total));
    bytes.set(new Uint8Array(header.buffer), 0);
    let at = header.byteLength;
    for (const s of sections) {
      at = align(at);
      bytes.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), at);
      at += s.byteLength;
    }
    return bytes;
  }

  /** Loads an index saved by `toBytes`. The arrays are views on `bytes` (copied only when changed later). */
  static fromBytes(input: Uint8Array): SearchIndex {
    const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
    const buf = bytes.buffer;
    const base = bytes.byteOffset;
    if (bytes.byteLength < HEADER_WORDS * 4) throw new Error('search index: data too short');
    const header = new Uint32Array(buf, base, HEADER_WORDS);
    if (header[0] !== MAGIC) throw new Error('search index: not a saved index');
    if (header[1] !== VERSION) throw new Error(`search index: unsupported version ${header[1]}`);
    const [n, nTerms, charLen, slotsLen, poolLen, outletsLen] = [header[2], header[3], header[4], header[5], header[6], header[7]];
    let at = HEADER_WORDS * 4;
    const take = <T>(C: { new (b: ArrayBufferLike, o: number, l: number): T; BYTES_PER_ELEMENT: number }, len: number): T => {
      at = (at + 7) & ~7;
      if (at + len * C.BYTES_PER_ELEMENT > bytes.byteLength) throw new Error('search index: data truncated');
      const view = new C(buf, base + at, len);
      at += len * C.BYTES_PER_ELEMENT;
      return view;
    };
    const ix = new SearchIndex();
    ix.docId = take(Float64Array, n);
    ix.docOutlet = take(Uint32Array, n);
    ix.docBodyLen = take(Uint32Array, n);
    ix.docTitleLen = take(Uint16Array, n);
    ix.docDead = new Uint8Array(n);
    ix.vocab = new TermTable({
      count: nTerms,
      charLen,
      offsets: take(Uint32Array, nTerms + 1),
      hashes: take(Uint32Array, nTerms),
      chars: take(Uint16Array, charLen),
      slots: take(Int32Array, slotsLen),
    });
    ix.tHead = take(Uint32Array, nTerms);
    ix.tTail = ix.tHead;
    ix.tCount = take(Uint32Array, nTerms);
    ix.tLast = take(Int32Array, nTerms);
    ix.pool = take(Uint8Array, poolLen);
    ix.poolLen = poolLen;
    // Block capacities are only needed to add postings: worked out by `own` (a search never needs them).
    ix.tCapEnd = new Uint32Array(0);
    const outletBytes = take(Uint8Array, outletsLen);
    ix.outlets = JSON.parse(new TextDecoder().decode(outletBytes)) as string[];
    ix.outlets.forEach((o, i) => ix.outletIds.set(o, i));
    ix.nSlots = n;
    ix.alive = n;
    let tb = 0;
    let tt = 0;
    for (let s = 0; s < n; s++) {
      tb += ix.docBodyLen[s];
      tt += ix.docTitleLen[s];
    }
    ix.totalBody = tb;
    ix.totalTitle = tt;
    ix.slotOf = null;
    ix.borrowed = true;
    return ix;
  }

  /** Bytes held by the index's arrays (an estimate of its memory). */
  get byteSize(): number {
    return (
      this.pool.byteLength +
      this.vocab.chars.byteLength +
      this.vocab.offsets.byteLength +
      this.vocab.hashes.byteLength +
      this.vocab.slots.byteLength +
      5 * this.tHead.byteLength +
      this.docId.byteLength * 2 +
      this.docBodyLen.byteLength * 2
    );
  }
}
