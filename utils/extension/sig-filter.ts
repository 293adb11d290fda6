/**
 * The set of signature keys of the rows stored while signature keys were indexed (`*sigKeys`),
 * saved then with the index snapshot and still read: a batch looks up in that index only the keys
 * some such row has (most keys of a new article belong to no other article, and asking IndexedDB
 * about each of them was the largest cost of storing a batch). Rows stored since are found through
 * utils/extension/sig-index instead. Keys are never removed (a removed article's keys only cause a
 * lookup that finds nothing).
 *
 * An open-addressing hash set of 32-bit values in a Uint32Array (0 marks an empty slot; the value
 * 0 itself is kept in a flag): ~8 bytes per key.
 */
export class SigFilter {
  private table: Uint32Array;
  private count = 0;
  private hasZero = false;

  constructor(capacity = 1024) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.table = new Uint32Array(size);
  }

  get size(): number {
    return this.count + (this.hasZero ? 1 : 0);
  }

  private static slot(key: number, mask: number): number {
    return (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
  }

  add(key: number): void {
    key >>>= 0;
    if (key === 0) {
      this.hasZero = true;
      return;
    }
    if ((this.count + 1) * 2 > this.table.length) this.grow();
    const mask = this.table.length - 1;
    let i = SigFilter.slot(key, mask);
    for (;;) {
      const v = this.table[i];
      if (v === key) return;
      if (v === 0) {
        this.table[i] = key;
        this.count++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  has(key: number): boolean {
    key >>>= 0;
    if (key === 0) return this.hasZero;
    const mask = this.table.length - 1;
    let i = SigFilter.slot(key, mask);
    for (;;) {
      const v = this.table[i];
      if (v === key) return true;
      if (v === 0) return false;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.count = 0;
    for (const v of old) if (v !== 0) this.add(v);
  }

  /** The keys, for saving (the zero key, if present, as a leading flag). */
  toBytes(): Uint8Array {
    const keys = new Uint32Array(this.count + 1);
    keys[0] = this.hasZero ? 1 : 0;
    let n = 1;
    for (const v of this.table) if (v !== 0) keys[n++] = v;
    return new Uint8Array(keys.buffer);
  }

  static fromBytes(bytes: Uint8Array): SigFilter {
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const keys = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >>> 2);
    const filter = new SigFilter(keys.length);
    filter.hasZero = keys[0] === 1;
    for (let i = 1; i < keys.length; i++) filter.add(keys[i]);
    return filter;
  }
}
