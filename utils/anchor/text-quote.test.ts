import { describe, expect, it } from 'vitest';
import type { TextQuote } from '../types';
import { findQuote, quoteAt } from './text-quote';
import { seededRandom } from '../random';

const ARTICLE = [
  'DUNMERE, Estrava - The army launched a ground offensive on Thursday to retake the Sarrow Valley, officials said.',
  'Flooding closed 12 roads in the valley on Tuesday, according to the regional transport office.',
  '"We will rebuild every bridge," the governor told reporters in Orlen.',
  'The army said it had moved 300 people to shelters before the fighting began.',
  'Aid groups said they had not been allowed into the valley since Monday.',
].join('\n\n');

/** The quote for the first occurrence of `exact` in `text`. */
function quoteOf(text: string, exact: string, context?: number) {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`test text lacks ${exact}`);
  return quoteAt(text, start, start + exact.length, context);
}

describe('quoteAt', () => {
  it.each([
    { name: 'middle', text: 'abcdefghij', start: 4, end: 6, context: 2, expected: { exact: 'ef', prefix: 'cd', suffix: 'gh' } },
    { name: 'at the start', text: 'abcdefghij', start: 0, end: 3, context: 2, expected: { exact: 'abc', prefix: '', suffix: 'de' } },
    { name: 'at the end', text: 'abcdefghij', start: 8, end: 10, context: 2, expected: { exact: 'ij', prefix: 'gh', suffix: '' } },
    { name: 'context longer than the text', text: 'abc', start: 1, end: 2, context: 32, expected: { exact: 'b', prefix: 'a', suffix: 'c' } },
    { name: 'no context', text: 'abc', start: 1, end: 2, context: 0, expected: { exact: 'b', prefix: '', suffix: '' } },
    { name: 'reversed offsets', text: 'abcdef', start: 4, end: 2, context: 1, expected: { exact: 'cd', prefix: 'b', suffix: 'e' } },
    { name: 'offsets out of range', text: 'abc', start: -5, end: 99, context: 3, expected: { exact: 'abc', prefix: '', suffix: '' } },
    { name: 'empty range', text: 'abc', start: 1, end: 1, context: 1, expected: { exact: '', prefix: 'a', suffix: 'b' } },
    { name: 'does not split a surrogate pair in the prefix', text: 'x😀abc', start: 3, end: 4, context: 1, expected: { exact: 'a', prefix: '', suffix: 'b' } },
    { name: 'does not split a surrogate pair in the suffix', text: 'ab😀x', start: 0, end: 2, context: 1, expected: { exact: 'ab', prefix: '', suffix: '' } },
  ])('$name', ({ text, start, end, context, expected }) => {
    const actual = quoteAt(text, start, end, context);
    expect(actual).toEqual(expected);
  });

  it('takes 32 characters of context by default', () => {
    const text = 'p'.repeat(50) + 'CLAIM' + 's'.repeat(50);
    const actual = quoteAt(text, 50, 55);
    expect(actual).toEqual({ exact: 'CLAIM', prefix: 'p'.repeat(32), suffix: 's'.repeat(32) });
  });
});

