/**
 * Which stored articles have a given signature key (one of the first values of an article's copy
 * signature): the candidates when a new article may be a syndicated copy. Held in memory while
 * importing and saved with the index snapshot, in place of an IndexedDB index on every article's
 * signature keys: such an index wrote six more database keys per article, and every key written
 * leaves work for the browser when it next opens the database.
 *
 * Removed articles are not taken out at once: a lookup may name an id that no longer exists,
 * which the caller finds missing when it reads the rows (ids are never reused). They are dropped
 * when the set is saved (`toBytes(keep)`).
 *
 * An open-addressing hash table of (key, id) pairs in two Uint32Arrays, several pairs per key
 * allowed (id 0 marks an empty slot; article ids start at 1): ~16 bytes per pair in memory, 8 saved.
 */
export class SigIndex {
  private keys: Uint32Array;
  private ids: Uint32Array;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.keys = new Uint32Array(size);
    this.ids = new Uint32Array(size);
  }

  /** Number of (key, id) pairs. */
  get size(): number {
    return this.count;
  }

  private static slot(key: number, mask: number): number {
    return (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
  }

  /** Notes that article `id` has signature key `key` (a pair already present is not added again). */
  add(key: number, id: number): void {
    key >>>= 0;
    id >>>= 0;
    if (id === 0) throw new RangeError('article ids start at 1');
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let i = SigIndex.slot(key, mask);
    for (;;) {
      const at = this.ids[i];
      if (at === 0) {
        this.keys[i] = key;
        this.ids[i] = id;
        this.count++;
        return;
      }
      if (at === id && this.keys[i] === key) return;
      i = (i + 1) & mask;
    }
  }

  /** Whether some article has the key. */
  has(key: number): boolean {
    key >>>= 0;
    const mask = this.keys.length - 1;
    for (let i = SigIndex.slot(key, mask); this.ids[i] !== 0; i = (i + 1) & mask) if (this.keys[i] === key) return true;
    return false;
  }

  /** Ids of the articles noted with the key. */
  get(key: number): number[] {
    key >>>= 0;
    const out: number[] = [];
    const mask = this.keys.length - 1;
    for (let i = SigIndex.slot(key, mask); this.ids[i] !== 0; i = (i + 1) & mask) if (this.keys[i] === key) out.push(this.ids[i]);
    return out;
  }

  private grow(): void {
    const keys = this.keys;
    const ids = this.ids;
    this.keys = new Uint32Array(keys.length * 2);
    this.ids = new Uint32Array(ids.length * 2);
    this.count = 0;
    for (let i = 0; i < ids.length; i++) if (ids[i] !== 0) this.add(keys[i], ids[i]);
  }

  /** The pairs, for saving: key, id, key, id… Only pairs whose article `keep` accepts, when given. */
  toBytes(keep?: (id: number) => boolean): Uint8Array {
    const out = new Uint32Array(this.count * 2);
    let n = 0;
    for (let i = 0; i < this.ids.length; i++) {
      const id = this.ids[i];
      if (id === 0 || (keep && !keep(id))) continue;
      out[n++] = this.keys[i];
      out[n++] = id;
    }
    return new Uint8Array(out.buffer, 0, n * 4);
  }

  static fromBytes(bytes: Uint8Array): SigIndex {
    if (bytes.byteLength % 8 !== 0) throw new RangeError('not a saved signature-key index');
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const pairs = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >>> 2);
    const index = new SigIndex(pairs.length / 2);
    for (let i = 0; i < pairs.length; i += 2) index.add(pairs[i], pairs[i + 1]);
    return index;
  }
}
