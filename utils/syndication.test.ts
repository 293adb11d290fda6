import { describe, expect, it } from 'vitest';
import { copySignature, credits, findOriginal, isCopy, linkCopies, signatureSimilarity } from './syndication';

const story = `Government forces said on Tuesday they had taken full control of the Arven valley after three days of fighting,
a claim the resistance council rejected within hours. The defence ministry said troops had entered the district capital
of Sorel and raised the national flag over the governor's compound. Residents reached by telephone described heavy shelling
overnight and said many families had fled towards the northern passes. Aid agencies said they could not confirm the figures
given by either side and called for safe passage for civilians leaving the valley.`;
const other = `The central bank left its main interest rate unchanged on Thursday, citing slowing inflation and weak demand
for credit among small businesses. Analysts had expected the decision, which the bank's governor said reflected a careful
reading of the latest price data. Exporters welcomed the stability of the currency, while retailers said sales over the
holiday period had been disappointing and warned of job cuts in the spring if consumer confidence did not recover soon.`;

describe('credits', () => {
  it.each([
    ['ORLEN, Oct 12 (Meridian Wire) - The army said…', 'Meridian Wire', true],
    ['… the council said. (Reporting by Meridian Wire; editing by staff)', 'Meridian Wire', true],
    ['Meridian Wire reported that the army…', 'Meridian Wire', true],
    ['The army said on Monday it had taken the valley.', 'Meridian Wire', false],
    ['A wire service said so.', 'Wire', false],
  ] as const)('%s credits %s: %s', (text, outlet, expected) => {
    expect(credits(text, outlet)).toBe(expected);
  });
});

describe('copy signatures', () => {
  it('finds a wire copy with a credit line added and a paragraph trimmed', () => {
    const copy = story.split('. ').slice(0, 4).join('. ') + '. (Reporting by Meridian Wire)';
    expect(isCopy(copySignature(story), copySignature(copy))).toBe(true);
  });
  it('tells different stories apart', () => {
    expect(signatureSimilarity(copySignature(story), copySignature(other))).toBeLessThan(0.2);
  });
  it('does not judge very short texts', () => {
    expect(copySignature('Troops entered the valley.')).toEqual([]);
    expect(isCopy([], [])).toBe(false);
  });
  it('takes the earliest other-outlet article as the original', () => {
    const sig = copySignature(story);
    const candidates = [
      { id: 1, outlet: 'herald', published: '2026-03-03', signature: sig },
      { id: 2, outlet: 'wire', published: '2026-03-01', signature: sig },
      { id: 3, outlet: 'post', published: '2026-02-01', signature: copySignature(other) },
    ];
    expect(findOriginal({ outlet: 'daily', signature: sig }, candidates)?.id).toBe(2);
    expect(findOriginal({ outlet: 'wire', signature: sig }, candidates.slice(1, 2))).toBeUndefined();
  });
  it('links copies in a set, pointing each copy at the first publication', () => {
    const links = linkCopies([
      { id: 1, outlet: 'herald', published: '2026-03-02', text: story },
      { id: 2, outlet: 'wire', published: '2026-03-01', text: story },
      { id: 3, outlet: 'post', published: '2026-03-02', text: other },
      { id: 4, outlet: 'times', published: '2026-03-03', text: story + ' Additional reporting by our staff.' },
    ]);
    expect([...links.entries()].sort()).toEqual([
      [1, 2],
      [4, 2],
    ]);
  });
  it('on the same day, takes the outlet the copy credits as the original, whatever the order', () => {
    const wire = { outlet: 'Meridian Wire', published: '2026-03-01', text: story };
    const copy = { outlet: 'Evening Star', published: '2026-03-01', text: `ORLEN (Meridian Wire) - ${story}` };
    expect([...linkCopies([{ id: 1, ...wire }, { id: 2, ...copy }])]).toEqual([[2, 1]]);
    expect([...linkCopies([{ id: 1, ...copy }, { id: 2, ...wire }])]).toEqual([[1, 2]]);
  });
  it('takes the credited outlet as the original even when the copy carries an earlier timestamp', () => {
    const wire = { outlet: 'Meridian Wire', published: '2026-03-01T19:40:00Z', text: `ORLEN (Meridian Wire) - ${story}` };
    const copy = { outlet: 'Evening Star', published: '2026-03-01T19:10:00Z', text: `ORLEN (Meridian Wire) - ${story}` };
    expect([...linkCopies([{ id: 1, ...wire }, { id: 2, ...copy }])]).toEqual([[2, 1]]);
  });
  it('never takes a later article as the original', () => {
    const sig = copySignature(story);
    const later = [{ id: 1, outlet: 'wire', published: '2026-03-05', signature: sig }];
    expect(findOriginal({ outlet: 'daily', signature: sig, published: '2026-03-01' }, later)).toBeUndefined();
  });
});
