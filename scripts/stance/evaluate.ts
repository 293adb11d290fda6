/**
 * Measures a stance model on a development split of FNC-1 through the product's own code path
 * (classifyWith: features, trees and rules), and prints the FNC score as % of the maximum,
 * per-class F1, macro-F1 and the confusion matrix.
 *
 *   npx tsx scripts/stance/evaluate.ts --split body|story [--seed N] --model FILE.json [--no-rules]
 */
import { readFileSync } from 'node:fs';
import { classifyWith, unpackForFeatures } from '../../utils/stance/index';
import type { PackedModel } from '../../utils/stance/model';
import { STANCES, type Stance } from '../../utils/types';
import { loadFncOrExit, seedArg, splitByBody, splitByStory } from './data';

export interface Report {
  fnc: number;
  f1: Record<Stance, number>;
  macroF1: number;
  confusion: number[][];
}

export function score(gold: Stance[], pred: Stance[]): Report {
  const confusion = STANCES.map(() => STANCES.map(() => 0));
  gold.forEach((g, i) => confusion[STANCES.indexOf(g)][STANCES.indexOf(pred[i])]++);
  return fromConfusion(confusion);
}

/** FNC-1's points for predicting `p` where the gold stance is `g`. */
function points(g: Stance, p: Stance): number {
  return ((g === 'unrelated') === (p === 'unrelated') ? 0.25 : 0) + (g !== 'unrelated' && g === p ? 0.75 : 0);
}

/** The figures of a confusion matrix (rows gold, columns predicted; counts may be weighted). */
export function fromConfusion(confusion: number[][]): Report {
  let got = 0;
  let max = 0;
  STANCES.forEach((g, k) => {
    STANCES.forEach((p, c) => (got += confusion[k][c] * points(g, p)));
    max += confusion[k].reduce((a, v) => a + v, 0) * points(g, g);
  });
  const f1 = {} as Record<Stance, number>;
  STANCES.forEach((s, k) => {
    const tp = confusion[k][k];
    const fp = confusion.reduce((a, row, r) => a + (r === k ? 0 : row[k]), 0);
    const fn = confusion[k].reduce((a, v, c) => a + (c === k ? 0 : v), 0);
    f1[s] = tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  });
  const macroF1 = STANCES.reduce((a, s) => a + f1[s], 0) / STANCES.length;
  return { fnc: (100 * got) / max, f1, macroF1, confusion };
}

/**
 * Pairs per gold stance in the challenge's published test set (agree, disagree, discuss,
 * unrelated: 1,903 / 697 / 4,464 / 18,349 of 25,413).
 */
export const TEST_MIX: Record<Stance, number> = { confirm: 1903, dispute: 697, discuss: 4464, unrelated: 18349 };

/**
 * The same outcomes per gold stance, with the classes as frequent as in `mix`: each row of the
 * confusion matrix scaled to the class's share there. A forecast for a set with that mix (the
 * story split keeps ~30 % unrelated pairs, the test set 72 %), assuming each class is recognised
 * as well there as here.
 */
export function atMix(r: Report, mix: Record<Stance, number>): Report {
  return fromConfusion(
    r.confusion.map((row, k) => {
      const n = row.reduce((a, v) => a + v, 0);
      return row.map((v) => (n ? (v * mix[STANCES[k]]) / n : 0));
    }),
  );
}

export function printReport(title: string, r: Report): void {
  console.log(`${title}`);
  console.log(`  FNC score: ${r.fnc.toFixed(2)}% of max   macro-F1: ${r.macroF1.toFixed(4)}`);
  console.log(`  F1: ${STANCES.map((s) => `${s} ${r.f1[s].toFixed(3)}`).join('  ')}`);
  console.log(`  confusion (rows = gold, columns = predicted; ${STANCES.join(', ')}):`);
  r.confusion.forEach((row, k) => console.log(`    ${STANCES[k].padEnd(9)} ${row.map((v) => String(v).padStart(6)).join('')}`));
}

async function main() {
  const args = process.argv.slice(2);
  const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'body';
  const file = args[args.indexOf('--model') + 1];
  const noRules = args.includes('--no-rules');
  const seed = seedArg(args);
  const data = loadFncOrExit();
  const { dev } = split === 'story' ? splitByStory(data, seed) : splitByBody(data, seed);
  const model = unpackForFeatures(JSON.parse(readFileSync(file, 'utf8')) as PackedModel);
  const t0 = performance.now();
  const pred = dev.map((p) => {
    const body = data.bodies.get(p.bodyId) ?? '';
    return classifyWith(model, p.headline, body, { rules: !noRules }).stance;
  });
  const ms = performance.now() - t0;
  const report = score(dev.map((p) => p.stance), pred);
  printReport(`${split} split dev (${dev.length} pairs, ${(ms / dev.length).toFixed(3)} ms per pair)`, report);
  const atTest = atMix(report, TEST_MIX);
  console.log(`  with the classes as frequent as in the challenge's test set: FNC score ${atTest.fnc.toFixed(2)}%   macro-F1 ${atTest.macroF1.toFixed(4)}   dispute F1 ${atTest.f1.dispute.toFixed(3)}`);
}

if (process.argv[1]?.endsWith('evaluate.ts')) void main();