describe('findQuote', () => {
  const claim = 'Flooding closed 12 roads in the valley on Tuesday';
  const claimStart = ARTICLE.indexOf(claim);
  const quote = quoteOf(ARTICLE, claim);
  /** The claim's range in `text`, given how the claim reads there. */
  const rangeIn = (text: string, reads: string) => ({ start: text.indexOf(reads), end: text.indexOf(reads) + reads.length });

  it.each([
    { name: 'unchanged text', text: ARTICLE, reads: claim },
    { name: 'text added before', text: `BREAKING: live updates below.\n\n${ARTICLE}`, reads: claim },
    { name: 'text added after', text: `${ARTICLE}\n\nRead more: related coverage.`, reads: claim },
  ])('finds the exact text: $name', ({ text, reads }) => {
    const actual = findQuote(text, quote);
    expect(actual).toEqual(rangeIn(text, reads));
  });

  it.each([
    { name: 'a number changed', from: '12 roads', to: '14 roads', reads: 'Flooding closed 14 roads in the valley on Tuesday' },
    { name: 'a word inserted', from: 'closed 12', to: 'closed at least 12', reads: 'Flooding closed at least 12 roads in the valley on Tuesday' },
    { name: 'a word removed', from: 'in the valley on', to: 'in the valley', reads: 'Flooding closed 12 roads in the valley Tuesday' },
    { name: 'a typo fixed', from: 'Flooding closed', to: 'Floodng closed', reads: 'Floodng closed 12 roads in the valley on Tuesday' },
    { name: 'two edits and a changed prefix', from: 'Valley, officials said.\n\nFlooding closed 12 roads in the valley on Tuesday', to: 'Valley, an official said.\n\nFlooding shut 12 roads in the Valley on Tuesday', reads: 'Flooding shut 12 roads in the Valley on Tuesday' },
    { name: 'the end of the quote edited', from: 'on Tuesday,', to: 'on Wednesday,', reads: 'Flooding closed 12 roads in the valley on Wednesday' },
  ])('finds edited text: $name', ({ from, to, reads }) => {
    const text = ARTICLE.replace(from, to);
    const actual = findQuote(text, quote);
    const expected = rangeIn(text, reads);
    // An edit at either end may take or leave a character of it; the rest must be exact.
    expect(Math.abs((actual?.start ?? -99) - expected.start)).toBeLessThanOrEqual(2);
    expect(Math.abs((actual?.end ?? -99) - expected.end)).toBeLessThanOrEqual(3);
  });

  it.each([
    { name: 'line breaks and double spaces', edit: (t: string) => t.replace('closed 12 roads', 'closed  12\nroads') },
    { name: 'no-break and thin spaces', edit: (t: string) => t.replace('12 roads', '12\u00a0roads').replace('on Tuesday', 'on\u2009Tuesday') },
    { name: 'tabs and indentation', edit: (t: string) => t.replace('Flooding closed', '\t  Flooding   closed') },
    { name: 'soft hyphens', edit: (t: string) => t.replace('Flooding', 'Flood\u00ading') },
    { name: 'letter case', edit: (t: string) => t.replace('Flooding closed 12 roads', 'FLOODING CLOSED 12 ROADS') },
  ])('finds whitespace- and case-changed text: $name', ({ edit }) => {
    const text = edit(ARTICLE);
    const actual = findQuote(text, quote);
    expect(actual).not.toBeNull();
    const found = text.slice(actual!.start, actual!.end);
    expect(found.replace(/\u00ad/g, '').replace(/\s+/g, ' ').toLowerCase()).toBe(claim.toLowerCase());
  });

  it('finds a quote whose whitespace was flattened when it was stored', () => {
    const stored = quoteOf(ARTICLE, 'officials said.\n\nFlooding closed 12 roads');
    const flat = { exact: stored.exact.replace(/\s+/g, ' '), prefix: stored.prefix.replace(/\s+/g, ' '), suffix: stored.suffix.replace(/\s+/g, ' ') };
    const actual = findQuote(ARTICLE, flat);
    expect(actual).toEqual(rangeIn(ARTICLE, 'officials said.\n\nFlooding closed 12 roads'));
  });

  it('finds text whose typographic quotes and dashes changed', () => {
    const q = quoteOf(ARTICLE, '"We will rebuild every bridge," the governor told');
    const text = ARTICLE.replace('"We will rebuild every bridge,"', '“We will rebuild every bridge,”').replace('Estrava - The', 'Estrava — The');
    const actual = findQuote(text, q);
    expect(actual).toEqual(rangeIn(text, '“We will rebuild every bridge,” the governor told'));
  });

  describe('repeated text', () => {
    const sentence = 'The army said it controls the valley.';
    const text = [
      `Morning: ${sentence} Residents disputed this.`,
      `Evening: ${sentence} Aid groups were not allowed in.`,
      `Night: ${sentence} Residents disputed this.`,
    ].join('\n\n');
    const starts = [text.indexOf(sentence), text.indexOf(sentence, text.indexOf(sentence) + 1), text.lastIndexOf(sentence)];

    it.each([
      { name: 'first, by its prefix and suffix', which: 0 },
      { name: 'second, by its suffix', which: 1 },
      { name: 'third, by its prefix', which: 2 },
    ])('picks the occurrence the context points to: $name', ({ which }) => {
      const q = quoteAt(text, starts[which], starts[which] + sentence.length);
      const actual = findQuote(text, q);
      expect(actual).toEqual({ start: starts[which], end: starts[which] + sentence.length });
    });

    it.each([
      { name: 'hint near the first', hint: 0, expected: 0 },
      { name: 'hint near the second', hint: starts[1] + 3, expected: 1 },
      { name: 'hint near the third', hint: text.length, expected: 2 },
    ])('uses the hint when the context does not decide: $name', ({ hint, expected }) => {
      const actual = findQuote(text, { exact: sentence, prefix: '', suffix: '' }, hint);
      expect(actual).toEqual({ start: starts[expected], end: starts[expected] + sentence.length });
    });

    it('prefers context over the hint', () => {
      const q = quoteAt(text, starts[1], starts[1] + sentence.length);
      const actual = findQuote(text, q, text.length);
      expect(actual).toEqual({ start: starts[1], end: starts[1] + sentence.length });
    });

    it('tells edited repeats apart by context', () => {
      const q = quoteAt(text, starts[1], starts[1] + sentence.length);
      const edited = text.replaceAll('controls the valley', 'controls the whole valley');
      const actual = findQuote(edited, q);
      const second = edited.indexOf('Evening: ') + 'Evening: '.length;
      expect(actual?.start).toBe(second);
    });
  });

  it.each([
    { name: 'the sentence removed', text: ARTICLE.replace(`${claim}, according to the regional transport office.\n\n`, '') },
    { name: 'the sentence replaced by another', text: ARTICLE.replace(claim, 'Officials declined to give figures for the damage so far') },
    { name: 'the sentence rewritten', text: ARTICLE.replace(claim, 'Twelve roads were shut by floods across the valley') },
    { name: 'an empty page', text: '' },
    { name: 'a different article', text: 'The central bank raised interest rates by a quarter point on Wednesday.' },
  ])('gives null when the text is gone: $name', ({ text }) => {
    const actual = findQuote(text, quote);
    expect(actual).toBeNull();
  });

  it.each([
    { name: 'empty exact', q: { exact: '', prefix: 'a', suffix: 'b' } },
    { name: 'whitespace-only exact not in the text', q: { exact: '\u2003', prefix: '', suffix: '' } },
    { name: 'a short quote edited', q: { exact: '12 rooms', prefix: '', suffix: '' } },
  ])('gives null for quotes that cannot be found: $name', ({ q }) => {
    const actual = findQuote(ARTICLE, q);
    expect(actual).toBeNull();
  });

  it.each([
    { name: 'missing prefix and suffix', q: { exact: claim } as unknown as TextQuote, hint: undefined },
    { name: 'a hint that is not a number', q: quote, hint: Number.NaN },
    { name: 'an infinite hint', q: quote, hint: Infinity },
  ])('tolerates odd stored anchors: $name', ({ q, hint }) => {
    const actual = findQuote(ARTICLE, q, hint);
    expect(actual).toEqual({ start: claimStart, end: claimStart + claim.length });
  });

  it('returns the claim start it was given when nothing changed', () => {
    const actual = findQuote(ARTICLE, quote, claimStart);
    expect(actual).toEqual({ start: claimStart, end: claimStart + claim.length });
  });
});

