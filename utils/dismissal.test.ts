import { describe, expect, it } from 'vitest';
import { LIMITS } from './extension/message-checks';
import { DISMISSAL_TEXT_MAX, dismissalKey } from './dismissal';

const long = (n: number, fill = 'in the village where residents reported shelling, ') => fill.repeat(Math.ceil(n / fill.length)).slice(0, n);

describe('dismissalKey', () => {
  it('is the sentence itself up to the old message limit, so saved dismissals keep matching', () => {
    expect(DISMISSAL_TEXT_MAX).toBe(LIMITS.shortText);
    const text = 'About 12,000 people have fled the valley since the offensive began on October 8.';
    expect(dismissalKey(text)).toBe(text);
    const longest = long(DISMISSAL_TEXT_MAX);
    expect(dismissalKey(longest)).toBe(longest);
  });

  it('is well-formed text whatever character its opening words end on (storage would change half a character)', () => {
    for (let at = 55; at < 65; at++) {
      const text = `${'a'.repeat(at)}😀 ${long(DISMISSAL_TEXT_MAX + 10)}`;
      expect(dismissalKey(text).isWellFormed()).toBe(true);
    }
  });

  it('fits in a message for a sentence of any length', () => {
    for (const n of [DISMISSAL_TEXT_MAX + 1, 28_404, 1_000_000]) {
      const key = dismissalKey(long(n));
      expect(key.length).toBeLessThan(200);
      expect(key.length).toBeLessThanOrEqual(LIMITS.shortText);
    }
  });

  it('is the same for the same sentence, and differs for long sentences that differ by one character, anywhere', () => {
    const text = long(28_404);
    expect(dismissalKey(text)).toBe(dismissalKey(`${text}`));
    const keys = new Set<string>([dismissalKey(text)]);
    for (const at of [0, 100, 14_000, 28_403]) {
      const other = `${text.slice(0, at)}${text[at] === 'x' ? 'y' : 'x'}${text.slice(at + 1)}`;
      keys.add(dismissalKey(other));
    }
    // Same length, differing in one character: each has its own key.
    expect(keys.size).toBe(5);
    // Two characters swapped (same characters, same length).
    const swapped = `${text.slice(0, 500)}${text[501]}${text[500]}${text.slice(502)}`;
    if (swapped !== text) expect(dismissalKey(swapped)).not.toBe(dismissalKey(text));
    expect(dismissalKey(`${text}.`)).not.toBe(dismissalKey(text));
  });

  it('never equals a sentence kept as itself', () => {
    const key = dismissalKey(long(30_000));
    // A short sentence that reads like a key is keyed too, so it cannot be taken for the long one.
    expect(dismissalKey(key)).not.toBe(key);
    expect(dismissalKey(key).length).toBeLessThan(200);
  });
});
