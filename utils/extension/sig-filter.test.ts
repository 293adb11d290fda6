import { describe, expect, it } from 'vitest';
import { SigFilter } from './sig-filter';

describe('SigFilter', () => {
  it('holds exactly the keys added, through growth and a save/load round trip', () => {
    const filter = new SigFilter(4);
    const keys = Array.from({ length: 5000 }, (_, i) => (Math.imul(i + 1, 2654435761) >>> 0));
    keys.forEach((k) => filter.add(k));
    filter.add(0);
    filter.add(keys[3]);
    expect(filter.size).toBe(5001);
    const loaded = SigFilter.fromBytes(filter.toBytes());
    for (const f of [filter, loaded]) {
      expect(keys.every((k) => f.has(k))).toBe(true);
      expect(f.has(0)).toBe(true);
      expect([1, 2, 3, 0xffffffff].filter((k) => f.has(k) && !keys.includes(k))).toEqual([]);
    }
    expect(new SigFilter().has(0)).toBe(false);
  });
});