/** About `size` characters of news-like prose built from a word list (seeded). */
function newsText(size: number, seed: number): string {
  const rnd = seededRandom(seed);
  const words = 'the army said officials valley roads flooding closed people shelters governor reporters aid groups allowed since monday tuesday bridge rebuild offensive ground retake district minister police court ruling parliament vote election budget million percent hospital doctors water power'.split(' ');
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const n = 8 + Math.floor(rnd() * 20);
    const sentence: string[] = [];
    for (let i = 0; i < n; i++) sentence.push(rnd() < 0.1 ? String(Math.floor(rnd() * 1000)) : words[Math.floor(rnd() * words.length)]);
    const s = `${sentence.join(' ')}.`;
    const text = s[0].toUpperCase() + s.slice(1) + (rnd() < 0.2 ? '\n\n' : ' ');
    parts.push(text);
    length += text.length;
  }
  return parts.join('');
}

describe('findQuote on a long page', () => {
  const text = newsText(100_000, 7);

  it('re-finds 200 random quotes after small random edits inside them', () => {
    const rnd = seededRandom(11);
    let found = 0;
    for (let k = 0; k < 200; k++) {
      const length = 40 + Math.floor(rnd() * 160);
      const start = Math.floor(rnd() * (text.length - length));
      const q = quoteAt(text, start, start + length);
      // 1–3 edits (substitute, insert or delete a letter) spread over the quote.
      let exact = q.exact;
      const edits = 1 + Math.floor(rnd() * 3);
      for (let e = 0; e < edits; e++) {
        const at = 2 + Math.floor(rnd() * (exact.length - 4));
        const kind = Math.floor(rnd() * 3);
        exact = kind === 0 ? `${exact.slice(0, at)}x${exact.slice(at + 1)}` : kind === 1 ? `${exact.slice(0, at)}x${exact.slice(at)}` : exact.slice(0, at) + exact.slice(at + 1);
      }
      const edited = text.slice(0, start) + exact + text.slice(start + length);
      const actual = findQuote(edited, q);
      if (actual && Math.abs(actual.start - start) <= 3 && Math.abs(actual.end - (start + exact.length)) <= 3) found++;
    }
    expect(found).toBeGreaterThanOrEqual(196);
  });

  it('does not find quotes that were deleted from the page', () => {
    const rnd = seededRandom(13);
    let wrong = 0;
    for (let k = 0; k < 100; k++) {
      const length = 60 + Math.floor(rnd() * 100);
      const start = Math.floor(rnd() * (text.length - length));
      const q = quoteAt(text, start, start + length);
      const without = text.slice(0, start) + text.slice(start + length);
      if (findQuote(without, q) !== null) wrong++;
    }
    // Random word salad repeats itself a little; real prose repeats far less.
    expect(wrong).toBeLessThanOrEqual(2);
  });

  it('stays quick: exact lookups in a 100 kB text', () => {
    const quotes = Array.from({ length: 50 }, (_, k) => quoteAt(text, k * 1900, k * 1900 + 120));
    const started = performance.now();
    for (const q of quotes) expect(findQuote(text, q)).not.toBeNull();
    const perLookup = (performance.now() - started) / quotes.length;
    // The budget is 2 ms; the bound here is loose so a busy test machine does not fail it.
    expect(perLookup).toBeLessThan(10);
  });

  it('stays bounded: approximate lookups in a 100 kB text', () => {
    const quotes = Array.from({ length: 20 }, (_, k) => quoteAt(text, k * 4900, k * 4900 + 150));
    const edited = quotes.reduce((t, q) => t.replace(q.exact, q.exact.slice(0, 70) + 'zz' + q.exact.slice(72)), text);
    const started = performance.now();
    for (const q of quotes) findQuote(edited, q);
    const perLookup = (performance.now() - started) / quotes.length;
    expect(perLookup).toBeLessThan(100);
  });
});

