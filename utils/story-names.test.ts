import { describe, expect, it } from 'vitest';
import { capitalisedWords, mentionsAny, nameWords } from './story-names';

describe('the names of a story', () => {
  it('keeps the words that name it, not titles, kinds of place, days or months', () => {
    expect([...nameWords(['Colonel Tomas Renko', 'Sarrow Valley', 'Kessling Bridge', 'Monday', 'KELD', "Brannholm's"])].sort()).toEqual(['Brannholm', 'Keld', 'Kessling', 'Renko', 'Sarrow', 'Tomas']);
  });

  it("reads a text's capitalised words as written in running text", () => {
    expect(capitalisedWords("BRASK - Sorel's fighters held Brask; the Army said so.").sort()).toEqual(['Army', 'Brask', 'Sorel']);
    expect(mentionsAny(capitalisedWords('The Kessling bridge stays shut.'), nameWords(['Kessling Bridge']))).toBe(true);
    expect(mentionsAny(capitalisedWords('Velmor road stays shut after the floods.'), nameWords(['Kessling Bridge', 'Vantry']))).toBe(false);
  });
});
