import { describe, expect, it } from 'vitest';
import { averagePrecision, prf } from '../../scripts/spot/train';
import { parseCsv } from '../../scripts/lib/csv';
import { loadWeights, encodeWeights, margin } from './codec';
import { DENSE_SIZE, HASH_SIZE, featurize } from './features';
import modelFile from './model.json';
import type { ModelFile } from './codec';

describe('training helpers', () => {
  it('reads quoted CSV fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,b\n1,"x, ""y""\nz"\n')).toEqual([
      ['a', 'b'],
      ['1', 'x, "y"\nz'],
    ]);
  });

  it('computes average precision and precision/recall', () => {
    expect(averagePrecision([0.9, 0.8, 0.1], [1, 0, 1])).toBeCloseTo((1 + 2 / 3) / 2);
    expect(prf([0.9, 0.8, 0.1], [1, 0, 1], 0.5)).toEqual({ p: 0.5, r: 0.5, f1: 0.5 });
  });
});

describe('model file', () => {
  it('loads the shipped model and matches the feature layout', () => {
    const w = loadWeights(modelFile as ModelFile);
    expect(w.length).toBe(HASH_SIZE + DENSE_SIZE);
    expect(JSON.stringify(modelFile).length).toBeLessThan(500_000);
  });

  it('keeps scores through int8 storage', () => {
    const w = new Float32Array(HASH_SIZE + DENSE_SIZE);
    const { idx } = featurize('The army took four districts on Tuesday.');
    idx.forEach((j, k) => (w[j] = (k % 5) - 2));
    const back = loadWeights(encodeWeights(w, {}));
    const text = 'The army took four districts on Tuesday.';
    expect(margin(back, text)).toBeCloseTo(margin(w, text), 1);
  });
});

describe('dense features', () => {
  it('come one per name, in the order of DENSE_NAMES', async () => {
    const { DENSE_NAMES, denseFeatures, tokens } = await import('./features');
    const at = (text: string, name: (typeof DENSE_NAMES)[number]) => denseFeatures(text, tokens(text))[DENSE_NAMES.indexOf(name)];
    const text = 'Did the army really take 12 districts in 2024, according to officials?';
    expect(denseFeatures(text, tokens(text))).toHaveLength(DENSE_SIZE);
    expect(at(text, 'has_number')).toBe(1);
    expect(at(text, 'according_to')).toBe(1);
    expect(at(text, 'question')).toBe(1);
    expect(at(text, 'exclamation')).toBe(0);
    expect(at('Nothing here at all to count or ask', 'has_number')).toBe(0);
    expect(at('What a day!', 'exclamation')).toBe(1);
  });
});
