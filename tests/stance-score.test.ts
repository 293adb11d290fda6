import { describe, expect, it } from 'vitest';
import { atMix, score } from '../scripts/stance/evaluate';
import type { Stance } from '../utils/types';

const pairs = (spec: [Stance, Stance, number][]) => {
  const gold: Stance[] = [];
  const pred: Stance[] = [];
  for (const [g, p, n] of spec) for (let i = 0; i < n; i++) gold.push(g), pred.push(p);
  return { gold, pred };
};

describe('the stance evaluation\'s scores', () => {
  it('gives FNC-1 points: 0.25 for related vs unrelated, 0.75 more for the right stance of a related pair', () => {
    const { gold, pred } = pairs([['confirm', 'confirm', 1], ['dispute', 'discuss', 1], ['unrelated', 'unrelated', 2], ['unrelated', 'confirm', 1]]);
    // got 1 + 0.25 + 0.5 + 0 of max 1 + 1 + 0.75
    expect(score(gold, pred).fnc).toBeCloseTo((100 * 1.75) / 2.75, 6);
  });

  it('at another class mix, scales each gold class\'s row to its share there', () => {
    // Half the unrelated pairs wrong, every related pair right.
    const { gold, pred } = pairs([['confirm', 'confirm', 10], ['unrelated', 'unrelated', 5], ['unrelated', 'discuss', 5]]);
    const r = score(gold, pred);
    expect(r.fnc).toBeCloseTo((100 * (10 + 1.25)) / (10 + 2.5), 6);
    // The same outcomes with 90 unrelated pairs for every 10 confirms.
    const shifted = atMix(r, { confirm: 10, dispute: 0, discuss: 0, unrelated: 90 });
    expect(shifted.fnc).toBeCloseTo((100 * (10 + 45 * 0.25)) / (10 + 90 * 0.25), 6);
    // discuss is only ever predicted wrongly: 45 false ones against none right.
    expect(shifted.f1.discuss).toBe(0);
    expect(shifted.f1.unrelated).toBeCloseTo((2 * 45) / (2 * 45 + 45), 6);
    // The mix the outcomes were measured at gives them back.
    expect(atMix(r, { confirm: 10, dispute: 0, discuss: 0, unrelated: 10 }).fnc).toBeCloseTo(r.fnc, 9);
  });
});
