import { describe, expect, it } from 'vitest';
import { assertedPart } from './asserted';

describe('what a claim asserts', () => {
  it('leaves out a lead-in clause before a colon, but not a short label saying whose claim it is', () => {
    expect(assertedPart('It was the news the town had waited for all winter: the old mill bridge will reopen in May.')).toBe('the old mill bridge will reopen in May.');
    expect(assertedPart('Mayor: the old mill bridge will reopen in May.')).toBe('Mayor: the old mill bridge will reopen in May.');
    expect(assertedPart('The harbour office said on Friday: the old mill bridge will reopen in May.')).toBe('the old mill bridge will reopen in May.');
    // too little after the colon
    expect(assertedPart('This is what the council decided after a long debate: no.')).toBe('This is what the council decided after a long debate: no.');
  });

  it('leaves out the source a claim names', () => {
    expect(assertedPart('The old mill bridge will reopen in May, according to a notice posted by the harbour office.')).toBe('The old mill bridge will reopen in May.');
    expect(assertedPart('According to the harbour office, the old mill bridge will reopen in May.')).toBe('the old mill bridge will reopen in May.');
  });

  it('keeps "according to" that names no source, and a list after a colon', () => {
    for (const claim of [
      'The election was held according to the constitution and the results were certified on Monday.',
      'The project went according to plan, officials said, and the bridge opened in May.',
      'Construction is proceeding according to schedule and will finish by 2027.',
      'The ministry confirmed on Monday that 14 people had died in three villages: Korven, Dunmere, Keld, Arlow and Tess.',
    ])
      expect(assertedPart(claim)).toBe(claim);
    expect(assertedPart('Shares rose 38 percent, according to the exchange, and the index closed at a record high.')).toBe('Shares rose 38 percent, and the index closed at a record high.');
  });
});
