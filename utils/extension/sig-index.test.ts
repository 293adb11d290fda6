import { describe, expect, it } from 'vitest';
import { SigIndex } from './sig-index';

describe('SigIndex', () => {
  it('gives every article noted with a key, through growth and a save/load round trip', () => {
    const index = new SigIndex(4);
    const expected = new Map<number, number[]>();
    for (let id = 1; id <= 3000; id++) {
      // Six keys per article, some shared by several articles (as a syndicated story's are), 0 and 2^32-1 among them.
      for (let j = 0; j < 6; j++) {
        const key = j === 0 ? (id % 7 === 0 ? 0 : 0xffffffff - (id % 5)) : Math.imul(id * 6 + j, 2654435761) >>> 0;
        index.add(key, id);
        if (!expected.get(key)?.includes(id)) expected.set(key, [...(expected.get(key) ?? []), id]);
      }
    }
    index.add(0, 7); // once only
    const pairs = [...expected.values()].reduce((n, ids) => n + ids.length, 0);
    expect(index.size).toBe(pairs);
    const loaded = SigIndex.fromBytes(index.toBytes());
    for (const x of [index, loaded]) {
      for (const [key, ids] of expected) expect(x.get(key).sort((a, b) => a - b)).toEqual(ids);
      expect(x.has(0)).toBe(true);
      expect([1, 2, 3, 12345].filter((k) => !expected.has(k) && (x.has(k) || x.get(k).length > 0))).toEqual([]);
    }
  });

  it('drops the pairs of articles no longer kept when saved', () => {
    const index = new SigIndex();
    index.add(10, 1);
    index.add(10, 2);
    index.add(11, 2);
    const kept = SigIndex.fromBytes(index.toBytes((id) => id !== 2));
    expect(kept.get(10)).toEqual([1]);
    expect(kept.has(11)).toBe(false);
    expect(kept.size).toBe(1);
    expect(() => SigIndex.fromBytes(new Uint8Array(5))).toThrow();
  });
});
