/**
 * The vocabulary: an open-addressing hash table of terms kept entirely in typed arrays, so it can be
 * saved as bytes and used again straight from them (no rebuilding of a Map on load).
 * Terms are stored as UTF-16 code units in one pool; a term's id is its order of arrival.
 */

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final mix so that nearby strings spread over the table.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** Characters of a term turned into a string at once (see TermTable.term). */
const TERM_PIECE = 4096;

export interface TermTableData {
  count: number;
  charLen: number;
  /** Start of each term in `chars`; `offsets[count]` is the end of the last. */
  offsets: Uint32Array;
  hashes: Uint32Array;
  chars: Uint16Array;
  /** term id + 1 per slot, 0 for empty; length is a power of two. */
  slots: Int32Array;
}

export class TermTable {
  count = 0;
  charLen = 0;
  offsets: Uint32Array;
  hashes: Uint32Array;
  chars: Uint16Array;
  slots: Int32Array;
  private mask: number;

  constructor(data?: TermTableData) {
    if (data) {
      this.count = data.count;
      this.charLen = data.charLen;
      this.offsets = data.offsets;
      this.hashes = data.hashes;
      this.chars = data.chars;
      this.slots = data.slots;
    } else {
      this.offsets = new Uint32Array(1025);
      this.hashes = new Uint32Array(1024);
      this.chars = new Uint16Array(8192);
      this.slots = new Int32Array(2048);
    }
    this.mask = this.slots.length - 1;
  }

  /** Copies every array so that later changes do not write into borrowed memory. */
  own(): void {
    this.offsets = this.offsets.slice();
    this.hashes = this.hashes.slice();
    this.chars = this.chars.slice();
    this.slots = this.slots.slice();
  }

  private equals(id: number, s: string): boolean {
    const start = this.offsets[id];
    if (this.offsets[id + 1] - start !== s.length) return false;
    const chars = this.chars;
    for (let i = 0; i < s.length; i++) if (chars[start + i] !== s.charCodeAt(i)) return false;
    return true;
  }

  /** The id of a term, or -1. */
  get(s: string): number {
    const h = hashString(s);
    const slots = this.slots;
    const mask = this.mask;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const v = slots[i];
      if (v === 0) return -1;
      const id = v - 1;
      if (this.hashes[id] === h && this.equals(id, s)) return id;
    }
  }

  /** The id of a term, adding it if new. */
  intern(s: string): number {
    const h = hashString(s);
    const mask = this.mask;
    let i = h & mask;
    for (; ; i = (i + 1) & mask) {
      const v = this.slots[i];
      if (v === 0) break;
      const id = v - 1;
      if (this.hashes[id] === h && this.equals(id, s)) return id;
    }
    const id = this.count++;
    if (id + 2 > this.offsets.length || id + 1 > this.hashes.length) {
      // Loaded tables are exactly full, possibly empty: grow from what is needed, not only by doubling.
      const cap = Math.max(this.offsets.length * 2, id + 2, 1024);
      const n = new Uint32Array(cap + 1);
      n.set(this.offsets.subarray(0, this.count));
      this.offsets = n;
      const hs = new Uint32Array(cap);
      hs.set(this.hashes.subarray(0, this.count - 1));
      this.hashes = hs;
    }
    if (this.charLen + s.length > this.chars.length) {
      const c = new Uint16Array(Math.max(this.chars.length * 2, this.charLen + s.length));
      c.set(this.chars);
      this.chars = c;
    }
    for (let j = 0; j < s.length; j++) this.chars[this.charLen + j] = s.charCodeAt(j);
    this.charLen += s.length;
    this.offsets[id + 1] = this.charLen;
    this.hashes[id] = h;
    this.slots[i] = id + 1;
    if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return id;
  }

  /** The text of a term. */
  term(id: number): string {
    const start = this.offsets[id];
    const end = this.offsets[id + 1];
    // In pieces: a call with a very long word's every character as arguments overflows the stack.
    let text = '';
    for (let at = start; at < end; at += TERM_PIECE) text += String.fromCharCode(...this.chars.subarray(at, Math.min(end, at + TERM_PIECE)));
    return text;
  }

  private rehash(capacity: number): void {
    const slots = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let id = 0; id < this.count; id++) {
      let i = this.hashes[id] & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