describe('a quote found at several places', () => {
  it('is placed where its context agrees, or, among places whose context agrees exactly, nearest the hint', async () => {
    const { forCases } = await import('../../tests/fuzz');
    await forCases(300, (rng) => {
      const sentence = 'The army took the valley.';
      const fillers = ['Rain fell. ', 'Markets rose. ', 'The council met. ', 'x ', ''];
      const starts: number[] = [];
      let text = '';
      for (let i = 0; i < 2 + rng.int(5); i++) {
        text += rng.repeat(rng.int(3), () => rng.pick(fillers));
        starts.push(text.length);
        text += sentence + ' ';
      }
      const at = rng.pick(starts);
      const quote = quoteAt(text, at, at + sentence.length);
      const hint = rng.chance(0.5) ? rng.int(text.length) : undefined;
      const found = findQuote(text, quote, hint);
      expect(found).not.toBeNull();
      // Every place whose context is the quote's own is as good; the nearest to the hint wins.
      const agrees = starts.filter((s) => text.slice(Math.max(0, s - quote.prefix.length), s) === quote.prefix && text.slice(s + sentence.length, s + sentence.length + quote.suffix.length) === quote.suffix);
      expect(agrees).toContain(at);
      const distance = (s: number) => (hint === undefined ? 0 : Math.abs(s - hint));
      const best = Math.min(...agrees.map(distance));
      expect(agrees.filter((s) => distance(s) === best)[0]).toBe(found!.start);
    });
  });
});
