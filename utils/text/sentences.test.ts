import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';
import cases from './sentence-cases.json';

describe('splitSentences', () => {
  it('has a sizeable set of tricky cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  for (const c of cases as Array<{ id: string; text: string; sentences: string[]; known?: string }>) {
    // Cases marked `known` are documented failures (see README.md): they must keep failing until
    // the rule is fixed, so that fixing one is noticed.
    (c.known ? it.fails : it)(`splits ${c.id}${c.known ? ` (known weak spot: ${c.known})` : ''}`, () => {
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
