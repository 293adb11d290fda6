import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';
import cases from './sentence-cases.json';

describe('splitSentences', () => {
  it('has a sizeable set of tricky cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  for (const c of cases) {
    it(`splits ${c.id}`, () => {
      const spans = splitSentences(c.text);
      for (const s of spans) expect(c.text.slice(s.start, s.end)).toBe(s.text);
      expect(spans.map((s) => s.text)).toEqual(c.sentences);
    });
  }

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\n ')).toEqual([]);
  });

  it('keeps offsets exact, ordered and non-overlapping on a long text', () => {
    const text = cases.map((c) => c.text).join('\n\n');
    const spans = splitSentences(text);
    let last = 0;
    for (const s of spans) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.start).toBeGreaterThanOrEqual(last);
      expect(s.text).toBe(s.text.trim());
      last = s.end;
    }
  });
});
