import { describe, expect, it } from 'vitest';
import demoCorpus from '../../demo/corpus.jsonl?raw';
import { warmUpTexts } from './demo';

describe('warmUpTexts', () => {
  const paragraphs = demoCorpus
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => (JSON.parse(line) as { text: string }).text.split('\n\n'));

  it.each([1_500, 236, 700])('gives the demo articles\' paragraphs in order, a few per piece of at most %i characters, up to the size asked for', (size) => {
    const pieces = warmUpTexts(12_000, size);
    const given = pieces.flatMap((p) => p.split('\n\n'));
    expect(given.length).toBeGreaterThan(5);
    // Whole paragraphs, in the corpus's order, but perhaps the last one cut short.
    expect(given.slice(0, -1)).toEqual(paragraphs.slice(0, given.length - 1));
    expect(paragraphs[given.length - 1].startsWith(given[given.length - 1])).toBe(true);
    expect(given.join('').length).toBeLessThanOrEqual(12_000);
    expect(given.join('').length).toBeGreaterThan(11_000);
    for (const piece of pieces) {
      expect(piece.length).toBeGreaterThan(0);
      // A piece grows past the size only by holding one paragraph longer than it.
      if (piece.length > size) expect(piece.includes('\n\n')).toBe(false);
    }
  });

  it('gives nothing when asked for nothing', () => {
    expect(warmUpTexts(0)).toEqual([]);
  });
});
