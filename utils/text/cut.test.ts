import { describe, expect, it } from 'vitest';
import { cutText } from './cut';

describe('cutText', () => {
  it('cuts at the limit but never inside a character written as two code units', () => {
    expect(cutText('abcdef', 3)).toBe('abc');
    expect(cutText('ab', 3)).toBe('ab');
    // "😀" is two code units: a cut after its first would leave half of it.
    expect(cutText('ab😀cd', 3)).toBe('ab');
    expect(cutText('ab😀cd', 4)).toBe('ab😀');
    expect(cutText('ab😀cd', 4).isWellFormed()).toBe(true);
    for (let max = 1; max < 8; max++) expect(cutText('a😀b😀c😀', max).isWellFormed()).toBe(true);
  });
});
