import { describe, expect, it } from 'vitest';
import { predict, unpack, type PackedModel, type PackedTrees } from './model';

const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

/** Trees in the packed layout; each tree is a leaf value, or a split on feature 0 at `at` into two leaves. */
function trees(classes: number, baseline: number[], spec: (number | { at: number; low: number; high: number })[]): PackedTrees {
  const treeStart: number[] = [];
  const feature: number[] = [];
  const value: number[] = [];
  const right: number[] = [];
  for (const t of spec) {
    treeStart.push(feature.length);
    if (typeof t === 'number') {
      feature.push(-1);
      value.push(t);
      right.push(0);
    } else {
      feature.push(0, -1, -1);
      value.push(t.at, t.low, t.high);
      right.push(2, 0, 0);
    }
  }
  return {
    classes,
    baseline,
    treeStart: b64(new Uint32Array(treeStart)),
    feature: b64(new Int16Array(feature)),
    value: b64(new Float32Array(value)),
    right: b64(new Uint16Array(right)),
  };
}

const idf = { docs: 1, terms: '', df: '' };

describe('stance model', () => {
  it('one stage: a softmax over the four classes', () => {
    const m: PackedModel = { version: 1, features: 1, idf, ...trees(4, [0, 0, 0, 0], [Math.log(3), 0, 0, 0]) };
    const p = predict(unpack(m), Float32Array.of(0));
    expect([...p].map((v) => +v.toFixed(6))).toEqual([0.5, 0.166667, 0.166667, 0.166667]);
  });

  it('two stages: p(related) times p(stance | related), and 1 − p(related) for unrelated', () => {
    const related = trees(1, [0], [{ at: 0.5, low: -Math.log(3), high: Math.log(3) }]);
    const stance = trees(3, [0, 0, 0], [Math.log(2), 0, 0]);
    const model = unpack({ version: 2, features: 1, related, stance, idf });
    // feature 0 low: p(related) = 1/4; stance given related = 1/2, 1/4, 1/4
    expect([...predict(model, Float32Array.of(0))].map((v) => +v.toFixed(6))).toEqual([0.125, 0.0625, 0.0625, 0.75]);
    // feature 0 high: p(related) = 3/4
    const high = predict(model, Float32Array.of(1));
    expect([...high].map((v) => +v.toFixed(6))).toEqual([0.375, 0.1875, 0.1875, 0.25]);
    expect(high.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});
