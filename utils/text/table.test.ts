import { describe, expect, it } from 'vitest';
import { withoutPrototype } from './table';
import { classifyStance } from '../stance';
import { claimStructure } from '../spot/structure';
import { decodeEntities } from '../html-text';

/** Names of Object's own properties: words a text may hold ("the constructor of the bridge"). */
const OBJECT_WORDS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf'];

describe('word tables without a prototype', () => {
  it('find nothing for the names of Object\'s own properties', () => {
    const table = withoutPrototype({ one: 1 });
    expect(table.one).toBe(1);
    for (const w of OBJECT_WORDS) {
      expect(table[w]).toBeUndefined();
      expect(w in table).toBe(false);
    }
  });

  it('let stance, claim structure and entity decoding read texts with those words like any other', () => {
    for (const w of OBJECT_WORDS) {
      const claim = `The ${w} of the bridge was fined three million crowns.`;
      // the stance layer threw on these ("DENIAL_PAIRS[t]?.has is not a function")
      const result = classifyStance(claim, `The ${w} denied that it was fined; ${w} ${w} said the ${w} would appeal.`);
      expect(Object.values(result.scores).every(Number.isFinite)).toBe(true);
      // "three million" stays three million, with no function in any value or unit
      const structure = claimStructure(`${claim} ${w} ${w} million`);
      expect(structure.numbers[0]).toMatchObject({ raw: 'three million', value: 3_000_000 });
      expect(JSON.stringify(structure)).not.toMatch(/function|native code/);
      // an unknown entity name is left as it is (it became Object's source text)
      expect(decodeEntities(`a &${w}; b`)).toBe(`a &${w}; b`);
    }
  });
});
